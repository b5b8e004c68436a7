using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Notices;

/// <summary>A page of the signed-in person's notices, newest first.</summary>
public sealed record NoticePage(IReadOnlyList<Notice> Notices, int Unread, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The signed-in person's notice settings.</summary>
public sealed class NoticeSettingsInput
{
    public string Language { get; set; } = Cultures.Default;
    public bool Email { get; set; } = true;
}

/// <summary>
/// The signed-in person's notices: the list, the unread count, marking read, and their settings
/// (language, e-mail on or off). Every query is by the caller's own id; nobody reads another's notices.
/// </summary>
public sealed class NoticeBoard(PathwayDb db, CurrentUser user, TimeProvider clock)
{
    public const int PageSize = 25;

    private string Me => user.Id ?? throw new InvalidOperationException("Notices belong to a signed-in person.");

    private IQueryable<Notice> Mine => db.Notices.Where(n => n.RecipientId == Me);

    public Task<int> UnreadAsync(CancellationToken cancellationToken = default) =>
        user.Id is null ? Task.FromResult(0) : Mine.CountAsync(n => n.ReadAt == null, cancellationToken);

    public async Task<NoticePage> ListAsync(int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var counts = await Mine.GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Unread = g.Count(n => n.ReadAt == null) })
            .SingleOrDefaultAsync(cancellationToken);
        var notices = await Mine.AsNoTracking()
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new NoticePage(notices, counts?.Unread ?? 0, counts?.Total ?? 0, page, PageSize);
    }

    /// <summary>Marks one of the caller's notices read; false when it is not theirs (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var mine = await Mine.Where(n => n.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), cancellationToken);
        return mine == 1;
    }

    /// <summary>Marks one of the caller's notices read and returns it, to follow its link; null when it is not theirs.</summary>
    public async Task<Notice?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var notice = await Mine.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is not null && notice.ReadAt is null)
        {
            notice.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return notice;
    }

    public Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return Mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public async Task<NoticeSettingsInput> SettingsAsync(CancellationToken cancellationToken = default)
    {
        var me = Me;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new { u.PreferredLanguage, u.NoticeEmailsOff }).SingleAsync(cancellationToken);
        return new NoticeSettingsInput
        {
            Language = Cultures.IsSupported(row.PreferredLanguage) ? row.PreferredLanguage : Cultures.Default,
            Email = !row.NoticeEmailsOff,
        };
    }

    /// <summary>Saves the settings; false (nothing written) when the language is not one the site speaks.</summary>
    public async Task<bool> SaveSettingsAsync(NoticeSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Cultures.IsSupported(input.Language))
        {
            return false;
        }
        var me = Me;
        var language = input.Language.ToLowerInvariant();
        var emailsOff = !input.Email;
        await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.PreferredLanguage, language)
            .SetProperty(u => u.NoticeEmailsOff, emailsOff), cancellationToken);
        return true;
    }

    /// <summary>
    /// Remembers the language the person now reads the site in, so notices follow it; writes only when it
    /// changed (one conditional update, usually touching no row).
    /// </summary>
    public Task RememberLanguageAsync(string culture, CancellationToken cancellationToken = default)
    {
        if (user.Id is not { } me || !Cultures.IsSupported(culture))
        {
            return Task.CompletedTask;
        }
        var language = culture.ToLowerInvariant();
        return db.Users.Where(u => u.Id == me && u.PreferredLanguage != language)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredLanguage, language), cancellationToken);
    }
}

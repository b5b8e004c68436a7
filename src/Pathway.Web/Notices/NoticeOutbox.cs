using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Notices;

/// <summary>A notice to make for several people; each gets it once (by its key).</summary>
public sealed record NoticeDraft(NoticeKind Kind, string Key, Guid? AssessmentId, string RoundTitle,
    Guid? ActionItemId = null, string? Subject = null, DateOnly? Date = null, string? Link = null);

/// <summary>
/// Adds notices to the database context (the caller saves), skipping people who already have one with
/// the same key, and queues an e-mail for those who want one when a mail server is configured.
/// </summary>
public sealed class NoticeOutbox(PathwayDb db, IOptions<MailOptions> mail)
{
    public async Task<int> AddAsync(NoticeDraft draft, IReadOnlyCollection<NoticeRecipient> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(recipients);
        return await AddAsync([.. recipients.Select(recipient => (draft, recipient))], now, cancellationToken);
    }

    /// <summary>Several drafts at once, each for its own person: one query for what exists, one batch of inserts.</summary>
    public async Task<int> AddAsync(
        IReadOnlyCollection<(NoticeDraft Draft, NoticeRecipient Recipient)> notices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return 0;
        }
        var keys = notices.Select(n => n.Draft.Key).Distinct().ToList();
        var people = notices.Select(n => n.Recipient.UserId).Distinct().ToList();
        var existing = (await db.Notices.AsNoTracking()
                .Where(n => keys.Contains(n.Key) && people.Contains(n.RecipientId))
                .Select(n => new { n.RecipientId, n.Key })
                .ToListAsync(cancellationToken))
            .Select(n => (n.RecipientId, n.Key)).ToHashSet();
        var canMail = !string.IsNullOrWhiteSpace(mail.Value.Smtp.Host);
        var added = 0;
        foreach (var (draft, recipient) in notices)
        {
            if (!existing.Add((recipient.UserId, draft.Key)))
            {
                continue;
            }
            var pending = canMail && recipient.WantsMail;
            db.Notices.Add(new Notice
            {
                RecipientId = recipient.UserId,
                Kind = draft.Kind,
                AssessmentId = draft.AssessmentId,
                ActionItemId = draft.ActionItemId,
                RoundTitle = draft.RoundTitle,
                Subject = draft.Subject is null ? null : Shorten(draft.Subject, Notice.TextLength),
                Date = draft.Date,
                Link = draft.Link,
                Key = draft.Key,
                CreatedAt = now,
                MailStatus = pending ? NoticeMailStatus.Pending : NoticeMailStatus.None,
                NextMailAt = pending ? now : null,
            });
            added++;
        }
        return added;
    }

    /// <summary>Cuts to <paramref name="length"/> characters with an ellipsis, never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }
        var cut = length - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut] + "…";
    }
}

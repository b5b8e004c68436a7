using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Notices;

namespace Pathway.Web.Connector.Peers;

/// <summary>A country's exchange requests, both ways.</summary>
public sealed record ExchangeLists(IReadOnlyList<ExchangeRequest> Incoming, IReadOnlyList<ExchangeRequest> Outgoing);

/// <summary>
/// Keeps exchange requests between countries. One door: every read goes through <see cref="Visible"/>, so only the two
/// countries' people and administrators ever see a request (anyone else gets the one not-found answer). Country users
/// ask; the other country's focal points answer; each side is told of the other's move.
/// </summary>
public sealed class ExchangeDesk(
    PathwayDb db, CurrentUser user, PeerDirectory peers, NoticeOutbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private bool IsAdministrator => user.Role == Roles.Administrator;

    /// <summary>Country users (focal points and contributors) ask on their country's behalf.</summary>
    public bool CanRequest => user.Role is Roles.CountryFocalPoint or Roles.CountryContributor && user.CountryIso3 is not null;

    public bool CanRequestFrom(string iso3) => CanRequest && !string.Equals(user.CountryIso3, iso3, StringComparison.OrdinalIgnoreCase);

    /// <summary>The requests the caller may see: their country's, both ways; every request for administrators.</summary>
    public IQueryable<ExchangeRequest> Visible
    {
        get
        {
            var requests = db.Set<ExchangeRequest>().AsQueryable();
            if (IsAdministrator)
            {
                return requests;
            }
            var mine = user.CountryIso3;
            return mine is null ? requests.Where(_ => false) : requests.Where(r => r.FromCountryIso3 == mine || r.ToCountryIso3 == mine);
        }
    }

    /// <summary>Whether the caller may accept or decline the request: a focal point of the country asked, or an administrator.</summary>
    public bool CanAnswer(ExchangeRequest request) =>
        IsAdministrator || (user.Role == Roles.CountryFocalPoint && user.CountryIso3 == request.ToCountryIso3);

    public async Task<ExchangeLists> ListAsync(CancellationToken cancellationToken)
    {
        var mine = user.CountryIso3;
        var all = await Visible.AsNoTracking().OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(cancellationToken);
        return IsAdministrator && mine is null
            ? new(all, [])
            : new([.. all.Where(r => r.ToCountryIso3 == mine)], [.. all.Where(r => r.FromCountryIso3 == mine)]);
    }

    public async Task<Outcome<ExchangeRequest>> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Visible.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } request
            ? request
            : NotFound();

    public async Task<Outcome<ExchangeRequest>> RequestAsync(ExchangeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CanRequest)
        {
            return Failure.Forbidden(l["Exchange.Error.Title"], l["Exchange.Error.CountryUsersOnly"]);
        }
        if (!input.Check(l, out var errors))
        {
            return Failure.Invalid(l["Exchange.Error.Title"], l["Exchange.Error.Invalid"], errors);
        }
        var to = input.ToCountry!.Trim().ToUpperInvariant();
        var history = await peers.HistoryAsync(input.Mechanism!, cancellationToken);
        if (history is null || history.Countries.All(country => country.Iso3 != to) || !CanRequestFrom(to))
        {
            // Only a country with published results on the mechanism can be asked, and never one's own.
            return Failure.Invalid(l["Exchange.Error.Title"], nameof(ExchangeInput.ToCountry), l["Exchange.Error.NotAPeer"]);
        }
        var from = user.CountryIso3!;
        if (await PendingAsync(from, to, history.MechanismCode, cancellationToken))
        {
            return Duplicate();
        }
        var now = clock.GetUtcNow();
        var request = new ExchangeRequest
        {
            FromCountryIso3 = from,
            ToCountryIso3 = to,
            MechanismCode = history.MechanismCode,
            Message = input.Message!.Trim(),
            RequesterId = user.Id!,
            RequesterName = TextRules.Truncate(user.Name ?? "", 200),
            RequestedAt = now,
        };
        db.Set<ExchangeRequest>().Add(request);
        var fromName = await CountryNameAsync(from, cancellationToken);
        var focalPoints = await NoticeRecipients.ReadAsync(NoticeRecipients.FocalPoints(db, to), now, cancellationToken);
        await outbox.AddAsync(NoticeFor(NoticeKind.ExchangeRequested, request, fromName), focalPoints, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request for the same pair and mechanism was saved meanwhile (the filtered unique index).
            db.ChangeTracker.Clear();
            if (await PendingAsync(from, to, history.MechanismCode, cancellationToken))
            {
                return Duplicate();
            }
            throw;
        }
        return request;
    }

    public async Task<Outcome<ExchangeRequest>> AnswerAsync(Guid id, ExchangeAnswerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await Visible.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        if (!CanAnswer(request))
        {
            return Failure.Forbidden(l["Exchange.Error.Title"], l["Exchange.Error.FocalPointsAnswer"]);
        }
        if (!input.Check(l, out var errors))
        {
            return Failure.Invalid(l["Exchange.Error.Title"], l["Exchange.Error.Invalid"], errors);
        }
        var now = clock.GetUtcNow();
        if (!request.Answer(input.Accept, input.Reply, user.Id!, TextRules.Truncate(user.Name ?? "", 200), now))
        {
            return Failure.Conflict(l["Exchange.Error.Title"], l["Exchange.Error.AlreadyAnswered"], new { status = request.Status.ToString() });
        }
        var requester = await NoticeRecipients.ReadAsync(db.Users.Where(u => u.Id == request.RequesterId && u.Id != user.Id), now, cancellationToken);
        var toName = await CountryNameAsync(request.ToCountryIso3, cancellationToken);
        await outbox.AddAsync(NoticeFor(input.Accept ? NoticeKind.ExchangeAccepted : NoticeKind.ExchangeDeclined, request, toName), requester, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    private Task<bool> PendingAsync(string from, string to, string code, CancellationToken cancellationToken) =>
        db.Set<ExchangeRequest>().AnyAsync(r => r.FromCountryIso3 == from && r.ToCountryIso3 == to && r.MechanismCode == code
            && r.Status == ExchangeStatus.Pending, cancellationToken);

    // Notices keep text, not ids: the other country's name (in English, as the notice board stores one text) and the mechanism.
    private async Task<string> CountryNameAsync(string iso3, CancellationToken cancellationToken) =>
        (await db.Countries.AsNoTracking().Where(c => c.Iso3 == iso3).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken))?.En ?? iso3;

    private static NoticeDraft NoticeFor(NoticeKind kind, ExchangeRequest request, string countryName) =>
        new(kind, $"{kind}:{request.Id:N}", null, request.MechanismCode, Subject: countryName, Link: $"/exchanges/{request.Id}");

    private Failure NotFound() => Failure.NotFound(l["Exchange.NotFoundTitle"], l["Exchange.NotFound"]);

    private Failure Duplicate() => Failure.Conflict(l["Exchange.Error.Title"], l["Exchange.Error.Duplicate"], null);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Countries;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Registrations;

/// <summary>A registration as made: its id, its place, and whether it was there already (the link is sent again).</summary>
public sealed record Registered(Guid Id, RegistrationStatus Status, bool AlreadyRegistered);

/// <summary>What the registration form shows of its event: when, where, places left, and why it is closed (a message key) if it is.</summary>
public sealed record RegistrationEvent(
    Guid Id, LocalizedText Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, LocalizedText? Venue, int? Capacity, int Confirmed,
    string? ClosedReason)
{
    /// <summary>Places left, or null when unlimited.</summary>
    public int? PlacesLeft => Capacity is { } capacity ? Math.Max(0, capacity - Confirmed) : null;
}

/// <summary>
/// The one place where places are taken and given back. A place is taken with one conditional update of the event's
/// <see cref="EventPlaces"/> row that only matches below capacity, in the same transaction as the registration it is
/// for: on PostgreSQL (READ COMMITTED) concurrent updates of the row queue on its lock and each re-checks the condition
/// on the row as the one before left it; on SQLite a write transaction holds the database, so they run one after the
/// other. Every transaction that touches a registration's place takes the places row first, so none waits on another
/// in a circle. E-mails are queued in the same transaction as the change they report.
/// </summary>
public sealed class RegistrationDesk(
    PathwayDb db, CurrentUser user, CountryDirectory countries, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Someone registers through the public form or the API; the language is the one they read the form in.</summary>
    public async Task<Outcome<Registered>> RegisterAsync(Guid eventId, RegistrationInput input, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await db.VisibleEvents(user).AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.IsAnnounced, e.Access, e.EndsAt }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        if (ClosedReason(found.IsAnnounced, found.Access, found.EndsAt, clock.GetUtcNow()) is { } closed)
        {
            return Failure.Invalid(l["Registration.Closed.Title"], l[closed]);
        }
        var draft = input.Check(l, await CountryCodesAsync(cancellationToken), byOrganiser: false, out var errors);
        if (draft is null)
        {
            return Failure.Invalid(l["Registration.Error.Title"], string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }
        return await PlaceAsync(eventId, draft, Cultures.IsSupported(language) ? language.ToLowerInvariant() : Cultures.Default, false, cancellationToken);
    }

    /// <summary>The event as the registration form shows it, or null when there is none the user may see.</summary>
    public async Task<RegistrationEvent?> EventForFormAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        var found = await db.VisibleEvents(user).AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Title, e.StartsAt, e.EndsAt, e.TimeZone, e.Venue, e.Capacity, e.IsAnnounced, e.Access })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var confirmed = await db.EventPlaces.AsNoTracking().Where(p => p.EventId == eventId).Select(p => p.Confirmed).FirstOrDefaultAsync(cancellationToken);
        return new RegistrationEvent(eventId, found.Title, found.StartsAt, found.EndsAt, found.TimeZone, found.Venue, found.Capacity, confirmed,
            ClosedReason(found.IsAnnounced, found.Access, found.EndsAt, clock.GetUtcNow()));
    }

    /// <summary>An organiser adds a person (an invitee of an invite-only event, a speaker): they get the same e-mails.</summary>
    public async Task<Outcome<Registered>> AddAsync(Guid eventId, RegistrationInput input, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.OrganisedEvents(user).AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return NotFound();
        }
        var draft = input.Check(l, await CountryCodesAsync(cancellationToken), byOrganiser: true, out var errors);
        if (draft is null)
        {
            return Failure.Invalid(l["Registration.Error.Title"], string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }
        return await PlaceAsync(eventId, draft, Cultures.IsSupported(language) ? language.ToLowerInvariant() : Cultures.Default, true, cancellationToken);
    }

    /// <summary>Why the event takes no registrations now (a message key), or null when it does.</summary>
    public static string? ClosedReason(bool isAnnounced, EventAccess access, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (EventLifecycle.TakesRegistrations(isAnnounced, access, endsAt, now))
        {
            return null;
        }
        return !isAnnounced ? "Registration.Closed.Draft"
            : access == EventAccess.InviteOnly ? "Registration.Closed.InviteOnly"
            : "Registration.Closed.Over";
    }

    public async Task<IReadOnlySet<string>> CountryCodesAsync(CancellationToken cancellationToken) =>
        (await countries.CountriesAsync(cancellationToken)).Select(country => country.Iso3.Trim()).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Cancels a registration (the person through their link, or an organiser for them). A confirmed place goes to the
    /// longest-waiting person, else back to the event; two cancellations at once never promote the same person.
    /// </summary>
    public async Task<Outcome<RegistrationStatus>> CancelAsync(Guid registrationId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await db.Registrations.AsNoTracking().Where(r => r.Id == registrationId)
                .Select(r => new { r.EventId, r.Status, r.ErasedAt }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return NotFound();
            }
            if (found.Status == RegistrationStatus.Cancelled)
            {
                return RegistrationStatus.Cancelled;
            }
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (found.Status == RegistrationStatus.Confirmed)
            {
                // The places row first, as every place-taking transaction does.
                await GivePlaceBackAsync(found.EventId, cancellationToken);
            }
            var moved = await db.Registrations.Where(r => r.Id == registrationId && r.Status == found.Status)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                    .SetProperty(r => r.CancelledAt, now)
                    .SetProperty(r => r.WaitingSince, (DateTimeOffset?)null), cancellationToken);
            if (moved == 0)
            {
                // Changed since it was read (promoted, cancelled by someone else): read it again.
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            if (found.ErasedAt is null)
            {
                db.EventMails.Add(EventMails.Queue(registrationId, EventMailKind.Cancelled, now));
            }
            if (found.Status == RegistrationStatus.Confirmed)
            {
                await PromoteAsync(found.EventId, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return RegistrationStatus.Cancelled;
        }
        throw new InvalidOperationException($"Registration {registrationId} kept changing while it was being cancelled.");
    }

    /// <summary>
    /// After an organiser raised the capacity (or made it unlimited): people waiting are promoted in order up to it.
    /// Returns how many were promoted.
    /// </summary>
    public async Task<int> CapacityChangedAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var promoted = await PromoteAsync(eventId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    private async Task<Outcome<Registered>> PlaceAsync(Guid eventId, RegistrationDraft draft, string language, bool byOrganiser, CancellationToken cancellationToken)
    {
        var key = Registration.KeyOf(draft.Email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.EmailKey == key)
                .Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(cancellationToken);
            if (existing is not null && existing.Status != RegistrationStatus.Cancelled)
            {
                return await SendAgainAsync(existing.Id, existing.Status, cancellationToken);
            }
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var confirmed = await TakePlaceAsync(eventId, cancellationToken);
            var status = confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting;
            DateTimeOffset? confirmedAt = confirmed ? now : null;
            DateTimeOffset? waitingSince = confirmed ? null : now;
            Guid id;
            if (existing is null)
            {
                var registration = new Registration
                {
                    EventId = eventId,
                    Name = draft.Name,
                    Email = draft.Email,
                    EmailKey = key,
                    Organisation = draft.Organisation,
                    CountryIso3 = draft.CountryIso3,
                    Group = draft.Group,
                    Role = draft.Role,
                    Status = status,
                    Language = language,
                    RegisteredAt = now,
                    ConsentedAt = now,
                    ConfirmedAt = confirmedAt,
                    WaitingSince = waitingSince,
                    AddedByOrganiser = byOrganiser,
                };
                db.Registrations.Add(registration);
                id = registration.Id;
            }
            else
            {
                // Cancelled before: the same row takes a new place or a new position at the end of the list.
                var reopened = await db.Registrations.Where(r => r.Id == existing.Id && r.Status == RegistrationStatus.Cancelled)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(r => r.Status, status)
                        .SetProperty(r => r.Name, draft.Name)
                        .SetProperty(r => r.Email, draft.Email)
                        .SetProperty(r => r.Organisation, draft.Organisation)
                        .SetProperty(r => r.CountryIso3, draft.CountryIso3)
                        .SetProperty(r => r.Group, draft.Group)
                        .SetProperty(r => r.Language, language)
                        .SetProperty(r => r.ConsentedAt, now)
                        .SetProperty(r => r.ConfirmedAt, confirmedAt)
                        .SetProperty(r => r.WaitingSince, waitingSince)
                        .SetProperty(r => r.CancelledAt, (DateTimeOffset?)null), cancellationToken);
                if (reopened == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }
                id = existing.Id;
            }
            db.EventMails.Add(EventMails.Queue(id, confirmed ? EventMailKind.Confirmed : EventMailKind.Waiting, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                // The same address registered at the same moment in another request: that one stands, its link is sent again.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                continue;
            }
            if (!confirmed && await FillAsync(eventId, cancellationToken) > 0)
            {
                // A place given back while this registration joined the list went to whoever waited longest: maybe this one.
                status = await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(cancellationToken);
            }
            return new Registered(id, status, AlreadyRegistered: false);
        }
        throw new InvalidOperationException("A registration kept meeting another one for the same address.");
    }

    /// <summary>Registered already: the link goes out again (once per pending e-mail), nothing else changes.</summary>
    private async Task<Registered> SendAgainAsync(Guid id, RegistrationStatus status, CancellationToken cancellationToken)
    {
        var kind = status == RegistrationStatus.Confirmed ? EventMailKind.Confirmed : EventMailKind.Waiting;
        if (!await db.EventMails.AnyAsync(mail => mail.RegistrationId == id && mail.Kind == kind && mail.Status == EventMailStatus.Pending, cancellationToken))
        {
            db.EventMails.Add(EventMails.Queue(id, kind, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return new Registered(id, status, AlreadyRegistered: true);
    }

    /// <summary>Fills free places from the waiting list in a transaction of its own.</summary>
    private async Task<int> FillAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var promoted = await PromoteAsync(eventId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    /// <summary>
    /// Inside the caller's transaction: while a place can be taken, the longest-waiting person (by WaitingSince, then id)
    /// gets it. The person is moved with a conditional update; if another transaction moved them first, the place goes
    /// back and the next one is tried.
    /// </summary>
    private async Task<int> PromoteAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var promoted = 0;
        while (true)
        {
            var next = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waiting)
                .OrderBy(r => r.WaitingSince).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.ErasedAt }).FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TakePlaceAsync(eventId, cancellationToken))
            {
                return promoted;
            }
            var moved = await db.Registrations.Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waiting)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, RegistrationStatus.Confirmed)
                    .SetProperty(r => r.ConfirmedAt, now)
                    .SetProperty(r => r.WaitingSince, (DateTimeOffset?)null), cancellationToken);
            if (moved == 0)
            {
                await GivePlaceBackAsync(eventId, cancellationToken);
                continue;
            }
            if (next.ErasedAt is null)
            {
                db.EventMails.Add(EventMails.Queue(next.Id, EventMailKind.Promoted, now));
            }
            promoted++;
        }
    }

    /// <summary>One conditional update: a place is taken only while the confirmed count is below the event's capacity.</summary>
    private async Task<bool> TakePlaceAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var taken = await db.EventPlaces
            .Where(places => places.EventId == eventId
                && db.Events.Any(e => e.Id == eventId && (e.Capacity == null || places.Confirmed < e.Capacity)))
            .ExecuteUpdateAsync(set => set.SetProperty(places => places.Confirmed, places => places.Confirmed + 1), cancellationToken);
        if (taken == 0 && !await db.EventPlaces.AnyAsync(places => places.EventId == eventId, cancellationToken))
        {
            throw new InvalidOperationException($"Event {eventId} has no places row: create one with the event (EventPlaces.For).");
        }
        return taken == 1;
    }

    private Task<int> GivePlaceBackAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.EventPlaces.Where(places => places.EventId == eventId && places.Confirmed > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(places => places.Confirmed, places => places.Confirmed - 1), cancellationToken);

    private Failure NotFound() => Failure.NotFound(l["Registration.NotFound.Title"], l["Registration.NotFound.Detail"]);
}

/// <summary>Queued registrant e-mails.</summary>
public static class EventMails
{
    public static EventMail Queue(Guid registrationId, EventMailKind kind, DateTimeOffset now) => new()
    {
        RegistrationId = registrationId,
        Kind = kind,
        Status = EventMailStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

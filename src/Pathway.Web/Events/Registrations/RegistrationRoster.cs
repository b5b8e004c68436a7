using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Registrations;

/// <summary>One person on an event's list, as organisers see it.</summary>
public sealed record RosterRow(
    Guid Id, string? Name, string? Email, string? Organisation, string? CountryIso3, ParticipantGroup Group, ParticipantRole Role,
    RegistrationStatus Status, bool? Attended, DateTimeOffset RegisteredAt, DateTimeOffset? WaitingSince, bool AddedByOrganiser, DateTimeOffset? ErasedAt);

/// <summary>An event's registrations for its organisers: confirmed, waiting (in order) and cancelled.</summary>
public sealed record Roster(
    Guid EventId, LocalizedText Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, EventAccess Access, int? Capacity,
    int ConfirmedPlaces, IReadOnlyList<RosterRow> Rows)
{
    public IEnumerable<RosterRow> Confirmed => Rows.Where(r => r.Status == RegistrationStatus.Confirmed);
    public IEnumerable<RosterRow> Waiting => Rows.Where(r => r.Status == RegistrationStatus.Waiting);
    public IEnumerable<RosterRow> Cancelled => Rows.Where(r => r.Status == RegistrationStatus.Cancelled);
    public int Attended => Rows.Count(r => r.Attended == true);
}

/// <summary>A registration as its own person sees it through the link they were sent.</summary>
public sealed record MyRegistration(
    Guid Id, Guid EventId, LocalizedText Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, LocalizedText? Venue,
    RegistrationStatus Status, int? WaitingPosition, string? OnlineLink, string? Name, bool Erased);

/// <summary>
/// Organisers' side of registrations: the list with its totals, attendance marked for many at once, roles, erasure on
/// request and the CSV export. Every method starts at <see cref="EventVisibility.OrganisedEvents"/>, so nobody else
/// reads or changes a registrant's details. Changes that move the public figures (attendance, erasure) touch the event,
/// which drops the kept public pages.
/// </summary>
public sealed class RegistrationRoster(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<Roster?> OpenAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        var found = await db.OrganisedEvents(user).AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Title, e.StartsAt, e.EndsAt, e.TimeZone, e.Access, e.Capacity }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var places = await db.EventPlaces.AsNoTracking().Where(p => p.EventId == eventId).Select(p => p.Confirmed).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId)
            .OrderBy(r => r.WaitingSince).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new RosterRow(r.Id, r.Name, r.Email, r.Organisation, r.CountryIso3, r.Group, r.Role, r.Status, r.Attended,
                r.RegisteredAt, r.WaitingSince, r.AddedByOrganiser, r.ErasedAt))
            .ToListAsync(cancellationToken);
        return new Roster(eventId, found.Title, found.StartsAt, found.EndsAt, found.TimeZone, found.Access, found.Capacity, places, rows);
    }

    /// <summary>Whether the current user organises this event (and so may see and change its list).</summary>
    public Task<bool> MayOrganiseAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        db.OrganisedEvents(user).AnyAsync(e => e.Id == eventId, cancellationToken);

    /// <summary>
    /// Marks attendance for every row the form showed, in one save: ticked rows attended, the rest not. Rows of other
    /// events are ignored. Returns how many changed, or null when the event is not the user's to organise.
    /// </summary>
    public async Task<int?> MarkAttendanceAsync(Guid eventId, IReadOnlyCollection<Guid> shown, IReadOnlySet<Guid> attended, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(attended);
        var @event = await db.OrganisedEvents(user).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (@event is null)
        {
            return null;
        }
        var ids = shown.Distinct().ToList();
        var rows = await db.Registrations.Where(r => r.EventId == eventId && ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var row in rows)
        {
            var now = attended.Contains(row.Id);
            if (row.Attended != now)
            {
                row.Attended = now;
                changed++;
            }
        }
        if (changed > 0)
        {
            @event.Touch(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed;
    }

    public async Task<Outcome<ParticipantRole>> SetRoleAsync(Guid eventId, Guid registrationId, string? role, CancellationToken cancellationToken = default)
    {
        if (!RegistrationInput.TryName<ParticipantRole>(role, out var parsed))
        {
            return Failure.Invalid(l["Registration.Error.Title"], "Role", l["Registration.Error.Role", l["Registration.Field.Role"]]);
        }
        var row = await MineAsync(eventId, registrationId, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        row.Value.Registration.Role = parsed;
        row.Value.Event.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return parsed;
    }

    /// <summary>
    /// Erases a person's details on their request: the row keeps its group, country, role, status and attendance, so every
    /// total stays as it was. Pending e-mails to them are not sent.
    /// </summary>
    public async Task<Outcome<Guid>> EraseAsync(Guid eventId, Guid registrationId, CancellationToken cancellationToken = default)
    {
        var row = await MineAsync(eventId, registrationId, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if (row.Value.Registration.ErasedAt is null)
        {
            row.Value.Registration.Erase(now);
            row.Value.Event.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return registrationId;
    }

    /// <summary>Whether the registration belongs to an event the user organises (before cancelling it for someone).</summary>
    public Task<bool> IsOnListAsync(Guid eventId, Guid registrationId, CancellationToken cancellationToken = default) =>
        db.Registrations.AnyAsync(r => r.Id == registrationId && r.EventId == eventId
            && db.OrganisedEvents(user).Any(e => e.Id == eventId), cancellationToken);

    /// <summary>The list as CSV, in the reader's language for the headers and values; no cell can start a spreadsheet formula.</summary>
    public async Task<byte[]?> ExportAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        var roster = await OpenAsync(eventId, cancellationToken);
        if (roster is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var header in new[] { "email", "name", "organisation", "country", "group", "role", "status", "attended", "registered_at" })
            {
                csv.WriteField(header);
            }
            await csv.EndRecordAsync(cancellationToken);
            foreach (var row in roster.Rows)
            {
                foreach (var cell in new[]
                {
                    row.Email, row.Name, row.Organisation, row.CountryIso3?.Trim(), row.Group.ToString(), row.Role.ToString(), row.Status.ToString(),
                    row.Attended switch { true => "yes", false => "no", null => "" },
                    DateText.Iso(row.RegisteredAt),
                })
                {
                    csv.WriteField(SafeCell(cell));
                }
                await csv.EndRecordAsync(cancellationToken);
            }
            await csv.FlushAsync(cancellationToken);
        }
        return buffer.ToArray();
    }

    /// <summary>A cell a spreadsheet will not run: one starting with = + - @ (or a tab or return) gets a leading apostrophe.</summary>
    public static string SafeCell(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>The registration behind a link, with the online link only for a confirmed place before the event is over.</summary>
    public async Task<MyRegistration?> ViewAsync(Guid registrationId, CancellationToken cancellationToken = default)
    {
        var found = await db.Registrations.AsNoTracking().Where(r => r.Id == registrationId)
            .Select(r => new
            {
                r.Id, r.EventId, r.Event!.Title, r.Event.StartsAt, r.Event.EndsAt, r.Event.TimeZone, r.Event.Venue, r.Event.OnlineLink,
                r.Status, r.WaitingSince, r.Name, r.ErasedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        int? position = null;
        if (found.Status == RegistrationStatus.Waiting && found.WaitingSince is { } since)
        {
            position = 1 + await db.Registrations.CountAsync(r => r.EventId == found.EventId && r.Status == RegistrationStatus.Waiting
                && r.WaitingSince < since, cancellationToken);
        }
        var showLink = found.Status == RegistrationStatus.Confirmed && clock.GetUtcNow() < found.EndsAt;
        return new MyRegistration(found.Id, found.EventId, found.Title, found.StartsAt, found.EndsAt, found.TimeZone, found.Venue,
            found.Status, position, showLink ? found.OnlineLink : null, found.Name, found.ErasedAt is not null);
    }

    private async Task<(Registration Registration, Event Event)?> MineAsync(Guid eventId, Guid registrationId, CancellationToken cancellationToken)
    {
        var @event = await db.OrganisedEvents(user).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (@event is null)
        {
            return null;
        }
        var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
        return registration is null ? null : (registration, @event);
    }

    private Failure NotFound() => Failure.NotFound(l["Registration.NotFound.Title"], l["Registration.NotFound.Detail"]);
}

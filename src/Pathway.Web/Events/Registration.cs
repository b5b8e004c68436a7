namespace Pathway.Web.Events;

/// <summary>The groups participation is counted by (they differ from an assessment's rating groups: events reach wider).</summary>
public enum ParticipantGroup
{
    DevelopmentAgency,
    Ngo,
    Philanthropy,
    Academia,
    PrivateCompany,
    Ministry,
    Who,
    Other,
}

public enum ParticipantRole
{
    Participant,
    Speaker,
    Moderator,
}

/// <summary>A registration's place: confirmed, on the waiting list, or given up.</summary>
public enum RegistrationStatus
{
    Confirmed,
    Waiting,
    Cancelled,
}

/// <summary>
/// One person's registration for an event (the domain's Participation). Personal details (name, e-mail,
/// organisation) are for organisers only, and are erased on request or after the retention period: the row stays,
/// with its group, country, role, status and attendance, so every total is unchanged.
/// </summary>
public sealed class Registration
{
    public const int NameLength = 200;
    public const int EmailLength = 256;
    public const int OrganisationLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public Event? Event { get; private set; }

    public string? Name { get; set; }
    public string? Email { get; set; }

    /// <summary>
    /// The e-mail folded for comparison (trimmed, lower case): unique per event, so the same address registers once.
    /// Once erased it becomes "erased:" and the id, which keeps it unique and matches no address.
    /// </summary>
    public required string EmailKey { get; set; }

    public string? Organisation { get; set; }

    /// <summary>ISO3 code of the country the person comes from (kept after erasure: totals by country and region).</summary>
    public string? CountryIso3 { get; set; }

    public ParticipantGroup Group { get; set; }
    public ParticipantRole Role { get; set; }
    public RegistrationStatus Status { get; set; }

    /// <summary>Marked by organisers after the event; null until someone marks it.</summary>
    public bool? Attended { get; set; }

    /// <summary>The language the person registered in: their e-mails are written in it.</summary>
    public required string Language { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The waiting list's order: who waits longest is promoted first.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the person agreed to the privacy note (required to register).</summary>
    public DateTimeOffset ConsentedAt { get; init; }

    /// <summary>Added by an organiser (invitation, attendance import) rather than through the public form.</summary>
    public bool AddedByOrganiser { get; init; }

    /// <summary>When the personal details were erased (on request or by the retention job).</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>An erased registration's key: never an address, unique per registration (the key is unique per event).</summary>
    public const string ErasedKeyPrefix = "erased:";

    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Removes who the person is and keeps what is counted.</summary>
    internal void Erase(DateTimeOffset now)
    {
        Name = null;
        Email = null;
        Organisation = null;
        EmailKey = ErasedKeyPrefix + Id.ToString();
        ErasedAt = now;
    }
}

/// <summary>
/// The count of confirmed places, one row per event, kept apart from <see cref="Event"/> so a registration does not
/// change public content (every registration would drop the kept public pages). A place is taken with one
/// conditional update that only matches below capacity, so concurrent registrations never overbook.
/// </summary>
public sealed class EventPlaces
{
    public Guid EventId { get; init; }
    public int Confirmed { get; set; }

    /// <summary>The counter a new event needs: add it with the event, in the same save.</summary>
    public static EventPlaces For(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return new EventPlaces { EventId = @event.Id };
    }
}

/// <summary>
/// A participation figure recorded directly, for events where only aggregates exist (an older webinar's 73
/// participants by group). When an event has totals of a dimension, they are shown instead of counting registrations.
/// </summary>
public sealed class ParticipationTotal : Data.IPublicContent
{
    public const int KeyLength = 40;

    public Guid EventId { get; init; }
    public TotalDimension Dimension { get; init; }

    /// <summary>A <see cref="ParticipantGroup"/> name, a WHO region code or a country's ISO3 code.</summary>
    public required string Key { get; init; }

    public int Count { get; set; }
}

public enum TotalDimension
{
    Group,
    Region,
    Country,
}

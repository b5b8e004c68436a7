using System.Diagnostics.CodeAnalysis;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>What kind of gathering an event is.</summary>
public enum EventType
{
    Meeting,
    Webinar,
    Workshop,
    Training,
    SatelliteSession,
    Launch,
}

/// <summary>Who may register: anyone, or only people the organisers invite (they register on the organisers' list).</summary>
public enum EventAccess
{
    Open,
    InviteOnly,
}

/// <summary>
/// Where an event stands (domain §4.5). Only <see cref="Draft"/> is stored (as <see cref="Event.IsAnnounced"/>);
/// the rest follows from the dates and the key messages' follow-up, see <see cref="EventLifecycle"/>.
/// </summary>
public enum EventStatus
{
    Draft,
    Upcoming,
    Ongoing,
    Past,
    FollowedUp,
}

/// <summary>
/// A meeting, webinar, workshop, training, satellite session or launch on private sector engagement. Shared content,
/// not country-owned: organisers (<see cref="Accounts.CurrentUser.OrganisesEvents"/>) see drafts and attendees;
/// everyone else sees announced events, their agenda, outputs, key messages and participation totals. Times are
/// stored in UTC with the IANA zone the event is held in, so it is shown in its own zone and in the reader's.
/// </summary>
// The domain's own word; the assembly is an application, never consumed from Visual Basic where "Event" is reserved.
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The domain's noun; no VB consumer.")]
public sealed class Event : IPublicContent
{
    public const int TimeZoneLength = 64;
    public const int VenueLength = 300;
    public const int UrlLength = 2000;
    public const int OrganisersLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? SeriesId { get; set; }
    public EventSeries? Series { get; private set; }

    /// <summary>The module's number within its series (1, 2, …); unique within the series.</summary>
    public int? ModuleNumber { get; set; }

    /// <summary>Per language; English is required.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Markdown per language, shown only through the sanitizing renderer.</summary>
    public LocalizedText? Description { get; set; }

    public EventType Type { get; set; }
    public EventAccess Access { get; set; }

    /// <summary>Start and end in UTC; <see cref="TimeZone"/> says where they are read.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The IANA zone the event is held in ("Africa/Cairo", "Europe/Zurich").</summary>
    public required string TimeZone { get; set; }

    /// <summary>The place, for an in-person or hybrid event, per language.</summary>
    public LocalizedText? Venue { get; set; }

    /// <summary>The joining link of an online event: shown only to people with a confirmed place and to organisers.</summary>
    public string? OnlineLink { get; set; }

    /// <summary>Who organises it and who co-hosts it, per language ("WHO headquarters; WHO EMRO"); English is required when given.</summary>
    public LocalizedText? Organisers { get; set; }
    public LocalizedText? CoHosts { get; set; }

    /// <summary>Confirmed places; null is unlimited. Past the capacity people join the waiting list.</summary>
    public int? Capacity { get; set; }

    /// <summary>False while a draft only organisers see; true once announced.</summary>
    public bool IsAnnounced { get; set; }

    /// <summary>Outputs after the event: the summary (Markdown per language), the recording and the slides.</summary>
    public LocalizedText? Summary { get; set; }
    public string? RecordingUrl { get; set; }
    public string? SlidesUrl { get; set; }

    /// <summary>The framework version (its row's id) the event launched, if it launched one.</summary>
    public int? LaunchedFrameworkVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedById { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Made by the demonstration data; removed with it and labelled as such.</summary>
    public bool IsDemonstration { get; init; }

    /// <summary>Concurrency token: two organisers editing the event at once cannot both win.</summary>
    public int Version { get; set; } = 1;

    public List<EventTag> Tags { get; init; } = [];
    public List<AgendaItem> Agenda { get; init; } = [];
    public List<KeyMessage> KeyMessages { get; init; } = [];
    public List<ParticipationTotal> Totals { get; init; } = [];
    public List<EventResource> Resources { get; init; } = [];

    /// <summary>
    /// Marks an organiser's change: the token moves on and, the event being public content, the kept public pages
    /// are dropped. Attendance, imports and totals call it too, so the public figures follow them at once.
    /// </summary>
    internal void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A numbered series of events (a webinar series and its modules).</summary>
public sealed class EventSeries : IPublicContent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Per language; English is required.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Markdown per language.</summary>
    public LocalizedText? Description { get; set; }

    /// <summary>Per language, like the event's.</summary>
    public LocalizedText? Organisers { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsDemonstration { get; init; }
    public int Version { get; set; } = 1;

    public List<Event> Events { get; init; } = [];
}

/// <summary>What an event is about or for: behaviours, mechanisms, flagship areas, WHO regions and countries taking part.</summary>
public sealed class EventTag : IPublicContent
{
    public Guid EventId { get; init; }
    public Connector.TagFacet Facet { get; init; }
    public required string Value { get; init; }
}

/// <summary>One line of an event's agenda.</summary>
public sealed class AgendaItem : IPublicContent
{
    public const int PeopleLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Per language; English is required.</summary>
    public required LocalizedText Topic { get; set; }

    public string? Speakers { get; set; }
    public string? Moderator { get; set; }
}

/// <summary>A knowledge hub resource an event produced or launched (a report, the recording's page, a tool).</summary>
public sealed class EventResource : IPublicContent
{
    public Guid EventId { get; init; }
    public Guid ResourceId { get; init; }
}

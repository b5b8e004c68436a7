using Microsoft.Extensions.Localization;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Editing;

/// <summary>An event's fields once checked: what is stored (times already in UTC).</summary>
public sealed record EventDraft(
    LocalizedText Title, LocalizedText? Description, EventType Type, EventAccess Access, Guid? SeriesId, int? ModuleNumber,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, LocalizedText? Venue, string? OnlineLink, LocalizedText? Organisers,
    LocalizedText? CoHosts, int? Capacity, LocalizedText? Summary, string? RecordingUrl, string? SlidesUrl, int? LaunchedFrameworkVersion,
    IReadOnlyList<ContentTag> Tags, IReadOnlyList<Guid> ResourceIds);

/// <summary>
/// What an organiser sends to create or change an event: the page's form and the API's body alike. Start and end are
/// wall-clock times in the event's own zone (an IANA id such as "Africa/Cairo"); lists (tags, resource ids) travel as
/// values separated by commas. It checks itself (<see cref="Check"/>), naming each field that is wrong; what needs the
/// database (the series, the module number, the resources, the framework version) <see cref="EventBook"/> checks next.
/// </summary>
public sealed class EventInput
{
    public const int MaxCapacity = 1_000_000;

    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleAr { get; set; }

    /// <summary>Markdown.</summary>
    public string? DescriptionEn { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionAr { get; set; }

    /// <summary>An <see cref="EventType"/> name.</summary>
    public string? Type { get; set; }

    /// <summary>An <see cref="EventAccess"/> name (Open, InviteOnly); Open when absent.</summary>
    public string? Access { get; set; }

    public Guid? SeriesId { get; set; }

    /// <summary>The module's number in its series (1 or more); only with a series.</summary>
    public int? ModuleNumber { get; set; }

    /// <summary>The start as the clock reads where the event is held (yyyy-MM-ddTHH:mm).</summary>
    public DateTime? Start { get; set; }

    /// <summary>The end, in the same zone; after the start.</summary>
    public DateTime? End { get; set; }

    /// <summary>The IANA zone the event is held in ("Africa/Cairo", "Europe/Zurich", "UTC").</summary>
    public string? TimeZone { get; set; }

    /// <summary>The place per language (English required when either of the others is given).</summary>
    public string? VenueEn { get; set; }
    public string? VenueFr { get; set; }
    public string? VenueAr { get; set; }

    /// <summary>An http or https address, shown only to people with a place.</summary>
    public string? OnlineLink { get; set; }

    /// <summary>Who organises and who co-hosts, per language (English required when either of the others is given).</summary>
    public string? OrganisersEn { get; set; }
    public string? OrganisersFr { get; set; }
    public string? OrganisersAr { get; set; }
    public string? CoHostsEn { get; set; }
    public string? CoHostsFr { get; set; }
    public string? CoHostsAr { get; set; }

    /// <summary>Confirmed places, 1 or more; empty is unlimited.</summary>
    public int? Capacity { get; set; }

    public string? Behaviours { get; set; }
    public string? Mechanisms { get; set; }
    public string? FlagshipAreas { get; set; }
    public string? Regions { get; set; }
    public string? Countries { get; set; }

    /// <summary>Markdown: what came out of the event.</summary>
    public string? SummaryEn { get; set; }
    public string? SummaryFr { get; set; }
    public string? SummaryAr { get; set; }

    public string? RecordingUrl { get; set; }
    public string? SlidesUrl { get; set; }

    /// <summary>Ids of published knowledge hub resources the event produced, separated by commas.</summary>
    public string? ResourceIds { get; set; }

    /// <summary>The id of the framework version the event launched.</summary>
    public int? LaunchedFrameworkVersion { get; set; }

    /// <summary>Announce (true) or keep as / take back to a draft (false); absent leaves it as it is (a new event is a draft).</summary>
    public bool? IsAnnounced { get; set; }

    /// <summary>The version the caller last saw (for a change); 0 or absent skips the check.</summary>
    public int Version { get; set; }

    /// <summary>Every field at once: the stored values, or null with the errors keyed by this class's property names.</summary>
    public EventDraft? Check(TagVocabulary vocabulary, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var title = EventText.Localized("Title", TitleEn, TitleFr, TitleAr, required: true, EventText.TitleLength, l, errors);
        var description = EventText.Localized("Description", DescriptionEn, DescriptionFr, DescriptionAr, required: false, EventText.MarkdownLength, l, errors);
        var summary = EventText.Localized("Summary", SummaryEn, SummaryFr, SummaryAr, required: false, EventText.MarkdownLength, l, errors);
        var type = EventText.Name<EventType>(Type, nameof(Type), l, errors);
        var access = string.IsNullOrWhiteSpace(Access) ? EventAccess.Open : EventText.Name<EventAccess>(Access, nameof(Access), l, errors);

        if (ModuleNumber is { } module && (module < 1 || module > 1000))
        {
            errors[nameof(ModuleNumber)] = [l["Event.Error.ModuleNumber", 1, 1000]];
        }
        else if (ModuleNumber is not null && SeriesId is null)
        {
            errors[nameof(ModuleNumber)] = [l["Event.Error.ModuleWithoutSeries"]];
        }

        var zone = EventTimes.FindZone(TimeZone);
        if (zone is null)
        {
            errors[nameof(TimeZone)] = [string.IsNullOrWhiteSpace(TimeZone)
                ? l["Event.Error.TimeZoneRequired"]
                : l["Event.Error.TimeZone", TextRules.Truncate(TimeZone.Trim(), Event.TimeZoneLength)]];
        }
        DateTimeOffset? startsAt = null, endsAt = null;
        if (Start is not { } start)
        {
            errors[nameof(Start)] = [l["Event.Error.StartRequired"]];
        }
        else if (start.Year < 1990 || start.Year > 2100)
        {
            errors[nameof(Start)] = [l["Event.Error.Year", 1990, 2100]];
        }
        else if (zone is not null)
        {
            startsAt = EventTimes.ToMoment(start, zone);
        }
        if (End is not { } end)
        {
            errors[nameof(End)] = [l["Event.Error.EndRequired"]];
        }
        else if (end.Year < 1990 || end.Year > 2100)
        {
            errors[nameof(End)] = [l["Event.Error.Year", 1990, 2100]];
        }
        else if (zone is not null)
        {
            endsAt = EventTimes.ToMoment(end, zone);
            if (startsAt is { } from && endsAt <= from)
            {
                errors[nameof(End)] = [l["Event.Error.EndBeforeStart"]];
            }
        }

        var venue = EventText.Localized("Venue", VenueEn, VenueFr, VenueAr, required: false, Event.VenueLength, l, errors);
        var link = EventText.Url(OnlineLink, nameof(OnlineLink), l, errors);
        var organisers = EventText.Localized("Organisers", OrganisersEn, OrganisersFr, OrganisersAr, required: false, Event.OrganisersLength, l, errors);
        var coHosts = EventText.Localized("CoHosts", CoHostsEn, CoHostsFr, CoHostsAr, required: false, Event.OrganisersLength, l, errors);
        if (Capacity is { } capacity && (capacity < 1 || capacity > MaxCapacity))
        {
            errors[nameof(Capacity)] = [l["Event.Error.Capacity", EventText.Number(MaxCapacity)]];
        }
        var recording = EventText.Url(RecordingUrl, nameof(RecordingUrl), l, errors);
        var slides = EventText.Url(SlidesUrl, nameof(SlidesUrl), l, errors);

        var tags = new List<ContentTag>();
        EventText.Tags(TagFacet.Behaviour, Behaviours, nameof(Behaviours), vocabulary.Behaviour, tags, l, errors);
        EventText.Tags(TagFacet.Mechanism, Mechanisms, nameof(Mechanisms), vocabulary.Mechanism, tags, l, errors);
        EventText.Tags(TagFacet.FlagshipArea, FlagshipAreas, nameof(FlagshipAreas), TagVocabulary.FreeText, tags, l, errors);
        EventText.Tags(TagFacet.Region, Regions, nameof(Regions), vocabulary.Region, tags, l, errors);
        EventText.Tags(TagFacet.Country, Countries, nameof(Countries), vocabulary.Country, tags, l, errors);
        if (tags.Count > 200)
        {
            errors[nameof(Countries)] = [l["Resource.Error.TooManyTags", 200]];
        }

        var resources = new List<Guid>();
        foreach (var text in EventText.Split(ResourceIds))
        {
            if (!Guid.TryParse(text, out var id))
            {
                errors[nameof(ResourceIds)] = [l["Event.Error.ResourceId", TextRules.Truncate(text, 60)]];
                break;
            }
            if (!resources.Contains(id))
            {
                resources.Add(id);
            }
        }

        return errors.Count == 0
            ? new EventDraft(title!, description, type!.Value, access!.Value, SeriesId, ModuleNumber, startsAt!.Value, endsAt!.Value,
                zone!.Id, venue, link, organisers, coHosts, Capacity, summary, recording, slides, LaunchedFrameworkVersion, tags, resources)
            : null;
    }

    /// <summary>The input showing a stored event (for the edit form): times back on the clock of the event's zone.</summary>
    public static EventInput From(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var zone = EventTimes.FindZone(e.TimeZone) ?? TimeZoneInfo.Utc;
        string? Tags(TagFacet facet) =>
            string.Join(", ", e.Tags.Where(tag => tag.Facet == facet).Select(tag => tag.Value).Order(StringComparer.Ordinal)) is { Length: > 0 } joined ? joined : null;
        return new EventInput
        {
            TitleEn = e.Title.En,
            TitleFr = e.Title.Values.GetValueOrDefault("fr"),
            TitleAr = e.Title.Values.GetValueOrDefault("ar"),
            DescriptionEn = e.Description?.Values.GetValueOrDefault("en"),
            DescriptionFr = e.Description?.Values.GetValueOrDefault("fr"),
            DescriptionAr = e.Description?.Values.GetValueOrDefault("ar"),
            Type = e.Type.ToString(),
            Access = e.Access.ToString(),
            SeriesId = e.SeriesId,
            ModuleNumber = e.ModuleNumber,
            Start = EventTimes.InZone(e.StartsAt, zone).DateTime,
            End = EventTimes.InZone(e.EndsAt, zone).DateTime,
            TimeZone = e.TimeZone,
            VenueEn = e.Venue?.Values.GetValueOrDefault("en"),
            VenueFr = e.Venue?.Values.GetValueOrDefault("fr"),
            VenueAr = e.Venue?.Values.GetValueOrDefault("ar"),
            OnlineLink = e.OnlineLink,
            OrganisersEn = e.Organisers?.Values.GetValueOrDefault("en"),
            OrganisersFr = e.Organisers?.Values.GetValueOrDefault("fr"),
            OrganisersAr = e.Organisers?.Values.GetValueOrDefault("ar"),
            CoHostsEn = e.CoHosts?.Values.GetValueOrDefault("en"),
            CoHostsFr = e.CoHosts?.Values.GetValueOrDefault("fr"),
            CoHostsAr = e.CoHosts?.Values.GetValueOrDefault("ar"),
            Capacity = e.Capacity,
            Behaviours = Tags(TagFacet.Behaviour),
            Mechanisms = Tags(TagFacet.Mechanism),
            FlagshipAreas = Tags(TagFacet.FlagshipArea),
            Regions = Tags(TagFacet.Region),
            Countries = Tags(TagFacet.Country),
            SummaryEn = e.Summary?.Values.GetValueOrDefault("en"),
            SummaryFr = e.Summary?.Values.GetValueOrDefault("fr"),
            SummaryAr = e.Summary?.Values.GetValueOrDefault("ar"),
            RecordingUrl = e.RecordingUrl,
            SlidesUrl = e.SlidesUrl,
            ResourceIds = e.Resources.Count == 0 ? null : string.Join(", ", e.Resources.Select(r => r.ResourceId)),
            LaunchedFrameworkVersion = e.LaunchedFrameworkVersion,
            Version = e.Version,
        };
    }
}

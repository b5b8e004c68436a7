using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Connector;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>One line of the events list.</summary>
public sealed record EventSummaryDto(
    Guid Id, LocalizedText Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventType>))] EventType Type,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventAccess>))] EventAccess Access,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventStatus>))] EventStatus Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, Guid? SeriesId, LocalizedText? SeriesTitle, int? ModuleNumber,
    LocalizedText? Venue, bool IsOnline, bool IsDemonstration)
{
    public static EventSummaryDto From(EventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Title, row.Type, row.Access, row.Status, row.StartsAt, row.EndsAt, row.TimeZone, row.SeriesId, row.SeriesTitle,
            row.ModuleNumber, row.Venue, row.IsOnline, row.IsDemonstration);
    }
}

public sealed record EventListDto(IReadOnlyList<EventSummaryDto> Items, int Total, int Page, int Pages);

public sealed record AgendaItemDto(DateTimeOffset StartsAt, DateTimeOffset? EndsAt, LocalizedText Topic, string? Speakers, string? Moderator);

public sealed record ResourceLinkDto(Guid Id, LocalizedText Title, string Url);

/// <summary>What came of a key message: an action in a country's plan (its country only) or a published resource.</summary>
public sealed record FollowUpDto(
    [property: JsonConverter(typeof(JsonStringEnumConverter<FollowUpKind>))] FollowUpKind Kind, string? CountryIso3, string? CountryName, ResourceLinkDto? Resource);

public sealed record KeyMessageDto(Guid Id, LocalizedText Theme, LocalizedText Text, string? MechanismCode, IReadOnlyList<FollowUpDto> FollowUps);

public sealed record CountDto(string? Key, int Count);

/// <summary>Participation: by group (all eight), WHO region and country; "recorded" says a dimension comes from recorded totals.</summary>
public sealed record ParticipationDto(
    int Total, IReadOnlyList<CountDto> Groups, IReadOnlyList<CountDto> Regions, IReadOnlyList<CountDto> Countries, bool CountsAttendance,
    bool GroupsRecorded, bool RegionsRecorded, bool CountriesRecorded)
{
    public static ParticipationDto From(ParticipationFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        static List<CountDto> Of(IEnumerable<ParticipationCount> counts) => [.. counts.Select(count => new CountDto(count.Key, count.Count))];
        return new(figures.Total, Of(figures.Groups), Of(figures.Regions), Of(figures.Countries), figures.CountsAttendance,
            figures.GroupsRecorded, figures.RegionsRecorded, figures.CountriesRecorded);
    }
}

/// <summary>An event with its agenda, outputs, participation and key messages. Never an attendee, never the online link.</summary>
public sealed record EventDto(
    Guid Id, LocalizedText Title, LocalizedText? Description,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventType>))] EventType Type,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventAccess>))] EventAccess Access,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventStatus>))] EventStatus Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, LocalizedText? Venue, bool IsOnline, LocalizedText? Organisers, LocalizedText? CoHosts,
    bool RegistrationOpen, bool IsDemonstration, Guid? SeriesId, LocalizedText? SeriesTitle, int? ModuleNumber, Guid? PreviousModuleId, Guid? NextModuleId,
    LocalizedText? Summary, string? RecordingUrl, string? SlidesUrl, string? LaunchedFrameworkVersion,
    IReadOnlyList<string> Behaviours, IReadOnlyList<string> Mechanisms, IReadOnlyList<string> FlagshipAreas, IReadOnlyList<string> Regions,
    IReadOnlyList<string> Countries, IReadOnlyList<AgendaItemDto> Agenda, IReadOnlyList<ResourceLinkDto> Resources,
    IReadOnlyList<KeyMessageDto> KeyMessages, ParticipationDto Participation, string Calendar)
{
    public static EventDto From(EventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        static ResourceLinkDto Link(ResourceLink resource) => new(resource.Id, resource.Title, $"/resources/{resource.Id}");
        return new(view.Id, view.Title, view.Description, view.Type, view.Access, view.Status, view.StartsAt, view.EndsAt, view.TimeZone, view.Venue,
            view.IsOnline, view.Organisers, view.CoHosts, view.TakesRegistrations, view.IsDemonstration, view.Series?.Id, view.Series?.Title, view.ModuleNumber,
            view.Previous?.Id, view.Next?.Id, view.Summary, view.RecordingUrl, view.SlidesUrl, view.LaunchedFrameworkVersion,
            view.Behaviours, view.Mechanisms, view.FlagshipAreas, [.. view.Regions.Select(region => region.Code)], [.. view.Countries.Select(country => country.Iso3)],
            [.. view.Agenda.Select(item => new AgendaItemDto(item.StartsAt, item.EndsAt, item.Topic, item.Speakers, item.Moderator))],
            [.. view.Resources.Select(Link)],
            [
                .. view.KeyMessages.Select(message => new KeyMessageDto(message.Id, message.Theme, message.Text, message.MechanismCode,
                    [.. message.FollowUps.Select(f => new FollowUpDto(f.Kind, f.CountryIso3, f.CountryName, f.Resource is null ? null : Link(f.Resource)))])),
            ],
            ParticipationDto.From(view.Participation), $"/events/{view.Id}/event.ics");
    }
}

/// <summary>
/// The listing's query as people and programs write it: type, region (WHO region code), series (id), behaviour
/// (framework code), when (upcoming|past), page. Pages read it leniently (a wrong value is ignored); the API refuses
/// it with a problem naming the field.
/// </summary>
public static class EventQuery
{
    public static (EventFilter Filter, int Page, Dictionary<string, string[]> Errors) Read(
        string? type, string? region, string? series, string? behaviour, string? when, string? page, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new Dictionary<string, string[]>();
        EventType? parsedType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            var trimmed = type.Trim();
            if (!char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse<EventType>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                parsedType = value;
            }
            else
            {
                errors["type"] = [localizer["Events.Error.Type", string.Join(", ", Enum.GetNames<EventType>())]];
            }
        }
        string? Code(string name, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            var trimmed = text.Trim();
            if (trimmed.Length > ContentTag.ValueLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                errors[name] = [localizer["Events.Error.Code"]];
                return null;
            }
            return trimmed;
        }
        var parsedRegion = Code("region", region);
        var parsedBehaviour = Code("behaviour", behaviour);
        Guid? parsedSeries = null;
        if (!string.IsNullOrWhiteSpace(series))
        {
            if (Guid.TryParse(series.Trim(), out var id))
            {
                parsedSeries = id;
            }
            else
            {
                errors["series"] = [localizer["Events.Error.Series"]];
            }
        }
        var past = false;
        if (!string.IsNullOrWhiteSpace(when))
        {
            if (string.Equals(when.Trim(), "past", StringComparison.OrdinalIgnoreCase))
            {
                past = true;
            }
            else if (!string.Equals(when.Trim(), "upcoming", StringComparison.OrdinalIgnoreCase))
            {
                errors["when"] = [localizer["Events.Error.When"]];
            }
        }
        var number = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > 100_000))
        {
            errors["page"] = [localizer["Events.Error.Page"]];
            number = 1;
        }
        return (new EventFilter(parsedType, parsedRegion, parsedSeries, parsedBehaviour, past), number, errors);
    }
}

/// <summary>
/// The events' public reads: the list, one event, and the iCalendar feeds. Nobody is refused; an organiser's bearer
/// token (API) or cookie (feeds) shows drafts too. Anonymous answers are kept (<see cref="PublicPageCache"/>).
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsReadApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var read = routes.MapGroup("/api/events").WithTags("Events").RequireAuthorization(ConnectorSetup.OptionalBearer)
            .CacheOutput(PublicPageCache.Policy);
        read.MapGet("/", ListAsync).WithName("GetEvents").ProducesValidationProblem()
            .WithDescription("Announced events (drafts too for organisers), 20 a page. when=upcoming (default: not yet over, soonest first) or past "
                + "(newest first); filters: type (Meeting, Webinar, Workshop, Training, SatelliteSession, Launch), region (WHO region code), "
                + "series (id), behaviour (framework code), page. 400 naming the field for a value that is not one of these.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetEvent").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("One event with its agenda, outputs, participation figures (totals only, never attendees), key messages and what came of "
                + "them. The online link is never given here. 404 when it does not exist or is a draft the caller may not see.");

        var calendar = routes.MapGroup("/events").WithTags("Events").CacheOutput(PublicPageCache.Policy);
        calendar.MapGet("/calendar.ics", FeedAsync).WithName("GetEventsCalendar").Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithDescription("iCalendar feed of announced events not yet over, filtered like the listing (type, region, series, behaviour); culture=en|fr|ar "
                + "for titles. Unknown filter values are ignored.");
        calendar.MapGet("/{id:guid}/event.ics", EventFileAsync).WithName("GetEventCalendarFile")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("One event as an .ics file to add to a calendar.");
        return routes;
    }

    public static async Task<Results<Ok<EventListDto>, ProblemHttpResult>> ListAsync(
        string? type, string? region, string? series, string? behaviour, string? when, string? page,
        EventReader reader, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (filter, number, errors) = EventQuery.Read(type, region, series, behaviour, when, page, localizer);
        if (errors.Count > 0)
        {
            return Failure.Invalid(localizer["Events.Error.Title"], localizer["Events.Error.Detail", string.Join(", ", errors.Keys)], errors).ToProblem();
        }
        var list = await reader.ListAsync(filter, number, cancellationToken);
        return TypedResults.Ok(new EventListDto([.. list.Rows.Select(EventSummaryDto.From)], list.Total, list.Page, list.Pages));
    }

    public static async Task<Results<Ok<EventDto>, ProblemHttpResult>> GetAsync(
        Guid id, EventReader reader, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var view = await reader.OpenAsync(id, cancellationToken);
        return view is null
            ? Failure.NotFound(localizer["Events.NotFound.Title"], localizer["Events.NotFound.Detail"]).ToProblem()
            : TypedResults.Ok(EventDto.From(view));
    }

    public static async Task<FileContentHttpResult> FeedAsync(
        string? type, string? region, string? series, string? behaviour,
        EventReader reader, EventCalendar calendar, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (filter, _, _) = EventQuery.Read(type, region, series, behaviour, null, null, localizer);
        var rows = await reader.FeedAsync(filter, cancellationToken);
        var text = calendar.Write(rows.Select(CalendarEntry.From), localizer["Events.Calendar.Name"]);
        return Ics(text, "pathway-events.ics");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EventFileAsync(
        Guid id, EventReader reader, EventCalendar calendar, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var view = await reader.OpenAsync(id, cancellationToken);
        if (view is null)
        {
            return Failure.NotFound(localizer["Events.NotFound.Title"], localizer["Events.NotFound.Detail"]).ToProblem();
        }
        var entry = CalendarEntry.From(view);
        return Ics(calendar.Write([entry], entry.Title), EventCalendar.FileName(view.Title.En));
    }

    private static FileContentHttpResult Ics(string text, string fileName) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), EventCalendar.ContentType, fileName);
}

using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Accounts;
using Pathway.Web.Events.KeyMessages;

namespace Pathway.Web.Events.Editing;

/// <summary>An event as the organisers' API returns it (times in UTC, with the zone it is held in).</summary>
public sealed record EventDto(
    Guid Id, IReadOnlyDictionary<string, string> Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventType>))] EventType Type,
    [property: JsonConverter(typeof(JsonStringEnumConverter<EventAccess>))] EventAccess Access,
    Guid? SeriesId, int? ModuleNumber, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, IReadOnlyDictionary<string, string>? Venue,
    int? Capacity, bool IsAnnounced, int Version)
{
    public static EventDto From(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Title.Values, e.Type, e.Access, e.SeriesId, e.ModuleNumber, e.StartsAt, e.EndsAt, e.TimeZone, e.Venue?.Values,
            e.Capacity, e.IsAnnounced, e.Version);
    }
}

public sealed record KeyMessageDto(Guid Id, Guid EventId, IReadOnlyDictionary<string, string> Theme, IReadOnlyDictionary<string, string> Text, string? MechanismCode, int Order)
{
    public static KeyMessageDto From(KeyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.EventId, message.Theme.Values, message.Text.Values, message.MechanismCode, message.Order);
    }
}

public sealed record FollowUpDto(
    Guid Id, Guid KeyMessageId, [property: JsonConverter(typeof(JsonStringEnumConverter<FollowUpKind>))] FollowUpKind Kind,
    Guid? ActionItemId, string? CountryIso3, Guid? ResourceId, DateTimeOffset CreatedAt)
{
    public static FollowUpDto From(KeyMessageFollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new(followUp.Id, followUp.KeyMessageId, followUp.Kind, followUp.ActionItemId, followUp.CountryIso3, followUp.ResourceId, followUp.CreatedAt);
    }
}

/// <summary>
/// The organisers' API (bearer token; organisers, content editors, administrators): creating and changing events,
/// adding key messages and turning one into an action of a country's plan. Everyone else signed in gets 403.
/// </summary>
public static class EventAdminApi
{
    public static IEndpointRouteBuilder MapEventAdminApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api").WithTags("Events").RequireAuthorization(Policies.ApiUser);
        api.MapPost("/events", CreateAsync).WithName("CreateEvent")
            .WithDescription("Creates a draft event (JSON: titleEn, titleFr, titleAr, descriptionEn…, type, access, seriesId, moduleNumber, "
                + "start and end as the clock reads in timeZone (an IANA id), venueEn…, onlineLink, organisersEn…, coHostsEn…, capacity, behaviours, "
                + "mechanisms, flagshipAreas, regions, countries (lists separated by commas), summaryEn…, recordingUrl, slidesUrl, resourceIds, "
                + "launchedFrameworkVersion). Organisers only.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/events/{id:guid}", UpdateAsync).WithName("UpdateEvent")
            .WithDescription("Changes an event (the same body, with the version last read: 409 with the stored values when it changed).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/events/{id:guid}/key-messages", AddKeyMessageAsync).WithName("AddKeyMessage")
            .WithDescription("Adds a key message (themeEn…, textEn…, mechanismCode) to the event.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/key-messages/{id:guid}/actions", ToActionAsync).WithName("KeyMessageToAction")
            .WithDescription("Makes the key message an action in a country's current plan (countryIso3, mechanismCode — the message's when "
                + "absent, what — the message's text in language when absent, due). The country's focal points are told.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Created<EventDto>, ProblemHttpResult>> CreateAsync(EventInput input, EventBook book, CancellationToken cancellationToken) =>
        (await book.CreateAsync(input, cancellationToken)).ToResult(e => TypedResults.Created($"/api/events/{e.Id}", EventDto.From(e)));

    public static async Task<Results<Ok<EventDto>, ProblemHttpResult>> UpdateAsync(Guid id, EventInput input, EventBook book, CancellationToken cancellationToken) =>
        (await book.UpdateAsync(id, input, cancellationToken)).ToResult(e => TypedResults.Ok(EventDto.From(e)));

    public static async Task<Results<Created<KeyMessageDto>, ProblemHttpResult>> AddKeyMessageAsync(
        Guid id, KeyMessageInput input, KeyMessageBook book, CancellationToken cancellationToken) =>
        (await book.AddAsync(id, input, cancellationToken)).ToResult(m => TypedResults.Created($"/events/{id}/key-messages", KeyMessageDto.From(m)));

    public static async Task<Results<Created<FollowUpDto>, ProblemHttpResult>> ToActionAsync(
        Guid id, FollowUpActionInput input, KeyMessageBook book, CancellationToken cancellationToken) =>
        (await book.ToActionAsync(id, input, cancellationToken)).ToResult(f => TypedResults.Created($"/api/key-messages/{id}/actions", FollowUpDto.From(f)));
}

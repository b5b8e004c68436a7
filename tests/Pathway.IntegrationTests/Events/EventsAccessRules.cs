using System.Runtime.CompilerServices;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Events;
using Pathway.Web.Localization;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// Issue 12 in the access matrix: the organisers' pages and API. Events are shared content, not about a round, so each
/// grid is the same for every round kind. The matrix has no organiser column: its content editor (CE) and administrator
/// (Ad) organise events; everyone else is refused (the access-denied page, 403 from the API) and anonymous visitors are
/// asked to sign in. That the Organiser role itself is let in is proven in <see cref="EventAccessTests"/>.
/// </summary>
public static class EventsAccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    private static readonly AccessGrid Organisers = AccessGrid.All("F  F  F  F  F  A  F  F  F  F  A  S");

    private static readonly ConditionalWeakTable<AccessWorld, Task<(Guid Event, Guid Series, Guid Message)>> Made = [];

    private static Task<(Guid Event, Guid Series, Guid Message)> WorldEventAsync(AccessWorld world) => Made.GetValue(world, MakeAsync);

    private static async Task<(Guid Event, Guid Series, Guid Message)> MakeAsync(AccessWorld world)
    {
        await using var db = world.Factory.OpenSystemDb();
        var series = new EventSeries { Title = LocalizedText.English("Matrix series"), CreatedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) };
        var e = new Event
        {
            Title = LocalizedText.English("Matrix event"), TimeZone = "UTC", SeriesId = series.Id,
            StartsAt = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero),
        };
        db.Db.EventSeries.Add(series);
        db.Db.Events.Add(e);
        db.Db.EventPlaces.Add(new EventPlaces { EventId = e.Id });
        var message = new KeyMessage { EventId = e.Id, Theme = LocalizedText.English("Trust"), Text = LocalizedText.English("Meet often."), Order = 1 };
        db.Db.KeyMessages.Add(message);
        await db.Db.SaveChangesAsync();
        return (e.Id, series.Id, message.Id);
    }

    private static async Task<IReadOnlyDictionary<string, string>> TheEvent(Cell cell) =>
        Values("id", (await WorldEventAsync(cell.World)).Event);

    private static async Task<IReadOnlyDictionary<string, string>> TheSeries(Cell cell) =>
        Values("id", (await WorldEventAsync(cell.World)).Series);

    private static async Task<IReadOnlyDictionary<string, string>> TheMessage(Cell cell) =>
        Values("id", (await WorldEventAsync(cell.World)).Message);

    private static AccessRule Page(string pattern, bool series = false) =>
        new("GET", pattern, Organisers) { Fresh = series ? TheSeries : TheEvent };

    /// <summary>The page's form as a content editor is shown it, posted by each caller with their own antiforgery token.</summary>
    private static AccessRule Posted(string pattern, string formName, bool series = false) =>
        new("POST", pattern, Organisers)
        {
            Fresh = series ? TheSeries : TheEvent,
            Body = async (cell, url) => await cell.World.FormAsync(cell, url, formName, Caller.ContentEditor),
        };

    private static object Body(Cell cell) => new
    {
        titleEn = $"Matrix event {cell.Unique}", type = "Webinar", start = "2026-03-10T14:00:00", end = "2026-03-10T15:00:00", timeZone = "UTC",
    };

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        Get("/events/new", Organisers),
        Form("/events/new", "event-edit", Caller.ContentEditor, Organisers),
        Get("/events/series/new", Organisers),
        Form("/events/series/new", "series-edit", Caller.ContentEditor, Organisers),
        Page("/events/{Id:guid}/edit"),
        Posted("/events/{Id:guid}/edit", "event-edit"),
        Page("/events/{Id:guid}/agenda"),
        Posted("/events/{Id:guid}/agenda", "agenda-edit"),
        Page("/events/{Id:guid}/totals"),
        Posted("/events/{Id:guid}/totals", "totals-edit"),
        Page("/events/{Id:guid}/key-messages"),
        Posted("/events/{Id:guid}/key-messages", "message-add"),
        Page("/events/series/{Id:guid}/edit", series: true),
        Posted("/events/series/{Id:guid}/edit", "series-edit", series: true),
        Json("POST", "/api/events", Organisers, Body),
        new AccessRule("PUT", "/api/events/{id:guid}", Organisers)
        {
            Fresh = TheEvent, Body = (cell, _) => Task.FromResult<HttpContent?>(System.Net.Http.Json.JsonContent.Create(Body(cell))),
        },
        new AccessRule("POST", "/api/events/{id:guid}/key-messages", Organisers)
        {
            Fresh = TheEvent,
            Body = (cell, _) => Task.FromResult<HttpContent?>(System.Net.Http.Json.JsonContent.Create(new { themeEn = "Trust", textEn = cell.Unique })),
        },
        // Organisers are answered 400 here (the country has no plan): the refusal of everyone else is what is tested.
        new AccessRule("POST", "/api/key-messages/{id:guid}/actions", Organisers)
        {
            Fresh = TheMessage, Body = (_, _) => Task.FromResult<HttpContent?>(System.Net.Http.Json.JsonContent.Create(new { countryIso3 = "ISL" })),
        },
    ];
}

/// <summary>The organisers' pages and API, as the matrix says.</summary>
public class EventsAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task The_organisers_pages_and_api_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, EventsAccessRules.All);
}

using System.Net;
using System.Net.Http.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// Issue 12: only people who organise events (organisers, content editors, administrators) reach the organisers' pages
/// and endpoints. Other signed-in people are refused (the access-denied page, 403 from the API), anonymous visitors are
/// asked to sign in (401 from the API), and a refused form post writes nothing.
/// </summary>
public sealed class EventAccessTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Pages(Guid eventId, Guid seriesId) =>
    [
        "/events/new", $"/events/{eventId}/edit", $"/events/{eventId}/agenda", $"/events/{eventId}/totals",
        $"/events/{eventId}/key-messages", "/events/series/new", $"/events/series/{seriesId}/edit",
    ];

    private async Task<(Guid EventId, Guid SeriesId, Guid MessageId)> WorldAsync()
    {
        using var api = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var eventId = await EventTestData.CreateIdAsync(api, EventTestData.Unique("Access webinar"));
        using var message = await api.PostAsJsonAsync($"/api/events/{eventId}/key-messages", new { themeEn = "Trust", textEn = "Meet often." }, Ct);
        Assert.Equal(HttpStatusCode.Created, message.StatusCode);
        var messageId = System.Text.Json.JsonDocument.Parse(await message.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        var seriesId = Guid.CreateVersion7();
        await using var db = factory.OpenSystemDb();
        db.Db.EventSeries.Add(new Pathway.Web.Events.EventSeries
        {
            Id = seriesId, Title = Pathway.Web.Localization.LocalizedText.English("Access series"), CreatedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
        });
        await db.Db.SaveChangesAsync(Ct);
        return (eventId, seriesId, messageId);
    }

    [Theory]
    [InlineData(Roles.CountryFocalPoint, "EGY")]
    [InlineData(Roles.CountryContributor, "EGY")]
    [InlineData(Roles.Reviewer, null)]
    public async Task People_who_do_not_organise_events_are_refused_on_every_page_and_endpoint(string role, string? country)
    {
        var (eventId, seriesId, messageId) = await WorldAsync();
        var user = role == Roles.Reviewer ? await factory.CreateUserAsync(role, region: "EMR") : await factory.CreateUserAsync(role, country: country);
        using var client = await factory.CreateSignedInClientAsync(user);
        foreach (var url in Pages(eventId, seriesId))
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && HttpAssert.Location(response)!.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase),
                $"{role} GET {url}: {(int)response.StatusCode} {HttpAssert.Location(response)}");
            using var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "event-edit", ["Input.TitleEn"] = "Taken over" }), Ct);
            Assert.False(post.IsSuccessStatusCode, $"{role} POST {url}: {(int)post.StatusCode}");
        }

        using var api = await factory.CreateApiClientAsync(user);
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/events", EventTestData.Body("Not mine"), Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await api.PutAsJsonAsync($"/api/events/{eventId}", EventTestData.Body("Not mine"), Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"/api/events/{eventId}/key-messages", new { themeEn = "x", textEn = "y" }, Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"/api/key-messages/{messageId}/actions", new { countryIso3 = "EGY" }, Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_sign_in()
    {
        var (eventId, seriesId, messageId) = await WorldAsync();
        using var client = factory.CreatePageClient();
        foreach (var url in Pages(eventId, seriesId))
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && HttpAssert.Location(response)!.Contains("/account/login", StringComparison.OrdinalIgnoreCase),
                $"GET {url}: {(int)response.StatusCode} {HttpAssert.Location(response)}");
        }
        using var api = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/events", EventTestData.Body("Anonymous"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsJsonAsync($"/api/events/{eventId}", EventTestData.Body("Anonymous"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync($"/api/events/{eventId}/key-messages", new { themeEn = "x", textEn = "y" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync($"/api/key-messages/{messageId}/actions", new { countryIso3 = "EGY" }, Ct)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Organiser)]
    [InlineData(Roles.ContentEditor)]
    [InlineData(Roles.Administrator)]
    public async Task Organisers_content_editors_and_administrators_reach_every_page(string role)
    {
        var (eventId, seriesId, _) = await WorldAsync();
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(role));
        foreach (var url in Pages(eventId, seriesId))
        {
            await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        }
        using var api = await factory.CreateApiClientAsync(await factory.CreateUserAsync(role));
        var body = EventTestData.Body("Edited by " + role);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/events/{eventId}", body, Ct)).StatusCode);
    }
}

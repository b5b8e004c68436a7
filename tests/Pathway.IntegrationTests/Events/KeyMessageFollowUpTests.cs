using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Events;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// Issue 12 §5: a key message becomes an action in a country's plan (with a link back, the focal points told, and the
/// organiser still kept out of the country's round), or a draft resource of the knowledge hub sent for review; a
/// country without a current plan is refused with a clear message.
/// </summary>
public sealed class KeyMessageFollowUpTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An event with one key message (on <paramref name="mechanism"/>), made by the organiser over the API.</summary>
    private static async Task<(Guid EventId, Guid MessageId, string Title)> EventWithMessageAsync(HttpClient api, string? mechanism)
    {
        var title = EventTestData.Unique("Trust webinar");
        var eventId = await EventTestData.CreateIdAsync(api, title);
        using var response = await api.PostAsJsonAsync($"/api/events/{eventId}/key-messages", new
        {
            themeEn = "Build trust",
            themeFr = "Instaurer la confiance",
            textEn = "Convene the private providers' associations twice a year.",
            textFr = "Réunir deux fois par an les associations de prestataires privés.",
            mechanismCode = mechanism,
        }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (eventId, JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid(), title);
    }

    private static Dictionary<string, object?> AnnouncedBody(string title)
    {
        var body = EventTestData.Body(title);
        body["isAnnounced"] = true;
        return body;
    }

    [Fact]
    public async Task A_key_message_becomes_an_action_in_the_countrys_plan_that_links_back_and_tells_its_focal_points()
    {
        var round = await factory.CreateRoundAsync("OMN", AssessmentStatus.Validated);
        using (var team = await factory.CreateApiClientAsync(round.Facilitator))
        {
            Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/assessments/{round.Id}/plan", null, Ct)).StatusCode);
        }
        var organiser = await factory.CreateUserAsync(Roles.Organiser);
        using var api = await factory.CreateApiClientAsync(organiser);
        var mechanism = round.MechanismCodes[0];
        var (eventId, messageId, eventTitle) = await EventWithMessageAsync(api, mechanism);

        // Through the page, in French: the action's text is the message's French text.
        using var page = await factory.CreateSignedInClientAsync(organiser);
        var html = await HttpAssert.HtmlAsync(await page.GetAsync($"/events/{eventId}/key-messages", Ct));
        Assert.Contains("value=\"OMN\"", html, StringComparison.Ordinal);
        var form = HtmlForm.Find(html, $"message-action-{messageId}")
            .Fill($"act-{messageId}-country", "OMN").Fill($"act-{messageId}-language", "fr");
        Assert.Contains("done=action", await HttpAssert.RedirectAsync(await page.PostAsync($"/events/{eventId}/key-messages", form.ToContent(), Ct)), StringComparison.Ordinal);

        Guid itemId;
        await using (var db = factory.OpenSystemDb())
        {
            var followUp = await db.Db.KeyMessageFollowUps.AsNoTracking().SingleAsync(f => f.KeyMessageId == messageId, Ct);
            Assert.Equal((FollowUpKind.Action, "OMN", organiser.Id), (followUp.Kind, followUp.CountryIso3, followUp.CreatedById));
            itemId = followUp.ActionItemId!.Value;
            var item = await db.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == itemId, Ct);
            Assert.Equal(round.Id, item.AssessmentId);
            Assert.Equal(mechanism, item.MechanismCode);
            Assert.Equal("Réunir deux fois par an les associations de prestataires privés.", item.What);
            var notice = await db.Db.Notices.AsNoTracking().SingleAsync(n => n.Kind == NoticeKind.ActionAdded && n.RecipientId == round.FocalPoint.Id, Ct);
            Assert.Equal($"/assessments/{round.Id}/plan/items/{itemId}", NoticeText.Link(notice));
            Assert.Equal(eventTitle, notice.Subject);
            Assert.True(await db.Db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.AssessmentId == round.Id && a.EntityId == itemId && a.ActorId == organiser.Id, Ct));
        }

        // The plan's item page links back to the event, once it is announced (a draft is the organisers' only).
        using (var announce = await api.PutAsJsonAsync($"/api/events/{eventId}", AnnouncedBody(eventTitle), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, announce.StatusCode);
        }
        using (var focal = await factory.CreateSignedInClientAsync(round.FocalPoint))
        {
            var itemPage = await HttpAssert.HtmlAsync(await focal.GetAsync($"/assessments/{round.Id}/plan/items/{itemId}", Ct));
            Assert.Contains($"href=\"/events/{eventId}\"", itemPage, StringComparison.Ordinal);
            Assert.Contains("From the key messages of", itemPage, StringComparison.Ordinal);
            var planPage = await HttpAssert.HtmlAsync(await focal.GetAsync($"/assessments/{round.Id}/plan", Ct));
            Assert.Contains($"href=\"/events/{eventId}\"", planPage, StringComparison.Ordinal);
        }

        // The organiser still cannot open the country's round or its plan.
        foreach (var url in new[] { $"/assessments/{round.Id}", $"/assessments/{round.Id}/plan", $"/assessments/{round.Id}/plan/items/{itemId}" })
        {
            using var response = await page.GetAsync(url, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }
        using (var apiPlan = await api.GetAsync($"/api/assessments/{round.Id}/plan", Ct))
        {
            Assert.True(apiPlan.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, apiPlan.StatusCode.ToString());
        }
    }

    [Fact]
    public async Task A_key_message_becomes_a_draft_resource_sent_for_review()
    {
        var organiser = await factory.CreateUserAsync(Roles.Organiser);
        using var api = await factory.CreateApiClientAsync(organiser);
        var (eventId, messageId, eventTitle) = await EventWithMessageAsync(api, "DS.1");
        using var page = await factory.CreateSignedInClientAsync(organiser);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await page.GetAsync($"/events/{eventId}/key-messages", Ct)), $"message-resource-{messageId}");
        Assert.Contains("done=resource", await HttpAssert.RedirectAsync(await page.PostAsync($"/events/{eventId}/key-messages", form.ToContent(), Ct)), StringComparison.Ordinal);

        await using var db = factory.OpenSystemDb();
        var followUp = await db.Db.KeyMessageFollowUps.AsNoTracking().SingleAsync(f => f.KeyMessageId == messageId, Ct);
        Assert.Equal(FollowUpKind.Resource, followUp.Kind);
        var resource = await db.Db.Set<Resource>().AsNoTracking().Include(r => r.Tags).SingleAsync(r => r.Id == followUp.ResourceId, Ct);
        Assert.Equal($"Build trust — {eventTitle}", resource.Title.En);
        Assert.Contains($"/events/{eventId}", resource.Summary.En, StringComparison.Ordinal);
        Assert.Equal(ModerationState.InReview, resource.State);
        Assert.Equal(organiser.Id, resource.CreatedById);
        Assert.Contains(resource.Tags, tag => tag.Facet == TagFacet.Mechanism && tag.Value == "DS.1");
    }

    [Fact]
    public async Task A_country_without_a_current_plan_is_refused_with_a_clear_message()
    {
        var organiser = await factory.CreateUserAsync(Roles.Organiser);
        using var api = await factory.CreateApiClientAsync(organiser);
        var (_, messageId, _) = await EventWithMessageAsync(api, "DS.1");
        // A validated round whose team has not started a plan: still no plan to add to.
        await factory.CreateRoundAsync("NAM", AssessmentStatus.Validated);
        foreach (var country in new[] { "NAM", "ISL" })
        {
            var problem = await HttpAssert.ProblemAsync(
                await api.PostAsJsonAsync($"/api/key-messages/{messageId}/actions", new { countryIso3 = country }, Ct), HttpStatusCode.BadRequest);
            Assert.Contains($"{country} has no current action plan to add to", problem.GetProperty("errors").GetProperty("CountryIso3")[0].GetString(), StringComparison.Ordinal);
        }
        await using var db = factory.OpenSystemDb();
        Assert.False(await db.Db.KeyMessageFollowUps.AnyAsync(f => f.KeyMessageId == messageId, Ct));
    }
}

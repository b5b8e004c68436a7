using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// A country team proposes a case study from its plan's completed actions: the panel on a done plan item, the
/// prefilled draft (page and API) that keeps the link back to the item, and the refusals for an item not done
/// and for another country's round.
/// </summary>
public class CaseStudyProposalTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Guid> AddItemAsync(HttpClient api, TestRound round, string what, bool done)
    {
        var today = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        using var added = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items", new Dictionary<string, object?>
        {
            ["mechanismCode"] = round.MechanismCodes[0],
            ["what"] = what,
            ["responsibleOrganisation"] = "Ministry of Health",
            ["start"] = Iso(today.AddYears(-2)),
            ["due"] = Iso(today.AddMonths(-1)),
            ["fromLevel"] = 2,
            ["toLevel"] = 3,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var item = JsonDocument.Parse(await added.Content.ReadAsStringAsync(Ct));
        var id = item.RootElement.GetProperty("id").GetGuid();
        if (done)
        {
            using var noted = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items/{id}/notes",
                new { on = Iso(today.AddDays(-2)), status = "Done", text = "Contracts signed with the clinics." }, Ct);
            await HttpAssert.JsonAsync(noted);
        }
        return id;
    }

    [Fact]
    public async Task A_done_plan_item_prefills_a_draft_that_keeps_the_link_back_and_other_items_or_countries_are_refused()
    {
        var round = await factory.CreateRoundAsync("RWA", AssessmentStatus.Validated);
        using var team = await factory.CreateApiClientAsync(round.FocalPoint);
        var doneItem = await AddItemAsync(team, round, "Sign service contracts with private maternity clinics.", done: true);
        var openItem = await AddItemAsync(team, round, "Publish the list of contracted clinics.", done: false);

        // The panel shows on the done item only.
        using var pages = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var donePage = await HttpAssert.HtmlAsync(await pages.GetAsync($"/assessments/{round.Id}/plan/items/{doneItem}", Ct));
        Assert.Contains($"/case-studies/new?round={round.Id}&amp;item={doneItem}", donePage, StringComparison.Ordinal);
        var openPage = await HttpAssert.HtmlAsync(await pages.GetAsync($"/assessments/{round.Id}/plan/items/{openItem}", Ct));
        Assert.DoesNotContain("propose-case-study", openPage, StringComparison.Ordinal);

        // The API's proposal: prefilled from the item.
        var proposal = await HttpAssert.JsonAsync(await team.GetAsync($"/api/case-studies/proposal?assessmentId={round.Id}&actionItemId={doneItem}", Ct));
        Assert.Equal("RWA", proposal.GetProperty("countryIso3").GetString());
        Assert.Equal(round.MechanismCodes[0], proposal.GetProperty("mechanisms")[0].GetString());
        Assert.Equal("Sign service contracts with private maternity clinics.", proposal.GetProperty("whatWasDone").GetProperty("en").GetString());
        Assert.Equal(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year - 2, proposal.GetProperty("fromYear").GetInt32());

        // Refused: an item not done (400), another country's focal point (404: the round does not exist for them).
        using (var notDone = await team.GetAsync($"/api/case-studies/proposal?assessmentId={round.Id}&actionItemId={openItem}", Ct))
        {
            await HttpAssert.ProblemAsync(notDone, HttpStatusCode.BadRequest);
        }
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "BDI");
        using var strangerApi = await factory.CreateApiClientAsync(stranger);
        using (var foreign = await strangerApi.GetAsync($"/api/case-studies/proposal?assessmentId={round.Id}&actionItemId={doneItem}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }
        using (var smuggled = await strangerApi.PostAsJsonAsync("/api/case-studies", WithOrigin(CaseStudyTests.Body("BDI", "Not ours"), round.Id, doneItem), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, smuggled.StatusCode);
        }
        using (var notDoneCreate = await team.PostAsJsonAsync("/api/case-studies", WithOrigin(CaseStudyTests.Body("RWA", "From an open item"), round.Id, openItem), Ct))
        {
            await HttpAssert.ProblemAsync(notDoneCreate, HttpStatusCode.BadRequest);
        }

        // The page: the prefilled draft, completed by the team and saved with the link back.
        var newPage = await HttpAssert.HtmlAsync(await pages.GetAsync($"/case-studies/new?round={round.Id}&item={doneItem}", Ct));
        Assert.Contains("Sign service contracts with private maternity clinics.", newPage, StringComparison.Ordinal);
        var form = HtmlForm.Find(newPage, "case-study").With("Problem.en", "Private maternity clinics worked outside any agreement.");
        using var saved = await pages.PostAsync($"/case-studies/new?round={round.Id}&item={doneItem}", form.ToContent(), Ct);
        var location = await HttpAssert.RedirectAsync(saved);
        var id = Guid.Parse(location.Split('?')[0].TrimEnd('/').Split('/')[^1]);
        var draft = await HttpAssert.JsonAsync(await team.GetAsync($"/api/case-studies/{id}", Ct));
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal(doneItem, draft.GetProperty("sourceActionItemId").GetGuid());
        Assert.Equal(round.Id, draft.GetProperty("sourceAssessmentId").GetGuid());
        var donePageAfter = await HttpAssert.HtmlAsync(await pages.GetAsync($"/assessments/{round.Id}/plan/items/{doneItem}", Ct));
        Assert.Contains($"/case-studies/{id}", donePageAfter, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> WithOrigin(object body, Guid roundId, Guid itemId)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        fields["sourceAssessmentId"] = roundId;
        fields["sourceActionItemId"] = itemId;
        return fields;
    }
}

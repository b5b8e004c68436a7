using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Planning;

/// <summary>Priorities: the ranking and its reasons, reordering by a score, weights, refusals with nothing half-saved, the page and access.</summary>
public class PrioritiesTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(TestRound round) => $"/api/assessments/{round.Id}/priorities";

    private static List<string> Ranked(JsonElement list) =>
        [.. list.GetProperty("ranked").EnumerateArray().Select(row => row.GetProperty("mechanism").GetString()!)];

    private static JsonElement RankedRow(JsonElement list, string code) =>
        Assert.Single(list.GetProperty("ranked").EnumerateArray(), row => row.GetProperty("mechanism").GetString() == code);

    [Fact]
    public async Task Equal_gaps_and_scores_rank_in_framework_order_and_say_they_tied()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        using var api = await factory.ApiAsync(round.FocalPoint);

        var list = await HttpAssert.JsonAsync(await api.GetAsync(Url(round), Ct));

        Assert.Equal(codes, Ranked(list));
        var first = RankedRow(list, codes[0]);
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal((1, 2, 3, 3, 8), (first.GetProperty("gap").GetInt32(), first.GetProperty("gapPoints").GetInt32(),
            first.GetProperty("impactPoints").GetInt32(), first.GetProperty("feasibilityPoints").GetInt32(), first.GetProperty("score").GetInt32()));
        Assert.Equal(codes.Skip(1), first.GetProperty("tiedWith").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((2, 1, 1), (list.GetProperty("weights").GetProperty("gap").GetInt32(),
            list.GetProperty("weights").GetProperty("impact").GetInt32(), list.GetProperty("weights").GetProperty("feasibility").GetInt32()));
        Assert.Empty(list.GetProperty("leftOut").EnumerateArray());
    }

    [Fact]
    public async Task Mechanisms_at_target_without_evidence_or_not_applicable_are_left_out_with_the_reason()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        await factory.SetAgreedAsync(round, new Dictionary<string, MechanismAnswer>
        {
            [codes[0]] = MechanismAnswer.Rated(4),
            [codes[1]] = MechanismAnswer.InsufficientInformation,
            [codes[2]] = MechanismAnswer.NotApplicable,
            [codes[3]] = MechanismAnswer.Rated(1),
        });
        using var api = await factory.ApiAsync(round.FocalPoint);
        using (var keep = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/targets", new[] { new { mechanism = codes[4], targetLevel = 2, horizonMonths = 12 } }, Ct))
        {
            await HttpAssert.JsonAsync(keep);
        }

        var list = await HttpAssert.JsonAsync(await api.GetAsync(Url(round), Ct));

        Assert.Equal(
            [(codes[0], "AtTarget"), (codes[1], "BuildEvidence"), (codes[2], "NotApplicable"), (codes[4], "AtTarget")],
            list.GetProperty("leftOut").EnumerateArray().Select(row => (row.GetProperty("mechanism").GetString()!, row.GetProperty("reason").GetString()!)));
        Assert.Equal(codes[3], Ranked(list)[0]);
        Assert.Equal(1, RankedRow(list, codes[3]).GetProperty("gap").GetInt32());
        Assert.Equal(codes.Count - 4, Ranked(list).Count);
    }

    [Fact]
    public async Task A_higher_feasibility_moves_a_mechanism_up_and_the_weights_are_stored_on_the_plan()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        var last = codes[^1];
        using var api = await factory.ApiAsync(round.Facilitator);

        using var response = await api.PutAsJsonAsync(Url(round), new
        {
            weights = new { gap = 1, impact = 1, feasibility = 3 },
            scores = new[] { new { mechanism = last, impact = 3, feasibility = 5, note = "A decree is already drafted." } },
        }, Ct);

        var list = await HttpAssert.JsonAsync(response);
        Assert.Equal(last, Ranked(list)[0]);
        Assert.Equal(codes[0], Ranked(list)[1]);
        var top = RankedRow(list, last);
        Assert.Equal((1, 3, 15, 19), (top.GetProperty("gapPoints").GetInt32(), top.GetProperty("impactPoints").GetInt32(),
            top.GetProperty("feasibilityPoints").GetInt32(), top.GetProperty("score").GetInt32()));
        Assert.Empty(top.GetProperty("tiedWith").EnumerateArray());
        Assert.Equal("A decree is already drafted.", top.GetProperty("note").GetString());
        var plan = await factory.StoredPlanAsync(round);
        Assert.NotNull(plan);
        Assert.Equal((1, 1, 3), (plan.GapWeight, plan.ImpactWeight, plan.FeasibilityWeight));
        var row = Assert.Single(await factory.StoredTargetsAsync(round));
        Assert.Equal((last, 3, 12, 5), (row.MechanismCode, row.TargetLevel!.Value, row.HorizonMonths, row.Feasibility));
    }

    [Fact]
    public async Task Bad_weights_or_scores_save_nothing()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        using var api = await factory.ApiAsync(round.FocalPoint);

        using var allZero = await api.PutAsJsonAsync(Url(round), new
        {
            weights = new { gap = 0, impact = 0, feasibility = 0 },
            scores = new[] { new { mechanism = codes[0], impact = 5, feasibility = 5 } },
        }, Ct);
        var zero = await HttpAssert.ProblemAsync(allZero, HttpStatusCode.BadRequest);
        Assert.Contains("At least one weight", zero.GetProperty("errors").GetProperty("Weights.Gap")[0].GetString(), StringComparison.Ordinal);

        using var badScore = await api.PutAsJsonAsync(Url(round), new
        {
            weights = new { gap = 6, impact = 1, feasibility = 1 },
            scores = new[]
            {
                new { mechanism = codes[0], impact = 5, feasibility = 5 },
                new { mechanism = codes[1], impact = 0, feasibility = 3 },
                new { mechanism = "XX.1", impact = 3, feasibility = 3 },
            },
        }, Ct);
        var problem = await HttpAssert.ProblemAsync(badScore, HttpStatusCode.BadRequest);
        Assert.Equal(
            [$"Scores[{codes[1]}].Impact", "Scores[XX.1].Mechanism", "Weights.Gap"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith($"{codes[1]}:", problem.GetProperty("errors").GetProperty($"Scores[{codes[1]}].Impact")[0].GetString(), StringComparison.Ordinal);

        Assert.Null(await factory.StoredPlanAsync(round));
        Assert.Empty(await factory.StoredTargetsAsync(round));
    }

    [Fact]
    public async Task Page_reorders_the_ranking_when_a_feasibility_score_changes()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        var url = $"/assessments/{round.Id}/priorities";
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=en", Ct));
        Assert.Equal(codes, TargetTestHelpers.RowCodes(page));
        Assert.Contains($"gap 1 × 2 + impact 3 × 1 + feasibility 3 × 1 = 8; tied with \u2068{codes[1]}\u2069", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/plan/recommendations/{codes[0]}\">Recommended actions", page, StringComparison.Ordinal);

        var form = HtmlForm.Find(page, "priorities").Fill($"feasibility-{codes[2]}", "5");
        Assert.Equal($"Scores[{codes[2]}].Feasibility", form.NameOf($"feasibility-{codes[2]}"));
        using var response = await client.PostAsync(url, form.ToContent(), Ct);

        Assert.Equal($"{url}?saved=true", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        var after = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?saved=true", Ct));
        Assert.Equal([codes[2], codes[0], codes[1], .. codes.Skip(3)], TargetTestHelpers.RowCodes(after));
        Assert.Contains("gap 1 × 2 + impact 3 × 1 + feasibility 5 × 1 = 10", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.Contains("Scores and weights are saved", after, StringComparison.Ordinal);
        Assert.Equal("5", HtmlForm.Find(after, "priorities").Fields[$"Scores[{codes[2]}].Feasibility"]);
    }

    [Fact]
    public async Task Page_weights_change_the_order_and_a_refusal_keeps_the_choices()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        var url = $"/assessments/{round.Id}/priorities";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=en", Ct));

        var refused = HtmlForm.Find(page, "priorities").Fill("weight-gap", "0").Fill("weight-impact", "0").Fill("weight-feasibility", "0")
            .Fill($"impact-{codes[1]}", "5");
        using var response = await client.PostAsync(url, refused.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        var shown = HtmlForm.Find(html, "priorities");
        Assert.Equal("0", shown.Fields["Weights.Gap"]);
        Assert.Equal("5", shown.Fields[$"Scores[{codes[1]}].Impact"]);
        Assert.Null(await factory.StoredPlanAsync(round));

        using var accepted = await client.PostAsync(url, shown.Fill("weight-impact", "1").ToContent(), Ct);
        await HttpAssert.RedirectAsync(accepted);
        var after = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        Assert.Equal(codes[1], TargetTestHelpers.RowCodes(after)[0]);
    }

    [Fact]
    public async Task Access_other_countries_see_nothing_respondents_cannot_write_reviewers_read()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var body = new { scores = new[] { new { mechanism = round.MechanismCodes[0], impact = 5, feasibility = 5 } } };
        var otherFocalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");

        using (var other = await factory.ApiAsync(otherFocalPoint))
        {
            await HttpAssert.ProblemAsync(await other.GetAsync(Url(round), Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await other.PutAsJsonAsync(Url(round), body, Ct), HttpStatusCode.NotFound);
        }
        using (var respondent = await factory.ApiAsync(round.PrivateRespondent))
        {
            await HttpAssert.JsonAsync(await respondent.GetAsync(Url(round), Ct));
            await HttpAssert.ProblemAsync(await respondent.PutAsJsonAsync(Url(round), body, Ct), HttpStatusCode.Forbidden);
        }
        using (var review = await factory.ApiAsync(reviewer))
        {
            await HttpAssert.JsonAsync(await review.GetAsync(Url(round), Ct));
            await HttpAssert.ProblemAsync(await review.PutAsJsonAsync(Url(round), body, Ct), HttpStatusCode.Forbidden);
        }
        var draft = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        using (var focal = await factory.ApiAsync(draft.FocalPoint))
        {
            await HttpAssert.ProblemAsync(await focal.GetAsync(Url(draft), Ct), HttpStatusCode.BadRequest);
            await HttpAssert.ProblemAsync(await focal.PutAsJsonAsync(Url(draft), body, Ct), HttpStatusCode.BadRequest);
        }
        using var reviewerPage = await factory.CreateSignedInClientAsync(reviewer);
        var readOnly = await HttpAssert.HtmlAsync(await reviewerPage.GetAsync($"/assessments/{round.Id}/priorities?culture=en", Ct));
        Assert.Equal(round.MechanismCodes, TargetTestHelpers.RowCodes(readOnly));
        Assert.DoesNotContain("Update ranking", readOnly, StringComparison.Ordinal);
        using var otherPage = await factory.CreateSignedInClientAsync(otherFocalPoint);
        using var hidden = await otherPage.GetAsync($"/assessments/{round.Id}/priorities", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty(await factory.StoredTargetsAsync(round));
        Assert.Null(await factory.StoredPlanAsync(round));
    }

    [Fact]
    public async Task Priorities_page_renders_in_Arabic_right_to_left()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/priorities?culture=ar", Ct)));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("تحديث الترتيب", html, StringComparison.Ordinal);
        Assert.Contains("الفجوة 1 × 2 + الأثر 3 × 1 + الجدوى 3 × 1 = 8", html, StringComparison.Ordinal);
    }
}

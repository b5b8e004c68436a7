using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// Progress across rounds on one framework version: levels then and now, the change, the actions
/// completed in between, and refusals. Each test uses a country of its own, so the rounds of the
/// other tests on this database are never "the same country and scope".
/// </summary>
public class ComparisonTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private async Task<JsonElement> CompareAsync(TestUser user, Guid id, Guid otherId)
    {
        using var api = await ApiAsync(user);
        using var response = await api.GetAsync($"/api/assessments/{id}/compare/{otherId}", Ct);
        return await HttpAssert.JsonAsync(response);
    }

    private async Task<List<Guid>> ComparableAsync(TestUser user, Guid id)
    {
        using var api = await ApiAsync(user);
        using var response = await api.GetAsync($"/api/assessments/{id}/comparable-rounds", Ct);
        var rounds = await HttpAssert.JsonAsync(response);
        return [.. rounds.EnumerateArray().Select(round => round.GetProperty("id").GetGuid())];
    }

    /// <summary>The page's text as a reader sees it: entities decoded, bidirectional isolates left out.</summary>
    private async Task<string> PageAsync(TestUser user, string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = await factory.CreateSignedInClientAsync(user);
        using var response = await client.GetAsync(path, Ct);
        return WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response, status)).Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);
    }

    private static JsonElement Mechanism(JsonElement comparison, string code) =>
        Assert.Single(comparison.GetProperty("mechanisms").EnumerateArray(), mechanism => mechanism.GetProperty("code").GetString() == code);

    private static JsonElement Behaviour(JsonElement comparison, string code) =>
        Assert.Single(comparison.GetProperty("behaviours").EnumerateArray(), behaviour => behaviour.GetProperty("code").GetString() == code);

    private static (string? State, int? Level) Answer(JsonElement answer) =>
        (answer.GetProperty("state").GetString(), answer.GetProperty("level").ValueKind == JsonValueKind.Null ? null : answer.GetProperty("level").GetInt32());

    private static int? Change(JsonElement element) =>
        element.GetProperty("change").ValueKind == JsonValueKind.Null ? null : element.GetProperty("change").GetInt32();

    [Fact]
    public async Task Two_rounds_of_a_country_show_each_level_then_and_now_the_change_and_the_actions_completed_in_between()
    {
        var earlier = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(earlier, new Dictionary<string, MechanismAnswer>
        {
            ["DS.1"] = MechanismAnswer.Rated(1),
            ["DS.3"] = MechanismAnswer.InsufficientInformation,
        });
        var done = await factory.AddActionAsync(earlier, "DS.1", "Draft the national health strategy with the private sector", completedOn: new DateOnly(2026, 5, 12));
        await factory.AddActionAsync(earlier, "DS.1", "Cost the strategy (still going)", ActionStatus.OnTrack);
        var later = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(later, new Dictionary<string, MechanismAnswer>
        {
            ["DS.1"] = MechanismAnswer.Rated(3),
            ["DS.2"] = MechanismAnswer.Rated(1),
        });
        await factory.AddActionAsync(later, "DS.1", "Done in the newer round's own plan");

        var comparison = await CompareAsync(later.FocalPoint, later.Id, earlier.Id);

        Assert.Equal(earlier.Id, comparison.GetProperty("older").GetProperty("id").GetGuid());
        Assert.Equal(later.Id, comparison.GetProperty("newer").GetProperty("id").GetGuid());
        Assert.True(comparison.GetProperty("sameVersion").GetBoolean());
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("crosswalkVersion").ValueKind);
        Assert.Empty(comparison.GetProperty("notComparable").EnumerateArray());
        Assert.Equal(later.MechanismCodes, comparison.GetProperty("mechanisms").EnumerateArray().Select(m => m.GetProperty("code").GetString()));

        var strategy = Mechanism(comparison, "DS.1");
        Assert.Equal(("Rated", 1), Answer(strategy.GetProperty("then")));
        Assert.Equal(("Rated", 3), Answer(strategy.GetProperty("now")));
        Assert.Equal(2, Change(strategy));
        Assert.Equal("Same", strategy.GetProperty("pairing").GetString());
        Assert.Equal("DS.1", strategy.GetProperty("previousCode").GetString());
        var action = Assert.Single(strategy.GetProperty("completedActions").EnumerateArray());
        Assert.Equal(done, action.GetProperty("id").GetGuid());
        Assert.Equal(earlier.Id, action.GetProperty("assessmentId").GetGuid());
        Assert.Equal("2026-05-12", action.GetProperty("completedOn").GetString());

        Assert.Equal(-1, Change(Mechanism(comparison, "DS.2")));
        var gap = Mechanism(comparison, "DS.3");
        Assert.Equal(("InsufficientInformation", null), Answer(gap.GetProperty("then")));
        Assert.Null(Change(gap));
        Assert.Equal(0, Change(Mechanism(comparison, "AS.1")));
        Assert.Empty(Mechanism(comparison, "AS.1").GetProperty("completedActions").EnumerateArray());

        // Deliver strategy: rated 1, 2, 2 (1.7) then 3, 1, 2, 2 (2.0).
        var deliver = Behaviour(comparison, "DS");
        Assert.Equal(1.7m, deliver.GetProperty("then").GetProperty("mean").GetDecimal());
        Assert.Equal(2.0m, deliver.GetProperty("now").GetProperty("mean").GetDecimal());
        Assert.Equal(0.3m, deliver.GetProperty("change").GetDecimal());
        Assert.Equal(0m, Behaviour(comparison, "AS").GetProperty("change").GetDecimal());

        // Asked from the other round, the order is still older → newer.
        var reversed = await CompareAsync(earlier.Facilitator, earlier.Id, later.Id);
        Assert.Equal(earlier.Id, reversed.GetProperty("older").GetProperty("id").GetGuid());
        Assert.Equal(2, Change(Mechanism(reversed, "DS.1")));
    }

    [Fact]
    public async Task The_comparison_page_names_both_rounds_shows_changes_in_words_and_lists_completed_actions()
    {
        var earlier = await factory.CreateRoundAsync("GHA", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(earlier, new Dictionary<string, MechanismAnswer>
        {
            ["DS.1"] = MechanismAnswer.Rated(1),
            ["DS.2"] = MechanismAnswer.Rated(1),
        });
        await factory.AddActionAsync(earlier, "DS.1", "Publish the licensing register", completedOn: new DateOnly(2026, 3, 4));
        var later = await factory.CreateRoundAsync("GHA", AssessmentStatus.Validated);
        // Deliver strategy goes from 1.5 to 2.0; AS.1 drops a level.
        await factory.SetAgreedAsync(later, new Dictionary<string, MechanismAnswer>
        {
            ["DS.1"] = MechanismAnswer.Rated(3),
            ["DS.2"] = MechanismAnswer.Rated(1),
            ["AS.1"] = MechanismAnswer.Rated(1),
        });

        var chooser = await PageAsync(later.Facilitator, $"/assessments/{later.Id}/compare");
        Assert.Contains($"href=\"/assessments/{later.Id}/compare/{earlier.Id}\"", chooser, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\" href=\"/assessments/" + later.Id + "/compare\"", chooser, StringComparison.Ordinal);

        var html = await PageAsync(later.Observer, $"/assessments/{later.Id}/compare/{earlier.Id}");

        Assert.Matches($"<h2[^>]*>From {Regex.Escape(await TitleAsync(earlier))} \\(.+\\) to {Regex.Escape(await TitleAsync(later))} \\(", html);
        Assert.Contains("Both rounds use framework version 1", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Behaviour scores then and now, and the change</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Then</th>", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">↑</span> <bdi>+2</bdi> higher", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">↑</span> <bdi>+0.5</bdi> higher", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">↓</span> <bdi>−1</bdi> lower", html, StringComparison.Ordinal);
        Assert.Contains("no change", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>Publish the licensing register</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("completed 4 Mar 2026", html, StringComparison.Ordinal);
        Assert.Contains("Every mechanism of both rounds is compared.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        var french = await PageAsync(later.Observer, $"/assessments/{later.Id}/compare/{earlier.Id}?culture=fr");
        Assert.Contains("<bdi>+0,5</bdi> en hausse", french, StringComparison.Ordinal);
        Assert.Contains("réalisée le 4 mars 2026", french, StringComparison.Ordinal);
        var arabic = await PageAsync(later.Observer, $"/assessments/{later.Id}/compare/{earlier.Id}?culture=ar");
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">↑</span> <bdi>+2</bdi> ارتفاع", arabic, StringComparison.Ordinal);
    }

    private async Task<string> TitleAsync(TestRound round)
    {
        using var api = await ApiAsync(round.FocalPoint);
        using var response = await api.GetAsync($"/api/assessments/{round.Id}", Ct);
        return (await HttpAssert.JsonAsync(response)).GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task Comparable_rounds_are_the_other_rounds_of_the_same_country_and_scope_with_agreed_answers_newest_first()
    {
        var first = await factory.CreateRoundAsync("PER", AssessmentStatus.Validated);
        var draft = await factory.CreateRoundAsync("PER", AssessmentStatus.Draft);
        var regional = await factory.CreateRoundAsync("PER", AssessmentStatus.Validated);
        await factory.SetScopeAsync(regional, AssessmentScope.Subnational, "Cusco");
        var elsewhere = await factory.CreateRoundAsync("BOL", AssessmentStatus.Validated);
        var second = await factory.CreateRoundAsync("PER", AssessmentStatus.Submitted);
        var third = await factory.CreateRoundAsync("PER", AssessmentStatus.Published);

        Assert.Equal([third.Id, second.Id], await ComparableAsync(first.FocalPoint, first.Id));
        Assert.Equal([third.Id, first.Id], await ComparableAsync(second.Facilitator, second.Id));
        Assert.Equal([third.Id, second.Id, first.Id], await ComparableAsync(draft.FocalPoint, draft.Id));
        Assert.Empty(await ComparableAsync(regional.FocalPoint, regional.Id));
        Assert.Empty(await ComparableAsync(elsewhere.FocalPoint, elsewhere.Id));
    }

    [Fact]
    public async Task A_round_with_no_other_round_of_its_country_and_scope_says_so()
    {
        var only = await factory.CreateRoundAsync("SEN", AssessmentStatus.Validated);

        var html = await PageAsync(only.FocalPoint, $"/assessments/{only.Id}/compare");

        Assert.Contains("There is no other round of this country and scope with agreed ratings yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("compare-choices", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rounds_of_different_scopes_are_refused_with_a_clear_message()
    {
        var national = await factory.CreateRoundAsync("VNM", AssessmentStatus.Validated);
        var hanoi = await factory.CreateRoundAsync("VNM", AssessmentStatus.Validated);
        await factory.SetScopeAsync(hanoi, AssessmentScope.Subnational, "Hanoi");
        var hue = await factory.CreateRoundAsync("VNM", AssessmentStatus.Validated);
        await factory.SetScopeAsync(hue, AssessmentScope.Subnational, "Huế");

        using var api = await ApiAsync(national.FocalPoint);
        foreach (var (id, otherId) in new[] { (national.Id, hanoi.Id), (hanoi.Id, hue.Id) })
        {
            using var response = await api.GetAsync($"/api/assessments/{id}/compare/{otherId}", Ct);
            var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("different scopes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var html = await PageAsync(national.FocalPoint, $"/assessments/{national.Id}/compare/{hanoi.Id}");
        Assert.Contains("These rounds cannot be compared", html, StringComparison.Ordinal);
        Assert.Contains("different scopes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("compare-behaviours", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rounds_of_different_countries_are_refused_even_for_someone_who_sees_both()
    {
        var egypt = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var jordan = await factory.CreateRoundAsync("JOR", AssessmentStatus.Validated);
        var administrator = await factory.CreateUserAsync(Roles.Administrator);

        using var api = await ApiAsync(administrator);
        using var response = await api.GetAsync($"/api/assessments/{egypt.Id}/compare/{jordan.Id}", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("different countries", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_compared_with_itself_is_refused()
    {
        var round = await factory.CreateRoundAsync("LBN", AssessmentStatus.Validated);

        using var api = await ApiAsync(round.FocalPoint);
        using var response = await api.GetAsync($"/api/assessments/{round.Id}/compare/{round.Id}", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("cannot be compared with itself", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_countrys_round_is_not_found_never_forbidden()
    {
        var own = await factory.CreateRoundAsync("TUN", AssessmentStatus.Validated);
        var other = await factory.CreateRoundAsync("MAR", AssessmentStatus.Validated);

        using var api = await ApiAsync(own.FocalPoint);
        foreach (var path in new[]
        {
            $"/api/assessments/{own.Id}/compare/{other.Id}",
            $"/api/assessments/{other.Id}/compare/{own.Id}",
            $"/api/assessments/{other.Id}/comparable-rounds",
        })
        {
            using var response = await api.GetAsync(path, Ct);
            await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        var html = await PageAsync(own.Facilitator, $"/assessments/{own.Id}/compare/{other.Id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("compare-behaviours", html, StringComparison.Ordinal);
        await PageAsync(own.Facilitator, $"/assessments/{other.Id}/compare", HttpStatusCode.NotFound);
    }
}

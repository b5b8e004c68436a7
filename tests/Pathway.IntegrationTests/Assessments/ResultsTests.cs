using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Scores come from the stored consensus on every request: through the API and on the results page.</summary>
public class ResultsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>AS has five mechanisms: levels 2, 3, 3, an information gap and not applicable give a mean of 2.7 with one gap.</summary>
    private static readonly (string Code, MechanismAnswer Answer)[] AlignStructures =
    [
        ("AS.1", MechanismAnswer.Rated(2)),
        ("AS.2", MechanismAnswer.Rated(3)),
        ("AS.3", MechanismAnswer.Rated(3)),
        ("AS.4", MechanismAnswer.InsufficientInformation),
        ("AS.5", MechanismAnswer.NotApplicable),
    ];

    private async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private async Task<JsonElement> ScoresAsync(TestRound round, TestUser? user = null, string query = "")
    {
        using var client = await ApiClientAsync(user ?? round.FocalPoint);
        using var response = await client.GetAsync($"/api/assessments/{round.Id}/scores{query}", Ct);
        return await HttpAssert.JsonAsync(response);
    }

    private async Task<string> ResultsPageAsync(TestRound round, TestUser? user = null, string query = "")
    {
        using var client = await factory.CreateSignedInClientAsync(user ?? round.Facilitator);
        using var response = await client.GetAsync($"/assessments/{round.Id}/results{query}", Ct);
        // Decoded, so assertions read text as a person does (Blazor writes non-ASCII characters as entities).
        return WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response));
    }

    /// <summary>Every mechanism code of framework version 1, behaviour by behaviour, in framework order.</summary>
    private async Task<List<string?>> FrameworkOrderAsync()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/frameworks/1", Ct);
        var framework = await HttpAssert.JsonAsync(response);
        return [.. framework.GetProperty("behaviours").EnumerateArray()
            .SelectMany(behaviour => behaviour.GetProperty("mechanisms").EnumerateArray())
            .Select(mechanism => mechanism.GetProperty("code").GetString())];
    }

    private static JsonElement Behaviour(JsonElement scores, string code) =>
        scores.GetProperty("behaviours").EnumerateArray().Single(behaviour => behaviour.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Scores_are_computed_from_the_stored_consensus()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, AlignStructures);

        var scores = await ScoresAsync(round);

        Assert.Equal(ScoringRule.Version, scores.GetProperty("ruleVersion").GetString());
        Assert.Equal(1, scores.GetProperty("informationGaps").GetInt32());
        // Four of the 27 applicable mechanisms have an agreed answer (AS.5 is not applicable).
        Assert.Equal(Math.Round(4m / 27, 4), scores.GetProperty("completeness").GetDecimal());
        var align = Behaviour(scores, "AS");
        Assert.Equal(2.7m, align.GetProperty("mean").GetDecimal());
        Assert.Equal("Scored", align.GetProperty("status").GetString());
        Assert.Equal("Progressing", align.GetProperty("band").GetString());
        var coverage = align.GetProperty("coverage");
        Assert.Equal((3, 0, 1, 1, 0), (coverage.GetProperty("rated").GetInt32(), coverage.GetProperty("dontKnow").GetInt32(),
            coverage.GetProperty("insufficientInformation").GetInt32(), coverage.GetProperty("notApplicable").GetInt32(),
            coverage.GetProperty("notAssessed").GetInt32()));
        var strategy = Behaviour(scores, "DS");
        Assert.Equal(JsonValueKind.Null, strategy.GetProperty("mean").ValueKind);
        Assert.Equal("InsufficientInformation", strategy.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, strategy.GetProperty("band").ValueKind);

        var mechanisms = scores.GetProperty("mechanisms").EnumerateArray().ToList();
        Assert.Equal(await FrameworkOrderAsync(), mechanisms.Select(m => m.GetProperty("code").GetString()));
        var gap = mechanisms.Single(m => m.GetProperty("code").GetString() == "AS.4");
        Assert.Equal(("AS", "InsufficientInformation", JsonValueKind.Null), (gap.GetProperty("behaviourCode").GetString(), gap.GetProperty("state").GetString(), gap.GetProperty("level").ValueKind));
        var rated = mechanisms.Single(m => m.GetProperty("code").GetString() == "AS.2");
        Assert.Equal(("Rated", 3), (rated.GetProperty("state").GetString(), rated.GetProperty("level").GetInt32()));
        Assert.Equal("NotAssessed", mechanisms.Single(m => m.GetProperty("code").GetString() == "DS.1").GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_results_page_shows_the_radar_the_heat_map_their_tables_and_how_each_score_was_calculated()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, AlignStructures);

        var html = await ResultsPageAsync(round);

        Assert.Contains("<svg class=\"radar\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("radar-table", html, StringComparison.Ordinal);
        Assert.Contains("<polygon class=\"radar-profile\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"heatmap\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("heatmap-table", html, StringComparison.Ordinal);
        Assert.Equal(round.MechanismCodes.Count, Occurrences(html, "class=\"heatmap-cell\""));
        Assert.Equal(6, Occurrences(html, "class=\"radar-label\""));
        Assert.Equal(6, Occurrences(html, "class=\"score-explanation\""));
        Assert.Contains(">2.7</td>", html, StringComparison.Ordinal);
        Assert.Contains("Sum 8 ÷ 3 = 2.7", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/methodology\"", html, StringComparison.Ordinal);
        Assert.Contains("data-mechanism=\"AS.4\" data-state=\"InsufficientInformation\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("results-empty", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_consensus_changes_the_score_at_once_in_the_api_and_on_the_page()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, AlignStructures);
        Assert.Equal(2.7m, Behaviour(await ScoresAsync(round), "AS").GetProperty("mean").GetDecimal());

        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(4)));

        var corrected = Behaviour(await ScoresAsync(round), "AS");
        Assert.Equal(3.3m, corrected.GetProperty("mean").GetDecimal());
        Assert.Equal("Established", corrected.GetProperty("band").GetString());
        var html = await ResultsPageAsync(round);
        Assert.Contains(">3.3</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">2.7</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Arabic_the_results_page_is_right_to_left_with_a_mirrored_radar()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, AlignStructures);

        var html = await ResultsPageAsync(round, query: "?culture=ar");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("direction=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"radar\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("radar-table", html, StringComparison.Ordinal);
        Assert.Contains("النتائج", html, StringComparison.Ordinal);
        Assert.Contains($">{2.7m.ToString("0.0", Cultures.Create("ar"))}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_without_agreed_answers_explains_that_scores_come_with_consensus()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);

        var html = await ResultsPageAsync(round);
        var scores = await ScoresAsync(round);

        Assert.Contains("results-empty", html, StringComparison.Ordinal);
        Assert.Contains("No agreed answers yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg class=\"radar\"", html, StringComparison.Ordinal);
        Assert.All(scores.GetProperty("behaviours").EnumerateArray(),
            behaviour => Assert.Equal(JsonValueKind.Null, behaviour.GetProperty("mean").ValueKind));
        Assert.Equal(0m, scores.GetProperty("completeness").GetDecimal());
    }

    [Fact]
    public async Task Names_follow_the_requested_language_and_an_unknown_language_is_refused()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);

        var french = await ScoresAsync(round, query: "?lang=fr");
        Assert.Equal("fr", french.GetProperty("language").GetString());
        Assert.Equal("Conduire la stratégie", Behaviour(french, "DS").GetProperty("name").GetString());

        using var client = await ApiClientAsync(round.FocalPoint);
        using var response = await client.GetAsync($"/api/assessments/{round.Id}/scores?lang=xx", Ct);
        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task Anyone_on_the_round_sees_its_scores_but_another_country_gets_not_found()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, AlignStructures);
        var outsider = await factory.CreateUserAsync(Pathway.Web.Accounts.Roles.CountryFocalPoint, country: "KEN");

        Assert.Equal(2.7m, Behaviour(await ScoresAsync(round, round.PublicRespondent), "AS").GetProperty("mean").GetDecimal());
        Assert.Contains("<svg class=\"radar\"", await ResultsPageAsync(round, round.Observer), StringComparison.Ordinal);

        using var api = await ApiClientAsync(outsider);
        using var apiResponse = await api.GetAsync($"/api/assessments/{round.Id}/scores", Ct);
        await HttpAssert.ProblemAsync(apiResponse, HttpStatusCode.NotFound);
        using var page = await factory.CreateSignedInClientAsync(outsider);
        using var pageResponse = await page.GetAsync($"/assessments/{round.Id}/results", Ct);
        Assert.Equal(HttpStatusCode.NotFound, pageResponse.StatusCode);
        var notFound = await pageResponse.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("radar", notFound, StringComparison.Ordinal);
        Assert.DoesNotContain("Test round", notFound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);

        using var client = factory.CreatePageClient();
        using var api = await client.GetAsync($"/api/assessments/{round.Id}/scores", Ct);
        using var page = await client.GetAsync($"/assessments/{round.Id}/results", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), HttpAssert.Location(page)).PathAndQuery, StringComparison.Ordinal);
    }

    private static int Occurrences(string html, string text) =>
        System.Text.RegularExpressions.Regex.Count(html, System.Text.RegularExpressions.Regex.Escape(text));
}

/// <summary>Stores agreed answers directly (as a seeding command would), for tests about what is computed from them.</summary>
internal static class ConsensusSeeding
{
    public static Task AgreeAsync(this PathwayAppFactory factory, TestRound round, params (string Code, MechanismAnswer Answer)[] answers) =>
        factory.AgreeAsync(round, null, answers);

    public static async Task AgreeAsync(
        this PathwayAppFactory factory, TestRound round, string? rationale, params (string Code, MechanismAnswer Answer)[] answers)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var codes = answers.Select(answer => answer.Code).ToList();
        var stored = await db.ConsensusRatings.IgnoreQueryFilters()
            .Where(c => c.AssessmentId == round.Id && codes.Contains(c.MechanismCode)).ToListAsync(ct);
        foreach (var (code, answer) in answers)
        {
            var row = stored.SingleOrDefault(c => c.MechanismCode == code);
            if (row is null)
            {
                row = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = round.Country, MechanismCode = code };
                db.ConsensusRatings.Add(row);
            }
            row.Record(new ConsensusDecision(answer, rationale ?? $"Agreed for {code} in the test workshop.", RatingConfidence.Medium,
                ConsensusMethod.Consensus, null), round.Facilitator.Id, round.Facilitator.Email, DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync(ct);
    }
}

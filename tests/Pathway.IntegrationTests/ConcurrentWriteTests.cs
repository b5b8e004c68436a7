using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests;

/// <summary>
/// Two people writing the same thing at the same moment, made certain by <see cref="WriteBarrier"/>:
/// both requests have read before either writes, so the database's concurrency token or unique index
/// is what decides, on SQLite and PostgreSQL. Each test fails when that handling is taken away (a
/// second silent overwrite, or a 500 from the unhandled unique violation).
/// </summary>
public class ConcurrentWriteTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Rationale = "Agreed after a long discussion of the licensing records.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    /// <summary>Sends the requests together through one barrier and returns status and body of each, in order.</summary>
    private async Task<(HttpStatusCode Status, string Body)[]> TogetherAsync(params (HttpClient Client, HttpMethod Method, string Url, object? Body)[] requests)
    {
        var gate = factory.WriteBarrier.Open(requests.Length);
        var responses = await Task.WhenAll(requests.Select(async request =>
        {
            using var message = gate.Mark(new HttpRequestMessage(request.Method, request.Url)
            {
                Content = request.Body is null ? null : JsonContent.Create(request.Body),
            });
            using var response = await request.Client.SendAsync(message, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }));
        Assert.True(gate.Arrived == gate.Parties,
            $"Only {gate.Arrived} of {gate.Parties} requests reached a write, so they did not run together: " +
            string.Join(" | ", responses.Select(r => $"{(int)r.Item1} {r.Item2}")));
        return responses;
    }

    private static void AssertStatuses((HttpStatusCode Status, string Body)[] responses, params HttpStatusCode[] expected) =>
        Assert.True(responses.Select(r => r.Status).Order().SequenceEqual(expected.Order()),
            $"Expected {string.Join(", ", expected.Select(s => (int)s))}, got: " + string.Join(" | ", responses.Select(r => $"{(int)r.Status} {r.Body}")));

    private static JsonElement BodyOf((HttpStatusCode Status, string Body)[] responses, HttpStatusCode status)
    {
        using var document = JsonDocument.Parse(responses.Single(r => r.Status == status).Body);
        return document.RootElement.Clone();
    }

    private static object Consensus(int level, string rationale, int version) =>
        new { state = "Rated", level, rationale, confidence = "High", method = "Consensus", version };

    [Fact]
    public async Task Two_first_consensus_saves_meet_the_unique_index_and_the_second_gets_409_with_the_first()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var facilitator = await ApiAsync(round.Facilitator);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        var url = $"/api/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}";

        var responses = await TogetherAsync(
            (facilitator, HttpMethod.Put, url, Consensus(2, "Facilitator: " + Rationale, 0)),
            (focalPoint, HttpMethod.Put, url, Consensus(4, "Focal point: " + Rationale, 0)));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        var winner = BodyOf(responses, HttpStatusCode.OK);
        var loser = BodyOf(responses, HttpStatusCode.Conflict);
        Assert.Equal(winner.GetProperty("rationale").GetString(), loser.GetProperty("current").GetProperty("rationale").GetString());
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.ConsensusRatings.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.AssessmentId == round.Id, Ct);
        Assert.Equal(winner.GetProperty("level").GetInt32(), stored.Level);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Two_consensus_changes_from_the_same_version_meet_the_token_and_the_second_gets_409()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var facilitator = await ApiAsync(round.Facilitator);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        var url = $"/api/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}";
        using (var first = await facilitator.PutAsJsonAsync(url, Consensus(3, Rationale, 0), Ct))
        {
            await HttpAssert.JsonAsync(first);
        }

        var responses = await TogetherAsync(
            (facilitator, HttpMethod.Put, url, Consensus(2, "Facilitator: " + Rationale, 1)),
            (focalPoint, HttpMethod.Put, url, Consensus(4, "Focal point: " + Rationale, 1)));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        var winner = BodyOf(responses, HttpStatusCode.OK);
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.ConsensusRatings.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.AssessmentId == round.Id, Ct);
        Assert.Equal(winner.GetProperty("rationale").GetString(), stored.Rationale);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Two_first_ratings_of_one_mechanism_by_one_person_end_as_one_row_and_both_succeed()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        using var first = await ApiAsync(round.PublicRespondent);
        using var second = await ApiAsync(round.PublicRespondent);
        var url = $"/api/assessments/{round.Id}/my-ratings/{round.MechanismCodes[0]}";

        var responses = await TogetherAsync((first, HttpMethod.Put, url, new { level = 1 }), (second, HttpMethod.Put, url, new { level = 3 }));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.OK);
        await using var scope = factory.OpenSystemDb();
        Assert.Single(await scope.Db.Ratings.IgnoreQueryFilters().AsNoTracking().Where(r => r.AssessmentId == round.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_same_person_added_twice_at_once_is_one_participant_and_the_second_is_told()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var person = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var first = await ApiAsync(round.FocalPoint);
        using var second = await ApiAsync(round.FocalPoint);
        var url = $"/api/assessments/{round.Id}/participants";
        var body = new { email = person.Email, group = "Academia", role = "Respondent" };

        var responses = await TogetherAsync((first, HttpMethod.Post, url, body), (second, HttpMethod.Post, url, body));

        AssertStatuses(responses, HttpStatusCode.Created, HttpStatusCode.BadRequest);
        Assert.Contains("already a participant", BodyOf(responses, HttpStatusCode.BadRequest).GetProperty("errors").GetProperty("email")[0].GetString(),
            StringComparison.Ordinal);
        await using var scope = factory.OpenSystemDb();
        Assert.Equal(1, await scope.Db.Participants.IgnoreQueryFilters().CountAsync(p => p.AssessmentId == round.Id && p.UserId == person.Id, Ct));
    }

    [Fact]
    public async Task Two_moves_of_one_round_meet_the_token_and_the_second_gets_409()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Draft);
        using var first = await ApiAsync(round.FocalPoint);
        using var second = await ApiAsync(round.FocalPoint);
        var url = $"/api/assessments/{round.Id}/transitions";

        var responses = await TogetherAsync(
            (first, HttpMethod.Post, url, new { to = "RatingOpen" }), (second, HttpMethod.Post, url, new { to = "RatingOpen" }));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        await using var scope = factory.OpenSystemDb();
        Assert.Single(await scope.Db.StatusChanges.IgnoreQueryFilters().AsNoTracking().Where(s => s.AssessmentId == round.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task Two_first_context_saves_meet_the_unique_index_and_the_second_gets_409()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var first = await ApiAsync(round.FocalPoint);
        using var second = await ApiAsync(round.Facilitator);
        var url = $"/api/assessments/{round.Id}/context";
        object Context(bool fragile) => new { isFragile = fragile, governance = "Unitary", flagshipAreas = Array.Empty<string>() };

        var responses = await TogetherAsync((first, HttpMethod.Put, url, Context(true)), (second, HttpMethod.Put, url, Context(false)));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.RoundContexts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.AssessmentId == round.Id, Ct);
        Assert.Equal(BodyOf(responses, HttpStatusCode.OK).GetProperty("isFragile").GetBoolean(), stored.IsFragile);
    }

    [Fact]
    public async Task Two_first_target_saves_meet_the_unique_index_and_the_second_gets_409()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var first = await ApiAsync(round.FocalPoint);
        using var second = await ApiAsync(round.Facilitator);
        var url = $"/api/assessments/{round.Id}/targets";
        object[] Targets(int impact) => [new { mechanism = round.MechanismCodes[0], targetLevel = 3, horizonMonths = 12, impact, feasibility = 3 }];

        var responses = await TogetherAsync((first, HttpMethod.Put, url, Targets(5)), (second, HttpMethod.Put, url, Targets(1)));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        await using var scope = factory.OpenSystemDb();
        Assert.Single(await scope.Db.MechanismTargets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.AssessmentId == round.Id && t.MechanismCode == round.MechanismCodes[0]).ToListAsync(Ct));
    }

    [Fact]
    public async Task Two_starts_of_one_plan_meet_the_unique_index_and_the_second_gets_409()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var first = await ApiAsync(round.FocalPoint);
        using var second = await ApiAsync(round.Facilitator);
        var url = $"/api/assessments/{round.Id}/plan";

        var responses = await TogetherAsync((first, HttpMethod.Post, url, null), (second, HttpMethod.Post, url, null));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        await using var scope = factory.OpenSystemDb();
        Assert.Equal(1, await scope.Db.ActionPlans.IgnoreQueryFilters().CountAsync(p => p.AssessmentId == round.Id, Ct));
    }

    private static Dictionary<string, object?> PlanItem(string code, string what, int version) => new()
    {
        ["mechanismCode"] = code,
        ["what"] = what,
        ["responsibleOrganisation"] = "Ministry of Health, private sector unit",
        ["version"] = version,
    };

    [Fact]
    public async Task Two_changes_of_one_plan_item_from_the_same_version_meet_the_token_and_the_second_gets_409()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var first = await ApiAsync(round.FocalPoint);
        using var second = await ApiAsync(round.Facilitator);
        var code = round.MechanismCodes[0];
        JsonElement item;
        using (var created = await first.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items", PlanItem(code, "Map the private providers.", 0), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            item = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        }
        var url = $"/api/assessments/{round.Id}/plan/items/{item.GetProperty("id").GetGuid()}";
        var version = item.GetProperty("version").GetInt32();

        var responses = await TogetherAsync(
            (first, HttpMethod.Put, url, PlanItem(code, "Map the private providers by district.", version)),
            (second, HttpMethod.Put, url, PlanItem(code, "Map the private pharmacies.", version)));

        AssertStatuses(responses, HttpStatusCode.OK, HttpStatusCode.Conflict);
        var winner = BodyOf(responses, HttpStatusCode.OK).GetProperty("what").GetString();
        Assert.Equal(winner, BodyOf(responses, HttpStatusCode.Conflict).GetProperty("current").GetProperty("what").GetString());
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.AssessmentId == round.Id, Ct);
        Assert.Equal(winner, stored.What);
        Assert.Equal(version + 1, stored.Version);
    }
}

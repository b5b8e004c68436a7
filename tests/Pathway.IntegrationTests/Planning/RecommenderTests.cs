using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Framework;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// What the catalogue recommends for a mechanism of a round: the steps its agreed answer and target call
/// for, fitted to the round's context, through the service and through the API.
/// </summary>
public sealed class RecommenderTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string catalogueVersion = "";

    /// <summary>A catalogue of each test's own, imported last, so it is the newest for framework version 1.</summary>
    public async ValueTask InitializeAsync()
    {
        catalogueVersion = CatalogueFixture.NewVersion("recommender");
        Assert.Equal(ImportStatus.Imported, (await factory.ImportAsync(CatalogueFixture.Root(catalogueVersion).ToJsonString())).Status);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A validated round whose first four mechanisms are agreed at 1, insufficient information, not applicable and 4.</summary>
    private async Task<TestRound> RoundAsync(bool fragile)
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(round, new Dictionary<string, MechanismAnswer>
        {
            [round.MechanismCodes[0]] = MechanismAnswer.Rated(1),
            [round.MechanismCodes[1]] = MechanismAnswer.InsufficientInformation,
            [round.MechanismCodes[2]] = MechanismAnswer.NotApplicable,
            [round.MechanismCodes[3]] = MechanismAnswer.Rated(4),
        });
        if (fragile)
        {
            await using var system = factory.OpenSystemDb();
            system.Db.RoundContexts.Add(new RoundContext
            {
                AssessmentId = round.Id,
                CountryIso3 = round.Country,
                IsFragile = true,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await system.Db.SaveChangesAsync(Ct);
        }
        return round;
    }

    /// <summary>A service scope acting for <paramref name="user"/>, as a request by that user would.</summary>
    private async Task<AsyncServiceScope> ScopeAsAsync(TestUser user)
    {
        ClaimsPrincipal principal;
        await using (var identity = factory.Services.CreateAsyncScope())
        {
            var account = await identity.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>().FindByIdAsync(user.Id);
            principal = await identity.ServiceProvider.GetRequiredService<SignInManager<PathwayUser>>().CreateUserPrincipalAsync(account!);
        }
        var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(principal);
        return scope;
    }

    private static IEnumerable<string> Codes(IEnumerable<RecommendedAction> actions) => actions.Select(action => action.Code);

    [Fact]
    public async Task The_service_gives_one_step_per_level_up_to_the_target_fitted_to_the_context()
    {
        var round = await RoundAsync(fragile: false);
        await using var scope = await ScopeAsAsync(round.FocalPoint);
        var planning = (await scope.ServiceProvider.GetRequiredService<PlanningRounds>().OpenAsync(round.Id, Ct)).Value!;
        var recommender = scope.ServiceProvider.GetRequiredService<Recommender>();
        var first = planning.Mechanisms[0];

        var toAdvanced = await recommender.ForMechanismAsync(planning, first, 4, new HashSet<PlanningContext> { PlanningContext.LargePrivateShare }, Ct);
        var oneStep = await recommender.ForMechanismAsync(planning, first, null, new HashSet<PlanningContext>(), Ct);

        Assert.Equal(catalogueVersion, toAdvanced.CatalogueVersion);
        Assert.Equal([1, 2, 3], toAdvanced.Steps.Select(step => step.FromLevel));
        Assert.All(toAdvanced.Steps, step => Assert.Equal(["b", "c", "a"], Codes(step.Recommended).Select(code => code[^1..])));
        Assert.True(toAdvanced.Steps[0].Recommended[0].Preferred);
        Assert.Equal($"{first.Code}-2b", toAdvanced.Steps[1].Recommended[0].Code);
        var step = Assert.Single(oneStep.Steps);
        Assert.Equal(1, step.FromLevel);
        Assert.Equal([$"{first.Code}-1c", $"{first.Code}-1b", $"{first.Code}-1a"], Codes(step.Recommended));
        Assert.Empty(step.SetAside);
    }

    [Fact]
    public async Task The_service_offers_evidence_first_where_no_level_was_agreed_and_nothing_where_not_applicable_or_Advanced()
    {
        var round = await RoundAsync(fragile: false);
        await using var scope = await ScopeAsAsync(round.FocalPoint);
        var planning = (await scope.ServiceProvider.GetRequiredService<PlanningRounds>().OpenAsync(round.Id, Ct)).Value!;
        var recommender = scope.ServiceProvider.GetRequiredService<Recommender>();
        var none = new HashSet<PlanningContext>();

        var unknown = await recommender.ForMechanismAsync(planning, planning.Mechanisms[1], 3, none, Ct);
        var notApplicable = await recommender.ForMechanismAsync(planning, planning.Mechanisms[2], 3, none, Ct);
        var advanced = await recommender.ForMechanismAsync(planning, planning.Mechanisms[3], 4, none, Ct);

        var evidence = Assert.Single(unknown.Steps);
        Assert.Null(evidence.FromLevel);
        Assert.Equal(["EV-b", "EV-a"], Codes(evidence.Recommended));
        Assert.Empty(notApplicable.Steps);
        Assert.Empty(advanced.Steps);
    }

    [Fact]
    public async Task The_service_finds_an_action_of_the_rounds_catalogue_by_code()
    {
        var round = await RoundAsync(fragile: false);
        await using var scope = await ScopeAsAsync(round.FocalPoint);
        var planning = (await scope.ServiceProvider.GetRequiredService<PlanningRounds>().OpenAsync(round.Id, Ct)).Value!;
        var recommender = scope.ServiceProvider.GetRequiredService<Recommender>();

        var action = await recommender.FindAsync(planning, "AS.2-3b", Ct);
        var evidence = await recommender.FindAsync(planning, "EV-a", Ct);

        Assert.NotNull(action);
        Assert.Equal("AS.2", action.MechanismCode);
        Assert.Equal(3, action.FromLevel);
        Assert.Equal(Effort.Low, action.Effort);
        Assert.Equal($"Do b to move AS.2 up from level 3 ({catalogueVersion}).", action.Text.En);
        Assert.Empty(action.AppliedNotes);
        Assert.NotNull(evidence);
        Assert.Null(evidence.MechanismCode);
        Assert.Null(await recommender.FindAsync(planning, "AS.2-4a", Ct));
    }

    [Fact]
    public async Task The_newest_catalogue_for_the_rounds_framework_version_is_used()
    {
        var round = await RoundAsync(fragile: false);
        await using var scope = await ScopeAsAsync(round.FocalPoint);
        var planning = (await scope.ServiceProvider.GetRequiredService<PlanningRounds>().OpenAsync(round.Id, Ct)).Value!;
        var before = await scope.ServiceProvider.GetRequiredService<Recommender>().FindAsync(planning, "DS.1-1a", Ct);
        var newer = CatalogueFixture.NewVersion("newer");
        Assert.Equal(ImportStatus.Imported, (await factory.ImportAsync(CatalogueFixture.Root(newer).ToJsonString())).Status);

        await using var next = await ScopeAsAsync(round.FocalPoint);
        var after = await next.ServiceProvider.GetRequiredService<Recommender>().FindAsync(planning, "DS.1-1a", Ct);

        Assert.Contains($"({catalogueVersion})", before!.Text.En, StringComparison.Ordinal);
        Assert.Contains($"({newer})", after!.Text.En, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    [Fact]
    public async Task The_api_fits_the_steps_to_the_rounds_saved_context_and_target()
    {
        var round = await RoundAsync(fragile: true);
        using var client = await ApiClientAsync(round.Observer);

        var body = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}/mechanisms/{round.MechanismCodes[0]}/recommendations?lang=ar", Ct));

        Assert.Equal("Rated", body.GetProperty("answer").GetString());
        Assert.Equal(1, body.GetProperty("level").GetInt32());
        Assert.Equal("ar", body.GetProperty("language").GetString());
        Assert.Contains("Fragile", body.GetProperty("contexts").EnumerateArray().Select(context => context.GetString()));
        var target = body.GetProperty("targetLevel").GetInt32();
        var steps = body.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, target - 1), steps.Select(step => step.GetProperty("fromLevel").GetInt32()));
        foreach (var step in steps)
        {
            Assert.Equal(["c", "b"], step.GetProperty("recommended").EnumerateArray().Select(action => action.GetProperty("code").GetString()![^1..]));
            var aside = Assert.Single(step.GetProperty("setAside").EnumerateArray());
            var note = Assert.Single(aside.GetProperty("appliedNotes").EnumerateArray());
            Assert.Equal("Avoid", note.GetProperty("fit").GetString());
            Assert.Equal("(ar) Avoid in Fragile.", note.GetProperty("note").GetString());
        }
        var adapted = steps[0].GetProperty("recommended")[0];
        Assert.StartsWith("(ar) Do c", adapted.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Adapt", Assert.Single(adapted.GetProperty("appliedNotes").EnumerateArray()).GetProperty("fit").GetString());
    }

    [Fact]
    public async Task The_api_offers_evidence_first_for_an_unknown_level_and_nothing_for_not_applicable()
    {
        var round = await RoundAsync(fragile: false);
        using var client = await ApiClientAsync(round.FocalPoint);

        var unknown = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}/mechanisms/{round.MechanismCodes[1]}/recommendations", Ct));
        var notApplicable = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}/mechanisms/{round.MechanismCodes[2]}/recommendations", Ct));

        Assert.Equal("InsufficientInformation", unknown.GetProperty("answer").GetString());
        var step = Assert.Single(unknown.GetProperty("steps").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("fromLevel").ValueKind);
        Assert.Equal(["EV-b", "EV-a"], step.GetProperty("recommended").EnumerateArray().Select(action => action.GetProperty("code").GetString()));
        Assert.Equal(0, notApplicable.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_mechanism_is_a_404_problem()
    {
        var round = await RoundAsync(fragile: false);
        using var client = await ApiClientAsync(round.FocalPoint);

        var problem = await HttpAssert.ProblemAsync(
            await client.GetAsync($"/api/assessments/{round.Id}/mechanisms/XX.9/recommendations", Ct), HttpStatusCode.NotFound);

        Assert.Contains("XX.9", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_countrys_round_is_not_found_and_anonymous_callers_are_refused()
    {
        var round = await RoundAsync(fragile: false);
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var client = await ApiClientAsync(stranger);
        using var anonymous = factory.CreateClient();
        var path = $"/api/assessments/{round.Id}/mechanisms/{round.MechanismCodes[0]}/recommendations";

        await HttpAssert.ProblemAsync(await client.GetAsync(path, Ct), HttpStatusCode.NotFound);
        using var refused = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}

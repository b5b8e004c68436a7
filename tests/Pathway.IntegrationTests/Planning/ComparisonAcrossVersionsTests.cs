using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// Rounds on different framework versions are compared only through the crosswalk the newer version
/// declares. The versions imported here are Drafts on this class's own database, so the current
/// version stays 1 and no other test class sees them.
/// </summary>
public class ComparisonAcrossVersionsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task ImportAsync(string json)
    {
        var outcome = await factory.ImportFrameworkAsync(json);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Problems));
    }

    private async Task<JsonElement> CompareAsync(TestUser user, Guid id, Guid otherId)
    {
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        using var response = await api.GetAsync($"/api/assessments/{id}/compare/{otherId}", Ct);
        return await HttpAssert.JsonAsync(response);
    }

    private async Task<string> PageAsync(TestUser user, string path)
    {
        using var client = await factory.CreateSignedInClientAsync(user);
        using var response = await client.GetAsync(path, Ct);
        return WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response)).Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);
    }

    private static JsonElement Mechanism(JsonElement comparison, string code) =>
        Assert.Single(comparison.GetProperty("mechanisms").EnumerateArray(), mechanism => mechanism.GetProperty("code").GetString() == code);

    private static JsonElement NotComparable(JsonElement comparison, string? code, string previous) =>
        Assert.Single(comparison.GetProperty("notComparable").EnumerateArray(), mechanism =>
            mechanism.GetProperty("code").GetString() == code
            && (mechanism.GetProperty("previousCodes").EnumerateArray().Any(old => old.GetString() == previous) || previous.Length == 0));

    private static int? Level(JsonElement mechanism, string when) =>
        mechanism.GetProperty(when).GetProperty("level") is { ValueKind: JsonValueKind.Number } level ? level.GetInt32() : null;

    private static List<string?> ActionTexts(JsonElement mechanism) =>
        [.. mechanism.GetProperty("completedActions").EnumerateArray().Select(action => action.GetProperty("what").GetString())];

    [Fact]
    public async Task Rounds_on_versions_1_and_2_are_compared_through_version_2s_crosswalk_and_the_rest_is_listed_as_not_comparable()
    {
        await ImportAsync(CrosswalkFramework.Version2().ToJsonString());
        var earlier = await factory.CreateRoundOnAsync("1", "KEN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(earlier, new Dictionary<string, MechanismAnswer>
        {
            ["DS.4"] = MechanismAnswer.Rated(1),
            ["AS.3"] = MechanismAnswer.Rated(1),
            ["NT.5"] = MechanismAnswer.Rated(3),
        });
        await factory.AddActionAsync(earlier, "DS.4", "Set up the strategy monitoring unit");
        await factory.AddActionAsync(earlier, "AS.3", "Agree the referral protocol");
        await factory.AddActionAsync(earlier, "BU.5", "Survey private providers");
        await factory.AddActionAsync(earlier, "ES.5", "Train the regulators");
        var later = await factory.CreateRoundOnAsync("2", "KEN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(later, new Dictionary<string, MechanismAnswer>
        {
            ["DS.5"] = MechanismAnswer.Rated(3),
            ["AS.3"] = MechanismAnswer.Rated(2),
            ["AS.6"] = MechanismAnswer.Rated(4),
            ["ES.5"] = MechanismAnswer.Rated(4),
        });

        var comparison = await CompareAsync(later.FocalPoint, later.Id, earlier.Id);

        Assert.False(comparison.GetProperty("sameVersion").GetBoolean());
        Assert.Equal("2", comparison.GetProperty("crosswalkVersion").GetString());
        Assert.Equal("1", comparison.GetProperty("older").GetProperty("frameworkVersion").GetString());

        var renamed = Mechanism(comparison, "DS.5");
        Assert.Equal(("Renamed", "DS.4"), (renamed.GetProperty("pairing").GetString(), renamed.GetProperty("previousCode").GetString()));
        Assert.Equal((1, 3), (Level(renamed, "then"), Level(renamed, "now")));
        Assert.Equal(2, renamed.GetProperty("change").GetInt32());
        Assert.Equal(["Set up the strategy monitoring unit"], ActionTexts(renamed));

        foreach (var (part, now) in new[] { ("AS.3", 2), ("AS.6", 4) })
        {
            var split = Mechanism(comparison, part);
            Assert.Equal(("Split", "AS.3"), (split.GetProperty("pairing").GetString(), split.GetProperty("previousCode").GetString()));
            Assert.Equal((1, now), (Level(split, "then"), Level(split, "now")));
            Assert.Equal(["Agree the referral protocol"], ActionTexts(split));
        }
        Assert.Equal("Same", Mechanism(comparison, "DS.1").GetProperty("pairing").GetString());

        // Never compared on its code alone: ES.5 is in both versions but not in the crosswalk.
        var mechanisms = comparison.GetProperty("mechanisms").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("ES.5", mechanisms);
        Assert.DoesNotContain("NT.4", mechanisms);
        Assert.DoesNotContain("FR.5", mechanisms);
        Assert.Equal(5, comparison.GetProperty("notComparable").GetArrayLength());
        var merged = NotComparable(comparison, "NT.4", "NT.5");
        Assert.Equal("Merged", merged.GetProperty("reason").GetString());
        Assert.Equal(["NT.4", "NT.5"], merged.GetProperty("previousCodes").EnumerateArray().Select(code => code.GetString()));
        Assert.Equal("Added", NotComparable(comparison, "FR.5", "").GetProperty("reason").GetString());
        Assert.Equal("Added", NotComparable(comparison, "ES.5", "").GetProperty("reason").GetString());
        var removed = NotComparable(comparison, null, "BU.5");
        Assert.Equal("Removed", removed.GetProperty("reason").GetString());
        Assert.Equal(["Survey private providers"], ActionTexts(removed));
        var unmapped = NotComparable(comparison, null, "ES.5");
        Assert.Equal("Unmapped", unmapped.GetProperty("reason").GetString());
        Assert.Equal(["Train the regulators"], ActionTexts(unmapped));

        var html = await PageAsync(later.Facilitator, $"/assessments/{later.Id}/compare/{earlier.Id}");
        Assert.Contains("Mechanisms are compared through the crosswalk declared by framework version 2", html, StringComparison.Ordinal);
        Assert.Contains("DS.4, under its former code", html, StringComparison.Ordinal);
        Assert.Contains("AS.3, which was split: compared with its level", html, StringComparison.Ordinal);
        Assert.Contains("Merged from NT.4, NT.5: there is no single earlier level to compare with.", html, StringComparison.Ordinal);
        Assert.Contains("New in framework version 2: no earlier mechanism maps to it.", html, StringComparison.Ordinal);
        Assert.Contains("Removed in framework version 2.", html, StringComparison.Ordinal);
        Assert.Contains("Not mentioned in the crosswalk of framework version 2.", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>Train the regulators</bdi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_crosswalk_between_the_versions_nothing_is_compared_and_the_page_says_why()
    {
        await ImportAsync(CrosswalkFramework.WithoutCrosswalk("3").ToJsonString());
        var earlier = await factory.CreateRoundOnAsync("1", "PER", AssessmentStatus.Validated);
        var later = await factory.CreateRoundOnAsync("3", "PER", AssessmentStatus.Validated);

        var comparison = await CompareAsync(later.FocalPoint, earlier.Id, later.Id);

        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("crosswalkVersion").ValueKind);
        Assert.Empty(comparison.GetProperty("mechanisms").EnumerateArray());
        var notComparable = comparison.GetProperty("notComparable").EnumerateArray().ToList();
        Assert.Equal(earlier.MechanismCodes.Count + later.MechanismCodes.Count, notComparable.Count);
        Assert.All(notComparable, mechanism => Assert.Equal("NoCrosswalk", mechanism.GetProperty("reason").GetString()));
        // Behaviour means rest on unrelated mechanisms: shown, not subtracted.
        Assert.All(comparison.GetProperty("behaviours").EnumerateArray(), behaviour =>
        {
            Assert.Equal(2.0m, behaviour.GetProperty("then").GetProperty("mean").GetDecimal());
            Assert.Equal(JsonValueKind.Null, behaviour.GetProperty("change").ValueKind);
        });

        var html = await PageAsync(later.Facilitator, $"/assessments/{later.Id}/compare/{earlier.Id}");
        Assert.Contains("version 3 declares no crosswalk from version 1: no mechanism can be compared", html, StringComparison.Ordinal);
        Assert.Contains("Framework version 3 declares no crosswalk from version 1.", html, StringComparison.Ordinal);
    }
}

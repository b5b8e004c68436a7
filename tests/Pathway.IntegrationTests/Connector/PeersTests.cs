using System.Net;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §6, who can we learn from: built from published results only, across published rounds. Each test works on a
/// mechanism and countries of its own, since the tests share one database.
/// </summary>
public class PeersTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Peers_come_only_from_published_results_never_from_drafts()
    {
        // At level 2 on DS.2: Kenya published 3; Ghana published 2 and has a draft at 4; Tunisia has only a draft at 4; Morocco published 1.
        await factory.PublishLevelsAsync("KEN", 2024, new Dictionary<string, int> { ["DS.2"] = 3 });
        await factory.PublishLevelsAsync("GHA", 2024, new Dictionary<string, int> { ["DS.2"] = 2 });
        await factory.PublishLevelsAsync("MAR", 2024, new Dictionary<string, int> { ["DS.2"] = 1 });
        var ghanaDraft = await factory.CreateRoundAsync("GHA", AssessmentStatus.Consensus);
        await factory.SetAgreedAsync(ghanaDraft, new Dictionary<string, MechanismAnswer> { ["DS.2"] = MechanismAnswer.Rated(4) });
        var tunisiaDraft = await factory.CreateRoundAsync("TUN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(tunisiaDraft, new Dictionary<string, MechanismAnswer> { ["DS.2"] = MechanismAnswer.Rated(4) });

        using var client = factory.CreateClient();
        var peers = await PeersAsync(client, "/api/peers/DS.2?from=2&country=EGY");

        Assert.Equal(["KEN"], peers.Select(peer => peer.GetProperty("countryIso3").GetString()));
        var kenya = peers.Single();
        Assert.True(kenya.GetProperty("publishedHigher").GetBoolean());
        Assert.Equal(3, kenya.GetProperty("latestLevel").GetInt32());

        var page = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync("/peers/DS.2?from=2", Ct)));
        Assert.Contains("Kenya", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tunisia", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghana", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Morocco", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_country_that_moved_up_between_two_published_rounds_is_listed_with_both_levels_and_years()
    {
        await factory.PublishLevelsAsync("NGA", 2022, new Dictionary<string, int> { ["DS.3"] = 1 });
        await factory.PublishLevelsAsync("NGA", 2025, new Dictionary<string, int> { ["DS.3"] = 3 });
        // Senegal stands higher but never moved; it comes after the country that moved up from the asker's level.
        await factory.PublishLevelsAsync("SEN", 2025, new Dictionary<string, int> { ["DS.3"] = 4 });

        using var client = factory.CreateClient();
        var fromOne = await PeersAsync(client, "/api/peers/DS.3?from=1&country=EGY");
        Assert.Equal(["NGA", "SEN"], fromOne.Select(peer => peer.GetProperty("countryIso3").GetString()));
        var move = Assert.Single(fromOne[0].GetProperty("movesUp").EnumerateArray());
        Assert.Equal((1, 3, 2022, 2025), (move.GetProperty("fromLevel").GetInt32(), move.GetProperty("toLevel").GetInt32(),
            move.GetProperty("fromYear").GetInt32(), move.GetProperty("toYear").GetInt32()));
        Assert.Empty(fromOne[1].GetProperty("movesUp").EnumerateArray());

        // Standing at 3, Nigeria (now 3) has nothing to teach on this step; Senegal (4) still has.
        var fromThree = await PeersAsync(client, "/api/peers/DS.3?from=3&country=EGY");
        Assert.Equal(["SEN"], fromThree.Select(peer => peer.GetProperty("countryIso3").GetString()));

        // The asking country is never its own peer.
        var forNigeria = await PeersAsync(client, "/api/peers/DS.3?from=1&country=NGA");
        Assert.DoesNotContain("NGA", forNigeria.Select(peer => peer.GetProperty("countryIso3").GetString()));

        var page = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync("/peers/DS.3?from=1", Ct)));
        Assert.Contains("Moved up from Emerging to Established (2022 → 2025)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_signed_off_later_is_counted_from_the_next_request()
    {
        using var client = factory.CreateClient();
        Assert.Empty(await PeersAsync(client, "/api/peers/DS.4?from=1&country=EGY"));
        await factory.PublishLevelsAsync("JOR", 2025, new Dictionary<string, int> { ["DS.4"] = 2 });
        Assert.Equal(["JOR"], (await PeersAsync(client, "/api/peers/DS.4?from=1&country=EGY")).Select(peer => peer.GetProperty("countryIso3").GetString()));
    }

    [Fact]
    public async Task An_unknown_mechanism_is_not_found_on_the_page_and_the_api()
    {
        using var client = factory.CreateClient();
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/peers/ZZ.9", Ct), HttpStatusCode.NotFound);
        using var page = await client.GetAsync("/peers/ZZ.9", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static async Task<List<JsonElement>> PeersAsync(HttpClient client, string url)
    {
        var body = await HttpAssert.JsonAsync(await client.GetAsync(url, Ct));
        return [.. body.GetProperty("peers").EnumerateArray()];
    }
}

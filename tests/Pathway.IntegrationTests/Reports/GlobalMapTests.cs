using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// The world map on a database of its own (no other test publishes in it): exactly the countries whose rounds
/// were published are marked, never one whose round is only validated or agreed.
/// </summary>
public partial class GlobalMapTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_map_marks_each_country_with_published_data_and_no_other()
    {
        using var anonymous = factory.CreatePageClient();
        var before = await PageAsync(await anonymous.GetAsync("/dashboards", Ct));
        Assert.Empty(MarkedCountries(before));
        Assert.Equal(194, TableRows(before).Count);

        // Kenya publishes its profile and levels (every mechanism agreed at 2); Peru's round is validated but
        // not published; Brazil's is still in consensus with agreed answers.
        var kenya = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        using (var focalPoint = await factory.ApiAsync(kenya.FocalPoint))
        {
            await focalPoint.MoveOkAsync(kenya, "Published", publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false });
        }
        await factory.CreateRoundAsync("PER", AssessmentStatus.Validated);
        var brazil = await factory.CreateRoundAsync("BRA", AssessmentStatus.Consensus);
        await factory.SetAgreedAsync(brazil, new Dictionary<string, Pathway.Web.Scoring.MechanismAnswer>
        {
            [brazil.MechanismCodes[0]] = Pathway.Web.Scoring.MechanismAnswer.Rated(4),
        });

        var page = await PageAsync(await anonymous.GetAsync("/dashboards", Ct));
        Assert.Equal(["KEN"], MarkedCountries(page));
        Assert.Contains("aria-label=\"Kenya: Progressing\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Peru: No published data\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Brazil: No published data\"", page, StringComparison.Ordinal);
        var rows = TableRows(page);
        Assert.Equal(194, rows.Count);
        Assert.Equal(["KEN"], rows.Where(row => row.Shade != "NoData").Select(row => row.Iso3));
        // Small states without a 110m outline are on the map as dots and in the table.
        Assert.Contains(MapLinks(page), link => link.Iso3 == "MCO");
        Assert.Contains(rows, row => row.Iso3 == "MCO");

        // The same by mechanism, and in the API.
        var mechanism = kenya.MechanismCodes[0];
        var byMechanism = await PageAsync(await anonymous.GetAsync($"/dashboards?mechanism={mechanism}", Ct));
        Assert.Equal(["KEN"], MarkedCountries(byMechanism));
        Assert.Contains(MapLinks(byMechanism), link => link is { Iso3: "KEN", Level: "2" });

        using var api = await anonymous.GetAsync($"/api/dashboards/global?mechanism={mechanism}", Ct);
        var json = await HttpAssert.JsonAsync(api);
        var countries = json.GetProperty("countries").EnumerateArray().ToList();
        Assert.Equal(194, countries.Count);
        var published = Assert.Single(countries, c => c.GetProperty("hasPublishedData").GetBoolean());
        Assert.Equal(("KEN", 2), (published.GetProperty("iso3").GetString(), published.GetProperty("level").GetInt32()));
        Assert.Equal(kenya.Id, published.GetProperty("assessmentId").GetGuid());
        Assert.All(countries.Where(c => c.GetProperty("iso3").GetString() is "PER" or "BRA"),
            c => Assert.Equal(JsonValueKind.Null, c.GetProperty("level").ValueKind));
        var names = countries.Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en"), ignoreCase: true)), names);
    }

    /// <summary>The page's HTML with character references decoded (the site writes non-ASCII text as references).</summary>
    internal static async Task<string> PageAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        using (response)
        {
            return WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response, status));
        }
    }

    internal sealed record MapLink(string Iso3, string Shade, string Level);

    internal sealed record TableRow(string Iso3, string Shade);

    /// <summary>The countries the map draws with published data (a level, or published without one).</summary>
    internal static List<string> MarkedCountries(string html) =>
        [.. MapLinks(html).Where(link => link.Shade != "NoData").Select(link => link.Iso3).Order(StringComparer.Ordinal)];

    internal static List<MapLink> MapLinks(string html) =>
        [.. MapLinkPattern().Matches(html).Select(m => new MapLink(m.Groups["iso3"].Value, m.Groups["shade"].Value, m.Groups["level"].Value))];

    internal static List<TableRow> TableRows(string html) =>
        [.. TableRowPattern().Matches(html).Select(m => new TableRow(m.Groups["iso3"].Value, m.Groups["shade"].Value))];

    [GeneratedRegex("<a href=\"[^\"]*\" aria-label=\"[^\"]*\" data-iso3=\"(?<iso3>[A-Z]{3})\" data-shade=\"(?<shade>\\w+)\"(?: data-level=\"(?<level>\\d)\")?")]
    private static partial Regex MapLinkPattern();

    [GeneratedRegex("<tr data-iso3=\"(?<iso3>[A-Z]{3})\" data-shade=\"(?<shade>\\w+)\"")]
    private static partial Regex TableRowPattern();
}

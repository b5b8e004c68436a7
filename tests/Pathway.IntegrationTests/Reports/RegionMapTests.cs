using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Components.Charts;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// The world map filtered to a WHO region, on a database of its own: it frames the region's countries, marks those
/// of them with published data and no other, lists only them, and takes its colours from the chart palette.
/// </summary>
public partial class RegionMapTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_region_view_frames_the_region_and_marks_only_its_countries_with_published_data()
    {
        // Jordan (Eastern Mediterranean) and Kenya (Africa) publish; Egypt's round is validated, not published.
        foreach (var iso3 in new[] { "JOR", "KEN" })
        {
            var round = await factory.CreateRoundAsync(iso3, AssessmentStatus.Validated);
            using var focalPoint = await factory.ApiAsync(round.FocalPoint);
            await focalPoint.MoveOkAsync(round, "Published", publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false });
        }
        await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var anonymous = factory.CreatePageClient();

        var world = await GlobalMapTests.PageAsync(await anonymous.GetAsync("/dashboards", Ct));
        var region = await GlobalMapTests.PageAsync(await anonymous.GetAsync("/dashboards?region=EMR", Ct));

        var frame = MapBounds.FromViewBox(ViewBox(region));
        Assert.NotEqual(ViewBox(world), ViewBox(region));
        Assert.True(frame.Width < MapBounds.FromViewBox(ViewBox(world)).Width / 2, "the region is framed close up");
        Assert.True(frame.Contains(MapBounds.OfOutline(CountryPath(region, "JOR"), 0)), "Jordan's outline is inside the frame");
        Assert.True(frame.Contains(MapBounds.OfOutline(CountryPath(region, "PAK"), 0)), "Pakistan's outline is inside the frame");

        Assert.Equal(["JOR"], GlobalMapTests.MarkedCountries(region));
        var rows = GlobalMapTests.TableRows(region);
        Assert.Equal(21, rows.Count);
        Assert.Equal(["JOR"], rows.Where(row => row.Shade != "NoData").Select(row => row.Iso3));
        Assert.DoesNotContain(rows, row => row.Iso3 is "KEN" or "FRA");
        // Countries of other regions are grey land only: no link, no name.
        Assert.DoesNotContain(GlobalMapTests.MapLinks(region), link => link.Iso3 == "KEN");
        Assert.DoesNotContain("Kenya", region, StringComparison.Ordinal);
        Assert.Contains("JOR", GlobalMapTests.MarkedCountries(world));
        Assert.Contains("KEN", GlobalMapTests.MarkedCountries(world));
    }

    [Fact]
    public async Task The_map_its_legend_and_its_table_take_their_colours_from_the_chart_palette()
    {
        var round = await factory.CreateRoundAsync("GHA", AssessmentStatus.Validated);
        using (var focalPoint = await factory.ApiAsync(round.FocalPoint))
        {
            await focalPoint.MoveOkAsync(round, "Published", publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false });
        }
        using var anonymous = factory.CreatePageClient();

        // Every mechanism of the round was agreed at level 2.
        var page = await GlobalMapTests.PageAsync(await anonymous.GetAsync($"/dashboards?region=AFR&mechanism={round.MechanismCodes[0]}", Ct));

        var level = ChartPalette.Level(2).Fill;
        Assert.Matches($"data-iso3=\"GHA\"[^>]*>\\s*<title>[^<]*</title>\\s*<path class=\"map-country\" fill=\"{level}\"", page);
        var legend = page[page.IndexOf("map-legend", StringComparison.Ordinal)..];
        legend = legend[..legend.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.All(Enumerable.Range(1, 4), n => Assert.Contains($"fill=\"{ChartPalette.Level(n).Fill}\"", legend, StringComparison.Ordinal));
        Assert.Contains($"fill=\"{ChartPalette.NoLevel.Fill}\"", legend, StringComparison.Ordinal);
        Assert.Contains("fill=\"url(#world-map-nodata)\"", legend, StringComparison.Ordinal);
        var row = page[page.IndexOf("<tr data-iso3=\"GHA\"", StringComparison.Ordinal)..];
        Assert.Contains($"fill=\"{level}\"", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        // No published data: the hatch, drawn over the palette's no-data colour.
        Assert.Matches("data-iso3=\"NGA\"[^>]*>\\s*<title>[^<]*</title>\\s*<path class=\"map-country\" fill=\"url\\(#world-map-nodata\\)\"", page);
        Assert.Contains($"<rect width=\"5\" height=\"5\" fill=\"{ChartPalette.NoData.Fill}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);
    }

    private static string ViewBox(string html) => WorldSvg().Match(html) is { Success: true } match
        ? match.Groups["box"].Value
        : throw new Xunit.Sdk.XunitException("no world map on the page");

    /// <summary>The outline the map draws for a country (its link's path).</summary>
    private static string CountryPath(string html, string iso3)
    {
        var match = Regex.Match(html, $"data-iso3=\"{iso3}\"[^>]*>\\s*<title>[^<]*</title>\\s*<path class=\"map-country\" fill=\"[^\"]*\" d=\"(?<d>[^\"]+)\"");
        Assert.True(match.Success, $"{iso3} has no outline on the map");
        return match.Groups["d"].Value;
    }

    [GeneratedRegex("<svg class=\"world-map-svg\"[^>]*viewBox=\"(?<box>[^\"]+)\"")]
    private static partial Regex WorldSvg();
}

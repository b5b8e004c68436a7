using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pathway.Web.Components.Charts;
using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Charts;

/// <summary>The radar and heat map render to server-side SVG with their tables, in English and Arabic.</summary>
public partial class ChartRenderingTests
{
    private static readonly string[] Names =
    [
        "Lead strategy", "Align structures", "Build understanding", "Enable stakeholders", "Nurture trust", "Foster relations",
    ];

    private static IReadOnlyList<BehaviourScorePoint> SixPoints() =>
    [
        new("DS", Names[0], 2.7m) { Status = ScoreStatus.Scored, Band = LevelBand.Progressing, Coverage = new Coverage(3, 1, 0, 1, 0) },
        new("AS", Names[1], 3.5m) { Status = ScoreStatus.Scored, Band = LevelBand.Established, Coverage = new Coverage(4, 0, 0, 0, 0) },
        new("BU", Names[2], null) { Status = ScoreStatus.InsufficientInformation, Coverage = new Coverage(0, 0, 0, 0, 4) },
        new("ES", Names[3], 1.0m) { Status = ScoreStatus.Scored, Band = LevelBand.Emerging, Coverage = new Coverage(5, 0, 0, 0, 0) },
        new("NT", Names[4], 4.0m) { Status = ScoreStatus.Scored, Band = LevelBand.Advanced, Coverage = new Coverage(3, 0, 0, 0, 0) },
        new("FR", Names[5], 2.0m) { Status = ScoreStatus.InsufficientInformation, Coverage = new Coverage(1, 1, 1, 0, 1) },
    ];

    private static IReadOnlyList<HeatMapRow> Rows() =>
    [
        new("DS", Names[0],
        [
            new("DS.1", "Vision", MechanismAnswerState.Rated, 2),
            new("DS.2", "Plans", MechanismAnswerState.Rated, 3),
            new("DS.3", "Reviews", MechanismAnswerState.DontKnow, null),
        ]),
        new("AS", Names[1],
        [
            new("AS.1", "Bodies", MechanismAnswerState.InsufficientInformation, null),
            new("AS.2", "Roles", MechanismAnswerState.NotApplicable, null),
            new("AS.3", "Links", MechanismAnswerState.NotAssessed, null),
            new("AS.4", "Rules", MechanismAnswerState.Rated, 4),
        ]),
    ];

    private static async Task<string> RenderAsync<TComponent>(string culture, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var (beforeCulture, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (beforeCulture, beforeUi);
        }
    }

    private static Task<string> RadarAsync(string culture = "en") =>
        RenderAsync<RadarChart>(culture, new() { [nameof(RadarChart.Points)] = SixPoints(), [nameof(RadarChart.Id)] = "r" });

    private static Task<string> HeatMapAsync(string culture = "en") =>
        RenderAsync<HeatMap>(culture, new() { [nameof(HeatMap.Rows)] = Rows(), [nameof(HeatMap.Id)] = "h" });

    [Fact]
    public async Task The_radar_is_an_accessible_svg_with_six_labels_rings_and_the_polygon_of_means()
    {
        var html = await RadarAsync();

        Assert.Contains("<svg class=\"radar\" role=\"img\" aria-labelledby=\"r-title r-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"r-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"r-desc\">", html, StringComparison.Ordinal);
        Assert.Equal(6, Count(html, "class=\"radar-label\""));
        Assert.All(Names, name => Assert.Contains(name, html, StringComparison.Ordinal));
        Assert.Equal(4, Count(html, "class=\"radar-ring\""));
        Assert.Equal(6, Count(html, "class=\"radar-spoke\""));
        var polygon = PolygonPoints().Match(html);
        Assert.True(polygon.Success, "The radar has no polygon of means.");
        Assert.Equal(6, polygon.Groups["points"].Value.Split(' ').Length);
        Assert.DoesNotMatch(StyleAttribute(), html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_behaviour_without_a_mean_is_drawn_at_the_centre_with_a_gap_marker_and_no_score_in_the_table()
    {
        var html = await RadarAsync();

        Assert.Equal(1, Count(html, "class=\"radar-gap\""));
        Assert.Equal(5, Count(html, "class=\"radar-point\""));
        var points = PolygonPoints().Match(html).Groups["points"].Value.Split(' ');
        Assert.Equal("280,228", points[2]);
        Assert.Contains("No score", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_radar_table_lists_mean_band_and_coverage_for_every_behaviour()
    {
        var html = await RadarAsync();

        Assert.Contains("<table class=\"table table-sm caption-top align-middle radar-table\">", html, StringComparison.Ordinal);
        Assert.Equal(6, Count(html, "<th scope=\"row\">"));
        Assert.Contains("2.7", html, StringComparison.Ordinal);
        Assert.Contains("Progressing", html, StringComparison.Ordinal);
        Assert.Contains("2.0 (too few ratings)", html, StringComparison.Ordinal);
        Assert.Contains("3 of 4 rated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Arabic_the_radar_is_mirrored_and_numbers_follow_the_culture()
    {
        var english = await RadarAsync("en");
        var arabic = await RadarAsync("ar");
        var french = await RadarAsync("fr");

        Assert.Contains("direction=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("direction=\"ltr\"", english, StringComparison.Ordinal);
        var ltr = PolygonPoints().Match(english).Groups["points"].Value.Split(' ').Select(Parse).ToList();
        var rtl = PolygonPoints().Match(arabic).Groups["points"].Value.Split(' ').Select(Parse).ToList();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(560 - ltr[i].X, rtl[i].X, 2);
            Assert.Equal(ltr[i].Y, rtl[i].Y, 2);
        }
        Assert.Contains("2,7", french, StringComparison.Ordinal);
        Assert.Matches(PolygonPoints(), french);
    }

    [Fact]
    public async Task The_heat_map_has_one_cell_per_mechanism_a_legend_and_a_table()
    {
        var html = await HeatMapAsync();

        Assert.Contains("<svg class=\"heatmap\" role=\"img\" aria-labelledby=\"h-title h-desc\"", html, StringComparison.Ordinal);
        Assert.Equal(7, Count(html, "class=\"heatmap-cell\""));
        foreach (var code in new[] { "DS.1", "DS.2", "DS.3", "AS.1", "AS.2", "AS.3", "AS.4" })
        {
            Assert.Contains($"data-mechanism=\"{code}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("class=\"heatmap-legend\"", html, StringComparison.Ordinal);
        Assert.Equal(8, Count(html, "class=\"heatmap-legend-item\""));
        Assert.Contains("Don&#x27;t know", html, StringComparison.Ordinal);
        Assert.Contains("Insufficient information", html, StringComparison.Ordinal);
        Assert.Contains("heatmap-table", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "scope=\"rowgroup\""));
        Assert.Equal(7, Count(html, "<th scope=\"row\""));
        Assert.DoesNotMatch(StyleAttribute(), html);
    }

    [Fact]
    public async Task Heat_map_answer_states_carry_a_pattern_or_mark_not_only_a_colour()
    {
        var html = await HeatMapAsync();

        Assert.Contains("<pattern id=\"h-DontKnow\"", html, StringComparison.Ordinal);
        Assert.Contains("<pattern id=\"h-InsufficientInformation\"", html, StringComparison.Ordinal);
        Assert.Contains("fill=\"url(#h-DontKnow)\"", html, StringComparison.Ordinal);
        Assert.Contains(">?</text>", html, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray=\"4 3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Arabic_the_heat_map_runs_right_to_left()
    {
        var english = await HeatMapAsync("en");
        var arabic = await HeatMapAsync("ar");

        Assert.Contains("direction=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.True(FirstCellX(arabic) > FirstCellX(english), "The first mechanism should sit on the right in Arabic.");
    }

    private static Task<string> BarsAsync(string culture = "en") =>
        RenderAsync<BarChart>(culture, new()
        {
            [nameof(BarChart.Title)] = "Levels per behaviour",
            [nameof(BarChart.Rows)] = (IReadOnlyList<BarRow>)[new BarRow("Lead strategy", [2, 3, 0, 1, 0]), new BarRow("Foster relations", [0, 0, 4, 2, 7])],
            [nameof(BarChart.Series)] = (IReadOnlyList<BarSeries>)
            [
                BarSeries.ForLevel(1, "Emerging"), BarSeries.ForLevel(2, "Progressing"), BarSeries.ForLevel(3, "Established"),
                BarSeries.ForLevel(4, "Advanced"), BarSeries.ForNoData("No data"),
            ],
            [nameof(BarChart.Id)] = "b",
        });

    private static Task<string> TrendAsync(string culture = "en") =>
        RenderAsync<TrendChart>(culture, new()
        {
            [nameof(TrendChart.Title)] = "Means per round",
            [nameof(TrendChart.Periods)] = (IReadOnlyList<string>)["2024", "2025", "2026"],
            [nameof(TrendChart.Series)] = (IReadOnlyList<TrendSeries>)[new TrendSeries("Lead strategy", [1.5, 2.25, null]), new TrendSeries("Nurture trust", [3, 3.5, 4])],
            [nameof(TrendChart.Id)] = "t",
        });

    [Fact]
    public async Task Stacked_bars_are_an_accessible_svg_with_a_legend_of_level_numbers_and_every_value_in_the_table()
    {
        var html = await BarsAsync();

        Assert.Contains("<svg class=\"bars\" role=\"img\" aria-labelledby=\"b-title b-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"b-title\">Levels per behaviour</title>", html, StringComparison.Ordinal);
        Assert.Contains("Lead strategy (Emerging: 2, Progressing: 3, Established: 0, Advanced: 1, No data: 0)", html, StringComparison.Ordinal);
        Assert.Equal(6, Count(html, "class=\"bar-segment\""));
        Assert.Equal(5, Count(html, "class=\"bar-legend-item\""));
        Assert.Contains("fill=\"url(#b-nodata)\"", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("<table", StringComparison.Ordinal)..];
        foreach (var cells in new[] { "<td class=\"text-end\">2</td><td class=\"text-end\">3</td><td class=\"text-end\">0</td><td class=\"text-end\">1</td><td class=\"text-end\">0</td><td class=\"text-end\">6</td>",
                                      "<td class=\"text-end\">0</td><td class=\"text-end\">0</td><td class=\"text-end\">4</td><td class=\"text-end\">2</td><td class=\"text-end\">7</td><td class=\"text-end\">13</td>" })
        {
            Assert.Contains(cells, Regex.Replace(table, @">\s+<", "><"), StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(StyleAttribute(), html);
    }

    [Fact]
    public async Task In_Arabic_the_bars_grow_from_the_right()
    {
        var english = await BarsAsync("en");
        var arabic = await BarsAsync("ar");

        Assert.Contains("direction=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Equal(170, FirstSegmentX(english).X, 2);
        var (x, width) = FirstSegmentX(arabic);
        Assert.Equal(560 - 170, x + width, 2);
    }

    [Fact]
    public async Task The_trend_chart_draws_each_series_with_its_own_marker_breaks_at_gaps_and_lists_every_value()
    {
        var html = await TrendAsync();
        var french = await TrendAsync("fr");

        Assert.Contains("<svg class=\"trend\" role=\"img\" aria-labelledby=\"t-title t-desc\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "class=\"trend-line\""));
        Assert.Equal(5, Count(html, "class=\"trend-point\""));
        foreach (var value in new[] { "1.5", "2.3", "3.0", "3.5", "4.0", "&#x2014;" })
        {
            Assert.Contains($"<td class=\"text-end\">{value}</td>", html, StringComparison.Ordinal);
        }
        Assert.Contains("<td class=\"text-end\">1,5</td>", french, StringComparison.Ordinal);
        Assert.DoesNotMatch(StyleAttribute(), html);
    }

    private static (double X, double Width) FirstSegmentX(string html)
    {
        var match = FirstSegmentRect().Match(html);
        return (double.Parse(match.Groups["x"].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("class=\"bar-segment\"[^>]*>\\s*<title>[^<]*</title>\\s*<rect x=\"(?<x>[0-9.]+)\" y=\"[0-9.]+\" width=\"(?<w>[0-9.]+)\"")]
    private static partial Regex FirstSegmentRect();

    private static double FirstCellX(string html) =>
        double.Parse(FirstCellRect().Match(html).Groups["x"].Value, CultureInfo.InvariantCulture);

    private static (double X, double Y) Parse(string point)
    {
        var parts = point.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static int Count(string html, string text) => Regex.Count(html, Regex.Escape(text));

    /// <summary>An inline style attribute (the content security policy forbids them); not font-style= and the like.</summary>
    [GeneratedRegex(@"(?<![\w-])style\s*=")]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<polygon class=\"radar-profile\" points=\"(?<points>[^\"]+)\"")]
    private static partial Regex PolygonPoints();

    [GeneratedRegex("data-mechanism=\"DS.1\"[^>]*>\\s*<title>[^<]*</title>\\s*<rect x=\"(?<x>[0-9.]+)\"")]
    private static partial Regex FirstCellRect();
}

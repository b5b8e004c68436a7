using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pathway.Web.Assessments.Results;
using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Assessments;

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

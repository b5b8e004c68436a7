namespace Pathway.Web.Components.Charts;

/// <summary>What a bar series counts: a level 1–4 (drawn in that level's colour), no data (hatched) or a plain value.</summary>
public enum BarShade
{
    Plain,
    Level,
    NoData,
}

/// <summary>One series of a bar chart (one segment of each stacked bar).</summary>
public sealed record BarSeries(string Name, BarShade Shade = BarShade.Plain, int? Level = null)
{
    /// <summary>The series counting a level 1–4.</summary>
    public static BarSeries ForLevel(int level, string name) => new(name, BarShade.Level, level);

    /// <summary>The series counting what has no data.</summary>
    public static BarSeries ForNoData(string name) => new(name, BarShade.NoData);

    /// <summary>The look of this series' segments.</summary>
    public ChartLook Look => Shade switch
    {
        BarShade.Level when Level is { } level => ChartPalette.Level(level),
        BarShade.NoData => ChartPalette.NoData,
        _ => ChartPalette.Plain,
    };

    /// <summary>A short mark printed on the legend swatch: the level's number, "–" for no data.</summary>
    public string Mark => Shade switch
    {
        BarShade.Level when Level is { } level => level.ToString(System.Globalization.CultureInfo.CurrentCulture),
        BarShade.NoData => "–",
        _ => "",
    };
}

/// <summary>One bar (or stack of segments): a label and one value per series, in the series' order.</summary>
public sealed record BarRow(string Label, IReadOnlyList<double> Values)
{
    /// <summary>A code shown beside the label in the table (behaviour, region, ISO3), optional.</summary>
    public string? Code { get; init; }

    public double Total => Values.Sum();
}

/// <summary>One line of a trend chart: a value per period (null where the period has none).</summary>
public sealed record TrendSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>Bars that count levels: how many mechanisms, behaviours or countries are at each level, and how many have no data.</summary>
public static class LevelDistribution
{
    /// <summary>The five series, in order: Emerging, Progressing, Established, Advanced, no data.</summary>
    public static IReadOnlyList<BarSeries> Series(Microsoft.Extensions.Localization.IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return
        [
            .. Enumerable.Range(Scoring.Levels.Lowest, Scoring.Levels.Highest - Scoring.Levels.Lowest + 1)
                .Select(level => BarSeries.ForLevel(level, localizer[$"Scoring.Band.{(Scoring.LevelBand)level}"])),
            BarSeries.ForNoData(localizer["Chart.Level.NoData"]),
        ];
    }

    /// <summary>One row counting the given levels (null: no data) into the five series.</summary>
    public static BarRow Row(string label, IEnumerable<int?> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var counts = new double[5];
        foreach (var level in levels)
        {
            counts[level is >= Scoring.Levels.Lowest and <= Scoring.Levels.Highest ? level.Value - 1 : 4]++;
        }
        return new BarRow(label, counts);
    }
}

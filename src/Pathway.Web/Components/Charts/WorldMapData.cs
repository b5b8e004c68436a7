using Pathway.Web.Scoring;

namespace Pathway.Web.Components.Charts;

/// <summary>What the map shows for a country: a level 1–4, published data without a level for the chosen measure, or no published data.</summary>
public enum MapShade
{
    Level,
    NoLevel,
    NoData,
}

/// <summary>
/// One Member State on the world map and in its table: its name in the reader's language, its level
/// (null when none), whether anything of it is published in the view, and where its link leads.
/// </summary>
public sealed record MapCountry(string Iso3, string Name, int? Level, bool HasPublishedData, string Href)
{
    public string? RegionName { get; init; }

    /// <summary>The year of the round the country's value comes from.</summary>
    public int? Year { get; init; }

    /// <summary>The value comes from a demonstration round (labelled as such wherever it is shown).</summary>
    public bool IsDemonstration { get; init; }

    public MapShade Shade => !HasPublishedData ? MapShade.NoData : Level is >= Levels.Lowest and <= Levels.Highest ? MapShade.Level : MapShade.NoLevel;
}

/// <summary>The CSS class that colours a country (app.css: the level palette, and a hatch for no published data).</summary>
public static class MapShades
{
    public const string NoLevelClass = "map-nolevel";
    public const string NoDataClass = "map-nodata";

    public static string ClassOf(MapCountry country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Shade switch
        {
            MapShade.Level => LevelClass(country.Level!.Value),
            MapShade.NoLevel => NoLevelClass,
            _ => NoDataClass,
        };
    }

    public static string LevelClass(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, Levels.Lowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Levels.Highest);
        return $"map-level-{level}";
    }

    /// <summary>The level a published behaviour band stands for (a <see cref="LevelBand"/> name); null for no band.</summary>
    public static int? LevelOfBand(string? band) =>
        Enum.TryParse<LevelBand>(band, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? (int)parsed : null;
}

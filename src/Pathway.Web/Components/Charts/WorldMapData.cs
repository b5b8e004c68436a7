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

/// <summary>
/// How a country is drawn, from <see cref="ChartPalette"/> like every other chart: the level colours, the grey
/// of published data without a level, and a hatch over the no-data colour for no published data. The map writes
/// them as SVG presentation attributes (<c>fill="#…"</c>; the CSP allows those, not <c>style</c> attributes).
/// </summary>
public static class MapShades
{
    /// <summary>The look of a country: its level's, the no-level grey, or the no-data look (drawn hatched).</summary>
    public static ChartLook LookOf(MapCountry country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Shade switch
        {
            MapShade.Level => ChartPalette.Level(country.Level!.Value),
            MapShade.NoLevel => ChartPalette.NoLevel,
            _ => ChartPalette.NoData,
        };
    }

    /// <summary>The fill of a country: a colour, or the map's hatch pattern (<paramref name="hatch"/>, an element id) for no published data.</summary>
    public static string FillOf(MapCountry country, string hatch)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Shade == MapShade.NoData ? $"url(#{hatch})" : LookOf(country).Fill;
    }

    /// <summary>The level a published behaviour band stands for (a <see cref="LevelBand"/> name); null for no band.</summary>
    public static int? LevelOfBand(string? band) =>
        Enum.TryParse<LevelBand>(band, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? (int)parsed : null;
}

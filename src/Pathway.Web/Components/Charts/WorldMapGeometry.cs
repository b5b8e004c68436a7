using System.Text.Json;

namespace Pathway.Web.Components.Charts;

/// <summary>A Member State's outline, an SVG path already projected (see content/maps/README.md).</summary>
public sealed record CountryOutline(string Iso3, string Path);

/// <summary>A Member State too small to draw at the map's scale: a dot at its centroid, or none (table only).</summary>
public sealed record CountryMarker(string Iso3, double? X, double? Y)
{
    public bool IsDrawn => X is not null && Y is not null;
}

/// <summary>
/// The world map's outlines (content/maps/world.json, projected by scripts/world-map): read and parsed
/// once per process and shared by every request, since the file ships with the binaries and never changes
/// while the site runs.
/// </summary>
public sealed class WorldMapGeometry
{
    private sealed record MapFile(
        string Source, string Licence, string Projection, string ViewBox,
        List<CountryOutline> Countries, List<CountryMarker> Markers, string OtherLand);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private WorldMapGeometry(MapFile file)
    {
        Source = file.Source;
        Licence = file.Licence;
        Projection = file.Projection;
        ViewBox = file.ViewBox;
        OtherLand = file.OtherLand;
        Outlines = file.Countries.ToDictionary(country => country.Iso3, StringComparer.Ordinal);
        Markers = file.Markers.ToDictionary(marker => marker.Iso3, StringComparer.Ordinal);
    }

    public string Source { get; }

    public string Licence { get; }

    public string Projection { get; }

    /// <summary>"0 0 width height" in the map's units.</summary>
    public string ViewBox { get; }

    /// <summary>Land that is no Member State: drawn as background, never linked.</summary>
    public string OtherLand { get; }

    public IReadOnlyDictionary<string, CountryOutline> Outlines { get; }

    public IReadOnlyDictionary<string, CountryMarker> Markers { get; }

    /// <summary>The map file of a content directory (where content/maps/world.json ships).</summary>
    public static string PathIn(string contentDirectory) => System.IO.Path.Combine(contentDirectory, "maps", "world.json");

    /// <summary>Reads and checks the map file; a file that is missing or malformed stops with its path and reason.</summary>
    public static WorldMapGeometry Load(string path)
    {
        MapFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<MapFile>(stream, Options);
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The world map {path} cannot be read: {exception.Message}", exception);
        }
        if (file is null || file.Countries is null || file.Markers is null || string.IsNullOrWhiteSpace(file.ViewBox))
        {
            throw new InvalidDataException($"The world map {path} lacks its viewBox, countries or markers.");
        }
        var duplicate = file.Countries.Select(c => c.Iso3).Concat(file.Markers.Select(m => m.Iso3))
            .GroupBy(iso3 => iso3, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The world map {path} has {duplicate.Key} more than once.");
        }
        return new WorldMapGeometry(file with { OtherLand = file.OtherLand ?? "" });
    }
}

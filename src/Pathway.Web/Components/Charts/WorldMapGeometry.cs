using System.Collections.Concurrent;
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
        World = MapBounds.FromViewBox(file.ViewBox);
        WholeWorld = new Frame(file.ViewBox, World, 1);
        bounds = file.Countries.ToDictionary(country => country.Iso3, country => MapBounds.OfOutline(country.Path, MainlandShare), StringComparer.Ordinal);
        foreach (var marker in file.Markers.Where(marker => marker.IsDrawn))
        {
            bounds[marker.Iso3] = new(marker.X!.Value, marker.Y!.Value, marker.X.Value, marker.Y.Value);
        }
    }

    /// <summary>A ring counts towards a country's frame when its area is at least this share of the country's largest.</summary>
    private const double MainlandShare = 0.2;

    private readonly Dictionary<string, MapBounds> bounds;

    private readonly ConcurrentDictionary<string, Frame> frames = new(StringComparer.Ordinal);

    /// <summary>The frame of a region: the viewBox and how much smaller it is than the world's.</summary>
    public sealed record Frame(string ViewBox, MapBounds Bounds, double Scale);

    public string Source { get; }

    public string Licence { get; }

    public string Projection { get; }

    /// <summary>"0 0 width height" in the map's units.</summary>
    public string ViewBox { get; }

    /// <summary>Land that is no Member State: drawn as background, never linked.</summary>
    public string OtherLand { get; }

    public IReadOnlyDictionary<string, CountryOutline> Outlines { get; }

    public IReadOnlyDictionary<string, CountryMarker> Markers { get; }

    /// <summary>The whole map (<see cref="ViewBox"/>).</summary>
    public MapBounds World { get; }

    /// <summary>The frame of the whole map.</summary>
    public Frame WholeWorld { get; }

    /// <summary>
    /// The frame around a region's countries (their outlines' main parts and their dots) with a margin, inside the
    /// world's. Computed the first time a region is asked for and kept: the outlines and the regions' members
    /// are reference data that do not change while the site runs.
    /// </summary>
    public Frame FrameOf(string regionCode, IEnumerable<string> countries)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        ArgumentNullException.ThrowIfNull(countries);
        return frames.GetOrAdd(regionCode, static (_, state) => state.Map.Framing(state.Countries), (Map: this, Countries: countries));
    }

    private Frame Framing(IEnumerable<string> countries)
    {
        var drawn = countries.Where(bounds.ContainsKey).Select(iso3 => bounds[iso3]).ToList();
        if (drawn.Count == 0)
        {
            return WholeWorld;
        }
        var around = drawn.Aggregate((all, next) => all.Union(next));
        var margin = Math.Max(8, 0.06 * Math.Max(around.Width, around.Height));
        // Whole units outwards, so the viewBox written with few digits still holds every outline.
        var framed = new MapBounds(
            Math.Max(World.MinX, Math.Floor(around.MinX - margin)), Math.Max(World.MinY, Math.Floor(around.MinY - margin)),
            Math.Min(World.MaxX, Math.Ceiling(around.MaxX + margin)), Math.Min(World.MaxY, Math.Ceiling(around.MaxY + margin)));
        return new Frame(framed.ToViewBox(), framed, Math.Max(framed.Width / World.Width, framed.Height / World.Height));
    }

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

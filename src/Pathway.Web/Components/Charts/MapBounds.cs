using System.Globalization;

namespace Pathway.Web.Components.Charts;

/// <summary>A rectangle in the map's units (x to the right, y downwards), as an SVG viewBox frames it.</summary>
public readonly record struct MapBounds(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;

    public double Height => MaxY - MinY;

    public MapBounds Union(MapBounds other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    public bool Contains(MapBounds other) => MinX <= other.MinX && MinY <= other.MinY && MaxX >= other.MaxX && MaxY >= other.MaxY;

    /// <summary>"minX minY width height", with a dot for decimals whatever the reader's culture.</summary>
    public string ToViewBox() => string.Join(' ', new[] { MinX, MinY, Width, Height }.Select(value => value.ToString("0.#", CultureInfo.InvariantCulture)));

    /// <summary>Parses "minX minY width height".</summary>
    public static MapBounds FromViewBox(string viewBox)
    {
        var values = viewBox.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        if (values.Length != 4)
        {
            throw new FormatException($"A viewBox has four numbers, not \"{viewBox}\".");
        }
        return new(values[0], values[1], values[0] + values[2], values[1] + values[3]);
    }

    /// <summary>
    /// The bounds of a country's outline (absolute "M x,y L x,y … Z" rings, as content/maps/world.json has them),
    /// counting only the rings whose area is at least <paramref name="share"/> of its largest: a far-flung small
    /// part (an overseas department, a sliver past the antimeridian) would otherwise widen a region's frame to the world.
    /// </summary>
    public static MapBounds OfOutline(string path, double share)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rings = path.Split('M', StringSplitOptions.RemoveEmptyEntries)
            .Select(ring => ring.TrimEnd('Z').Split('L').Select(Point).ToList())
            .Where(ring => ring.Count > 0)
            .Select(ring => (Area: Area(ring), Bounds: new MapBounds(ring.Min(p => p.X), ring.Min(p => p.Y), ring.Max(p => p.X), ring.Max(p => p.Y))))
            .ToList();
        if (rings.Count == 0)
        {
            throw new FormatException("An outline has no ring.");
        }
        var largest = rings.Max(ring => ring.Area);
        return rings.Where(ring => ring.Area >= largest * share).Select(ring => ring.Bounds).Aggregate((all, next) => all.Union(next));
    }

    private static (double X, double Y) Point(string pair)
    {
        var comma = pair.IndexOf(',', StringComparison.Ordinal);
        return (double.Parse(pair.AsSpan(0, comma), CultureInfo.InvariantCulture), double.Parse(pair.AsSpan(comma + 1).TrimEnd('Z'), CultureInfo.InvariantCulture));
    }

    /// <summary>A ring's area (shoelace formula), whichever way it turns.</summary>
    private static double Area(List<(double X, double Y)> ring)
    {
        var twice = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
            twice += (a.X * b.Y) - (b.X * a.Y);
        }
        return Math.Abs(twice) / 2;
    }
}

using System.Globalization;

namespace Pathway.Web.Components.Charts;

/// <summary>A point in SVG user units (y grows downwards).</summary>
public readonly record struct SvgPoint(double X, double Y)
{
    /// <summary>"x,y" with a dot for decimals whatever the reader's culture: SVG attributes are not localized.</summary>
    public override string ToString() => $"{Svg.Number(X)},{Svg.Number(Y)}";
}

/// <summary>Which side of its anchor a label's text lies on, in physical terms (not start/end).</summary>
public enum LabelSide
{
    /// <summary>The text extends to the right of the anchor.</summary>
    Right,

    /// <summary>The text is centred on the anchor.</summary>
    Centre,

    /// <summary>The text extends to the left of the anchor.</summary>
    Left,
}

/// <summary>Numbers written into SVG attributes.</summary>
public static class Svg
{
    /// <summary>At most two decimals, invariant culture ("12.5", never "12,5").</summary>
    public static string Number(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text-anchor value that puts text on <paramref name="side"/> of its anchor. "start" and "end"
    /// follow the text direction, so they swap when the chart is right-to-left.
    /// </summary>
    public static string TextAnchor(LabelSide side, bool rightToLeft) => side switch
    {
        LabelSide.Centre => "middle",
        LabelSide.Right => rightToLeft ? "end" : "start",
        _ => rightToLeft ? "start" : "end",
    };
}

/// <summary>
/// The geometry of a radar chart of scores 0 to <see cref="Levels"/>: spoke i of n starts at the top
/// and goes clockwise for left-to-right readers; right-to-left readers get the mirror image
/// (counter-clockwise), so the first behaviour is followed by the second on the side they read from.
/// Pure maths, no rendering.
/// </summary>
public sealed class RadarGeometry
{
    /// <summary>The outer ring stands for level 4 and the centre for 0.</summary>
    public const int Levels = 4;

    public RadarGeometry(int spokes, SvgPoint centre, double radius, bool rightToLeft)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spokes, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        Spokes = spokes;
        Centre = centre;
        Radius = radius;
        RightToLeft = rightToLeft;
    }

    public int Spokes { get; }

    public SvgPoint Centre { get; }

    public double Radius { get; }

    public bool RightToLeft { get; }

    /// <summary>
    /// The spoke's angle in degrees, clockwise from straight up as the reader sees it: 0, 60, 120… for
    /// six spokes left-to-right; 0, −60, −120… (mirrored) right-to-left.
    /// </summary>
    public double AngleDegrees(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Spokes);
        var angle = 360.0 * index / Spokes;
        return RightToLeft && angle != 0 ? -angle : angle;
    }

    /// <summary>The distance from the centre of a value 0–4 (clamped), proportional to the value.</summary>
    public double RadiusOf(double value) => Radius * Math.Clamp(value, 0, Levels) / Levels;

    /// <summary>Where a value lies on a spoke.</summary>
    public SvgPoint PointAt(int index, double value) => Along(index, RadiusOf(value));

    /// <summary>The point <paramref name="distance"/> units from the centre along a spoke.</summary>
    public SvgPoint Along(int index, double distance)
    {
        var radians = AngleDegrees(index) * Math.PI / 180;
        var x = Centre.X + (distance * Math.Sin(radians));
        var y = Centre.Y - (distance * Math.Cos(radians));
        return new(Clean(x), Clean(y));
    }

    /// <summary>The end of a spoke, on the outer ring.</summary>
    public SvgPoint SpokeEnd(int index) => Along(index, Radius);

    /// <summary>The ring for a level, as polygon points (rings follow the spokes, so they are polygons).</summary>
    public IReadOnlyList<SvgPoint> Ring(int level) =>
        [.. Enumerable.Range(0, Spokes).Select(index => PointAt(index, level))];

    /// <summary>The polygon of values, one per spoke; a missing value sits at the centre.</summary>
    public IReadOnlyList<SvgPoint> Polygon(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Spokes)
        {
            throw new ArgumentException($"Expected {Spokes} values, got {values.Count}.", nameof(values));
        }
        return [.. values.Select((value, index) => value is { } v ? PointAt(index, v) : Centre)];
    }

    /// <summary>Where a spoke's label goes: just beyond the outer ring.</summary>
    public SvgPoint LabelAnchor(int index, double gap) => Along(index, Radius + gap);

    /// <summary>Which way a spoke's label extends so it points away from the chart.</summary>
    public LabelSide LabelSideOf(int index)
    {
        var end = SpokeEnd(index);
        var offset = end.X - Centre.X;
        return Math.Abs(offset) < Radius * 0.15 ? LabelSide.Centre : offset > 0 ? LabelSide.Right : LabelSide.Left;
    }

    /// <summary>SVG points attribute text: "x1,y1 x2,y2 …".</summary>
    public static string PointsAttribute(IEnumerable<SvgPoint> points) => string.Join(' ', points.Select(point => point.ToString()));

    // Trig leaves 1e-14 where 0 is meant; keep coordinates exact enough for tests and tidy in the markup.
    private static double Clean(double value) => Math.Round(value, 6);
}

/// <summary>Chart labels short enough for the drawing; the full text is always in the table beside it.</summary>
public static class ChartLabels
{
    /// <summary>
    /// Splits <paramref name="text"/> into at most <paramref name="maxLines"/> lines of about
    /// <paramref name="width"/> characters, breaking between words; what does not fit ends in "…".
    /// A word longer than a line is cut.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lines = new List<string>();
        var current = "";
        var truncated = false;
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (candidate.Length <= width)
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0)
            {
                lines.Add(current);
            }
            current = word;
            if (lines.Count == maxLines)
            {
                truncated = true;
                break;
            }
        }
        if (!truncated && current.Length > 0)
        {
            if (lines.Count < maxLines)
            {
                lines.Add(current);
            }
            else
            {
                truncated = true;
            }
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length > width)
            {
                lines[i] = Shorten(lines[i], width);
            }
        }
        if (truncated && lines.Count > 0 && !lines[^1].EndsWith('…'))
        {
            var last = lines[^1];
            lines[^1] = last.Length + 1 > width ? Shorten(last, width) : last + "…";
        }
        return lines;
    }

    /// <summary>The text cut to <paramref name="width"/> characters, ending in "…" when cut.</summary>
    public static string Shorten(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        return text.Length <= width ? text : TextRules.Truncate(text, width - 1, ellipsis: "").TrimEnd() + "…";
    }
}

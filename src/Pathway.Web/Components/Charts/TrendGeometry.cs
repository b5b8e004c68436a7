namespace Pathway.Web.Components.Charts;

/// <summary>
/// The geometry of a trend chart: periods along the reading direction (the first period on the left
/// for left-to-right readers, on the right for right-to-left readers), values upwards from a minimum
/// to a maximum. A line breaks where a period has no value. Pure maths, no rendering.
/// </summary>
public sealed class TrendGeometry
{
    public const double Top = 12;
    public const double AxisColumn = 36;
    public const double Margin = 24;
    public const double AxisHeight = 40;

    public TrendGeometry(int periods, double width, double plotHeight, double minimum, double maximum, bool rightToLeft)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maximum, minimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, AxisColumn + Margin + 40);
        Periods = periods;
        Width = width;
        PlotHeight = plotHeight;
        Minimum = minimum;
        Maximum = maximum;
        RightToLeft = rightToLeft;
    }

    public int Periods { get; }

    public double Width { get; }

    public double PlotHeight { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    public bool RightToLeft { get; }

    public double PlotBottom => Top + PlotHeight;

    /// <summary>Where the value axis (and its numbers) stands: on the reading side.</summary>
    public double AxisX => RightToLeft ? Width - AxisColumn : AxisColumn;

    private double PlotLength => Width - AxisColumn - Margin;

    /// <summary>The x of a period: evenly spread, a single period in the middle.</summary>
    public double X(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(period, Periods);
        var share = Periods == 1 ? 0.5 : (period + 0.5) / Periods;
        var offset = PlotLength * share;
        return Clean(RightToLeft ? AxisX - offset : AxisX + offset);
    }

    /// <summary>The y of a value (clamped to the axis).</summary>
    public double Y(double value) =>
        Clean(PlotBottom - (PlotHeight * (Math.Clamp(value, Minimum, Maximum) - Minimum) / (Maximum - Minimum)));

    /// <summary>The runs of consecutive periods with a value; a gap ends a run (a run of one is a lone marker).</summary>
    public IReadOnlyList<IReadOnlyList<SvgPoint>> Runs(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Periods)
        {
            throw new ArgumentException($"Expected {Periods} values, got {values.Count}.", nameof(values));
        }
        var runs = new List<IReadOnlyList<SvgPoint>>();
        var current = new List<SvgPoint>();
        for (var period = 0; period < Periods; period++)
        {
            if (values[period] is { } value)
            {
                current.Add(new SvgPoint(X(period), Y(value)));
            }
            else if (current.Count > 0)
            {
                runs.Add(current);
                current = [];
            }
        }
        if (current.Count > 0)
        {
            runs.Add(current);
        }
        return runs;
    }

    /// <summary>Gridlines at every whole number from the minimum to the maximum.</summary>
    public IReadOnlyList<AxisTick> Ticks()
    {
        var step = Math.Max(1, Math.Ceiling((Maximum - Minimum) / 5));
        var ticks = new List<AxisTick>();
        for (var value = Minimum; value <= Maximum + 1e-9; value += step)
        {
            ticks.Add(new AxisTick(value, Y(value)));
        }
        return ticks;
    }

    /// <summary>SVG path data for a marker centred on a point (each shape its own, so lines differ in greyscale).</summary>
    public static string MarkerPath(MarkerShape shape, SvgPoint at, double size)
    {
        var h = size / 2;
        return shape switch
        {
            MarkerShape.Square => $"M{Svg.Number(at.X - h)},{Svg.Number(at.Y - h)}h{Svg.Number(size)}v{Svg.Number(size)}h{Svg.Number(-size)}Z",
            MarkerShape.Triangle => $"M{Svg.Number(at.X)},{Svg.Number(at.Y - h - 1)}L{Svg.Number(at.X + h + 1)},{Svg.Number(at.Y + h)}L{Svg.Number(at.X - h - 1)},{Svg.Number(at.Y + h)}Z",
            MarkerShape.Diamond => $"M{Svg.Number(at.X)},{Svg.Number(at.Y - h - 1)}L{Svg.Number(at.X + h + 1)},{Svg.Number(at.Y)}L{Svg.Number(at.X)},{Svg.Number(at.Y + h + 1)}L{Svg.Number(at.X - h - 1)},{Svg.Number(at.Y)}Z",
            _ => $"M{Svg.Number(at.X - h)},{Svg.Number(at.Y)}a{Svg.Number(h)},{Svg.Number(h)} 0 1,0 {Svg.Number(size)},0a{Svg.Number(h)},{Svg.Number(h)} 0 1,0 {Svg.Number(-size)},0Z",
        };
    }

    private static double Clean(double value) => Math.Round(value, 6);
}

namespace Pathway.Web.Components.Charts;

/// <summary>One drawn segment of a bar: its series, value and rectangle.</summary>
public readonly record struct BarSegment(int Series, double Value, double X, double Y, double Width, double Height)
{
    /// <summary>The middle of the rectangle, where its value is printed.</summary>
    public double CentreX => X + (Width / 2);
}

/// <summary>A gridline of the value axis.</summary>
public readonly record struct AxisTick(double Value, double Position);

/// <summary>
/// The geometry of a horizontal bar chart, plain or stacked: labels on the reading side, bars growing
/// from there (left to right for left-to-right readers, right to left for right-to-left readers), a
/// value axis with whole-number ticks. Pure maths, no rendering.
/// </summary>
public sealed class BarGeometry
{
    public const double RowHeight = 26;
    public const double RowGap = 10;
    public const double Top = 8;
    public const double AxisHeight = 22;
    public const double Margin = 8;

    private readonly IReadOnlyList<IReadOnlyList<double>> values;

    public BarGeometry(IReadOnlyList<IReadOnlyList<double>> values, double width, double labelColumn, bool rightToLeft, double? maximum = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, labelColumn + 40);
        if (values.SelectMany(row => row).Any(value => value < 0 || double.IsNaN(value)))
        {
            throw new ArgumentException("Bar values must be zero or more.", nameof(values));
        }
        this.values = values;
        Width = width;
        LabelColumn = labelColumn;
        RightToLeft = rightToLeft;
        var largest = values.Count == 0 ? 0 : values.Max(row => row.Sum());
        Maximum = maximum is { } given && given >= largest ? given : NiceMaximum(largest);
    }

    public double Width { get; }

    public double LabelColumn { get; }

    public bool RightToLeft { get; }

    /// <summary>The value at the far end of the axis.</summary>
    public double Maximum { get; }

    public double Height => Top + (values.Count * (RowHeight + RowGap)) + AxisHeight;

    /// <summary>Where value 0 sits (the bars' base), next to the labels.</summary>
    public double BaseX => RightToLeft ? Width - LabelColumn : LabelColumn;

    /// <summary>The length of the plot area.</summary>
    public double PlotLength => Width - LabelColumn - Margin;

    /// <summary>Where a label's text is anchored: at the outer edge on the reading side.</summary>
    public double LabelX => RightToLeft ? Width - Margin / 2 : Margin / 2;

    public double RowY(int row) => Top + (row * (RowHeight + RowGap));

    /// <summary>The x of a value measured from the base.</summary>
    public double Position(double value) => RightToLeft ? BaseX - Length(value) : BaseX + Length(value);

    public double Length(double value) => Maximum <= 0 ? 0 : PlotLength * Math.Clamp(value, 0, Maximum) / Maximum;

    /// <summary>The segments of a row, stacked from the base in series order; empty series give no segment.</summary>
    public IReadOnlyList<BarSegment> Segments(int row)
    {
        var segments = new List<BarSegment>();
        var start = 0.0;
        var rowValues = values[row];
        for (var series = 0; series < rowValues.Count; series++)
        {
            var value = rowValues[series];
            if (value > 0)
            {
                var length = Length(start + value) - Length(start);
                var x = RightToLeft ? BaseX - Length(start + value) : BaseX + Length(start);
                segments.Add(new BarSegment(series, value, Clean(x), RowY(row), Clean(length), RowHeight));
            }
            start += value;
        }
        return segments;
    }

    /// <summary>Where the total of a row is written: just past the end of its bar.</summary>
    public double TotalX(int row) => Position(values[row].Sum()) + (RightToLeft ? -4 : 4);

    /// <summary>Gridlines at whole numbers, at most about six.</summary>
    public IReadOnlyList<AxisTick> Ticks()
    {
        if (Maximum <= 0)
        {
            return [new AxisTick(0, BaseX)];
        }
        var step = Math.Max(1, Math.Ceiling(Maximum / 5));
        var ticks = new List<AxisTick>();
        for (var value = 0.0; value <= Maximum + 1e-9; value += step)
        {
            ticks.Add(new AxisTick(value, Clean(Position(value))));
        }
        return ticks;
    }

    /// <summary>The smallest whole number ≥ the largest total that the ticks divide evenly (at least 1).</summary>
    public static double NiceMaximum(double largest)
    {
        if (largest <= 0)
        {
            return 1;
        }
        var top = Math.Ceiling(largest);
        var step = Math.Max(1, Math.Ceiling(top / 5));
        return Math.Ceiling(top / step) * step;
    }

    private static double Clean(double value) => Math.Round(value, 6);
}

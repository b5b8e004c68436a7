using Pathway.Web.Components.Charts;

namespace Pathway.UnitTests.Charts;

public class BarAndTrendGeometryTests
{
    private static readonly IReadOnlyList<IReadOnlyList<double>> Stacks = [[2, 3, 0, 1, 0], [0, 0, 4, 2, 1]];

    [Fact]
    public void Stacked_segments_start_at_the_labels_and_follow_each_other_in_series_order()
    {
        var geometry = new BarGeometry(Stacks, 560, 170, rightToLeft: false);

        Assert.Equal(8, geometry.Maximum);
        var first = geometry.Segments(0);
        Assert.Equal([0, 1, 3], first.Select(segment => segment.Series));
        Assert.Equal(170, first[0].X, 6);
        Assert.Equal(first[0].X + first[0].Width, first[1].X, 6);
        Assert.Equal(first[1].X + first[1].Width, first[2].X, 6);
        Assert.Equal(geometry.PlotLength * 6 / 8, first.Sum(segment => segment.Width), 6);
    }

    [Fact]
    public void Right_to_left_bars_are_the_mirror_image()
    {
        var ltr = new BarGeometry(Stacks, 560, 170, rightToLeft: false);
        var rtl = new BarGeometry(Stacks, 560, 170, rightToLeft: true);

        for (var row = 0; row < Stacks.Count; row++)
        {
            var left = ltr.Segments(row);
            var right = rtl.Segments(row);
            Assert.Equal(left.Count, right.Count);
            for (var i = 0; i < left.Count; i++)
            {
                Assert.Equal(560 - left[i].X - left[i].Width, right[i].X, 6);
                Assert.Equal(left[i].Width, right[i].Width, 6);
            }
        }
        Assert.Equal(560 - ltr.LabelX, rtl.LabelX, 6);
        Assert.Equal(ltr.Ticks().Select(tick => 560 - tick.Position), rtl.Ticks().Select(tick => tick.Position));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.4, 1)]
    [InlineData(4, 4)]
    [InlineData(7, 8)]
    [InlineData(23, 25)]
    public void The_axis_ends_at_a_whole_number_its_ticks_divide(double largest, double maximum) =>
        Assert.Equal(maximum, BarGeometry.NiceMaximum(largest));

    [Fact]
    public void Negative_bar_values_are_refused() =>
        Assert.Throws<ArgumentException>(() => new BarGeometry([[1, -1]], 560, 170, false));

    [Fact]
    public void Trend_periods_run_in_the_reading_direction_and_values_rise_upwards()
    {
        var ltr = new TrendGeometry(3, 560, 200, 0, 4, rightToLeft: false);
        var rtl = new TrendGeometry(3, 560, 200, 0, 4, rightToLeft: true);

        Assert.True(ltr.X(0) < ltr.X(1) && ltr.X(1) < ltr.X(2));
        Assert.True(rtl.X(0) > rtl.X(1) && rtl.X(1) > rtl.X(2));
        for (var period = 0; period < 3; period++)
        {
            Assert.Equal(560 - ltr.X(period), rtl.X(period), 6);
        }
        Assert.Equal(ltr.PlotBottom, ltr.Y(0));
        Assert.Equal(TrendGeometry.Top, ltr.Y(4));
        Assert.Equal(TrendGeometry.Top + 100, ltr.Y(2));
        Assert.Equal(TrendGeometry.Top, ltr.Y(9));
    }

    [Fact]
    public void A_trend_line_breaks_where_a_period_has_no_value()
    {
        var geometry = new TrendGeometry(5, 560, 200, 0, 4, false);

        var runs = geometry.Runs([1, 2, null, 3, null]);

        Assert.Equal(2, runs.Count);
        Assert.Equal([geometry.X(0), geometry.X(1)], runs[0].Select(point => point.X));
        Assert.Equal(geometry.Y(3), Assert.Single(runs[1]).Y);
    }

    [Fact]
    public void The_level_palette_gets_darker_with_each_level_so_it_reads_in_greyscale()
    {
        var lightness = Enumerable.Range(1, 4).Select(level => Luminance(ChartPalette.Level(level).Fill)).ToList();

        for (var i = 1; i < lightness.Count; i++)
        {
            Assert.True(lightness[i] < lightness[i - 1] - 0.1, $"Level {i + 1} is not clearly darker than level {i}.");
        }
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var value = Convert.ToInt32(hex.Substring(offset, 2), 16) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}

using System.Globalization;
using Pathway.Web.Components.Charts;

namespace Pathway.UnitTests.Charts;

/// <summary>The radar's spokes start at the top, go clockwise left-to-right and counter-clockwise right-to-left, and scale 0–4.</summary>
public class RadarGeometryTests
{
    private static readonly SvgPoint Centre = new(100, 100);

    private static RadarGeometry Six(bool rightToLeft = false) => new(6, Centre, 80, rightToLeft);

    [Fact]
    public void Six_spokes_are_sixty_degrees_apart_starting_at_the_top()
    {
        var geometry = Six();

        Assert.Equal([0.0, 60, 120, 180, 240, 300], Enumerable.Range(0, 6).Select(geometry.AngleDegrees));
        Assert.Equal(new SvgPoint(100, 20), geometry.SpokeEnd(0));
    }

    [Fact]
    public void Left_to_right_goes_clockwise_so_the_second_spoke_is_to_the_right()
    {
        var second = Six().SpokeEnd(1);

        Assert.True(second.X > Centre.X, $"Expected the second spoke right of the centre, got {second}.");
        Assert.True(second.Y < Centre.Y, "The second of six spokes points upwards.");
        Assert.Equal(new SvgPoint(100, 180), Six().SpokeEnd(3));
    }

    [Fact]
    public void Right_to_left_mirrors_the_chart_so_the_second_spoke_is_to_the_left()
    {
        var leftToRight = Six();
        var rightToLeft = Six(rightToLeft: true);

        Assert.Equal([0.0, -60, -120, -180, -240, -300], Enumerable.Range(0, 6).Select(rightToLeft.AngleDegrees));
        for (var i = 0; i < 6; i++)
        {
            var normal = leftToRight.PointAt(i, 3);
            var mirrored = rightToLeft.PointAt(i, 3);
            Assert.Equal(2 * Centre.X - normal.X, mirrored.X, 6);
            Assert.Equal(normal.Y, mirrored.Y, 6);
        }
        Assert.True(rightToLeft.SpokeEnd(1).X < Centre.X);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 20)]
    [InlineData(2.7, 54)]
    [InlineData(4, 80)]
    [InlineData(5, 80)]
    [InlineData(-1, 0)]
    public void A_value_lies_at_its_share_of_the_radius_clamped_to_0_to_4(double value, double distance)
    {
        var geometry = Six();

        Assert.Equal(distance, geometry.RadiusOf(value), 6);
        Assert.Equal(Centre.Y - distance, geometry.PointAt(0, value).Y, 6);
    }

    [Fact]
    public void Rings_have_one_corner_per_spoke_at_their_level()
    {
        var ring = Six().Ring(2);

        Assert.Equal(6, ring.Count);
        Assert.All(ring, point => Assert.Equal(40, Distance(point), 6));
    }

    [Fact]
    public void A_missing_value_is_drawn_at_the_centre()
    {
        var polygon = Six().Polygon([2.0, null, 3.0, 4.0, null, 1.0]);

        Assert.Equal(Centre, polygon[1]);
        Assert.Equal(Centre, polygon[4]);
        Assert.Equal(40, Distance(polygon[0]), 6);
        Assert.Equal(20, Distance(polygon[5]), 6);
    }

    [Fact]
    public void The_polygon_needs_one_value_per_spoke()
    {
        Assert.Throws<ArgumentException>(() => Six().Polygon([1.0, 2.0]));
    }

    [Fact]
    public void Labels_point_away_from_the_chart_and_swap_start_and_end_right_to_left()
    {
        var geometry = Six();

        Assert.Equal(LabelSide.Centre, geometry.LabelSideOf(0));
        Assert.Equal(LabelSide.Right, geometry.LabelSideOf(1));
        Assert.Equal(LabelSide.Left, geometry.LabelSideOf(4));
        Assert.Equal(LabelSide.Left, Six(rightToLeft: true).LabelSideOf(1));
        Assert.Equal("start", Svg.TextAnchor(LabelSide.Right, rightToLeft: false));
        Assert.Equal("end", Svg.TextAnchor(LabelSide.Right, rightToLeft: true));
        Assert.Equal("middle", Svg.TextAnchor(LabelSide.Centre, rightToLeft: true));
    }

    [Fact]
    public void Svg_numbers_use_a_dot_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr");
            Assert.Equal("12.35", Svg.Number(12.345));
            Assert.Equal("100,20", new SvgPoint(100, 20).ToString());
            Assert.Equal("1.5,2 3,4", RadarGeometry.PointsAttribute([new(1.5, 2), new(3, 4)]));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("Lead strategy", 18, 3, new[] { "Lead strategy" })]
    [InlineData("Align structures and coordinate", 18, 3, new[] { "Align structures", "and coordinate" })]
    [InlineData("One two three four five six seven eight nine", 15, 2, new[] { "One two three", "four five six…" })]
    [InlineData("Supercalifragilisticexpialidocious", 18, 3, new[] { "Supercalifragilis…" })]
    public void Labels_wrap_between_words_and_end_in_an_ellipsis_when_cut(string text, int width, int maxLines, string[] lines)
    {
        Assert.Equal(lines, ChartLabels.Wrap(text, width, maxLines));
    }

    private static double Distance(SvgPoint point) => Math.Sqrt(Math.Pow(point.X - Centre.X, 2) + Math.Pow(point.Y - Centre.Y, 2));
}

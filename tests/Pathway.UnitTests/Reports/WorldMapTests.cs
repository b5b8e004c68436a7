using System.Text.Json.Nodes;
using Pathway.Web.Components.Charts;

namespace Pathway.UnitTests.Reports;

/// <summary>The shipped world map (content/maps/world.json) and how a country's value picks its colour.</summary>
public class WorldMapTests
{
    private const string MapFile = "content/maps/world.json";

    private static readonly Lazy<WorldMapGeometry> Shipped = new(() => WorldMapGeometry.Load(RepoFiles.PathOf(MapFile)));

    [Fact]
    public void Every_Member_State_has_an_outline_or_a_marker_on_the_shipped_map()
    {
        var members = RepoFiles.ReadJson("content/reference/countries.json").AsArray()
            .Select(country => country!["iso3"]!.GetValue<string>()).ToList();

        var map = Shipped.Value;

        Assert.Equal(194, members.Count);
        Assert.All(members, iso3 => Assert.True(
            map.Outlines.ContainsKey(iso3) || (map.Markers.TryGetValue(iso3, out var marker) && marker.IsDrawn), $"{iso3} is not drawn"));
        Assert.True(map.Outlines.Count > 150, "most Member States have a 110m outline");
        Assert.Contains("KEN", map.Outlines.Keys);
        Assert.Contains("MCO", map.Markers.Keys);
    }

    [Fact]
    public void The_shipped_map_names_its_source_licence_and_projection_and_stays_small()
    {
        var map = Shipped.Value;

        Assert.Contains("Natural Earth", map.Source, StringComparison.Ordinal);
        Assert.Equal("public domain (Natural Earth)", map.Licence);
        Assert.Equal("Equal Earth", map.Projection);
        var viewBox = map.ViewBox.Split(' ').Select(value => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, viewBox.Length);
        Assert.All(map.Outlines.Values, outline => Assert.StartsWith("M", outline.Path, StringComparison.Ordinal));
        Assert.All(map.Markers.Values, marker => Assert.InRange(marker.X!.Value, viewBox[0], viewBox[0] + viewBox[2]));
        Assert.All(map.Markers.Values, marker => Assert.InRange(marker.Y!.Value, viewBox[1], viewBox[1] + viewBox[3]));
        Assert.True(new FileInfo(RepoFiles.PathOf(MapFile)).Length < 200_000, "the map file stays under 200 KB");
    }

    [Fact]
    public void A_map_file_that_is_missing_or_malformed_is_refused_with_its_path()
    {
        var directory = Directory.CreateTempSubdirectory("pathway-map-").FullName;
        try
        {
            var missing = Path.Combine(directory, "missing.json");
            Assert.Contains(missing, Assert.Throws<InvalidDataException>(() => WorldMapGeometry.Load(missing)).Message, StringComparison.Ordinal);

            var broken = Path.Combine(directory, "broken.json");
            File.WriteAllText(broken, "{ \"viewBox\": ");
            Assert.Contains(broken, Assert.Throws<InvalidDataException>(() => WorldMapGeometry.Load(broken)).Message, StringComparison.Ordinal);

            var twice = Path.Combine(directory, "twice.json");
            var file = JsonNode.Parse("""
                { "source": "s", "licence": "l", "projection": "p", "viewBox": "0 0 10 10", "otherLand": "",
                  "countries": [ { "iso3": "KEN", "path": "M0,0Z" } ], "markers": [ { "iso3": "KEN", "x": 1, "y": 1 } ] }
                """)!;
            File.WriteAllText(twice, file.ToJsonString());
            Assert.Contains("KEN", Assert.Throws<InvalidDataException>(() => WorldMapGeometry.Load(twice)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_country_with_a_level_takes_that_levels_colour_from_the_chart_palette(int level)
    {
        var country = new MapCountry("KEN", "Kenya", level, HasPublishedData: true, "/k");

        Assert.Equal(ChartPalette.Level(level).Fill, MapShades.FillOf(country, "hatch"));
        Assert.Same(ChartPalette.Level(level), MapShades.LookOf(country));
    }

    [Fact]
    public void Published_data_without_a_level_and_no_published_data_have_their_own_looks()
    {
        var noLevel = new MapCountry("KEN", "Kenya", null, HasPublishedData: true, "/k");
        var noData = new MapCountry("KEN", "Kenya", null, HasPublishedData: false, "/k");
        // A level without anything published (never produced by the dashboard) still shows as no data.
        var strayLevel = new MapCountry("KEN", "Kenya", 3, HasPublishedData: false, "/k");

        Assert.Equal((MapShade.NoLevel, ChartPalette.NoLevel.Fill), (noLevel.Shade, MapShades.FillOf(noLevel, "hatch")));
        Assert.Equal((MapShade.NoData, "url(#hatch)"), (noData.Shade, MapShades.FillOf(noData, "hatch")));
        Assert.Equal(MapShade.NoData, strayLevel.Shade);
        Assert.Equal(MapShade.NoLevel, (noLevel with { Level = 5 }).Shade);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartPalette.Level(0));
    }

    [Fact]
    public void The_level_colours_darken_level_to_level_so_they_read_in_greyscale()
    {
        var greys = Enumerable.Range(1, 4).Select(level => Grey(ChartPalette.Level(level).Fill)).ToList();

        for (var level = 1; level < 4; level++)
        {
            Assert.True(greys[level - 1] - greys[level] > 0.12, $"level {level + 1} is not clearly darker than level {level}");
        }
        Assert.NotEqual(ChartPalette.NoLevel.Fill, ChartPalette.NoData.Fill);
        Assert.DoesNotContain(ChartPalette.NoLevel.Fill, Enumerable.Range(1, 4).Select(level => ChartPalette.Level(level).Fill));
    }

    [Fact]
    public void A_regions_frame_holds_its_countries_outlines_and_is_smaller_than_the_world()
    {
        var map = Shipped.Value;
        string[] eastMediterranean = ["JOR", "EGY", "PAK", "MAR", "SAU", "IRN", "BHR"];

        var frame = map.FrameOf("unit-emr", eastMediterranean);

        Assert.NotEqual(map.ViewBox, frame.ViewBox);
        Assert.True(frame.Bounds.Width < map.World.Width / 2, "the frame is a close-up");
        Assert.All(["JOR", "EGY", "PAK", "MAR", "SAU", "IRN"], iso3 => Assert.True(frame.Bounds.Contains(MapBounds.OfOutline(map.Outlines[iso3].Path, 0)), iso3));
        var bahrain = map.Markers["BHR"];
        Assert.True(frame.Bounds.Contains(new MapBounds(bahrain.X!.Value, bahrain.Y!.Value, bahrain.X.Value, bahrain.Y.Value)));
        Assert.Equal(frame.Bounds, MapBounds.FromViewBox(frame.ViewBox));
        // Kept per region: the first members asked for frame it.
        Assert.Same(frame, map.FrameOf("unit-emr", ["FJI"]));
    }

    [Fact]
    public void A_far_flung_small_part_of_a_country_does_not_widen_its_frame()
    {
        var map = Shipped.Value;

        // France's outline carries French Guiana; the frame of metropolitan France stays in Europe.
        var france = map.FrameOf("unit-fra", ["FRA"]);
        var everything = MapBounds.OfOutline(map.Outlines["FRA"].Path, 0);

        Assert.True(everything.Width > 3 * france.Bounds.Width, "French Guiana is left out of the frame");
        Assert.Same(map.WholeWorld, map.FrameOf("unit-none", ["XXX"]));
    }

    /// <summary>A colour's lightness in greyscale (relative luminance, 0 black to 1 white).</summary>
    private static double Grey(string colour)
    {
        double Channel(int offset)
        {
            var value = Convert.ToInt32(colour.Substring(offset, 2), 16) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [Theory]
    [InlineData("Emerging", 1)]
    [InlineData("Progressing", 2)]
    [InlineData("Established", 3)]
    [InlineData("Advanced", 4)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("established", null)]
    [InlineData("Unknown", null)]
    public void A_published_behaviour_band_reads_as_its_level(string? band, int? expected) =>
        Assert.Equal(expected, MapShades.LevelOfBand(band));
}

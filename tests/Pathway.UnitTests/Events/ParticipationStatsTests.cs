using Pathway.Web.Events;

namespace Pathway.UnitTests.Events;

/// <summary>The rules of participation figures: what is counted, when attendance counts, when recorded totals replace the count.</summary>
public class ParticipationStatsTests
{
    private static string? RegionOf(string iso3) => iso3 switch
    {
        "EGY" => "EMR",
        "FRA" => "EUR",
        "JPN" => "WPR",
        _ => null,
    };

    private static int Count(IEnumerable<ParticipationCount> counts, string? key) => counts.SingleOrDefault(count => count.Key == key)?.Count ?? 0;

    private static readonly CountedLine[] Lines =
    [
        new(ParticipantGroup.Ngo, "EGY", null, true, 3),
        new(ParticipantGroup.Academia, "FRA", null, true, 2),
        new(ParticipantGroup.Academia, null, null, true, 1),
    ];

    [Fact]
    public void Confirmed_places_are_counted_by_group_in_the_enums_order_by_region_and_by_country()
    {
        var figures = ParticipationStats.Resolve(Lines, [], isOver: false, RegionOf);
        Assert.Equal(Enum.GetNames<ParticipantGroup>(), figures.Groups.Select(group => group.Key));
        Assert.Equal(6, figures.Total);
        Assert.Equal(3, Count(figures.Groups, "Academia"));
        Assert.Equal(3, Count(figures.Regions, "EMR"));
        Assert.Equal(2, Count(figures.Regions, "EUR"));
        Assert.Equal(1, Count(figures.Countries, null));
        Assert.Null(figures.Countries[^1].Key);
        Assert.False(figures.CountsAttendance);
    }

    [Fact]
    public void After_the_event_marked_attendance_replaces_confirmed_places()
    {
        CountedLine[] marked =
        [
            new(ParticipantGroup.Ngo, "EGY", true, true, 2),
            new(ParticipantGroup.Ngo, "EGY", false, true, 1),
            new(ParticipantGroup.Academia, "FRA", null, true, 2),
            new(ParticipantGroup.Who, "JPN", true, false, 1),
        ];
        var over = ParticipationStats.Resolve(marked, [], isOver: true, RegionOf);
        Assert.True(over.CountsAttendance);
        Assert.Equal(3, over.Total);
        Assert.Equal(1, Count(over.Groups, "Who"));
        Assert.Equal(0, Count(over.Groups, "Academia"));

        // Before it ends, attendance means nothing yet: confirmed places count.
        var before = ParticipationStats.Resolve(marked, [], isOver: false, RegionOf);
        Assert.False(before.CountsAttendance);
        Assert.Equal(5, before.Total);

        // Over, but nobody marked: confirmed places still count.
        Assert.Equal(6, ParticipationStats.Resolve(Lines, [], isOver: true, RegionOf).Total);
    }

    [Fact]
    public void Recorded_totals_replace_only_their_own_dimension()
    {
        ParticipationTotal[] totals =
        [
            new() { Dimension = TotalDimension.Group, Key = "DevelopmentAgency", Count = 20 },
            new() { Dimension = TotalDimension.Group, Key = "PrivateCompany", Count = 53 },
            new() { Dimension = TotalDimension.Region, Key = "afr", Count = 40 },
        ];
        var figures = ParticipationStats.Resolve(Lines, totals, isOver: true, RegionOf);
        Assert.Equal(73, figures.Total);
        Assert.Equal(0, Count(figures.Groups, "Ngo"));
        Assert.Equal(40, Count(figures.Regions, "AFR"));
        Assert.Equal(0, Count(figures.Regions, "EMR"));
        Assert.Equal(3, Count(figures.Countries, "EGY"));
        Assert.True(figures.GroupsRecorded);
        Assert.True(figures.RegionsRecorded);
        Assert.False(figures.CountriesRecorded);
    }

    [Fact]
    public void A_series_is_the_sum_of_its_events()
    {
        var first = ParticipationStats.Resolve([], [new() { Dimension = TotalDimension.Group, Key = "Academia", Count = 10 }], isOver: true, RegionOf);
        var second = ParticipationStats.Resolve(Lines, [], isOver: true, RegionOf);
        var series = ParticipationStats.Sum([first, second]);
        Assert.Equal(16, series.Total);
        Assert.Equal(13, Count(series.Groups, "Academia"));
        Assert.Equal(3, Count(series.Countries, "EGY"));
        Assert.Equal(ParticipationFigures.Empty.Total, ParticipationStats.Sum([]).Total);
    }
}

using System.Globalization;
using Pathway.Web.Events;
using Pathway.Web.Localization;

namespace Pathway.UnitTests.Events;

/// <summary>Event times: wall clock to moment across clock changes, offsets, and the text people read in either zone.</summary>
public class EventTimesTests
{
    private static readonly CultureInfo English = Cultures.Create("en");
    private static TimeZoneInfo Zone(string id) => EventTimes.FindZone(id) ?? throw new InvalidOperationException(id);

    [Fact]
    public void A_wall_clock_time_skipped_by_the_spring_change_is_read_as_the_hour_after()
    {
        // Zurich moves from 02:00 to 03:00 on 31 March 2024: 02:30 does not exist there.
        var moment = EventTimes.ToMoment(new DateTime(2024, 3, 31, 2, 30, 0), Zone("Europe/Zurich"));
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.Zero), moment);
        Assert.Equal("31 Mar 2024, 03:30 (UTC+02:00)", EventTimes.Format(moment, Zone("Europe/Zurich"), English));
    }

    [Fact]
    public void A_wall_clock_time_repeated_by_the_autumn_change_is_read_as_its_first_occurrence()
    {
        // Zurich goes back from 03:00 to 02:00 on 27 October 2024: 02:30 happens twice, first at UTC+02:00.
        var moment = EventTimes.ToMoment(new DateTime(2024, 10, 27, 2, 30, 0), Zone("Europe/Zurich"));
        Assert.Equal(new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero), moment);
        Assert.Equal("UTC+02:00", EventTimes.OffsetText(moment, Zone("Europe/Zurich")));
        Assert.Equal("UTC+01:00", EventTimes.OffsetText(moment.AddHours(1), Zone("Europe/Zurich")));
    }

    [Theory]
    [InlineData("Asia/Kolkata", "2024-01-15T12:00:00Z", "UTC+05:30")]
    [InlineData("America/New_York", "2024-01-15T12:00:00Z", "UTC-05:00")]
    [InlineData("America/New_York", "2024-07-15T12:00:00Z", "UTC-04:00")]
    [InlineData("Africa/Cairo", "2024-07-15T06:00:00Z", "UTC+03:00")]
    [InlineData("Africa/Abidjan", "2024-07-15T06:00:00Z", "UTC")]
    public void The_offset_is_the_zones_at_that_moment(string zone, string moment, string expected) =>
        Assert.Equal(expected, EventTimes.OffsetText(DateTimeOffset.Parse(moment, CultureInfo.InvariantCulture), Zone(zone)));

    [Fact]
    public void A_cairo_morning_reads_as_the_afternoon_in_tokyo()
    {
        var start = EventTimes.ToMoment(new DateTime(2024, 7, 15, 9, 0, 0), Zone("Africa/Cairo"));
        var end = EventTimes.ToMoment(new DateTime(2024, 7, 15, 17, 0, 0), Zone("Africa/Cairo"));
        Assert.Equal("15 Jul 2024, 09:00–17:00 (UTC+03:00)", ReaderZone.Range(start, end, Zone("Africa/Cairo"), English));
        Assert.Equal("15 Jul 2024, 15:00–23:00 (UTC+09:00)", ReaderZone.Range(start, end, Zone("Asia/Tokyo"), English));
        // Across midnight in the reader's zone, both ends are written in full.
        Assert.Equal("15 Jul 2024, 16:00 (UTC+10:00) – 16 Jul 2024, 00:00 (UTC+10:00)", ReaderZone.Range(start, end, Zone("Australia/Sydney"), English));
    }

    [Fact]
    public void A_span_across_a_clock_change_names_both_offsets()
    {
        var zone = Zone("Europe/Zurich");
        var start = EventTimes.ToMoment(new DateTime(2024, 3, 31, 1, 0, 0), zone);
        var end = EventTimes.ToMoment(new DateTime(2024, 3, 31, 4, 0, 0), zone);
        Assert.Equal("31 Mar 2024, 01:00 (UTC+01:00) – 31 Mar 2024, 04:00 (UTC+02:00)", ReaderZone.Range(start, end, zone, English));
    }

    [Theory]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData(" Africa/Cairo ", "Africa/Cairo")]
    [InlineData("UTC", "UTC")]
    [InlineData("Mars/Olympus_Mons", null)]
    [InlineData("<script>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_readers_zone_is_taken_only_when_it_is_a_real_zone(string? asked, string? expected) =>
        Assert.Equal(expected, ReaderZone.Parse(asked) is { } zone ? ReaderZone.Name(zone) : null);

    [Theory]
    [InlineData("Regional dialogue, Cairo: \"trust\"", "regional-dialogue-cairo-trust.ics")]
    [InlineData("Séminaire régional", "seminaire-regional.ics")]
    [InlineData("ندوة إلكترونية", "event.ics")]
    [InlineData("../../etc/passwd", "etcpasswd.ics")]
    public void A_calendar_file_name_is_safe_ascii(string title, string expected) => Assert.Equal(expected, EventCalendar.FileName(title));
}

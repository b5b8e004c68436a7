using System.Globalization;
using System.Text.RegularExpressions;
using Pathway.Web.Localization;

namespace Pathway.UnitTests;

/// <summary>Dates people read: the month as a word, so 6 December and 12 June can never be mistaken.</summary>
public partial class DateTextTests
{
    private static readonly DateOnly SixDecember = new(2026, 12, 6);
    private static readonly DateOnly TwelfthJune = new(2026, 6, 12);

    [Theory]
    [InlineData("en", "6 Dec 2026", "12 Jun 2026")]
    [InlineData("fr", "6 déc. 2026", "12 juin 2026")]
    [InlineData("ar", "6 ديسمبر 2026", "12 يونيو 2026")]
    public void A_date_names_its_month_in_the_readers_language(string language, string december, string june)
    {
        var culture = Cultures.Create(language);

        Assert.Equal(december, DateText.Date(SixDecember, culture));
        Assert.Equal(june, DateText.Date(TwelfthJune, culture));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Day_and_month_cannot_be_swapped_and_no_date_is_all_digits(string language)
    {
        var culture = Cultures.Create(language);

        var december = DateText.Date(SixDecember, culture);
        var june = DateText.Date(TwelfthJune, culture);

        Assert.NotEqual(december, june);
        Assert.DoesNotMatch(NumericDate(), december);
        Assert.DoesNotMatch(NumericDate(), june);
        Assert.DoesNotMatch(NumericDate(), DateText.DateTime(new DateTimeOffset(2026, 12, 6, 14, 5, 0, TimeSpan.Zero), culture));
    }

    [Fact]
    public void Arabic_dates_are_Gregorian_with_Latin_digits_even_from_a_Hijri_culture()
    {
        var saudi = new CultureInfo("ar-SA");

        Assert.Equal("6 ديسمبر 2026", DateText.Date(SixDecember, saudi));
    }

    [Theory]
    [InlineData("en", "6 Dec 2026, 12:05 UTC")]
    [InlineData("fr", "6 déc. 2026, 12:05 UTC")]
    [InlineData("ar", "6 ديسمبر 2026، 12:05 UTC")]
    public void A_moment_is_written_in_UTC_with_the_zone_named(string language, string expected)
    {
        // 14:05 in Cairo (UTC+2) is 12:05 UTC.
        var moment = new DateTimeOffset(2026, 12, 6, 14, 5, 0, TimeSpan.FromHours(2));

        Assert.Equal(expected, DateText.DateTime(moment, Cultures.Create(language)));
    }

    [Fact]
    public void The_UTC_day_of_a_late_evening_moment_is_the_next_day()
    {
        var moment = new DateTimeOffset(2026, 12, 5, 22, 30, 0, TimeSpan.FromHours(-3));

        Assert.Equal("6 Dec 2026", DateText.Date(moment, Cultures.Create("en")));
    }

    [Fact]
    public void Machines_get_ISO_8601()
    {
        Assert.Equal("2026-12-06", DateText.Iso(SixDecember));
        Assert.Equal("2026-12-06T12:05:00Z", DateText.Iso(new DateTimeOffset(2026, 12, 6, 14, 5, 0, TimeSpan.FromHours(2))));
    }

    [GeneratedRegex(@"\d+[/.-]\d+[/.-]\d+")]
    private static partial Regex NumericDate();
}

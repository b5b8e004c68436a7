using System.Globalization;
using Pathway.Web.Localization;

namespace Pathway.UnitTests;

public class CulturesTests
{
    [Fact]
    public void Arabic_uses_the_Gregorian_calendar()
    {
        var arabic = Cultures.Create("ar");

        Assert.IsType<GregorianCalendar>(arabic.DateTimeFormat.Calendar);
        Assert.Contains("2026", new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Unspecified).ToString("d", arabic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("en", false)]
    [InlineData("fr", false)]
    public void Only_Arabic_is_written_right_to_left(string name, bool rightToLeft)
    {
        Assert.Equal(rightToLeft, Cultures.IsRightToLeft(Cultures.Create(name)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("FR")]
    public void English_French_and_Arabic_are_supported(string name)
    {
        Assert.True(Cultures.IsSupported(name));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("fr-FR")]
    [InlineData(null)]
    public void Other_languages_and_none_are_not_supported(string? name)
    {
        Assert.False(Cultures.IsSupported(name));
    }

    [Fact]
    public void English_is_the_default_and_the_first_supported_language()
    {
        Assert.Equal("en", Cultures.Default);
        Assert.Equal(["en", "fr", "ar"], Cultures.Supported);
    }
}

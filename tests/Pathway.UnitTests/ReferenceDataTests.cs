using System.Text.Json;
using Pathway.Web.Countries;
using Pathway.Web.Localization;

namespace Pathway.UnitTests;

/// <summary>content/reference: the six WHO regions and the 194 Member States.</summary>
public class ReferenceDataTests
{
    private sealed record CountryRow(string Iso3, string Iso2, string Region, LocalizedText Name);

    private sealed record RegionRow(string Code, LocalizedText Name, string Office);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static List<T> Read<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(RepoFiles.Read($"content/reference/{file}"), Options)!;

    private static List<CountryRow> Countries() => Read<CountryRow>("countries.json");

    private static List<RegionRow> Regions() => Read<RegionRow>("regions.json");

    [Fact]
    public void There_are_194_Member_States()
    {
        Assert.Equal(194, Countries().Count);
    }

    [Fact]
    public void Country_codes_are_unique_ISO_3166_codes()
    {
        var countries = Countries();

        Assert.Equal(countries.Count, countries.Select(country => country.Iso3).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(countries.Count, countries.Select(country => country.Iso2).Distinct(StringComparer.Ordinal).Count());
        Assert.All(countries, country =>
        {
            Assert.Matches("^[A-Z]{3}$", country.Iso3);
            Assert.Matches("^[A-Z]{2}$", country.Iso2);
        });
    }

    [Fact]
    public void Countries_are_sorted_by_iso3()
    {
        var codes = Countries().Select(country => country.Iso3).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [InlineData("AFR", 47)]
    [InlineData("AMR", 35)]
    [InlineData("SEAR", 11)]
    [InlineData("EUR", 53)]
    [InlineData("EMR", 21)]
    [InlineData("WPR", 27)]
    public void Each_region_has_its_number_of_Member_States(string region, int count)
    {
        Assert.Equal(count, Countries().Count(country => country.Region == region));
    }

    [Fact]
    public void Every_country_belongs_to_a_known_region()
    {
        var regions = Regions().Select(region => region.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(Countries(), country => Assert.Contains(country.Region, regions));
    }

    [Theory]
    [InlineData("EGY", "EG", "EMR", "Egypt")]
    [InlineData("KEN", "KE", "AFR", "Kenya")]
    [InlineData("FRA", "FR", "EUR", "France")]
    [InlineData("IND", "IN", "SEAR", "India")]
    [InlineData("COK", "CK", "WPR", "Cook Islands")]
    public void Well_known_countries_are_where_expected(string iso3, string iso2, string region, string english)
    {
        var country = Assert.Single(Countries(), country => country.Iso3 == iso3);

        Assert.Equal(iso2, country.Iso2);
        Assert.Equal(region, country.Region);
        Assert.Equal(english, country.Name.En);
    }

    [Fact]
    public void Liechtenstein_is_not_a_WHO_Member_State()
    {
        Assert.DoesNotContain(Countries(), country => country.Iso3 == "LIE");
    }

    [Fact]
    public void Every_country_name_is_given_in_English_French_and_Arabic()
    {
        Assert.All(Countries(), country => AssertAllLanguages(country.Name, country.Iso3));
    }

    [Fact]
    public void There_are_six_regions_in_WHO_order_each_named_in_three_languages()
    {
        var regions = Regions();

        Assert.Equal(["AFR", "AMR", "SEAR", "EUR", "EMR", "WPR"], regions.Select(region => region.Code));
        Assert.All(regions, region =>
        {
            Assert.InRange(region.Code.Length, 1, Region.CodeLength);
            AssertAllLanguages(region.Name, region.Code);
            Assert.False(string.IsNullOrWhiteSpace(region.Office));
        });
    }

    private static void AssertAllLanguages(LocalizedText name, string owner)
    {
        foreach (var language in Cultures.Supported)
        {
            Assert.True(name.Has(language), $"{owner} has no name in '{language}'.");
        }
    }
}

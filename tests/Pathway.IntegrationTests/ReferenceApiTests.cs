using System.Net;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

public class ReferenceApiTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static readonly string[] RegionCodes = ["AFR", "AMR", "SEAR", "EUR", "EMR", "WPR"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> GetListAsync(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        return [.. (await HttpAssert.JsonAsync(response)).EnumerateArray()];
    }

    [Fact]
    public async Task Countries_are_the_194_WHO_Member_States()
    {
        var countries = await GetListAsync("/api/countries");

        Assert.Equal(194, countries.Count);
        Assert.Equal(194, countries.Select(country => country.GetProperty("iso3").GetString()).Distinct().Count());
        var egypt = Assert.Single(countries, country => country.GetProperty("iso3").GetString() == "EGY");
        Assert.Equal("EG", egypt.GetProperty("iso2").GetString());
        Assert.Equal("Egypt", egypt.GetProperty("name").GetString());
        Assert.Equal("EMR", egypt.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Countries_of_the_Eastern_Mediterranean_Region_are_21()
    {
        var countries = await GetListAsync("/api/countries?region=EMR");

        Assert.Equal(21, countries.Count);
        Assert.All(countries, country => Assert.Equal("EMR", country.GetProperty("region").GetString()));
        Assert.Contains(countries, country => country.GetProperty("iso3").GetString() == "JOR");
    }

    [Fact]
    public async Task Unknown_region_is_a_400_problem()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/countries?region=XXX", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("region", out _));
    }

    [Fact]
    public async Task Regions_are_the_six_WHO_regions_covering_all_194_countries()
    {
        var regions = await GetListAsync("/api/regions");

        Assert.Equal(RegionCodes, regions.Select(region => region.GetProperty("code").GetString()));
        Assert.Equal(194, regions.Sum(region => region.GetProperty("countryCount").GetInt32()));
        Assert.Equal(21, regions.Single(region => region.GetProperty("code").GetString() == "EMR").GetProperty("countryCount").GetInt32());
    }

    [Fact]
    public async Task French_names_are_given_for_countries_and_regions()
    {
        var countries = await GetListAsync("/api/countries?lang=fr");
        var regions = await GetListAsync("/api/regions?lang=fr");

        Assert.Equal("Allemagne", countries.Single(country => country.GetProperty("iso3").GetString() == "DEU").GetProperty("name").GetString());
        Assert.Equal("Égypte", countries.Single(country => country.GetProperty("iso3").GetString() == "EGY").GetProperty("name").GetString());
        Assert.Equal("Région africaine", regions.Single(region => region.GetProperty("code").GetString() == "AFR").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unsupported_language_for_countries_is_a_400_problem()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/countries?lang=de", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Reports;

/// <summary>The global dashboard's filters, corrections, demonstration data and languages (each test in its own region).</summary>
public class GlobalDashboardTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object LevelsAndProfile = new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false };

    [Theory]
    [InlineData("region=XYZ", "region")]
    [InlineData("behaviour=ZZ", "behaviour")]
    [InlineData("mechanism=QQ.9", "mechanism")]
    [InlineData("behaviour=DS&mechanism=BU.1", "mechanism")]
    [InlineData("year=1999", "year")]
    [InlineData("year=2500", "year")]
    [InlineData("year=last", "year")]
    public async Task An_unknown_code_or_a_year_out_of_range_is_refused_naming_the_parameter(string query, string parameter)
    {
        using var anonymous = factory.CreatePageClient();

        using var api = await anonymous.GetAsync($"/api/dashboards/global?{query}", Ct);
        var problem = await HttpAssert.ProblemAsync(api, HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));

        var page = await GlobalMapTests.PageAsync(await anonymous.GetAsync($"/dashboards?{query}", Ct), HttpStatusCode.BadRequest);
        Assert.Contains($"“{parameter}”:", page, StringComparison.Ordinal);
        Assert.Contains("These filters cannot be used.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("world-map-svg", page, StringComparison.Ordinal);
        // The form is still there to choose again.
        Assert.Contains("name=\"region\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_in_progress_leaves_the_signed_off_release_on_the_map()
    {
        var round = await PublishAsync("GHA");
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Consensus", comment: "Correcting the levels.");
        await factory.SetAgreedAsync(round, round.MechanismCodes.ToDictionary(code => code, _ => MechanismAnswer.Rated(4)));

        using var anonymous = factory.CreatePageClient();
        var json = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/dashboards/global?region=afr&mechanism={round.MechanismCodes[0].ToLowerInvariant()}", Ct));
        Assert.Equal("AFR", json.GetProperty("filters").GetProperty("region").GetString());
        var countries = json.GetProperty("countries").EnumerateArray().ToList();
        Assert.Equal(47, countries.Count);
        var ghana = Assert.Single(countries, c => c.GetProperty("iso3").GetString() == "GHA");
        Assert.Equal(2, ghana.GetProperty("level").GetInt32());
        Assert.False(ghana.GetProperty("isDemonstration").GetBoolean());

        var page = await GlobalMapTests.PageAsync(await anonymous.GetAsync("/dashboards?region=AFR", Ct));
        Assert.Contains(GlobalMapTests.MapLinks(page), link => link is { Iso3: "GHA", Shade: "Level", Level: "2" });
        Assert.DoesNotContain(GlobalMapTests.MapLinks(page), link => link.Iso3 == "KEN" && link.Shade != "NoData");
        Assert.DoesNotContain(GlobalMapTests.MapLinks(page), link => link.Iso3 == "FRA");
        Assert.DoesNotContain("demonstration data", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_distribution_and_the_years_count_published_rounds_of_the_region()
    {
        var round = await PublishAsync("MEX");
        // The round counts for the year it was signed off in, on the app's clock.
        var year = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
        using var anonymous = factory.CreatePageClient();

        var json = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/dashboards/global?region=AMR&behaviour=DS&year={year}", Ct));
        var region = Assert.Single(json.GetProperty("distribution").EnumerateArray());
        Assert.Equal("AMR", region.GetProperty("code").GetString());
        var behaviour = Assert.Single(region.GetProperty("behaviours").EnumerateArray());
        Assert.Equal("DS", behaviour.GetProperty("code").GetString());
        Assert.Equal(1, behaviour.GetProperty("levels").GetProperty("Progressing").GetInt32());
        Assert.Equal(0, behaviour.GetProperty("levels").GetProperty("Advanced").GetInt32());
        Assert.Equal(34, behaviour.GetProperty("noPublishedData").GetInt32());
        var counted = Assert.Single(json.GetProperty("years").EnumerateArray());
        Assert.Equal((year, 1), (counted.GetProperty("year").GetInt32(), counted.GetProperty("countries").GetInt32()));
        Assert.Equal("behaviour", json.GetProperty("measure").GetProperty("kind").GetString());

        // Another year: the country's round is not in view, and the map says so.
        var earlier = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/dashboards/global?region=AMR&year={year - 3}", Ct));
        Assert.DoesNotContain(earlier.GetProperty("countries").EnumerateArray(), c => c.GetProperty("hasPublishedData").GetBoolean());

        var page = await GlobalMapTests.PageAsync(await anonymous.GetAsync($"/dashboards?region=AMR&behaviour=DS&year={year}", Ct));
        Assert.Contains("data-region=\"AMR\"", page, StringComparison.Ordinal);
        Assert.Matches($"<th scope=\"row\">\\s*{year}\\s*</th>\\s*<td class=\"text-end\">1</td>", page);
        Assert.Contains("Dashboard: Region of the Americas", page, StringComparison.Ordinal);
        Assert.Contains(GlobalMapTests.MapLinks(page), link => link is { Iso3: "MEX", Shade: "Level", Level: "2" });
        Assert.Equal(35, GlobalMapTests.TableRows(page).Count);
        Assert.Contains("/dashboards/countries/MEX", page, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, round.Id);
    }

    [Fact]
    public async Task A_demonstration_round_is_labelled_as_demonstration_data()
    {
        var round = await factory.CreateRoundAsync("NPL", AssessmentStatus.Validated);
        await using (var scope = factory.OpenSystemDb())
        {
            // As the demo command marks its rounds (the flag is set once, when a round is made).
            await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.IsDemonstration, true), Ct);
        }
        using (var focalPoint = await factory.ApiAsync(round.FocalPoint))
        {
            await focalPoint.MoveOkAsync(round, "Published", publish: LevelsAndProfile);
        }

        using var anonymous = factory.CreatePageClient();
        var json = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/dashboards/global?region=SEAR", Ct));
        Assert.True(json.GetProperty("containsDemonstrationData").GetBoolean());
        var nepal = Assert.Single(json.GetProperty("countries").EnumerateArray(), c => c.GetProperty("iso3").GetString() == "NPL");
        Assert.True(nepal.GetProperty("isDemonstration").GetBoolean());

        var page = await GlobalMapTests.PageAsync(await anonymous.GetAsync("/dashboards?region=SEAR", Ct));
        Assert.Contains("Some of what this page shows is demonstration data", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Nepal: Progressing (demonstration data)\"", page, StringComparison.Ordinal);
        Assert.Contains(">demonstration data</span>", page, StringComparison.Ordinal);

        var french = await GlobalMapTests.PageAsync(await anonymous.GetAsync("/dashboards?region=SEAR&culture=fr", Ct));
        Assert.Contains("données de démonstration", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_speaks_the_readers_language_and_lists_countries_alphabetically_in_it()
    {
        using var anonymous = factory.CreatePageClient();

        var arabic = await GlobalMapTests.PageAsync(await anonymous.GetAsync("/dashboards?region=EMR&culture=ar", Ct));
        Assert.Contains("لوحة المعلومات: إقليم شرق المتوسط", arabic, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);
        var listed = GlobalMapTests.TableRows(arabic).Select(row => row.Iso3).ToList();
        await using (var scope = factory.OpenSystemDb())
        {
            var countries = await scope.Db.Countries.AsNoTracking().Where(c => c.RegionCode == "EMR").ToListAsync(Ct);
            var arabicOrder = StringComparer.Create(Pathway.Web.Localization.Cultures.Create("ar"), ignoreCase: true);
            Assert.Equal(countries.OrderBy(c => c.Name.In("ar"), arabicOrder).Select(c => c.Iso3), listed);
        }
        Assert.Equal(21, listed.Count);

        var french = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/dashboards/global?region=EUR&lang=fr", Ct));
        var names = french.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Contains("Allemagne", names);
        Assert.True(names.IndexOf("Allemagne") < names.IndexOf("Autriche"));
    }

    private async Task<TestRound> PublishAsync(string country)
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: LevelsAndProfile);
        return round;
    }
}

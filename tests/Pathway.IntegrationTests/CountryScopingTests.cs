using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.IntegrationTests;

/// <summary>
/// The core security proof: country-owned rows are filtered in the database query by the caller's
/// scope, whatever the page or API does. Each test makes assessments for Egypt and Jordan (both
/// Eastern Mediterranean) and Kenya (African Region), and reads back only the ones it made.
/// </summary>
public class CountryScopingTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Seeded(Guid Egypt, Guid Jordan, Guid Kenya)
    {
        public Guid[] All => [Egypt, Jordan, Kenya];
    }

    /// <summary>Inserted by a context acting for nobody: writes are not filtered, reads are.</summary>
    private async Task<Seeded> SeedAssessmentsAsync()
    {
        await using var system = factory.OpenSystemDb();
        var db = system.Db;
        var versionId = await db.FrameworkVersions.Where(version => version.Version == "1").Select(version => version.Id).SingleAsync(Ct);
        var tag = TestAccounts.UniqueSuffix();
        Assessment Make(string country) => new()
        {
            CountryIso3 = country,
            FrameworkVersionId = versionId,
            Title = $"Scoping test {tag} {country}",
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        var egypt = Make("EGY");
        var jordan = Make("JOR");
        var kenya = Make("KEN");
        db.Assessments.AddRange(egypt, jordan, kenya);
        await db.SaveChangesAsync(Ct);

        var seeded = new Seeded(egypt.Id, jordan.Id, kenya.Id);
        var stored = await db.Assessments.IgnoreQueryFilters().Where(a => seeded.All.Contains(a.Id)).CountAsync(Ct);
        Assert.Equal(3, stored);
        return seeded;
    }

    private static async Task<List<string>> VisibleCountriesAsync(PathwayDb db, Seeded seeded)
    {
        var ids = seeded.All;
        var visible = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.CountryIso3).ToListAsync(Ct);
        return [.. visible.Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> VisibleCountriesForAsync(TestUser? user, Seeded seeded)
    {
        await using var scoped = await factory.OpenDbAsAsync(user);
        return await VisibleCountriesAsync(scoped.Db, seeded);
    }

    [Fact]
    public async Task Focal_point_of_Egypt_sees_only_Egypts_assessment()
    {
        var seeded = await SeedAssessmentsAsync();
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");

        Assert.Equal(["EGY"], await VisibleCountriesForAsync(focalPoint, seeded));
    }

    [Fact]
    public async Task Contributor_of_one_country_cannot_read_another_countrys_assessment()
    {
        var seeded = await SeedAssessmentsAsync();
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");

        await using var scoped = await factory.OpenDbAsAsync(contributor);
        var db = scoped.Db;

        Assert.Equal(["KEN"], await VisibleCountriesAsync(db, seeded));
        var egyptId = seeded.Egypt;
        Assert.Null(await db.Assessments.FirstOrDefaultAsync(a => a.Id == egyptId, Ct));
        Assert.Null(await db.Assessments.FindAsync([egyptId], Ct));
        Assert.False(await db.Assessments.AnyAsync(a => a.CountryIso3 == "EGY" && a.Id == egyptId, Ct));
        Assert.NotNull(await db.Assessments.FindAsync([seeded.Kenya], Ct));
    }

    [Fact]
    public async Task Contributor_cannot_reach_another_countrys_assessment_through_its_framework_version()
    {
        var seeded = await SeedAssessmentsAsync();
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");

        await using var scoped = await factory.OpenDbAsAsync(contributor);
        var ids = seeded.All;
        var viaJoin = await scoped.Db.FrameworkVersions
            .SelectMany(version => scoped.Db.Assessments.Where(a => a.FrameworkVersionId == version.Id && ids.Contains(a.Id)))
            .Select(a => a.CountryIso3)
            .ToListAsync(Ct);

        Assert.Equal(["KEN"], viaJoin);
    }

    [Fact]
    public async Task Regional_officer_of_the_Eastern_Mediterranean_sees_Egypt_and_Jordan_but_not_Kenya()
    {
        var seeded = await SeedAssessmentsAsync();
        var officer = await factory.CreateUserAsync(Roles.RegionalOfficer, region: "EMR");

        Assert.Equal(["EGY", "JOR"], await VisibleCountriesForAsync(officer, seeded));
    }

    [Fact]
    public async Task Reviewer_without_a_region_sees_every_country()
    {
        var seeded = await SeedAssessmentsAsync();
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer);

        Assert.Equal(["EGY", "JOR", "KEN"], await VisibleCountriesForAsync(reviewer, seeded));
    }

    [Fact]
    public async Task Reviewer_of_the_African_Region_sees_only_Kenya()
    {
        var seeded = await SeedAssessmentsAsync();
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");

        Assert.Equal(["KEN"], await VisibleCountriesForAsync(reviewer, seeded));
    }

    [Fact]
    public async Task Administrator_sees_every_country()
    {
        var seeded = await SeedAssessmentsAsync();
        var administrator = await factory.CreateUserAsync(Roles.Administrator);

        Assert.Equal(["EGY", "JOR", "KEN"], await VisibleCountriesForAsync(administrator, seeded));
    }

    [Fact]
    public async Task Anonymous_visitor_sees_no_assessment()
    {
        var seeded = await SeedAssessmentsAsync();

        Assert.Empty(await VisibleCountriesForAsync(null, seeded));
    }

    [Fact]
    public async Task Code_acting_for_nobody_reads_no_assessment()
    {
        var seeded = await SeedAssessmentsAsync();

        await using var system = factory.OpenSystemDb();

        Assert.Empty(await VisibleCountriesAsync(system.Db, seeded));
    }

    [Fact]
    public async Task Each_context_keeps_the_scope_of_its_own_user()
    {
        // EF caches one compiled query per shape: the scope must be a parameter, not baked into the cache.
        var seeded = await SeedAssessmentsAsync();
        var egypt = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        var jordan = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "JOR");

        await using var egyptDb = await factory.OpenDbAsAsync(egypt);
        await using var jordanDb = await factory.OpenDbAsAsync(jordan);

        Assert.Equal(["EGY"], await VisibleCountriesAsync(egyptDb.Db, seeded));
        Assert.Equal(["JOR"], await VisibleCountriesAsync(jordanDb.Db, seeded));
        Assert.Equal(["EGY"], await VisibleCountriesAsync(egyptDb.Db, seeded));
    }
}

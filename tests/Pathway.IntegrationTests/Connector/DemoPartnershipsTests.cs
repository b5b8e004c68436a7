using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector.Demo;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Search;

namespace Pathway.IntegrationTests.Connector;

/// <summary>The demonstration partnerships: five at different stages, due diligence where the stage needs it, loaded once, removed whole.</summary>
public class DemoPartnershipsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loading_twice_makes_five_partnerships_once_and_removing_takes_them_and_their_search_entries()
    {
        await DemoPartnerships.LoadAsync(factory.Services, Ct);
        await DemoPartnerships.LoadAsync(factory.Services, Ct);

        await using (var scope = factory.OpenSystemDb())
        {
            var rows = await scope.Db.Set<Partnership>().IgnoreQueryFilters().AsNoTracking()
                .Include(row => row.Checks).Include(row => row.Risks).Include(row => row.Parties)
                .Where(row => row.IsDemonstration).ToListAsync(Ct);
            Assert.Equal(5, rows.Count);
            Assert.Equal(5, rows.Select(row => row.Stage).Distinct().Count());
            Assert.Single(rows, row => !row.IsPublic);
            Assert.All(rows, row => Assert.NotEmpty(row.Risks));
            Assert.All(rows, row => Assert.NotEmpty(row.Parties));
            Assert.All(rows.Where(row => row.Stage >= PartnershipStage.PartnershipAgreement), row => Assert.True(row.HasClearingCheck));
            Assert.Equal(5, await scope.Db.SearchEntries.CountAsync(entry => entry.Kind == SearchKind.Partnership, Ct));
        }

        await DemoPartnerships.RemoveAsync(factory.Services, Ct);
        await DemoPartnerships.RemoveAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.False(await scope.Db.Set<Partnership>().IgnoreQueryFilters().AnyAsync(row => row.IsDemonstration, Ct));
            Assert.False(await scope.Db.Organisations.AnyAsync(row => row.IsDemonstration, Ct));
            Assert.False(await scope.Db.SearchEntries.AnyAsync(entry => entry.Kind == SearchKind.Partnership, Ct));
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Connector.Demo;
using Pathway.Web.Connector.Profiles;
using Pathway.Web.Connector.Search;

namespace Pathway.IntegrationTests.Connector;

/// <summary>The demonstration case studies and figures: loading twice changes nothing, removing takes out exactly them and their search entries.</summary>
public class DemoCaseStudiesTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loading_twice_changes_nothing_and_removing_takes_out_exactly_the_demonstration_rows()
    {
        await DemoCaseStudies.LoadAsync(factory.Services, Ct);
        List<Guid> first;
        await using (var scope = factory.OpenSystemDb())
        {
            first = await scope.Db.Set<CaseStudy>().Where(c => c.IsDemonstration).Select(c => c.Id).ToListAsync(Ct);
            Assert.Equal(6, first.Count);
            var grades = await scope.Db.Set<CaseStudy>().Where(c => c.IsDemonstration).Select(c => c.Evidence).Distinct().CountAsync(Ct);
            Assert.Equal(5, grades);
            Assert.Equal(6, await scope.Db.SearchEntries.CountAsync(e => e.Kind == SearchKind.CaseStudy && e.Url.StartsWith("/case-studies/"), Ct));
            Assert.True(await scope.Db.Set<ProfileFigure>().AnyAsync(f => f.IsDemonstration && f.Revision == 2, Ct));
        }
        await DemoCaseStudies.LoadAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(first.Order(), (await scope.Db.Set<CaseStudy>().Where(c => c.IsDemonstration).Select(c => c.Id).ToListAsync(Ct)).Order());
        }
        await DemoCaseStudies.RemoveAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.False(await scope.Db.Set<CaseStudy>().AnyAsync(c => c.IsDemonstration, Ct));
            Assert.False(await scope.Db.Set<ProfileFigure>().AnyAsync(f => f.IsDemonstration, Ct));
            var keys = first.Select(id => id.ToString()).ToList();
            Assert.False(await scope.Db.SearchEntries.AnyAsync(e => e.Kind == SearchKind.CaseStudy && keys.Contains(e.Key), Ct));
        }
    }
}

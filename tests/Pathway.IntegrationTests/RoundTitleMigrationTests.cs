using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests;

/// <summary>
/// The Issue10OpenDataSpeed migration gives published rows written before it the round title their release
/// signed off (read from the release's JSON by each database's own JSON functions).
/// </summary>
public class RoundTitleMigrationTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Migration = "Issue10OpenDataSpeed";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Published_rows_take_the_title_of_their_release_when_the_column_arrives()
    {
        var round = await factory.CreateRoundAsync("ZMB", AssessmentStatus.Validated);
        using (var focalPoint = await factory.ApiAsync(round.FocalPoint))
        {
            await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);
        }

        await using (var scope = factory.OpenSystemDb())
        {
            await MigrationSteps.DownAndUpAsync(scope.Db, Migration, before: null, Ct);
        }

        await using (var scope = factory.OpenSystemDb())
        {
            var title = await scope.Db.PublishedReleases.AsNoTracking().Where(release => release.AssessmentId == round.Id)
                .Select(release => release.Snapshot).SingleAsync(Ct);
            var rows = await scope.Db.PublishedResults.AsNoTracking().Where(row => row.AssessmentId == round.Id)
                .Select(row => row.RoundTitle).ToListAsync(Ct);
            Assert.Equal(round.MechanismCodes.Count, rows.Count);
            Assert.All(rows, row => Assert.Equal(title.Title, row));
            Assert.StartsWith("Test round", title.Title, StringComparison.Ordinal);
        }
    }
}

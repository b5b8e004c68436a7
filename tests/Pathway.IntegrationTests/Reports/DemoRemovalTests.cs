using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Reports.Demo;

namespace Pathway.IntegrationTests.Reports;

/// <summary>Issue 10 §6: <c>demo --remove</c> takes out the demonstration data and nothing else.</summary>
public class DemoRemovalTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_takes_out_every_demonstration_row_and_account_and_leaves_a_real_published_round_whole()
    {
        // A real round in a demonstration country, published, with its people.
        var real = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        using (var focalPoint = await factory.ApiAsync(real.FocalPoint))
        {
            await focalPoint.MoveOkAsync(real, "Published", publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false });
        }
        var before = await RealCountsAsync(real.Id);
        await DemoData.LoadAsync(factory.Services, Ct);

        var removed = await DemoData.RemoveAsync(factory.Services, Ct);

        Assert.True(removed.Changed);
        Assert.True(removed.Rounds >= 20);
        var after = await DemoData.CountAsync(factory.Services, Ct);
        Assert.Equal((0, 0, 0), (after.Rounds, after.Releases, after.Accounts));
        await using (var scope = factory.OpenSystemDb())
        {
            var db = scope.Db;
            Assert.False(await db.Assessments.IgnoreQueryFilters().AnyAsync(round => round.IsDemonstration, Ct));
            Assert.False(await db.PublishedResults.AnyAsync(row => row.IsDemonstration, Ct));
            Assert.False(await db.Users.AnyAsync(user => user.Email!.StartsWith("demo."), Ct));
            var rounds = await db.Assessments.IgnoreQueryFilters().Select(round => round.Id).ToListAsync(Ct);
            Assert.False(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(entry => !rounds.Contains(entry.AssessmentId), Ct), "no audit entry of a removed round is left");
            Assert.False(await db.ActionItems.IgnoreQueryFilters().AnyAsync(item => !rounds.Contains(item.AssessmentId), Ct));
            Assert.False(await db.Ratings.IgnoreQueryFilters().AnyAsync(rating => !rounds.Contains(rating.AssessmentId), Ct));
        }
        Assert.Equal(before, await RealCountsAsync(real.Id));

        var again = await DemoData.RemoveAsync(factory.Services, Ct);
        Assert.False(again.Changed);
    }

    private async Task<(int Participants, int Consensus, int Releases, int Facts, int Audit, int Status, int Users)> RealCountsAsync(Guid id)
    {
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        return (
            await db.Participants.IgnoreQueryFilters().CountAsync(row => row.AssessmentId == id, Ct),
            await db.ConsensusRatings.IgnoreQueryFilters().CountAsync(row => row.AssessmentId == id, Ct),
            await db.PublishedReleases.CountAsync(row => row.AssessmentId == id, Ct),
            await db.PublishedResults.CountAsync(row => row.AssessmentId == id, Ct),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync(row => row.AssessmentId == id, Ct),
            await db.StatusChanges.IgnoreQueryFilters().CountAsync(row => row.AssessmentId == id && row.To == AssessmentStatus.Published, Ct),
            await db.Users.CountAsync(user => !user.Email!.StartsWith("demo."), Ct));
    }
}

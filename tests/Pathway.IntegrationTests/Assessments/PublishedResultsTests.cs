using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>The flat rows public figures are counted from: written with each release, only with what it made public.</summary>
public class PublishedResultsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<PublishedResult>> RowsAsync(Guid roundId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.PublishedResults.AsNoTracking().Where(row => row.AssessmentId == roundId)
            .OrderBy(row => row.Revision).ThenBy(row => row.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_sign_off_writes_one_row_per_mechanism_with_what_was_made_public()
    {
        var round = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);

        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);

        var rows = await RowsAsync(round.Id);
        Assert.Equal(round.MechanismCodes, rows.Select(row => row.MechanismCode));
        Assert.All(rows, row =>
        {
            Assert.Equal(("KEN", "AFR", 1, true, false), (row.CountryIso3, row.RegionCode, row.Revision, row.IsLatest, row.IsDemonstration));
            // Levels were kept back; the profile was published.
            Assert.Equal((null, null), (row.State, row.Level));
            Assert.Equal((2.0m, "Progressing"), (row.BehaviourMean, row.BehaviourBand));
            Assert.Equal(row.BehaviourMechanisms, row.BehaviourRated);
            Assert.Equal(row.PublishedAt.Year, row.Year);
        });
    }

    [Fact]
    public async Task A_correction_makes_the_new_revision_the_latest_and_keeps_the_old_rows()
    {
        var round = await factory.CreateRoundAsync("GHA", AssessmentStatus.Validated);
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        using var reviewerApi = await factory.ApiAsync(reviewer);
        var levels = new { behaviourProfile = false, mechanismLevels = true, rationales = false, publicEvidence = false };
        await focalPoint.MoveOkAsync(round, "Published", publish: levels);
        await focalPoint.MoveOkAsync(round, "Consensus", comment: "Correcting the record.");
        await facilitator.MoveOkAsync(round, "Submitted");
        await reviewerApi.MoveOkAsync(round, "Validated");

        await focalPoint.MoveOkAsync(round, "Published", publish: levels, note: "Corrected.");

        var rows = await RowsAsync(round.Id);
        Assert.Equal(2 * round.MechanismCodes.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(row.Revision == 2, row.IsLatest));
        Assert.All(rows, row => Assert.Equal(("Rated", 2), (row.State, row.Level)));
        Assert.All(rows, row => Assert.Null(row.BehaviourMean));
        // The round keeps the year of its first sign-off.
        Assert.Single(rows.Select(row => row.Year).Distinct());
    }

    [Fact]
    public async Task Publishing_nothing_writes_no_rows_and_takes_the_round_out_of_the_latest_figures()
    {
        var round = await factory.CreateRoundAsync("UGA", AssessmentStatus.Validated);
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        using var reviewerApi = await factory.ApiAsync(reviewer);
        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Everything);
        await focalPoint.MoveOkAsync(round, "Consensus", comment: "Withdrawing the figures.");
        await facilitator.MoveOkAsync(round, "Submitted");
        await reviewerApi.MoveOkAsync(round, "Validated");

        await focalPoint.MoveOkAsync(round, "Published",
            publish: new { behaviourProfile = false, mechanismLevels = false, rationales = false, publicEvidence = false }, note: "Withdrawn.");

        var rows = await RowsAsync(round.Id);
        Assert.Equal(round.MechanismCodes.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal((1, false), (row.Revision, row.IsLatest)));
    }

    [Fact]
    public async Task Releases_signed_off_before_the_rows_existed_get_them_at_start()
    {
        var round = await factory.CreateRoundAsync("TZA", AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Everything);
        var written = await RowsAsync(round.Id);
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.PublishedResults.Where(row => row.AssessmentId == round.Id).ExecuteDeleteAsync(Ct);
        }

        await using (var services = factory.Services.CreateAsyncScope())
        {
            var seed = services.ServiceProvider.GetServices<IStartupSeed>().Single(seed => seed is PublishedResultsSeed);
            await seed.SeedAsync("", Ct);
            await seed.SeedAsync("", Ct);
        }

        var filled = await RowsAsync(round.Id);
        Assert.Equal(
            written.Select(row => (row.MechanismCode, row.Level, row.BehaviourMean, row.Year, row.IsLatest, row.RegionCode)),
            filled.Select(row => (row.MechanismCode, row.Level, row.BehaviourMean, row.Year, row.IsLatest, row.RegionCode)));
    }
}

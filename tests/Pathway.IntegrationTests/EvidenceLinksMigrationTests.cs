using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests;

/// <summary>
/// The Issue9EvidenceLinks migration keeps existing evidence: going back, each item keeps one mechanism in its
/// own column; going forward, each item's mechanism becomes its link. Run on the suite's database (SQLite or PostgreSQL),
/// with real rows and the real foreign keys.
/// </summary>
public class EvidenceLinksMigrationTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Migration = "Issue9EvidenceLinks";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Existing_evidence_keeps_its_mechanism_through_the_migration_down_and_up()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var (first, second) = (round.MechanismCodes[0], round.MechanismCodes[1]);
        Guid evidenceId;
        await using (var scope = factory.OpenSystemDb())
        {
            var item = new EvidenceItem
            {
                AssessmentId = round.Id,
                CountryIso3 = round.Country,
                Links = { TestEvidence.Supports(round.Id, round.Country, second), TestEvidence.Supports(round.Id, round.Country, first) },
                Type = EvidenceType.Report,
                Title = "Annual health sector review",
                Url = "https://example.org/review",
                AddedAt = TimeProvider.System.GetUtcNow(),
            };
            scope.Db.Evidence.Add(item);
            await scope.Db.SaveChangesAsync(Ct);
            evidenceId = item.Id;
        }

        await using (var scope = factory.OpenSystemDb())
        {
            await MigrationSteps.DownAndUpAsync(scope.Db, Migration, async () =>
            {
                // Back to one mechanism per item: the first by code of the two.
                var kept = await scope.Db.Database.SqlQueryRaw<string>("""SELECT "MechanismCode" AS "Value" FROM "Evidence" """).ToListAsync(Ct);
                Assert.Equal(new[] { string.CompareOrdinal(first, second) < 0 ? first : second }, kept);
            }, Ct);
        }

        await using (var scope = factory.OpenSystemDb())
        {
            var item = await scope.Db.Evidence.IgnoreQueryFilters().AsNoTracking().Include(e => e.Links).SingleAsync(e => e.Id == evidenceId, Ct);
            var link = Assert.Single(item.Links);
            Assert.Equal(string.CompareOrdinal(first, second) < 0 ? first : second, link.MechanismCode);
            Assert.Equal(round.Id, link.AssessmentId);
            Assert.Equal(round.Country, link.CountryIso3);
            Assert.Equal("Annual health sector review", item.Title);
        }
        // The app reads the moved evidence as before.
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await factory.GetBearerTokenAsync(round.Observer));
        var listed = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}/evidence", Ct));
        Assert.Equal(evidenceId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
    }
}

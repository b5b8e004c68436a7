using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

/// <summary>
/// Gives releases signed off before <see cref="PublishedResult"/> existed their rows, once: each start looks only
/// for releases without rows (those that made nothing public stay without, and are few).
/// </summary>
internal sealed class PublishedResultsSeed(PathwayDb db, FrameworkReader framework, ILogger<PublishedResultsSeed> logger) : IStartupSeed
{
    public int Order => 40;

    public async Task SeedAsync(string contentDirectory, CancellationToken cancellationToken)
    {
        var missing = await db.PublishedReleases.AsNoTracking()
            .Where(release => !db.PublishedResults.Any(row => row.ReleaseId == release.Id))
            .ToListAsync(cancellationToken);
        missing = [.. missing.Where(release => release.Choices.AnythingPublic)];
        if (missing.Count == 0)
        {
            return;
        }
        var roundIds = missing.Select(release => release.AssessmentId).Distinct().ToList();
        // A start-up task has no signed-in person, so the country scope would hide every round; releases are public anyway.
        var rounds = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(round => roundIds.Contains(round.Id))
            .Select(round => new { round.Id, round.PlannedStart, round.PlannedEnd, round.IsDemonstration, round.Country!.RegionCode })
            .ToDictionaryAsync(round => round.Id, cancellationToken);
        var releases = await db.PublishedReleases.AsNoTracking()
            .Where(release => roundIds.Contains(release.AssessmentId))
            .Select(release => new { release.AssessmentId, release.Revision, release.SignedOffAt })
            .ToListAsync(cancellationToken);
        var trees = new Dictionary<string, FrameworkTree?>(StringComparer.Ordinal);
        foreach (var release in missing)
        {
            var round = rounds[release.AssessmentId];
            var version = release.Snapshot.FrameworkVersion;
            if (!trees.TryGetValue(version, out var tree))
            {
                trees[version] = tree = await framework.TreeAsync(version, cancellationToken);
            }
            if (tree is null)
            {
                logger.LogWarning("Release {Release} names framework version {Version}, which is missing; it stays out of published figures.", release.Id, version);
                continue;
            }
            var ofRound = releases.Where(other => other.AssessmentId == release.AssessmentId).ToList();
            var year = PublishedResult.YearOf(round.PlannedEnd, round.PlannedStart, ofRound.Where(other => other.Revision == 1)
                .Select(other => other.SignedOffAt).DefaultIfEmpty(release.SignedOffAt).First());
            var rows = PublishedResult.From(release, tree, round.RegionCode, year, round.IsDemonstration);
            var isLatest = release.Revision == ofRound.Max(other => other.Revision);
            rows.ForEach(row => row.IsLatest = isLatest);
            db.PublishedResults.AddRange(rows);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Published figures filled in for {Count} earlier releases.", missing.Count);
    }
}

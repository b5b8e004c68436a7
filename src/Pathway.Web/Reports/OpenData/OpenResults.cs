using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports;

/// <summary>One page of open-data results and how many there are in all.</summary>
public sealed record OpenDataPage(int Total, int Page, int PageSize, IReadOnlyList<OpenDataResult> Items);

/// <summary>
/// The published results as open data. Reads only <see cref="PathwayDb.PublishedResults"/> (rows a country
/// signed off for publication) and the names of countries, regions, framework items and the published
/// release's title, never rounds or ratings: nothing unpublished can reach a file or the API.
/// Rows come in one stable order (country, year, round, revision, mechanism code), so pages never overlap.
/// </summary>
public sealed class OpenResults(PathwayDb db, FrameworkReader framework, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 100;

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    public Task<int> CountAsync(OpenDataFilter filter, CancellationToken cancellationToken = default) =>
        Filtered(filter).CountAsync(cancellationToken);

    public async Task<OpenDataPage> PageAsync(
        OpenDataFilter filter, int total, int page, int pageSize, string language, CancellationToken cancellationToken = default)
    {
        var rows = await Ordered(filter).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var releaseIds = rows.Select(row => row.ReleaseId).Distinct().ToList();
        var names = await NamesAsync(db.PublishedReleases.Where(r => releaseIds.Contains(r.Id)), language, cancellationToken);
        return new OpenDataPage(total, page, pageSize, [.. rows.Select(names.Shape)]);
    }

    /// <summary>Every row of the filter, one at a time from the database: a file of the whole world never sits in memory.</summary>
    public async IAsyncEnumerable<OpenDataResult> RowsAsync(
        OpenDataFilter filter, string language, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var releases = Filtered(filter).Select(row => row.ReleaseId);
        // Every name is read before the rows: one query at a time on the context, and none while they stream.
        var names = await NamesAsync(db.PublishedReleases.Where(r => releases.Contains(r.Id)), language, cancellationToken);
        await foreach (var row in Ordered(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return names.Shape(row);
        }
    }

    /// <summary>The years with published results, newest first, for the page's filter.</summary>
    public Task<List<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        db.PublishedResults.AsNoTracking().Select(r => r.Year).Distinct().OrderByDescending(year => year).ToListAsync(cancellationToken);

    private IQueryable<PublishedResult> Ordered(OpenDataFilter filter) =>
        Filtered(filter)
            .OrderBy(r => r.CountryIso3).ThenBy(r => r.Year).ThenBy(r => r.AssessmentId).ThenBy(r => r.Revision).ThenBy(r => r.MechanismCode);

    private IQueryable<PublishedResult> Filtered(OpenDataFilter filter)
    {
        var rows = db.PublishedResults.AsNoTracking();
        // Older revisions only of rounds still public: a correction that made nothing public withdraws the round.
        rows = filter.AllRevisions
            ? rows.Where(r => db.PublishedResults.Any(latest => latest.AssessmentId == r.AssessmentId && latest.IsLatest))
            : rows.Where(r => r.IsLatest);
        if (filter.Region is { } region)
        {
            rows = rows.Where(r => r.RegionCode == region);
        }
        if (filter.Country is { } country)
        {
            rows = rows.Where(r => r.CountryIso3 == country);
        }
        if (filter.Behaviour is { } behaviour)
        {
            rows = rows.Where(r => r.BehaviourCode == behaviour);
        }
        if (filter.Mechanism is { } mechanism)
        {
            rows = rows.Where(r => r.MechanismCode == mechanism);
        }
        if (filter.Year is { } year)
        {
            rows = rows.Where(r => r.Year == year);
        }
        return rows;
    }

    private async Task<Names> NamesAsync(IQueryable<PublishedRelease> releases, string language, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Name }).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        // The title is the one the country signed off, frozen in its release.
        var titles = await releases.AsNoTracking().Select(r => new { r.Id, r.Snapshot }).ToListAsync(cancellationToken);
        var trees = new Dictionary<string, FrameworkNames>(StringComparer.Ordinal);
        foreach (var version in titles.Select(r => r.Snapshot.FrameworkVersion).Distinct())
        {
            trees[version] = new FrameworkNames(await framework.TreeAsync(version, cancellationToken), language);
        }
        return new Names(
            trees, l["OpenData.DemonstrationLabel"],
            countries.ToDictionary(c => c.Iso3, c => c.Name.In(language), StringComparer.Ordinal),
            regions.ToDictionary(r => r.Code, r => r.Name.In(language), StringComparer.Ordinal),
            titles.ToDictionary(r => r.Id, r => r.Snapshot.Title));
    }

    /// <summary>The names a row needs, in one language.</summary>
    private sealed class Names(
        Dictionary<string, FrameworkNames> trees, string demonstration,
        Dictionary<string, string> countries, Dictionary<string, string> regions, Dictionary<Guid, string> titles)
    {
        public OpenDataResult Shape(PublishedResult row)
        {
            var tree = trees.GetValueOrDefault(row.FrameworkVersion) ?? FrameworkNames.None;
            return new OpenDataResult(
                row.CountryIso3, countries.GetValueOrDefault(row.CountryIso3, row.CountryIso3),
                row.RegionCode, regions.GetValueOrDefault(row.RegionCode, row.RegionCode),
                row.AssessmentId, titles.GetValueOrDefault(row.ReleaseId, ""),
                row.Year, row.Revision, row.IsLatest, row.FrameworkVersion,
                row.BehaviourCode, tree.Behaviours.GetValueOrDefault(row.BehaviourCode, row.BehaviourCode),
                row.MechanismCode, tree.Mechanisms.GetValueOrDefault(row.MechanismCode, row.MechanismCode),
                row.State, row.Level, row.Level is { } level ? tree.Levels.GetValueOrDefault(level) : null,
                row.BehaviourMean, row.BehaviourBand, row.BehaviourRated, row.BehaviourMechanisms,
                row.PublishedAt, row.IsDemonstration, row.IsDemonstration ? demonstration : null);
        }
    }

    private sealed class FrameworkNames(FrameworkTree? tree, string language)
    {
        public static FrameworkNames None { get; } = new(null, Cultures.Default);

        public Dictionary<string, string> Behaviours { get; } =
            tree?.Behaviours.ToDictionary(b => b.Code, b => b.Name.In(language), StringComparer.Ordinal) ?? [];

        public Dictionary<string, string> Mechanisms { get; } =
            tree?.Behaviours.SelectMany(b => b.Mechanisms).ToDictionary(m => m.Code, m => m.Name.In(language), StringComparer.Ordinal) ?? [];

        public Dictionary<int, string> Levels { get; } = tree?.Levels.ToDictionary(v => v.Level, v => v.Name.In(language)) ?? [];
    }
}

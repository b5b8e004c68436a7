using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Reports.Dashboards;

namespace Pathway.Web.Reports;

/// <summary>One page of open-data results and how many there are in all.</summary>
public sealed record OpenDataPage(int Total, int Page, int PageSize, IReadOnlyList<OpenDataResult> Items);

/// <summary>
/// The published results as open data. Reads only <see cref="PathwayDb.PublishedResults"/> (rows a country
/// signed off for publication) and the names of countries, regions, framework items and the published
/// release's title, never rounds or ratings: nothing unpublished can reach a file or the API.
/// Rows come in one stable order (country, year, round, revision, mechanism code), so pages never overlap.
/// Pages are kept while the published rows do not change (<see cref="PublishedReads"/>): most readers ask for
/// the same first pages.
/// </summary>
public sealed class OpenResults(PathwayDb db, PublishedReads reads, FrameworkReader framework, IStringLocalizer<SharedResource> l)
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 100;

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>
    /// A page of results and the total for the filter; past the last page, the total and no rows (the caller
    /// says which pages exist). <paramref name="pageSize"/> must be within 1–<see cref="MaxPageSize"/>.
    /// </summary>
    public Task<OpenDataPage> PageAsync(
        OpenDataFilter filter, int page, int pageSize, string language, CancellationToken cancellationToken = default) =>
        KeptAsync(Key("page", filter, page, pageSize, language), cancel => ReadPageAsync(filter, page, pageSize, language, cancel), cancellationToken);

    /// <summary>As <see cref="PageAsync"/>, read from the database every time: for values kept in another shape.</summary>
    public async Task<OpenDataPage> ReadPageAsync(
        OpenDataFilter filter, int page, int pageSize, string language, CancellationToken cancellationToken = default)
    {
        var total = await Filtered(filter).CountAsync(cancellationToken);
        if (page < 1 || page > PageCount(total, pageSize))
        {
            return new OpenDataPage(total, page, pageSize, []);
        }
        var rows = await Ordered(filter).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await NamesAsync(language, rows.Select(row => row.FrameworkVersion).Distinct(), cancellationToken);
        return new OpenDataPage(total, page, pageSize, [.. rows.Select(names.Shape)]);
    }

    /// <summary>
    /// A value derived from the results of a filter (a page's JSON, say), kept like the pages while the published
    /// rows do not change. <paramref name="key"/> names everything besides the rows that the value depends on.
    /// </summary>
    public Task<T> KeptAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
        where T : class =>
        reads.KeptAsync(db, "open-data|" + key, read, cancellationToken);

    /// <summary>
    /// A weak ETag for a file of a filter's results: the state of the published rows, the filters and the language.
    /// Weak, since the file also says when it was made; its data is the same while the tag is.
    /// </summary>
    public async Task<string> FileTagAsync(OpenDataFilter filter, string language, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var stamp = await PublishedReads.StampAsync(db, cancellationToken);
        var what = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(format + "?" + filter.ToQueryString(language)))[..8]);
        return string.Create(CultureInfo.InvariantCulture, $"W/\"{stamp.MaxId}-{stamp.Releases}-{what}\"");
    }

    /// <summary>The cache key of a page of a filter's results in a language.</summary>
    public static string Key(string kind, OpenDataFilter filter, int page, int pageSize, string language)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return string.Create(CultureInfo.InvariantCulture, $"{kind}|{filter.ToQueryString(language)}|{page}|{pageSize}");
    }

    /// <summary>Every row of the filter, one at a time from the database: a file of the whole world never sits in memory.</summary>
    public async IAsyncEnumerable<OpenDataResult> RowsAsync(
        OpenDataFilter filter, string language, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Every name is read before the rows: one query at a time on the context, and none while they stream.
        var versions = await Filtered(filter).Select(row => row.FrameworkVersion).Distinct().ToListAsync(cancellationToken);
        var names = await NamesAsync(language, versions, cancellationToken);
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

    private async Task<Names> NamesAsync(string language, IEnumerable<string> frameworkVersions, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Name }).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var trees = new Dictionary<string, FrameworkNames>(StringComparer.Ordinal);
        foreach (var version in frameworkVersions)
        {
            trees[version] = new FrameworkNames(await framework.TreeAsync(version, cancellationToken), language);
        }
        return new Names(
            trees, l["OpenData.DemonstrationLabel"],
            countries.ToDictionary(c => c.Iso3, c => c.Name.In(language), StringComparer.Ordinal),
            regions.ToDictionary(r => r.Code, r => r.Name.In(language), StringComparer.Ordinal));
    }

    /// <summary>The names a row needs, in one language.</summary>
    private sealed class Names(
        Dictionary<string, FrameworkNames> trees, string demonstration, Dictionary<string, string> countries, Dictionary<string, string> regions)
    {
        public OpenDataResult Shape(PublishedResult row)
        {
            var tree = trees.GetValueOrDefault(row.FrameworkVersion) ?? FrameworkNames.None;
            return new OpenDataResult(
                row.CountryIso3, countries.GetValueOrDefault(row.CountryIso3, row.CountryIso3),
                row.RegionCode, regions.GetValueOrDefault(row.RegionCode, row.RegionCode),
                row.AssessmentId, row.RoundTitle,
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

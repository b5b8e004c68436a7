using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Components.Charts;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>A Member State as the dashboards name and group it.</summary>
public sealed record MemberState(string Iso3, LocalizedText Name, string RegionCode);

/// <summary>A WHO region as the dashboards name it, in display order.</summary>
public sealed record RegionEntry(string Code, LocalizedText Name);

/// <summary>A published round at its latest revision: whose, which year it counts for, when it was signed off.</summary>
public sealed record PublishedRound(Guid AssessmentId, string CountryIso3, int Year, DateTimeOffset PublishedAt, bool IsDemonstration);

/// <summary>
/// What the global dashboard counts, read from the published rows (<c>PublishedResults</c>, latest revisions
/// only) and kept while they do not change: the Member States and regions, every published round (one
/// GROUP BY), and, per year filter and on first use, the bands and levels of each country's round in view.
/// </summary>
public sealed class PublishedIndex
{
    private readonly ConcurrentDictionary<int, Task<RoundValues>> values = new();
    private readonly PublishedReads reads;

    internal PublishedIndex(PublishedReads reads, PublishedStamp stamp, IReadOnlyList<MemberState> countries, IReadOnlyList<RegionEntry> regions, IReadOnlyList<PublishedRound> rounds)
    {
        this.reads = reads;
        Stamp = stamp;
        Countries = countries;
        Regions = regions;
        Rounds = rounds;
    }

    public PublishedStamp Stamp { get; }

    public IReadOnlyList<MemberState> Countries { get; }

    public IReadOnlyList<RegionEntry> Regions { get; }

    public IReadOnlyList<PublishedRound> Rounds { get; }

    /// <summary>
    /// The round each country is shown with: its latest of <paramref name="year"/>, or its latest of all
    /// (by year, then sign-off) without a year.
    /// </summary>
    public Dictionary<string, PublishedRound> LatestRounds(int? year) =>
        Rounds.Where(round => year is null || round.Year == year)
            .GroupBy(round => round.CountryIso3, StringComparer.Ordinal)
            .ToDictionary(group => group.Key,
                group => group.OrderByDescending(round => round.Year).ThenByDescending(round => round.PublishedAt).First(),
                StringComparer.Ordinal);

    /// <summary>The bands and levels of the rounds shown for <paramref name="year"/> (0: no year), read once per index.</summary>
    internal Task<RoundValues> ValuesAsync(int? year, CancellationToken cancellationToken)
    {
        var key = year ?? 0;
        var task = values.GetOrAdd(key, _ => RoundValues.ReadAsync(reads, [.. LatestRounds(year).Values.Select(round => round.AssessmentId)]));
        // A failed read is not kept: the next request tries again.
        if (task.IsFaulted || task.IsCanceled)
        {
            values.TryRemove(new KeyValuePair<int, Task<RoundValues>>(key, task));
        }
        return task.WaitAsync(cancellationToken);
    }

    internal static async Task<PublishedIndex> ReadAsync(PublishedReads reads, PathwayDb db, PublishedStamp stamp, CancellationToken cancellationToken)
    {
        var countries = (await db.Countries.AsNoTracking().ToListAsync(cancellationToken))
            .Select(country => new MemberState(country.Iso3, country.Name, country.RegionCode)).ToList();
        var regions = (await db.Regions.AsNoTracking().OrderBy(region => region.DisplayOrder).ToListAsync(cancellationToken))
            .Select(region => new RegionEntry(region.Code, region.Name)).ToList();
        // One row per round (its latest release has one row per mechanism): grouped in the database.
        var rounds = await db.PublishedResults.AsNoTracking()
            .Where(row => row.IsLatest)
            .GroupBy(row => new { row.AssessmentId, row.CountryIso3, row.Year, row.PublishedAt, row.IsDemonstration })
            .Select(group => new PublishedRound(group.Key.AssessmentId, group.Key.CountryIso3, group.Key.Year, group.Key.PublishedAt, group.Key.IsDemonstration))
            .ToListAsync(cancellationToken);
        return new PublishedIndex(reads, stamp, countries, regions, rounds);
    }
}

/// <summary>
/// The behaviour bands (one per round and behaviour, grouped in the database) and, per mechanism on first
/// use, the agreed levels of a set of rounds.
/// </summary>
internal sealed class RoundValues
{
    private readonly ConcurrentDictionary<string, Task<Dictionary<Guid, int?>>> mechanismLevels = new(StringComparer.Ordinal);
    private readonly PublishedReads reads;
    private readonly IReadOnlyList<Guid> rounds;

    private RoundValues(PublishedReads reads, IReadOnlyList<Guid> rounds, Dictionary<(Guid Round, string Behaviour), int?> bands)
    {
        this.reads = reads;
        this.rounds = rounds;
        Bands = bands;
    }

    /// <summary>The level of each round's behaviour band; null when the profile was not published or the behaviour has no band.</summary>
    public Dictionary<(Guid Round, string Behaviour), int?> Bands { get; }

    public static async Task<RoundValues> ReadAsync(PublishedReads reads, IReadOnlyList<Guid> rounds)
    {
        var rows = rounds.Count == 0 ? [] : await reads.ReadAsync(db => db.PublishedResults.AsNoTracking()
            .Where(row => row.IsLatest && rounds.Contains(row.AssessmentId))
            .GroupBy(row => new { row.AssessmentId, row.BehaviourCode })
            .Select(group => new { group.Key.AssessmentId, group.Key.BehaviourCode, Band = group.Max(row => row.BehaviourBand) })
            .ToListAsync());
        return new RoundValues(reads, rounds, rows.ToDictionary(row => (row.AssessmentId, row.BehaviourCode), row => MapShades.LevelOfBand(row.Band)));
    }

    /// <summary>Each round's agreed level of <paramref name="mechanism"/> (null: not rated or levels not published).</summary>
    public Task<Dictionary<Guid, int?>> LevelsAsync(string mechanism, CancellationToken cancellationToken)
    {
        var task = mechanismLevels.GetOrAdd(mechanism, ReadLevelsAsync);
        if (task.IsFaulted || task.IsCanceled)
        {
            mechanismLevels.TryRemove(new KeyValuePair<string, Task<Dictionary<Guid, int?>>>(mechanism, task));
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task<Dictionary<Guid, int?>> ReadLevelsAsync(string mechanism)
    {
        if (rounds.Count == 0)
        {
            return [];
        }
        var rows = await reads.ReadAsync(db => db.PublishedResults.AsNoTracking()
            .Where(row => row.IsLatest && row.MechanismCode == mechanism && rounds.Contains(row.AssessmentId))
            .Select(row => new { row.AssessmentId, row.Level })
            .ToListAsync());
        return rows.ToDictionary(row => row.AssessmentId, row => row.Level);
    }
}

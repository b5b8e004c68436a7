using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Planning;

namespace Pathway.Web.Connector.Peers;

/// <summary>A country's level on the mechanism in one published round (the round's latest release).</summary>
public sealed record PeerRound(Guid AssessmentId, int Year, DateTimeOffset PublishedAt, int Level, bool IsDemonstration);

/// <summary>A step up between two of a country's published rounds: from → to, and the rounds' years.</summary>
public sealed record PeerMove(int FromLevel, int ToLevel, int FromYear, int ToYear);

/// <summary>One country's published history on the mechanism, oldest round first.</summary>
public sealed record PeerCountry(string Iso3, LocalizedText Name, string RegionCode, IReadOnlyList<PeerRound> Rounds)
{
    public PeerRound Latest => Rounds[^1];

    public bool IsDemonstration => Rounds.Any(round => round.IsDemonstration);

    /// <summary>Every step up between consecutive published rounds.</summary>
    public IReadOnlyList<PeerMove> Moves { get; } =
        [.. Rounds.Zip(Rounds.Skip(1)).Where(pair => pair.Second.Level > pair.First.Level)
            .Select(pair => new PeerMove(pair.First.Level, pair.Second.Level, pair.First.Year, pair.Second.Year))];
}

/// <summary>A country to learn from for a given level: why it is listed (a higher published level, steps up), and its history.</summary>
public sealed record Peer(PeerCountry Country, bool PublishedHigher, IReadOnlyList<PeerMove> MovesUp);

/// <summary>
/// What every published round says about one mechanism (followed through the crosswalks of the framework's
/// versions, so a renamed mechanism keeps its history): the countries with their levels, round by round.
/// The same for every reader; who asks and from which level only filters it (<see cref="For"/>).
/// </summary>
public sealed record MechanismPeers(string MechanismCode, IReadOnlyList<PeerCountry> Countries)
{
    public static MechanismPeers None(string code) => new(code, []);

    /// <summary>The country's latest published level, if it published one.</summary>
    public int? LevelOf(string? iso3) => Countries.FirstOrDefault(country => country.Iso3 == iso3)?.Latest.Level;

    /// <summary>
    /// Who can the asking country learn from, standing at <paramref name="fromLevel"/>: countries whose latest published
    /// level is higher, and countries that stepped up past that level between published rounds. Those that stepped up
    /// from exactly that level come first (they did what the asker is about to do), then by level, then by name.
    /// </summary>
    public IReadOnlyList<Peer> For(int fromLevel, string? askingIso3, string language) =>
        [.. Countries.Where(country => country.Iso3 != askingIso3)
            .Select(country => new Peer(country, country.Latest.Level > fromLevel,
                [.. country.Moves.Where(move => move.ToLevel > fromLevel)]))
            .Where(peer => peer.PublishedHigher || peer.MovesUp.Count > 0)
            .OrderByDescending(peer => peer.MovesUp.Any(move => move.FromLevel == fromLevel))
            .ThenByDescending(peer => peer.Country.Latest.Level)
            .ThenBy(peer => peer.Country.Name.In(language), StringComparer.Create(Cultures.Create(language), ignoreCase: true))];
}

/// <summary>
/// Keeps every mechanism's <see cref="MechanismPeers"/> for the current state of public content on this server
/// (<see cref="PublicContent"/>): a release signed off or removed here drops it at once, one on another server within
/// <see cref="PublicContentWatch.Period"/>; the next request reads again. Only published rows (<c>PublishedResult</c>,
/// written by sign-off) are read: drafts and unpublished rounds never reach it.
/// </summary>
public sealed class PeerCache(IServiceScopeFactory scopes, PublicContent content)
{
    /// <summary>Mechanisms kept at most (a framework has a few dozen; past it the cache starts again).</summary>
    public const int Capacity = 512;

    private volatile Kept kept = new(-1, new(StringComparer.Ordinal));

    private sealed record Kept(long Version, ConcurrentDictionary<string, Task<MechanismPeers?>> Values);

    /// <summary>The mechanism's peers; null when no framework version has the code.</summary>
    public Task<MechanismPeers?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var version = content.Version;
        var values = kept;
        if (values.Version != version || values.Values.Count >= Capacity)
        {
            values = new Kept(version, new(StringComparer.Ordinal));
            kept = values;
        }
        var read = values.Values.GetOrAdd(code, ReadAsync);
        if (read.IsFaulted || read.IsCanceled)
        {
            values.Values.TryRemove(code, out _);
        }
        return read.WaitAsync(cancellationToken);
    }

    // Read in a scope of its own, so no request's cancellation or end breaks what others wait for.
    private async Task<MechanismPeers?> ReadAsync(string code)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await PeerReading.ReadAsync(services.GetRequiredService<PathwayDb>(), services.GetRequiredService<FrameworkReader>(), code, CancellationToken.None);
    }
}

/// <summary>Reads one mechanism's published history from the published rows, across framework versions.</summary>
internal static class PeerReading
{
    public static async Task<MechanismPeers?> ReadAsync(PathwayDb db, FrameworkReader framework, string code, CancellationToken cancellationToken)
    {
        var codeIn = await CodesAsync(db, framework, code, cancellationToken);
        if (codeIn.Count == 0)
        {
            return null;
        }
        var codes = codeIn.Values.Distinct().ToList();
        var versions = codeIn.Keys.ToList();
        var rows = (await db.PublishedResults.AsNoTracking()
                .Where(row => row.IsLatest && row.Level != null && codes.Contains(row.MechanismCode) && versions.Contains(row.FrameworkVersion))
                .Select(row => new { row.CountryIso3, row.RegionCode, row.AssessmentId, row.Year, row.PublishedAt, row.Level, row.IsDemonstration, row.FrameworkVersion, row.MechanismCode })
                .ToListAsync(cancellationToken))
            .Where(row => codeIn[row.FrameworkVersion] == row.MechanismCode)
            .ToList();
        var isos = rows.Select(row => row.CountryIso3).Distinct().ToList();
        var names = await db.Countries.AsNoTracking().Where(country => isos.Contains(country.Iso3))
            .ToDictionaryAsync(country => country.Iso3, country => country.Name, cancellationToken);
        var countries = rows.GroupBy(row => row.CountryIso3)
            .Select(group => new PeerCountry(group.Key, names.GetValueOrDefault(group.Key) ?? LocalizedText.English(group.Key), group.First().RegionCode,
                [.. group.OrderBy(row => row.Year).ThenBy(row => row.PublishedAt)
                    .Select(row => new PeerRound(row.AssessmentId, row.Year, row.PublishedAt, row.Level!.Value, row.IsDemonstration))]))
            .OrderBy(country => country.Iso3, StringComparer.Ordinal)
            .ToList();
        return new MechanismPeers(codeIn.First().Value, countries);
    }

    /// <summary>
    /// The code the mechanism has in each framework version: the newest version's code, then back along the crosswalk
    /// each version declares from its predecessor (renamed and split mechanisms follow; merged ones have no single
    /// earlier code). A code the newest version lacks is matched as spelt, in the versions that have it.
    /// </summary>
    private static async Task<Dictionary<string, string>> CodesAsync(PathwayDb db, FrameworkReader framework, string code, CancellationToken cancellationToken)
    {
        var codeIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = await db.FrameworkVersions.AsNoTracking()
            .Select(version => new { version.Version, version.CrosswalkFrom, version.Crosswalk }).ToListAsync(cancellationToken);
        var trees = new Dictionary<string, FrameworkTree>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            if (await framework.TreeAsync(version.Version, cancellationToken) is { } tree)
            {
                trees[version.Version] = tree;
            }
        }
        var current = await framework.CurrentVersionAsync(cancellationToken);
        if (current is not null && trees.TryGetValue(current, out var newest) && Find(newest, code) is { } newestCode)
        {
            codeIn[current] = newestCode;
            var at = current;
            while (versions.FirstOrDefault(version => version.Version == at) is { CrosswalkFrom: { } from } declared
                   && !codeIn.ContainsKey(from) && trees.TryGetValue(from, out var older))
            {
                var line = Crosswalk.Pair(Codes(older), Codes(trees[at]), CrosswalkBasis.Declared(declared.Crosswalk))
                    .FirstOrDefault(line => line.NewCode == codeIn[at] && line.IsComparable);
                if (line is null)
                {
                    break;
                }
                codeIn[from] = line.OldCode!;
                at = from;
            }
            return codeIn;
        }
        foreach (var (version, tree) in trees)
        {
            if (Find(tree, code) is { } found)
            {
                codeIn[version] = found;
            }
        }
        return codeIn;
    }

    private static string? Find(FrameworkTree tree, string code) =>
        tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms)
            .FirstOrDefault(mechanism => string.Equals(mechanism.Code, code, StringComparison.OrdinalIgnoreCase))?.Code;

    private static List<string> Codes(FrameworkTree tree) => [.. tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code)];
}

using System.Globalization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Peers;

/// <summary>The peers of one mechanism for one asker: the level they stand at, who to learn from, and what those countries shared.</summary>
public sealed record PeerView(
    string MechanismCode,
    int FromLevel,
    string? AskingIso3,
    IReadOnlyList<Peer> Peers,
    IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>> Evidence)
{
    public IReadOnlyList<PeerEvidence> EvidenceOf(string iso3) => Evidence.GetValueOrDefault(iso3) ?? [];
}

/// <summary>
/// "Who can we learn from" for the current request. The published history comes from <see cref="PeerCache"/>
/// (read again only when the published rows change); the stamp is read once per request and each mechanism's
/// evidence once per request, so a page showing the panel beside every recommendation makes no query per row.
/// </summary>
public sealed class PeerDirectory(PathwayDb db, PeerCache cache, CurrentUser user, IEnumerable<IPeerEvidenceSource> sources)
{
    private Task<PeerCache.PeerStamp>? stamp;
    private readonly Dictionary<string, Task<IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>>>> evidence = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The mechanism's published history; null when no framework version has the code.</summary>
    public async Task<MechanismPeers?> HistoryAsync(string code, CancellationToken cancellationToken)
    {
        stamp ??= PeerCache.StampAsync(db, cancellationToken);
        return await cache.GetAsync(await stamp, code.Trim().ToUpperInvariant(), cancellationToken);
    }

    /// <summary>
    /// The peers for someone standing at <paramref name="fromLevel"/> (else the asking country's latest published level,
    /// else level 1) in <paramref name="askingIso3"/> (else the caller's country), that country left out; null for an unknown mechanism.
    /// </summary>
    public async Task<PeerView?> ForAsync(string code, int? fromLevel, string? askingIso3, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (await HistoryAsync(code, cancellationToken) is not { } history)
        {
            return null;
        }
        var asking = string.IsNullOrWhiteSpace(askingIso3) ? user.CountryIso3 : askingIso3.Trim().ToUpperInvariant();
        var from = Math.Clamp(fromLevel ?? history.LevelOf(asking) ?? 1, 1, 4);
        var peers = history.For(from, asking, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var shared = peers.Count == 0 ? Empty : await EvidenceAsync(history, cancellationToken);
        return new PeerView(history.MechanismCode, from, asking, peers, shared);
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>> Empty = new Dictionary<string, IReadOnlyList<PeerEvidence>>();

    // Asked for every country of the mechanism's history at once, so the answer serves every level and asker in the request.
    private Task<IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>>> EvidenceAsync(MechanismPeers history, CancellationToken cancellationToken)
    {
        if (!evidence.TryGetValue(history.MechanismCode, out var found))
        {
            found = evidence[history.MechanismCode] = ReadEvidenceAsync(history, cancellationToken);
        }
        return found;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>>> ReadEvidenceAsync(MechanismPeers history, CancellationToken cancellationToken)
    {
        var countries = history.Countries.Select(country => country.Iso3).ToList();
        var all = new List<PeerEvidence>();
        // One at a time: the sources share this request's database context.
        foreach (var source in sources)
        {
            all.AddRange(await source.ForAsync(history.MechanismCode, countries, cancellationToken));
        }
        return all.GroupBy(item => item.CountryIso3).ToDictionary(group => group.Key, group => (IReadOnlyList<PeerEvidence>)[.. group]);
    }
}

using System.Globalization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Peers;

/// <summary>
/// One page of the peers of one mechanism for one asker: the level they stand at, who to learn from (<see cref="Peers"/>,
/// page <see cref="Page"/> of <see cref="Pages"/>, <see cref="Total"/> in all), and what the countries of this page shared.
/// </summary>
public sealed record PeerView(
    string MechanismCode,
    int FromLevel,
    string? AskingIso3,
    IReadOnlyList<Peer> Peers,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>> Evidence)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<PeerEvidence> EvidenceOf(string iso3) => Evidence.GetValueOrDefault(iso3) ?? [];
}

/// <summary>
/// "Who can we learn from" for the current request. The published history comes from <see cref="PeerCache"/>
/// (read again only when public content changes). What the peers shared is
/// read for the countries of the page asked only, each source in one query for all of them, and kept for the request:
/// a page showing the panel beside every recommendation asks again only for countries it has not asked about yet,
/// so it makes no query per row, and a long list costs the page it shows, not the whole list.
/// </summary>
public sealed class PeerDirectory(PeerCache cache, CurrentUser user, IEnumerable<IPeerEvidenceSource> sources, PublicReads reads)
{
    /// <summary>Peers per page of the full list.</summary>
    public const int PageSize = 20;

    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<PeerEvidence>>> evidence = new(StringComparer.Ordinal);

    /// <summary>The mechanism's published history; null when no framework version has the code.</summary>
    public async Task<MechanismPeers?> HistoryAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return await cache.GetAsync(code.Trim().ToUpperInvariant(), cancellationToken);
    }

    /// <summary>
    /// Page <paramref name="page"/> (of <paramref name="pageSize"/> countries; out of range is brought in) of the peers for
    /// someone standing at <paramref name="fromLevel"/> (else the asking country's latest published level, else level 1) in
    /// <paramref name="askingIso3"/> (else the caller's country), that country left out; null for an unknown mechanism.
    /// </summary>
    public async Task<PeerView?> ForAsync(string code, int? fromLevel, string? askingIso3, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (await HistoryAsync(code, cancellationToken) is not { } history)
        {
            return null;
        }
        var asking = string.IsNullOrWhiteSpace(askingIso3) ? user.CountryIso3 : askingIso3.Trim().ToUpperInvariant();
        var from = Math.Clamp(fromLevel ?? history.LevelOf(asking) ?? 1, 1, 4);
        var peers = history.For(from, asking, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var pages = Math.Max(1, (peers.Count + pageSize - 1) / pageSize);
        var shown = Math.Clamp(page, 1, pages);
        var slice = peers.Skip((shown - 1) * pageSize).Take(pageSize).ToList();
        var shared = await EvidenceAsync(history.MechanismCode, [.. slice.Select(peer => peer.Country.Iso3)], cancellationToken);
        return new PeerView(history.MechanismCode, from, asking, slice, peers.Count, shown, pageSize, shared);
    }

    // Callers take turns (the page, or the panels through SiblingLoads): the sources share this request's database context.
    // What a country shared is the same for every reader, so it is also kept across requests until public content changes.
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<PeerEvidence>>> EvidenceAsync(
        string mechanismCode, IReadOnlyList<string> countries, CancellationToken cancellationToken)
    {
        if (!evidence.TryGetValue(mechanismCode, out var known))
        {
            known = evidence[mechanismCode] = new(StringComparer.Ordinal);
        }
        var kept = reads.Current;
        var missing = new List<string>();
        foreach (var iso3 in countries.Where(iso3 => !known.ContainsKey(iso3)))
        {
            if (kept.TryGet<IReadOnlyList<PeerEvidence>>(KeptKey(mechanismCode, iso3), out var shared))
            {
                known[iso3] = shared;
            }
            else
            {
                missing.Add(iso3);
            }
        }
        if (missing.Count > 0)
        {
            var found = new List<PeerEvidence>();
            foreach (var source in sources)
            {
                found.AddRange(await source.ForAsync(mechanismCode, missing, cancellationToken));
            }
            var byCountry = found.ToLookup(item => item.CountryIso3, StringComparer.Ordinal);
            foreach (var iso3 in missing)
            {
                IReadOnlyList<PeerEvidence> shared = [.. byCountry[iso3]];
                known[iso3] = shared;
                kept.Keep(KeptKey(mechanismCode, iso3), shared);
            }
        }
        return countries.ToDictionary(iso3 => iso3, iso3 => known[iso3], StringComparer.Ordinal);
    }

    private static string KeptKey(string mechanismCode, string iso3) => $"peer-evidence|{mechanismCode}|{iso3}";
}

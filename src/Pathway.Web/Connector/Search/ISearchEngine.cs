using Pathway.Web.Accounts;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// A checked search: folded words (none: browse by the filters alone) and filters whose values are already
/// known to be codes, so the engines only ever bind them as parameters.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<string> Words,
    IReadOnlyList<SearchKind> Kinds,
    string? Country = null,
    string? Region = null,
    string? Behaviour = null,
    string? Mechanism = null,
    string? Instrument = null,
    int? YearFrom = null,
    int? YearTo = null,
    int Page = 1,
    int PageSize = SearchQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;

    /// <summary>The last word also matches as a prefix from this length on; shorter, a prefix would match most of the index.</summary>
    public const int PrefixMinLength = 3;

    /// <summary>Whether there is anything to search for: words or at least one filter.</summary>
    public bool IsEmpty => Words.Count == 0 && Kinds.Count == 0 && Country is null && Region is null && Behaviour is null
        && Mechanism is null && Instrument is null && YearFrom is null && YearTo is null;
}

/// <summary>Who is searching, as far as the index's audiences go.</summary>
public sealed record SearchViewer(AccessScope Scope, bool EditsContent)
{
    public static SearchViewer Of(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Scope, user.EditsContent);
    }
}

/// <summary>One entry found, as stored (titles and summaries in every language).</summary>
public sealed record SearchHit(
    SearchKind Kind, string Key, LocalizedText Title, LocalizedText Summary, string Url, string? CountryIso3, int? Year, int Weight);

/// <summary>
/// One page of entries, the total they are a page of, and how many match each kind (for the kind facet). When more
/// than <see cref="SqlSearchEngine.MaxMatches"/> match, <see cref="IsCapped"/> is set and the total is that maximum;
/// when more than that match across kinds (<see cref="KindsSampled"/>), the kinds count a first sample only.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyDictionary<SearchKind, int> KindCounts, bool IsCapped = false)
{
    public static readonly SearchResults None = new([], 0, new Dictionary<SearchKind, int>());

    public bool KindsSampled => KindCounts.Values.Sum() > SqlSearchEngine.MaxMatches;
}

/// <summary>
/// The database's full-text search: SQLite FTS5 on the embedded default, PostgreSQL full-text search in
/// production. Both apply the same filters and audiences in SQL (see <see cref="SqlSearchEngine"/>).
/// </summary>
public interface ISearchEngine
{
    Task<SearchResults> SearchAsync(SearchQuery query, SearchViewer viewer, CancellationToken cancellationToken);

    /// <summary>Rebuilds the full-text index from the entries (the <c>search reindex</c> command).</summary>
    Task RebuildAsync(CancellationToken cancellationToken);
}

using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Search;

/// <summary>A checked search and what it found.</summary>
public sealed record SearchAnswer(SearchQuery Query, SearchResults Results)
{
    public int PageCount => Math.Max(1, (Results.Total + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>
/// The read side of the index, shared by the search page and <c>GET /api/search</c>: checks the input, asks the
/// database's engine with the caller's audiences, and answers one page. An input with neither words nor filters
/// is answered with nothing found, without a query.
/// </summary>
public sealed class SearchLookup(
    ISearchEngine engine, CurrentUser user, IStringLocalizer<SharedResource> localizer, [FromKeyedServices(SearchLookup.KeptResults)] PublicReads kept)
{
    /// <summary>
    /// The answers kept per audience and query until public content changes: a reader going back to a search, or
    /// through its kinds and pages, costs no query. 1,024 at most (a page of results is about 20 KB).
    /// </summary>
    public const string KeptResults = "search-results";

    public const int KeptCapacity = 1024;

    public async Task<Outcome<SearchAnswer>> SearchAsync(SearchInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.Check(localizer).TryGet(out var query, out var refused))
        {
            return refused;
        }
        if (query.IsEmpty)
        {
            return new SearchAnswer(query, SearchResults.None);
        }
        var viewer = SearchViewer.Of(user);
        return new SearchAnswer(query, await kept.KeptAsync(Key(query, viewer), () => engine.SearchAsync(query, viewer, cancellationToken)));
    }

    /// <summary>Everything an answer depends on: who may see what (the audiences) and the checked query (words are letters and digits).</summary>
    private static string Key(SearchQuery query, SearchViewer viewer)
    {
        var audience = viewer.EditsContent ? "editors"
            : viewer.Scope.IsGlobal ? "global"
            : viewer.Scope.CountryIso3 is { } country ? "country:" + country
            : viewer.Scope.RegionCode is { } region ? "region:" + region
            : "public";
        return string.Join('|', audience, string.Join(' ', query.Words), string.Join(',', query.Kinds), query.Country, query.Region, query.Behaviour,
            query.Mechanism, query.Instrument, query.YearFrom, query.YearTo, query.Page, query.PageSize);
    }
}

/// <summary>A piece of a summary, marked when it is one of the words searched for.</summary>
public readonly record struct HighlightPart(string Text, bool IsMatch);

/// <summary>
/// Marks the searched words in a summary in the reader's language: each word of the text is folded as the index
/// folds it and compared with the query's words (the last one also as a prefix, as the engines match it). Done here
/// on the twenty summaries of a page, not in the database, so the snippet is the reader's language and not the
/// index's folded text.
/// </summary>
public static class SearchHighlight
{
    public static IReadOnlyList<HighlightPart> Parts(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(text) || words.Count == 0)
        {
            return [new HighlightPart(text ?? "", false)];
        }
        var parts = new List<HighlightPart>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            // A word of the text runs over letters, digits and the marks folding drops (Arabic harakat, accents).
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark || text[i] == '\u0640'))
            {
                i++;
            }
            if (Matches(SearchFolding.WithoutArticle(SearchFolding.Fold(text[start..i])), words))
            {
                if (start > plainStart)
                {
                    parts.Add(new HighlightPart(text[plainStart..start], false));
                }
                parts.Add(new HighlightPart(text[start..i], true));
                plainStart = i;
            }
        }
        if (plainStart < text.Length)
        {
            parts.Add(new HighlightPart(text[plainStart..], false));
        }
        return parts;
    }

    private static bool Matches(string word, IReadOnlyList<string> words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var last = k == words.Count - 1 && words[k].Length >= SearchQuery.PrefixMinLength;
            if (last ? word.StartsWith(words[k], StringComparison.Ordinal) : string.Equals(word, words[k], StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}

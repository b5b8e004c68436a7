using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;

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
public sealed class SearchLookup(ISearchEngine engine, CurrentUser user, IStringLocalizer<SharedResource> localizer)
{
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
        return new SearchAnswer(query, await engine.SearchAsync(query, SearchViewer.Of(user), cancellationToken));
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

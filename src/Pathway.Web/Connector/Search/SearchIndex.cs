using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// Keeps the search index current. Owners of searchable content call <see cref="Stage"/> or
/// <see cref="StageRemoval"/> before their own <c>SaveChangesAsync</c>: the index row is written in the same
/// transaction as the change (the database's full-text index follows its table), so a search never finds
/// what was withdrawn nor misses what was published.
/// </summary>
public sealed class SearchIndex(PathwayDb db)
{
    /// <summary>Adds or replaces the document's entry in the current unit of work.</summary>
    public async Task Stage(SearchDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entry = await FindAsync(document.Kind, document.Key, cancellationToken);
        var text = SearchFolding.IndexText(string.Join(' ',
            document.Title.Values.Values.Concat(document.Summary.Values.Values).Append(document.Body)));
        var titleText = SearchFolding.IndexText(string.Join(' ', document.Title.Values.Values));
        var tags = TagWords(document.Tags);
        if (entry is null)
        {
            db.Set<SearchEntry>().Add(new SearchEntry
            {
                Kind = document.Kind,
                Key = document.Key,
                Title = document.Title,
                Summary = document.Summary,
                Url = document.Url,
                CountryIso3 = document.CountryIso3,
                Audience = document.Audience,
                Tags = tags,
                Year = document.Year,
                Weight = document.Weight,
                Text = text,
                TitleText = titleText,
            });
            return;
        }
        entry.Title = document.Title;
        entry.Summary = document.Summary;
        entry.Url = document.Url;
        entry.CountryIso3 = document.CountryIso3;
        entry.Audience = document.Audience;
        entry.Tags = tags;
        entry.Year = document.Year;
        entry.Weight = document.Weight;
        entry.Text = text;
        entry.TitleText = titleText;
    }

    /// <summary>Removes the entry (if any) in the current unit of work.</summary>
    public async Task StageRemoval(SearchKind kind, string key, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(kind, key, cancellationToken) is { } entry)
        {
            db.Set<SearchEntry>().Remove(entry);
        }
    }

    /// <summary>
    /// The tags as " Facet:Value " words, filters first (codes), within the column's length: a long list of free-text
    /// topics loses its last topics rather than failing the owner's save on PostgreSQL.
    /// </summary>
    internal static string TagWords(IEnumerable<ContentTag> tags)
    {
        var words = new System.Text.StringBuilder(" ");
        foreach (var word in tags.OrderBy(tag => tag.Facet).Select(tag => $"{tag.Facet}:{tag.Value.Trim().Replace(' ', '_')} ").Distinct(StringComparer.Ordinal))
        {
            if (words.Length + word.Length > SearchEntry.TagsLength)
            {
                break;
            }
            words.Append(word);
        }
        return words.ToString();
    }

    private async Task<SearchEntry?> FindAsync(SearchKind kind, string key, CancellationToken cancellationToken) =>
        db.Set<SearchEntry>().Local.FirstOrDefault(entry => entry.Kind == kind && entry.Key == key)
        ?? await db.Set<SearchEntry>().FirstOrDefaultAsync(entry => entry.Kind == kind && entry.Key == key, cancellationToken);
}

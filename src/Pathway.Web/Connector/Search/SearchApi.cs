using Pathway.Web.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Search;

/// <summary>One result: its title and summary in the request's language, and where it leads.</summary>
public sealed record SearchItemDto(string Kind, string Title, string Summary, string Url, string? Country, int? Year, int Weight);

/// <summary>
/// One page of results, the total they are a page of (with <c>moreThanTotal</c> when more matched than a search
/// ranks: add words or filters), and the matches per kind under the other filters.
/// </summary>
public sealed record SearchResultsDto(
    string? Q, int Total, bool MoreThanTotal, int Page, int PageSize, int PageCount, IReadOnlyDictionary<string, int> Kinds, IReadOnlyList<SearchItemDto> Items);

/// <summary><c>GET /api/search</c>: the search page's results as JSON, for everyone; each caller finds what they may see.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/search").WithTags("Search").RequireAuthorization(ConnectorSetup.OptionalBearer);
        api.MapGet("", Search).WithName("Search").ProducesValidationProblem().CacheOutput(PublicPageCache.Policy);
        return routes;
    }

    /// <summary>
    /// Resources, case studies, partnerships, helpdesk answers, framework mechanisms and catalogue recommendations
    /// matching every word of <c>q</c> (the last one also as a prefix; accents, Arabic diacritics and letter forms
    /// ignored), best first, filtered by <c>kind</c> (repeatable), <c>country</c>, <c>region</c>, <c>behaviour</c>,
    /// <c>mechanism</c>, <c>instrument</c> and years <c>from</c>–<c>to</c>; 20 a page. Titles and summaries in
    /// <c>lang</c> (en, fr, ar), else the request's language.
    /// </summary>
    public static async Task<Results<Ok<SearchResultsDto>, ValidationProblem>> Search(
        SearchLookup lookup, string? q, string[]? kind, string? country, string? region, string? behaviour, string? mechanism,
        string? instrument, string? from, string? to, string? page, string? lang, CancellationToken cancellationToken)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (lang is not null && !ApiLanguage.TryResolve(lang, out language, out var problem))
        {
            return problem!;
        }
        var input = new SearchInput(q, kind, country, region, behaviour, mechanism, instrument, from, to, page);
        if (!(await lookup.SearchAsync(input, cancellationToken)).TryGet(out var found, out var failure))
        {
            return TypedResults.ValidationProblem(failure.Errors ?? new Dictionary<string, string[]>(), failure.Detail, title: failure.Title);
        }
        var results = found.Results;
        return TypedResults.Ok(new SearchResultsDto(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            results.Total,
            results.IsCapped,
            found.Query.Page,
            found.Query.PageSize,
            found.PageCount,
            Enum.GetValues<SearchKind>().ToDictionary(k => k.ToString(), k => results.KindCounts.GetValueOrDefault(k)),
            [.. results.Hits.Select(hit => new SearchItemDto(
                hit.Kind.ToString(), hit.Title.In(language), hit.Summary.In(language), hit.Url, hit.CountryIso3, hit.Year, hit.Weight))]));
    }
}

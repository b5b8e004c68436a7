using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Pathway.Web.Accounts;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports;

/// <summary>Links between pages of results, with the same filters.</summary>
public sealed record OpenDataLinks(string Self, string First, string Last, string? Prev, string? Next);

/// <summary>A page of published results: total rows for the filters, this page's number and size, links, and the rows.</summary>
public sealed record OpenDataPageDto(
    int Total, int Page, int PageSize, int PageCount, string Language, OpenDataLinks Links, IReadOnlyList<OpenDataResult> Items);

/// <summary>
/// Open data without signing in: published results as paged JSON (with an ETag), as XLSX and CSV files, and
/// for DHIS2. Only published results; unknown codes and out-of-range numbers are a 400 naming the parameter.
/// </summary>
public static class OpenDataApi
{
    public const string ResultsPath = "/api/open-data/results";

    // Published data changes only when a country signs off; five minutes of caching spares the database.
    private const string CacheControl = "public, max-age=300";

    private const string FilterDescription =
        " Filters: region (WHO region code), country (ISO3), behaviour and mechanism (framework codes), year (the round's year), " +
        "revisions=latest (default: each round's latest revision) or all. Names are in ?lang=en|fr|ar (default en).";

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api/open-data").WithTags("Open data").AllowAnonymous();
        api.MapGet("/results", GetResults).WithName("GetOpenDataResults")
            .Produces<OpenDataPageDto>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status304NotModified)
            .WithDescription("Published results, one item per country × round revision × mechanism, in a stable order (country, year, round, " +
                "revision, mechanism code). page (from 1) and pageSize (1–500, default 100); total, pageCount and links to the first, last, " +
                "previous and next pages. Fields: see the data dictionary at /open-data (isDemonstration and label mark demonstration data). " +
                "An ETag comes with every page: send it back as If-None-Match to get 304 while the data is unchanged." + FilterDescription);
        api.MapGet("/results.xlsx", GetResultsXlsx).WithName("GetOpenDataResultsXlsx")
            .Produces<Stream>(StatusCodes.Status200OK, OpenDataXlsxWriter.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithDescription("The same results as a workbook: sheets of data (one row per result, stable column names), the data dictionary " +
                "and notes (source, licence, citation). Streamed. A weak ETag: If-None-Match gets 304 while the data is unchanged." + FilterDescription);
        api.MapGet("/results.csv", GetResultsCsv).WithName("GetOpenDataResultsCsv")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithDescription("The same results as CSV: UTF-8 with a byte order mark, RFC 4180, the data sheet's column names in the first " +
                "line, numbers with a dot, true/false, moments in ISO 8601 UTC. Streamed. A weak ETag as for the workbook." + FilterDescription);
        api.MapGet("/dhis2/metadata", GetDhis2Metadata).WithName("GetOpenDataDhis2Metadata")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("DHIS2 metadata to import (POST /api/metadata) before the data values: the option set of the four levels " +
                "(option codes 1–4), one INTEGER data element per mechanism of the framework version (?framework=, default the current one) " +
                "and a yearly data set. UIDs are derived from the codes, so importing again updates rather than duplicates. Names in ?lang=.");
        api.MapGet("/dhis2/{iso3}/dataValueSets", GetDhis2DataValues).WithName("GetOpenDataDhis2DataValues")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("A country's published mechanism levels as a DHIS2 data value set (POST /api/dataValueSets): one value per " +
                "mechanism and year (period = the round's year, each round's latest revision), the value the level's option code, orgUnit " +
                "the country's ISO3 code (orgUnitIdScheme CODE: the national org unit needs that code). 404 when the country has no " +
                "published level.");
        return routes;
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetResults(
        string? region, string? country, string? behaviour, string? mechanism, int? year, string? revisions, int? page, int? pageSize,
        string? lang, HttpContext context, OpenDataFilters filters, OpenResults results, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (!TryLanguage(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await filters.CheckAsync(new(region, country, behaviour, mechanism, year, revisions), cancellationToken)).TryGet(out var filter, out var refused))
        {
            return refused.ToProblem();
        }
        var size = pageSize ?? OpenResults.DefaultPageSize;
        var number = page ?? 1;
        if (size is < 1 or > OpenResults.MaxPageSize)
        {
            return filters.CheckPage(number, size, 0)!.ToProblem();
        }
        // The page's JSON and its ETag are made once per state of the published rows; a request then only sends them.
        var body = await results.KeptAsync(OpenResults.Key("json", filter, number, size, language), async cancel =>
        {
            var rows = await results.ReadPageAsync(filter, number, size, language, cancel);
            if (rows.Items.Count == 0 && filters.CheckPage(number, size, rows.Total) is not null)
            {
                return new JsonPage(rows.Total, null, null);
            }
            var bytes = JsonSerializer.SerializeToUtf8Bytes(ToDto(rows, filter, language), json.Value.SerializerOptions);
            // The ETag is the content's own hash: any change in a published row, a name or the paging changes it.
            return new JsonPage(rows.Total, bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes)[..16]) + "\"");
        }, cancellationToken);
        if (body.Json is null)
        {
            return filters.CheckPage(number, size, body.Total)!.ToProblem();
        }
        var headers = context.Response.Headers;
        headers.ETag = body.ETag;
        headers.CacheControl = CacheControl;
        if (Matches(context.Request, body.ETag!))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(body.Json, "application/json; charset=utf-8");
    }

    /// <summary>A page of results as sent: its JSON and ETag, or only the total when the page does not exist.</summary>
    private sealed record JsonPage(int Total, byte[]? Json, string? ETag);

    /// <summary>If-None-Match compares weakly (RFC 9110): W/ on either side does not matter.</summary>
    private static bool Matches(HttpRequest request, string tag)
    {
        var opaque = Opaque(tag);
        return request.Headers.IfNoneMatch.Any(value => value is not null
            && value.Split(',').Select(part => part.Trim()).Any(part => part == "*" || Opaque(part) == opaque));
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    public static async Task<Results<PushStreamHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetResultsXlsx(
        string? region, string? country, string? behaviour, string? mechanism, int? year, string? revisions, string? lang,
        HttpContext context, OpenDataFilters filters, OpenResults results, PublicAddress address, TimeProvider clock,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!TryLanguage(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await filters.CheckAsync(new(region, country, behaviour, mechanism, year, revisions), cancellationToken)).TryGet(out var filter, out var refused))
        {
            return refused.ToProblem();
        }
        if (await FileHeadersAsync(context, results, filter, language, "xlsx", cancellationToken))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var now = clock.GetUtcNow();
        return TypedResults.Stream(async body =>
        {
            // The culture a handler sets does not outlive it; the file is written after it returns.
            UseLanguage(language);
            var writer = new OpenDataXlsxWriter(l);
            await writer.WriteAsync(body, results.RowsAsync(filter, language, cancellationToken),
                OpenDataNotes.For(l, address.BaseUrl, now), FilterText(filter, l), now, cancellationToken);
        }, OpenDataXlsxWriter.ContentType, FileName(now, "xlsx"));
    }

    public static async Task<Results<PushStreamHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetResultsCsv(
        string? region, string? country, string? behaviour, string? mechanism, int? year, string? revisions, string? lang,
        HttpContext context, OpenDataFilters filters, OpenResults results, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryLanguage(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await filters.CheckAsync(new(region, country, behaviour, mechanism, year, revisions), cancellationToken)).TryGet(out var filter, out var refused))
        {
            return refused.ToProblem();
        }
        if (await FileHeadersAsync(context, results, filter, language, "csv", cancellationToken))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Stream(async body =>
        {
            UseLanguage(language);
            await OpenDataCsvWriter.WriteAsync(body, results.RowsAsync(filter, language, cancellationToken), cancellationToken);
        }, OpenDataCsvWriter.ContentType, FileName(clock.GetUtcNow(), "csv"));
    }

    public static async Task<Results<Ok<Dhis2Metadata>, ProblemHttpResult, ValidationProblem>> GetDhis2Metadata(
        string? framework, string? lang, Dhis2Export dhis2, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!TryLanguage(lang, out var language, out var problem))
        {
            return problem!;
        }
        var metadata = await dhis2.MetadataAsync(string.IsNullOrWhiteSpace(framework) ? null : framework.Trim(), language, cancellationToken);
        return metadata is null
            ? Failure.NotFound(l["OpenData.Dhis2.NoFrameworkTitle"], l["OpenData.Dhis2.NoFramework"]).ToProblem()
            : TypedResults.Ok(metadata);
    }

    public static async Task<Results<Ok<Dhis2DataValueSet>, ProblemHttpResult, ValidationProblem>> GetDhis2DataValues(
        string iso3, string? lang, HttpResponse response, Dhis2Export dhis2, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!TryLanguage(lang, out _, out var problem))
        {
            return problem!;
        }
        var values = await dhis2.DataValuesAsync(iso3, cancellationToken);
        if (values is null)
        {
            return Failure.NotFound(l["OpenData.Dhis2.NothingTitle"], l["OpenData.Dhis2.Nothing"]).ToProblem();
        }
        response.Headers.CacheControl = CacheControl;
        return TypedResults.Ok(values);
    }

    /// <summary>The address of a file of results for these filters, in a language ("xlsx" or "csv").</summary>
    public static string FileHref(OpenDataFilter filter, string format, string language) =>
        $"{ResultsPath}.{format}?{filter.ToQueryString(language)}";

    /// <summary>The filters in words, for the notes sheet.</summary>
    public static string FilterText(OpenDataFilter filter, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(l);
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={value}");
            }
        }
        Add("region", filter.Region);
        Add("country", filter.Country);
        Add("behaviour", filter.Behaviour);
        Add("mechanism", filter.Mechanism);
        Add("year", filter.Year?.ToString(CultureInfo.InvariantCulture));
        Add("revisions", filter.AllRevisions ? "all" : "latest");
        return parts.Count == 1 && !filter.AllRevisions ? l["OpenData.Notes.NoFilter"] : string.Join("; ", parts);
    }

    private static OpenDataPageDto ToDto(OpenDataPage rows, OpenDataFilter filter, string language)
    {
        var pages = OpenResults.PageCount(rows.Total, rows.PageSize);
        var query = filter.ToQueryString(language);
        string Href(int page) => $"{ResultsPath}?{query}{(query.Length > 0 ? "&" : "")}page={page}&pageSize={rows.PageSize}";
        return new OpenDataPageDto(rows.Total, rows.Page, rows.PageSize, pages, language,
            new OpenDataLinks(Href(rows.Page), Href(1), Href(pages), rows.Page > 1 ? Href(rows.Page - 1) : null,
                rows.Page < pages ? Href(rows.Page + 1) : null),
            rows.Items);
    }

    /// <summary>?lang= (en by default, as every public API here): a link or a cache holds one language whoever follows it.</summary>
    private static bool TryLanguage(string? lang, out string language, out ValidationProblem? problem)
    {
        if (!ApiLanguage.TryResolve(lang, out language, out problem))
        {
            return false;
        }
        UseLanguage(language);
        return true;
    }

    /// <summary>Interface texts (the demonstration label, notes) in the language of the data.</summary>
    private static void UseLanguage(string language)
    {
        var culture = Cultures.Create(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>The headers of a file of results; true when the reader's copy is still current (answer 304).</summary>
    private static async Task<bool> FileHeadersAsync(
        HttpContext context, OpenResults results, OpenDataFilter filter, string language, string format, CancellationToken cancellationToken)
    {
        var tag = await results.FileTagAsync(filter, language, format, cancellationToken);
        var headers = context.Response.Headers;
        headers.ETag = tag;
        headers.CacheControl = CacheControl;
        headers.XContentTypeOptions = "nosniff";
        return Matches(context.Request, tag);
    }

    private static string FileName(DateTimeOffset now, string extension) => $"pathway-open-data-{DateText.Iso(DateOnly.FromDateTime(now.UtcDateTime))}.{extension}";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Reports;

/// <summary>The filters as a request brings them (query string of the API, the files and the page).</summary>
public sealed record OpenDataQuery(string? Region, string? Country, string? Behaviour, string? Mechanism, int? Year, string? Revisions)
{
    public static OpenDataQuery Everything { get; } = new(null, null, null, null, null, null);
}

/// <summary>Checked filters: known codes, in their stored spelling; <see cref="AllRevisions"/> false keeps each round's latest revision.</summary>
public sealed record OpenDataFilter(string? Region, string? Country, string? Behaviour, string? Mechanism, int? Year, bool AllRevisions)
{
    /// <summary>The filters as a query string (without paging), for links to the next page and to the files.</summary>
    public string ToQueryString(string? language = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("region", Region);
        Add("country", Country);
        Add("behaviour", Behaviour);
        Add("mechanism", Mechanism);
        Add("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("revisions", AllRevisions ? "all" : null);
        Add("lang", language);
        return string.Join("&", parts);
    }
}

/// <summary>
/// Checks open-data filters: every code must be one the site knows (a WHO region, a Member State, a behaviour
/// or mechanism of any framework version), the year within <see cref="FirstYear"/> and ten years from now.
/// Each refusal names its parameter.
/// </summary>
public sealed class OpenDataFilters(PathwayDb db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int FirstYear = 2000;

    public int LastYear => clock.GetUtcNow().Year + 10;

    public async Task<Outcome<OpenDataFilter>> CheckAsync(OpenDataQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();
        var region = Code(query.Region);
        if (region is not null && !await db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
        {
            errors["region"] = [l["OpenData.Error.Region", region]];
        }
        var country = Code(query.Country);
        if (country is not null && (country.Length != 3 || !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken)))
        {
            errors["country"] = [l["OpenData.Error.Country", country]];
        }
        var behaviour = Code(query.Behaviour);
        if (behaviour is not null && !await db.Behaviours.AnyAsync(b => b.Code == behaviour, cancellationToken))
        {
            errors["behaviour"] = [l["OpenData.Error.Behaviour", behaviour]];
        }
        var mechanism = Code(query.Mechanism);
        if (mechanism is not null && !await db.Mechanisms.AnyAsync(m => m.Code == mechanism, cancellationToken))
        {
            errors["mechanism"] = [l["OpenData.Error.Mechanism", mechanism]];
        }
        if (query.Year is { } year && (year < FirstYear || year > LastYear))
        {
            errors["year"] = [l["OpenData.Error.Year", FirstYear, LastYear]];
        }
        var revisions = query.Revisions?.Trim().ToLowerInvariant();
        if (revisions is not (null or "" or "latest" or "all"))
        {
            errors["revisions"] = [l["OpenData.Error.Revisions"]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["OpenData.Error.Title"], l["OpenData.Error.Detail"], errors);
        }
        return new OpenDataFilter(region, country, behaviour, mechanism, query.Year, revisions == "all");
    }

    /// <summary>Page and page size: a page from 1 to the last (1 when there is nothing), a size from 1 to <see cref="OpenResults.MaxPageSize"/>.</summary>
    public Failure? CheckPage(int page, int pageSize, int total)
    {
        var errors = new Dictionary<string, string[]>();
        if (pageSize is < 1 or > OpenResults.MaxPageSize)
        {
            errors["pageSize"] = [l["OpenData.Error.PageSize", OpenResults.MaxPageSize]];
        }
        else if (page < 1 || page > OpenResults.PageCount(total, pageSize))
        {
            errors["page"] = [l["OpenData.Error.Page", OpenResults.PageCount(total, pageSize)]];
        }
        return errors.Count > 0 ? Failure.Invalid(l["OpenData.Error.Title"], l["OpenData.Error.Detail"], errors) : null;
    }

    /// <summary>Codes are matched upper case (ISO 3166 and the framework's codes are upper case); blank means no filter.</summary>
    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}

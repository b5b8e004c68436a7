using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Countries;

public sealed record RegionDto(string Code, string Name, string Office, int CountryCount);

public sealed record CountryDto(string Iso3, string Iso2, string Name, string Region);

/// <summary>Public reference data: WHO regions and Member States.</summary>
public static class CountriesApi
{
    public static IEndpointRouteBuilder MapCountriesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Reference data").AllowAnonymous();
        api.MapGet("/regions", GetRegions).WithName("GetRegions");
        api.MapGet("/countries", GetCountries).WithName("GetCountries");
        return routes;
    }

    /// <summary>The six WHO regions.</summary>
    public static async Task<Results<Ok<List<RegionDto>>, ValidationProblem>> GetRegions(PathwayDb db, string? lang, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        var regions = await db.Regions.AsNoTracking().OrderBy(region => region.DisplayOrder)
            .Select(region => new { region.Code, region.Name, region.Office, Count = region.Countries.Count })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(regions.Select(region => new RegionDto(region.Code, region.Name.In(language), region.Office, region.Count)).ToList());
    }

    /// <summary>The WHO Member States, optionally of one region, sorted by name in the chosen language.</summary>
    public static async Task<Results<Ok<List<CountryDto>>, ValidationProblem>> GetCountries(
        PathwayDb db, string? lang, string? region, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        var query = db.Countries.AsNoTracking();
        if (!string.IsNullOrEmpty(region))
        {
            var code = region.ToUpperInvariant();
            if (!await db.Regions.AnyAsync(r => r.Code == code, cancellationToken))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["region"] = [$"Unknown WHO region '{region}'. Allowed: AFR, AMR, SEAR, EUR, EMR, WPR."],
                });
            }
            query = query.Where(country => country.RegionCode == code);
        }
        var countries = await query.ToListAsync(cancellationToken);
        var comparer = StringComparer.Create(Cultures.Create(language), ignoreCase: true);
        return TypedResults.Ok(countries
            .Select(country => new CountryDto(country.Iso3, country.Iso2, country.Name.In(language), country.RegionCode))
            .OrderBy(country => country.Name, comparer)
            .ToList());
    }
}

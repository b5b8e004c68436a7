using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports.Dashboards;

public sealed record DashboardFiltersDto(string? Region, string? Behaviour, string? Mechanism, int? Year);

/// <summary>What the map colours: a behaviour's score band or a mechanism's agreed level.</summary>
public sealed record DashboardMeasureDto(string Kind, string? Code, string? Name);

/// <summary>A Member State on the map: level 1–4 for the measure, or null (see <c>hasPublishedData</c>).</summary>
public sealed record DashboardCountryDto(
    string Iso3, string Name, string Region, bool HasPublishedData, int? Level, string? LevelName, int? Year, Guid? AssessmentId, bool IsDemonstration);

public sealed record DashboardBehaviourDto(string Code, string Name, IReadOnlyDictionary<string, int> Levels, int NoLevel, int NoPublishedData);

public sealed record DashboardRegionDto(string Code, string Name, IReadOnlyList<DashboardBehaviourDto> Behaviours);

public sealed record DashboardYearDto(int Year, int Countries, int DemonstrationCountries);

/// <summary>The global dashboard's figures: the same as the page, from published results only.</summary>
public sealed record GlobalDashboardDto(
    DashboardFiltersDto Filters,
    DashboardMeasureDto Measure,
    bool ContainsDemonstrationData,
    IReadOnlyList<DashboardCountryDto> Countries,
    IReadOnlyList<DashboardRegionDto> Distribution,
    IReadOnlyList<DashboardYearDto> Years);

/// <summary>The dashboards' figures as JSON, open to everyone like the pages.</summary>
public static class GlobalDashboardApi
{
    public static IEndpointRouteBuilder MapGlobalDashboardApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/dashboards").WithTags("Dashboards").AllowAnonymous();
        api.MapGet("/global", GetGlobal).WithName("GetGlobalDashboard").ProducesValidationProblem();
        return routes;
    }

    /// <summary>
    /// Every Member State (of the region, when given) with the level of the chosen behaviour's band or mechanism,
    /// the distribution of behaviour bands per region, and the countries with a published round per year.
    /// Countries are in alphabetical order of the language's names, never ranked.
    /// </summary>
    public static async Task<Results<Ok<GlobalDashboardDto>, ValidationProblem>> GetGlobal(
        GlobalDashboard dashboard, string? region, string? behaviour, string? mechanism, string? year, string? lang,
        CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await dashboard.ReadAsync(new GlobalDashboardFilter(region, behaviour, mechanism, year), cancellationToken))
                .TryGet(out var view, out var failure))
        {
            return TypedResults.ValidationProblem(failure.Errors ?? new Dictionary<string, string[]>(), failure.Detail, title: failure.Title);
        }
        var selection = view.Selection;
        var comparer = StringComparer.Create(Cultures.Create(language), ignoreCase: true);
        var bands = Enum.GetValues<Scoring.LevelBand>().ToDictionary(band => (int)band, band => band.ToString());
        var countries = view.Countries
            .Select(country => new DashboardCountryDto(
                country.Country.Iso3, country.Country.Name.In(language), country.Country.RegionCode, country.HasPublishedData,
                country.Level, country.Level is { } level ? bands.GetValueOrDefault(level) : null,
                country.Round?.Year, country.Round?.AssessmentId, country.IsDemonstration))
            .OrderBy(country => country.Name, comparer)
            .ToList();
        var measure = selection.Mechanism is { } chosen
            ? new DashboardMeasureDto("mechanism", chosen.Code, chosen.Name.In(language))
            : new DashboardMeasureDto("behaviour", selection.MapBehaviour?.Code, selection.MapBehaviour?.Name.In(language));
        var distribution = view.Distribution.Select(r => new DashboardRegionDto(r.Region.Code, r.Region.Name.In(language),
            [.. r.Behaviours.Select(b => new DashboardBehaviourDto(b.Behaviour.Code, b.Behaviour.Name.In(language),
                bands.ToDictionary(band => band.Value, band => b.AtLevel(band.Key)), b.NoLevel, b.NoData))])).ToList();
        return TypedResults.Ok(new GlobalDashboardDto(
            new DashboardFiltersDto(selection.Region, selection.Behaviour?.Code, selection.Mechanism?.Code, selection.Year),
            measure,
            view.ShowsDemonstration,
            countries,
            distribution,
            [.. view.Years.Select(y => new DashboardYearDto(y.Year, y.Countries, y.DemonstrationCountries))]));
    }
}

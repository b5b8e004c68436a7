using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Accounts;

namespace Pathway.Web.Connector.Profiles;

/// <summary>Country profiles over the API: anyone reads; the country's team and content editors record figures (each edit a new version).</summary>
internal static class ProfilesApi
{
    public sealed record FigureRecorded(Guid FigureId);

    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/api/countries/{iso3}/profile", Get).WithTags("Country profiles").AllowAnonymous().WithName("GetCountryProfile")
            .WithDescription("The country's profile: each figure (indicator, facility type, value and unit or text, year, source and link, who " +
                "recorded it and when) with its earlier versions under history, and the country's published case studies. 404 for an unknown code.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var writes = routes.MapGroup("/api/countries/{iso3}/profile/figures").WithTags("Country profiles").RequireAuthorization(Policies.ApiUser);
        writes.MapPost("/", Record).WithName("RecordCountryFigure")
            .WithDescription("Records a figure {indicator, facilityType?, value?, unit?, text?, year, source, sourceLink?}: shares in % (0–100), " +
                "PrivateFacilities a whole count with its facilityType, KeyLaw a text without value. A share or count the country already has " +
                "gets a new version (the old one stays in its history); each key law is its own figure. The country's focal points and " +
                "contributors and content editors only (403).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/{figureId:guid}", Revise).WithName("ReviseCountryFigure")
            .WithDescription("A new version of the figure (same fields; its indicator stays) with revision = the revision you saw; 409 with the " +
                "current version under \"current\" when someone recorded one meanwhile.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<CountryProfileView>, ProblemHttpResult>> Get(
        string iso3, CountryProfiles profiles, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        await profiles.ReadAsync(iso3, cancellationToken) is { } profile
            ? TypedResults.Ok(profile)
            : Failure.NotFound(l["Profile.NotFoundTitle"], l["Profile.NotFound"]).ToProblem();

    public static async Task<Results<Ok<FigureRecorded>, ProblemHttpResult>> Record(
        string iso3, ProfileFigureInput input, CountryProfiles profiles, CancellationToken cancellationToken) =>
        (await profiles.RecordAsync(iso3, input, cancellationToken)).ToResult(id => TypedResults.Ok(new FigureRecorded(id)));

    public static async Task<Results<Ok<FigureRecorded>, ProblemHttpResult>> Revise(
        string iso3, Guid figureId, ProfileFigureInput input, CountryProfiles profiles, CancellationToken cancellationToken) =>
        (await profiles.ReviseAsync(iso3, figureId, input, cancellationToken)).ToResult(id => TypedResults.Ok(new FigureRecorded(id)));
}

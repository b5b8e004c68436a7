using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Organisations;

/// <summary>
/// An organisation: name, acronym, countryIso3 (empty for an international one), sector
/// Public|PrivateForProfit|PrivateNotForProfit|FaithBased|Informal|International, type (a stakeholder group), website (http or https).
/// </summary>
public sealed record OrganisationBody(string? Name, string? Acronym, string? CountryIso3, string? Sector, string? Type, string? Website);

public sealed record OrganisationSummaryDto(int Id, string Name, string? Acronym, string? CountryIso3, string Sector, string Type, bool IsDemonstration);

public sealed record OrganisationListDto(IReadOnlyList<OrganisationSummaryDto> Items, int Total, int Page, int Pages);

public sealed record OrganisationPartnershipDto(Guid Id, LocalizedText Title, string CountryIso3, string Role, string Stage);

/// <summary>An organisation and the partnerships it takes part in that the caller may see.</summary>
public sealed record OrganisationDto(
    int Id, string Name, string? Acronym, string? CountryIso3, string Sector, string Type, string? Website, bool IsDemonstration,
    IReadOnlyList<OrganisationPartnershipDto> Partnerships);

/// <summary>The organisations directory's API: open reads; content editors and administrators write (country teams may add their country's).</summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var read = routes.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization(ConnectorSetup.OptionalBearer);
        read.MapGet("/", ListAsync).WithName("GetOrganisations")
            .WithDescription("The directory, by name, 50 a page. Filters: country (ISO3), sector, type, q (words of the name or acronym), page.");
        read.MapGet("/{id:int}", GetAsync).WithName("GetOrganisation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("One organisation and the partnerships it takes part in that the caller may see.");
        var write = routes.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization(Policies.ApiUser)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPost("/", CreateAsync).WithName("CreateOrganisation")
            .WithDescription("Adds an organisation: content editors and administrators any; a country's focal point or contributors one of their own country. 201; 400; 403.");
        write.MapPut("/{id:int}", UpdateAsync).WithName("UpdateOrganisation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Changes an organisation: content editors and administrators.");
        return routes;
    }

    public static async Task<Ok<OrganisationListDto>> ListAsync(
        string? country, string? sector, string? type, string? q, int? page, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var list = await directory.ListAsync(new OrganisationFilter(country, PartnershipsApi.ParseOrNull<OrganisationSector>(sector),
            PartnershipsApi.ParseOrNull<StakeholderGroup>(type), q, page ?? 1), cancellationToken);
        return TypedResults.Ok(new OrganisationListDto(
            [.. list.Items.Select(item => new OrganisationSummaryDto(item.Id, item.Name, item.Acronym, item.CountryIso3, item.Sector.ToString(), item.Type.ToString(), item.IsDemonstration))],
            list.Total, list.Page, list.Pages));
    }

    public static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> GetAsync(
        int id, OrganisationDirectory directory, PartnershipRegister register, CancellationToken cancellationToken)
    {
        if (!(await directory.OpenAsync(id, cancellationToken)).TryGet(out var view, out var missing))
        {
            return missing.ToProblem();
        }
        var partnerships = await register.ForOrganisationAsync(id, cancellationToken);
        return TypedResults.Ok(new OrganisationDto(view.Id, view.Name, view.Acronym, view.CountryIso3, view.Sector.ToString(), view.Type.ToString(),
            view.Website, view.IsDemonstration,
            [.. partnerships.Select(partnership => new OrganisationPartnershipDto(partnership.Id, partnership.Title, partnership.CountryIso3,
                partnership.Role.ToString(), partnership.Stage.ToString()))]));
    }

    public static async Task<Results<Created<OrganisationDto>, ProblemHttpResult>> CreateAsync(
        OrganisationBody body, OrganisationDirectory directory, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!(await directory.CreateAsync(Input(body), cancellationToken)).TryGet(out var id, out var refused))
        {
            return PartnershipsApi.CamelCase(refused).ToProblem();
        }
        var created = await GetAsync(id, directory, register, cancellationToken);
        return created.Result is Ok<OrganisationDto> ok
            ? TypedResults.Created($"/api/organisations/{id}", ok.Value)
            : (ProblemHttpResult)created.Result;
    }

    public static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> UpdateAsync(
        int id, OrganisationBody body, OrganisationDirectory directory, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!(await directory.UpdateAsync(id, Input(body), cancellationToken)).TryGet(out _, out var refused))
        {
            return PartnershipsApi.CamelCase(refused).ToProblem();
        }
        return await GetAsync(id, directory, register, cancellationToken);
    }

    internal static OrganisationInput Input(OrganisationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new()
        {
            Name = body.Name,
            Acronym = body.Acronym,
            CountryIso3 = body.CountryIso3,
            Sector = PartnershipsApi.ParseOrUndefined<OrganisationSector>(body.Sector),
            Type = PartnershipsApi.ParseOrUndefined<StakeholderGroup>(body.Type),
            Website = body.Website,
        };
    }
}

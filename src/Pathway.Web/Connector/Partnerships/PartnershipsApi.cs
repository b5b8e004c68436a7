using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>
/// A partnership to register or change. title: {"en": ..., "fr": ..., "ar": ...} (English required); type
/// Contract|PublicPrivatePartnership|DialoguePlatform|MemorandumOfUnderstanding|AccreditationScheme|VoucherScheme|SocialFranchise|Other;
/// setting Stable|Fragile|Emergency; dates yyyy-MM-dd (end not before start); value ≥ 0 with an ISO 4217 currency;
/// mechanisms: framework codes (DS.1); instruments: PolicyAndStrategy, Regulation, ...; version: the one read (updates only).
/// </summary>
public sealed record PartnershipBody(
    string? CountryIso3, LocalizedText? Title, string? Description, string? Type, string? HealthArea, string? Setting,
    DateOnly? StartDate, DateOnly? EndDate, decimal? Value, string? Currency, bool? IsPublic,
    IReadOnlyList<string>? Mechanisms, IReadOnlyList<string>? Instruments, int? Version);

/// <summary>A move to another stage (to: a stage name), with an optional note and the version read.</summary>
public sealed record StageMoveBody(string? To, string? Note, int? Version);

/// <summary>A due-diligence check: checkedOn (yyyy-MM-dd, not in the future), checkedBy, scope, finding, outcome Proceed|ProceedWithConditions|DoNotProceed.</summary>
public sealed record DueDiligenceBody(DateOnly? CheckedOn, string? CheckedBy, string? Scope, string? Finding, string? Outcome);

/// <summary>A risk: likelihood and impact 1 (very low) to 5 (very high), optional mitigation, owner and reviewOn.</summary>
public sealed record RiskBody(string? Description, int? Likelihood, int? Impact, string? Mitigation, string? Owner, DateOnly? ReviewOn);

/// <summary>A party: an organisation of the directory (organisationId) or a new one (organisation), and its role PublicParty|PrivateParty|Funder|Facilitator.</summary>
public sealed record PartyBody(int? OrganisationId, string? Role, OrganisationBody? Organisation);

public sealed record PartyDto(Guid Id, int OrganisationId, string Name, string? Acronym, string Sector, string Type, string Role);

public sealed record StageChangeDto(string From, string To, DateTimeOffset At, string? By, string? Note);

public sealed record DueDiligenceDto(Guid Id, DateOnly CheckedOn, string CheckedBy, string Scope, string Finding, string Outcome);

/// <summary>A risk of the log; overdue when it is open and its review date has passed.</summary>
public sealed record RiskDto(
    Guid Id, string Description, int Likelihood, int Impact, string? Mitigation, string? Owner, DateOnly? ReviewOn, string Status,
    bool Overdue, DateTimeOffset? ClosedAt);

/// <summary>A partnership with its parties, history, due diligence and risk log; canEdit and nextStages say what the caller may do.</summary>
public sealed record PartnershipDto(
    Guid Id, string CountryIso3, string CountryName, LocalizedText Title, string? Description, string Type, string? HealthArea, string Setting,
    DateOnly? StartDate, DateOnly? EndDate, decimal? Value, string? Currency, string Stage, bool IsPublic, bool IsDemonstration, int Version,
    IReadOnlyList<string> Mechanisms, IReadOnlyList<string> Instruments, IReadOnlyList<PartyDto> Parties, IReadOnlyList<StageChangeDto> History,
    IReadOnlyList<DueDiligenceDto> DueDiligence, IReadOnlyList<RiskDto> Risks, bool CanEdit, IReadOnlyList<string> NextStages)
{
    public static PartnershipDto From(PartnershipView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.CountryIso3, view.CountryName.Current, view.Title, view.Description, view.Type.ToString(), view.HealthArea,
            view.Setting.ToString(), view.StartDate, view.EndDate, view.Value, view.Currency, view.Stage.ToString(), view.IsPublic, view.IsDemonstration,
            view.Version, view.Mechanisms, view.Instruments,
            [.. view.Parties.Select(party => new PartyDto(party.Id, party.OrganisationId, party.Name, party.Acronym, party.Sector.ToString(), party.Type.ToString(), party.Role.ToString()))],
            [.. view.History.Select(change => new StageChangeDto(change.From.ToString(), change.To.ToString(), change.At, change.ByName, change.Note))],
            [.. view.Checks.Select(check => new DueDiligenceDto(check.Id, check.CheckedOn, check.CheckedBy, check.Scope, check.Finding, check.Outcome.ToString()))],
            [.. view.Risks.Select(risk => new RiskDto(risk.Id, risk.Description, risk.Likelihood, risk.Impact, risk.Mitigation, risk.Owner, risk.ReviewOn,
                risk.Status.ToString(), risk.IsOverdue, risk.ClosedAt))],
            view.CanEdit, view.CanEdit ? [.. view.NextStages.Select(stage => stage.ToString())] : []);
    }
}

/// <summary>One line of the register.</summary>
public sealed record PartnershipSummaryDto(
    Guid Id, string CountryIso3, string CountryName, LocalizedText Title, string Type, string Stage, string Setting,
    DateOnly? StartDate, DateOnly? EndDate, bool IsPublic, bool IsDemonstration, int OpenRisks, int OverdueRisks);

public sealed record PartnershipListDto(IReadOnlyList<PartnershipSummaryDto> Items, int Total, int Page, int Pages);

/// <summary>The partnership register's API: reading is open (public partnerships to all, the others to their country's people, region and editors), writing needs a bearer token.</summary>
public static class PartnershipsApi
{
    public static IEndpointRouteBuilder MapPartnershipsApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var read = routes.MapGroup("/api/partnerships").WithTags("Partnerships").RequireAuthorization(ConnectorSetup.OptionalBearer);
        read.MapGet("/", ListAsync).WithName("GetPartnerships")
            .WithDescription("The partnerships the caller may see (public ones to everyone; with a bearer token also the non-public ones of the caller's "
                + "country or region, or all for content editors), newest first, 25 a page. Filters: country (ISO3), region, type, stage, setting, mechanism (code), page.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetPartnership").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("One partnership with its parties, stage history, due-diligence checks and risk log. 404 when it does not exist or the caller may not see it.");

        var write = routes.MapGroup("/api/partnerships").WithTags("Partnerships").RequireAuthorization(Policies.ApiUser)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPost("/", CreateAsync).WithName("CreatePartnership")
            .WithDescription("Registers a partnership (stage InternalPreparation) for a country: its focal point or contributors (countryIso3 may be left out), content editors, administrators. 201; 400 with field errors; 403.");
        write.MapPut("/{id:guid}", UpdateAsync).WithName("UpdatePartnership").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Replaces the partnership's details (not its stage, parties, checks or risks). version must be the one read: 409 with the current one otherwise.");
        write.MapPost("/{id:guid}/stage", MoveAsync).WithName("MovePartnershipStage").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Moves the partnership along its lifecycle. 400 naming the missing step when the move is not allowed: the partnership agreement and every "
                + "stage after it need a recorded due-diligence check whose outcome lets the partnership proceed.");
        write.MapPost("/{id:guid}/due-diligence", AddCheckAsync).WithName("AddDueDiligenceCheck").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Records a due-diligence check.");
        write.MapPost("/{id:guid}/risks", AddRiskAsync).WithName("AddPartnershipRisk").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Adds a risk to the log (open).");
        write.MapPost("/{id:guid}/risks/{riskId:guid}/close", CloseRiskAsync).WithName("ClosePartnershipRisk").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Closes an open risk; 409 when it is already closed.");
        write.MapPost("/{id:guid}/parties", AddPartyAsync).WithName("AddPartnershipParty").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Adds a party: an organisation of the directory, or a new one (a country team's is of the partnership's country).");
        write.MapDelete("/{id:guid}/parties/{partyId:guid}", RemovePartyAsync).WithName("RemovePartnershipParty").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Removes a party.");
        return routes;
    }

    public static async Task<Ok<PartnershipListDto>> ListAsync(
        string? country, string? region, string? type, string? stage, string? setting, string? mechanism, int? page,
        PartnershipRegister register, CancellationToken cancellationToken)
    {
        var list = await register.ListAsync(new PartnershipFilter(country, region, ParseOrNull<ArrangementType>(type), ParseOrNull<PartnershipStage>(stage),
            ParseOrNull<PartnershipSetting>(setting), mechanism, page ?? 1), cancellationToken);
        return TypedResults.Ok(new PartnershipListDto(
            [.. list.Items.Select(item => new PartnershipSummaryDto(item.Id, item.CountryIso3, item.CountryName.Current, item.Title, item.Type.ToString(),
                item.Stage.ToString(), item.Setting.ToString(), item.StartDate, item.EndDate, item.IsPublic, item.IsDemonstration, item.OpenRisks, item.OverdueRisks))],
            list.Total, list.Page, list.Pages));
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> GetAsync(Guid id, PartnershipRegister register, CancellationToken cancellationToken) =>
        (await register.OpenAsync(id, cancellationToken)).ToResult(view => TypedResults.Ok(PartnershipDto.From(view)));

    public static async Task<Results<Created<PartnershipDto>, ProblemHttpResult>> CreateAsync(
        PartnershipBody body, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var created = await register.CreateAsync(Input(body), cancellationToken);
        if (!created.TryGet(out var id, out var refused))
        {
            return CamelCase(refused).ToProblem();
        }
        var view = (await register.OpenAsync(id, cancellationToken)).Value!;
        return TypedResults.Created($"/api/partnerships/{id}", PartnershipDto.From(view));
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, PartnershipBody body, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var updated = await register.UpdateAsync(id, Input(body), cancellationToken);
        return await Answer(updated.Failure, id, register, cancellationToken);
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> MoveAsync(
        Guid id, StageMoveBody body, PartnershipLog log, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var to = ParseOrUndefined<PartnershipStage>(body.To);
        return await Answer((await log.MoveAsync(id, to, body.Note, body.Version, cancellationToken)).Failure, id, register, cancellationToken);
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> AddCheckAsync(
        Guid id, DueDiligenceBody body, PartnershipLog log, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var input = new DueDiligenceInput
        {
            CheckedOn = body.CheckedOn, CheckedBy = body.CheckedBy, Scope = body.Scope, Finding = body.Finding,
            Outcome = ParseOrUndefined<DueDiligenceOutcome>(body.Outcome),
        };
        return await Answer((await log.AddCheckAsync(id, input, cancellationToken)).Failure, id, register, cancellationToken);
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> AddRiskAsync(
        Guid id, RiskBody body, PartnershipLog log, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var input = new RiskInput
        {
            Description = body.Description, Likelihood = body.Likelihood ?? 0, Impact = body.Impact ?? 0,
            Mitigation = body.Mitigation, Owner = body.Owner, ReviewOn = body.ReviewOn,
        };
        return await Answer((await log.AddRiskAsync(id, input, cancellationToken)).Failure, id, register, cancellationToken);
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> CloseRiskAsync(
        Guid id, Guid riskId, PartnershipLog log, PartnershipRegister register, CancellationToken cancellationToken) =>
        await Answer((await log.CloseRiskAsync(id, riskId, cancellationToken)).Failure, id, register, cancellationToken);

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> AddPartyAsync(
        Guid id, PartyBody body, PartnershipLog log, PartnershipRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var input = new PartyInput
        {
            OrganisationId = body.OrganisationId,
            Role = ParseOrUndefined<PartyRole>(body.Role),
            NewOrganisation = body.Organisation is { } organisation ? OrganisationsApi.Input(organisation) : null,
        };
        return await Answer((await log.AddPartyAsync(id, input, cancellationToken)).Failure, id, register, cancellationToken);
    }

    public static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> RemovePartyAsync(
        Guid id, Guid partyId, PartnershipLog log, PartnershipRegister register, CancellationToken cancellationToken) =>
        await Answer((await log.RemovePartyAsync(id, partyId, cancellationToken)).Failure, id, register, cancellationToken);

    private static async Task<Results<Ok<PartnershipDto>, ProblemHttpResult>> Answer(
        Failure? failure, Guid id, PartnershipRegister register, CancellationToken cancellationToken)
    {
        if (failure is not null)
        {
            return CamelCase(failure).ToProblem();
        }
        return (await register.OpenAsync(id, cancellationToken)).ToResult(view => TypedResults.Ok(PartnershipDto.From(view)));
    }

    private static PartnershipInput Input(PartnershipBody body) => new()
    {
        CountryIso3 = body.CountryIso3,
        TitleEn = body.Title?.Values.GetValueOrDefault("en"),
        TitleFr = body.Title?.Values.GetValueOrDefault("fr"),
        TitleAr = body.Title?.Values.GetValueOrDefault("ar"),
        Description = body.Description,
        Type = ParseOrUndefined<ArrangementType>(body.Type),
        HealthArea = body.HealthArea,
        Setting = ParseOrUndefined<PartnershipSetting>(body.Setting),
        StartDate = body.StartDate,
        EndDate = body.EndDate,
        Value = body.Value,
        Currency = body.Currency,
        IsPublic = body.IsPublic ?? false,
        Mechanisms = [.. body.Mechanisms ?? []],
        Instruments = [.. body.Instruments ?? []],
        Version = body.Version ?? -1,
    };

    /// <summary>The named value; an undefined value (reported beside the other field errors) when empty or naming nothing.</summary>
    internal static T ParseOrUndefined<T>(string? text)
        where T : struct, Enum =>
        ParseOrNull<T>(text) ?? (T)Enum.ToObject(typeof(T), -1);

    internal static T? ParseOrNull<T>(string? text)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-'
            && Enum.TryParse<T>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
    }

    /// <summary>Field errors keyed as the JSON body names its properties.</summary>
    internal static Failure CamelCase(Failure failure) => failure.Errors is { Count: > 0 } errors
        ? failure with { Errors = errors.ToDictionary(pair => JsonNamingPolicy.CamelCase.ConvertName(pair.Key), pair => pair.Value) }
        : failure;
}


using Pathway.Web.Connector.Organisations;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>What the register is filtered by; every filter is optional.</summary>
public sealed record PartnershipFilter(
    string? Country = null, string? Region = null, ArrangementType? Type = null, PartnershipStage? Stage = null,
    PartnershipSetting? Setting = null, string? Mechanism = null, int Page = 1);

/// <summary>One line of the register.</summary>
public sealed record PartnershipSummary(
    Guid Id, string CountryIso3, LocalizedText CountryName, LocalizedText Title, ArrangementType Type, PartnershipStage Stage,
    PartnershipSetting Setting, DateOnly? StartDate, DateOnly? EndDate, bool IsPublic, bool IsDemonstration, int OpenRisks, int OverdueRisks);

/// <summary>A page of the register.</summary>
public sealed record PartnershipList(IReadOnlyList<PartnershipSummary> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An organisation taking part.</summary>
public sealed record PartyView(Guid Id, int OrganisationId, string Name, string? Acronym, string? CountryIso3, OrganisationSector Sector, StakeholderGroup Type, PartyRole Role);

/// <summary>A move in the partnership's history.</summary>
public sealed record StageChangeView(PartnershipStage From, PartnershipStage To, DateTimeOffset At, string? ByName, string? Note);

public sealed record CheckView(Guid Id, DateOnly CheckedOn, string CheckedBy, string Scope, string Finding, DueDiligenceOutcome Outcome);

public sealed record RiskView(
    Guid Id, string Description, int Likelihood, int Impact, string? Mitigation, string? Owner, DateOnly? ReviewOn, RiskStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? ClosedByName, bool IsOverdue);

/// <summary>A partnership as the caller sees it, with what they may do.</summary>
public sealed record PartnershipView(
    Guid Id, string CountryIso3, LocalizedText CountryName, string RegionCode, LocalizedText Title, string? Description, ArrangementType Type,
    string? HealthArea, PartnershipSetting Setting, DateOnly? StartDate, DateOnly? EndDate, decimal? Value, string? Currency,
    PartnershipStage Stage, bool IsPublic, bool IsDemonstration, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Mechanisms, IReadOnlyList<string> Instruments, IReadOnlyList<PartyView> Parties,
    IReadOnlyList<StageChangeView> History, IReadOnlyList<CheckView> Checks, IReadOnlyList<RiskView> Risks, bool CanEdit)
{
    /// <summary>The stages the partnership may move to now (the due-diligence rule is checked when the move is made).</summary>
    public IReadOnlyList<PartnershipStage> NextStages => PartnershipLifecycle.Next(Stage);

    public bool HasClearingCheck => Checks.Any(check => check.Outcome != DueDiligenceOutcome.DoNotProceed);
}

/// <summary>A partnership an organisation takes part in, as its directory page lists it.</summary>
public sealed record OrganisationPartnership(Guid Id, LocalizedText Title, string CountryIso3, PartyRole Role, PartnershipStage Stage, bool IsPublic);

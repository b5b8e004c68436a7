using Pathway.Web.Data;
using Pathway.Web.Connector.Organisations;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>The part an organisation plays in a partnership.</summary>
public enum PartyRole
{
    PublicParty,
    PrivateParty,
    Funder,
    Facilitator,
}

/// <summary>What a due-diligence check concluded.</summary>
public enum DueDiligenceOutcome
{
    Proceed,
    ProceedWithConditions,
    DoNotProceed,
}

/// <summary>Whether a risk is still being watched.</summary>
public enum RiskStatus
{
    Open,
    Closed,
}

/// <summary>An organisation from the directory taking part in a partnership.</summary>
public sealed class PartnershipParty : IPublicContent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; init; }
    public int OrganisationId { get; init; }
    public Organisation? Organisation { get; init; }
    public PartyRole Role { get; set; }
}

/// <summary>One tag of a partnership (a mechanism it serves, an instrument it uses), indexed by facet and value.</summary>
public sealed class PartnershipTag : IPublicContent
{
    public Guid OwnerId { get; init; }
    public TagFacet Facet { get; init; }
    public required string Value { get; init; }
}

/// <summary>One move in a partnership's life: who made it, when, and why.</summary>
public sealed class PartnershipStageChange : IPublicContent
{
    public const int NoteLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; init; }
    public PartnershipStage From { get; init; }
    public PartnershipStage To { get; init; }
    public DateTimeOffset At { get; init; }
    public string? ById { get; init; }
    public string? ByName { get; init; }
    public string? Note { get; init; }
}

/// <summary>A recorded due-diligence check on the partners: when, by whom, what it covered and what it found.</summary>
public sealed class DueDiligenceCheck : IPublicContent
{
    public const int ByLength = 200;
    public const int ScopeLength = 1000;
    public const int FindingLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; init; }
    public DateOnly CheckedOn { get; init; }
    public required string CheckedBy { get; init; }
    public required string Scope { get; init; }
    public required string Finding { get; init; }
    public DueDiligenceOutcome Outcome { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string? RecordedById { get; init; }
}

/// <summary>One line of a partnership's risk log: likelihood and impact from 1 (very low) to 5 (very high).</summary>
public sealed class PartnershipRisk : IPublicContent
{
    public const int DescriptionLength = 1000;
    public const int MitigationLength = 2000;
    public const int OwnerLength = 200;
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; init; }
    public required string Description { get; init; }
    public int Likelihood { get; init; }
    public int Impact { get; init; }
    public string? Mitigation { get; init; }
    public string? Owner { get; init; }
    public DateOnly? ReviewOn { get; init; }
    public RiskStatus Status { get; private set; } = RiskStatus.Open;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByName { get; private set; }

    /// <summary>An open risk whose review date has passed.</summary>
    public bool IsOverdue(DateOnly today) => Status == RiskStatus.Open && ReviewOn is { } review && review < today;

    internal void Close(string? byName, DateTimeOffset now)
    {
        Status = RiskStatus.Closed;
        ClosedAt = now;
        ClosedByName = byName;
    }
}

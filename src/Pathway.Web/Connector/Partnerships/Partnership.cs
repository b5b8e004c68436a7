using Pathway.Web.Data;
using Pathway.Web.Countries;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>The kind of public–private arrangement a partnership is.</summary>
public enum ArrangementType
{
    Contract,
    PublicPrivatePartnership,
    DialoguePlatform,
    MemorandumOfUnderstanding,
    AccreditationScheme,
    VoucherScheme,
    SocialFranchise,
    Other,
}

/// <summary>The setting the partnership works in.</summary>
public enum PartnershipSetting
{
    Stable,
    Fragile,
    Emergency,
}

/// <summary>Where a partnership stands in its life; the allowed moves are in <see cref="PartnershipLifecycle"/>.</summary>
public enum PartnershipStage
{
    InternalPreparation,
    GettingToKnowEachOther,
    DueDiligence,
    JointRiskAssessment,
    PartnershipAgreement,
    ImplementationAndReview,
    Adaptation,
    Closure,
}

/// <summary>
/// A public–private arrangement in a country's partnership register. Country-scoped like a round; the country
/// decides whether it is public (<see cref="IsPublic"/>), and the shared-country query filter does the rest.
/// Its stage only changes through <see cref="PartnershipLifecycle"/>; <see cref="Version"/> refuses stale edits.
/// </summary>
public sealed class Partnership : ICountryShared, IPublicContent
{
    public const int TitleLength = 300;
    public const int HealthAreaLength = 200;

    /// <summary>Large enough for any real arrangement, small enough for numeric(18,2) on PostgreSQL.</summary>
    public const decimal MaxValue = 999_999_999_999_999m;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public bool IsPublic { get; set; }

    /// <summary>The title per language (English required).</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Markdown, shown only through <see cref="RichText"/>.</summary>
    public string? Description { get; set; }

    public ArrangementType Type { get; set; }
    public string? HealthArea { get; set; }
    public PartnershipSetting Setting { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? Value { get; set; }

    /// <summary>ISO 4217 code of <see cref="Value"/>, checked against <see cref="Currencies"/>.</summary>
    public string? Currency { get; set; }

    public PartnershipStage Stage { get; private set; } = PartnershipStage.InternalPreparation;

    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedById { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Made by the demonstration data; removed with it and labelled as such.</summary>
    public bool IsDemonstration { get; init; }

    /// <summary>Concurrency token: two people editing the partnership at once cannot both win.</summary>
    public int Version { get; private set; }

    public List<PartnershipParty> Parties { get; } = [];
    public List<PartnershipTag> Tags { get; } = [];
    public List<PartnershipStageChange> StageChanges { get; } = [];
    public List<DueDiligenceCheck> Checks { get; } = [];
    public List<PartnershipRisk> Risks { get; } = [];

    /// <summary>Marks a change: the token moves on, so an edit made from an older copy is refused.</summary>
    internal void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Moves the partnership; the caller has checked the move with <see cref="PartnershipLifecycle"/>.</summary>
    internal void MoveTo(PartnershipStage next, PartnershipStageChange record, DateTimeOffset now)
    {
        StageChanges.Add(record);
        Stage = next;
        Touch(now);
    }

    /// <summary>Sets the stage without the lifecycle: demonstration data describing a partnership already under way.</summary>
    internal void StartAt(PartnershipStage stage) => Stage = stage;

    /// <summary>Whether a due-diligence check that lets the partnership proceed is on record.</summary>
    public bool HasClearingCheck => Checks.Any(check => check.Outcome != DueDiligenceOutcome.DoNotProceed);
}

using Pathway.Web.Assessments;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>One mechanism's agreed answer with what the report may show of it (null: not shown in this version).</summary>
public sealed record ReportAnswer(
    MechanismAnswer Answer,
    string? Rationale,
    RatingConfidence? Confidence,
    string? Dissent,
    IReadOnlyList<string> EvidenceTitles);

/// <summary>A behaviour's score as the report shows it.</summary>
public sealed record ReportScore(string Code, decimal? Mean, ScoreStatus? Status, LevelBand? Band, Coverage Coverage);

/// <summary>A participant of the round (internal version only).</summary>
public sealed record ReportParticipant(string Name, string? Organisation, StakeholderGroup Group, ParticipantRole Role, bool DeclaredConflict);

/// <summary>A mechanism's side medians (internal version only).</summary>
public sealed record ReportDivergence(string MechanismCode, decimal? PublicMedian, decimal? PrivateMedian, int? LevelRange, bool Divergent);

/// <summary>What the internal version adds from decision support, once the plan is open.</summary>
public sealed record ReportPlanning(IReadOnlyList<TargetRow> Targets, PriorityList Priorities, PlanView Plan);

/// <summary>The validator as a public release records it: a reviewer of <see cref="Region"/>, or a global reviewer (null).</summary>
public sealed record ReportValidatorRole(LocalizedText? Region);

/// <summary>
/// Everything a report can show of a round, language-neutral (names come from the framework tree in the
/// language being written). The public version is filled only from a published release, so whatever
/// it leaves null the report cannot show.
/// </summary>
public sealed record ReportData(
    Guid AssessmentId,
    bool IsPublic,
    bool IsDemonstration,
    string CountryIso3,
    LocalizedText CountryName,
    string Title,
    AssessmentScope Scope,
    string? ScopeDetail,
    AssessmentPurpose Purpose,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    FrameworkTree Framework,
    AssessmentStatus Status,
    int Revision,
    string? ValidatedBy,
    DateTimeOffset? ValidatedAt,
    DateTimeOffset? PublishedAt,
    bool AgreedInMeeting,
    string RuleVersion)
{
    /// <summary>The behaviour profile; null when not shown.</summary>
    public IReadOnlyList<ReportScore>? Profile { get; init; }

    /// <summary>Agreed answers by mechanism code; null when levels are not shown.</summary>
    public IReadOnlyDictionary<string, ReportAnswer>? Answers { get; init; }

    public IReadOnlyList<ReportParticipant>? Participants { get; init; }

    /// <summary>Side medians per mechanism; null when not shown (public version, or the spread not open yet).</summary>
    public IReadOnlyList<ReportDivergence>? Divergence { get; init; }

    public ReportPlanning? Planning { get; init; }

    /// <summary>False for a public release signed before planned dates were recorded in it: the cover says "not recorded".</summary>
    public bool PlannedDatesRecorded { get; init; } = true;

    /// <summary>Who validated, by role (public version, where <see cref="ValidatedBy"/>, a person's name, stays null).</summary>
    public ReportValidatorRole? ValidatorRole { get; init; }
}

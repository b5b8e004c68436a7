namespace Pathway.Web.Connector.Partnerships;

/// <summary>One allowed move between stages, and whether it needs a due-diligence check on record.</summary>
public sealed record LifecycleStep(PartnershipStage From, PartnershipStage To, bool RequiresDueDiligence);

/// <summary>
/// The partnership lifecycle as data, after the risk-management steps of private sector engagement: assess the
/// prospect (internal preparation, getting to know each other, due diligence), prepare (joint risk assessment,
/// agreement), then implement and review, adapt, and close. Each assessing step can go one back; a prospect can
/// be closed before any agreement. Every move into the agreement or beyond needs a due-diligence check that let
/// the partnership proceed: the rule no page or API call can skip.
/// </summary>
public static class PartnershipLifecycle
{
    public static IReadOnlyList<LifecycleStep> Steps { get; } =
    [
        new(PartnershipStage.InternalPreparation, PartnershipStage.GettingToKnowEachOther, false),
        new(PartnershipStage.GettingToKnowEachOther, PartnershipStage.InternalPreparation, false),
        new(PartnershipStage.GettingToKnowEachOther, PartnershipStage.DueDiligence, false),
        new(PartnershipStage.DueDiligence, PartnershipStage.GettingToKnowEachOther, false),
        new(PartnershipStage.DueDiligence, PartnershipStage.JointRiskAssessment, false),
        new(PartnershipStage.JointRiskAssessment, PartnershipStage.DueDiligence, false),
        new(PartnershipStage.JointRiskAssessment, PartnershipStage.PartnershipAgreement, true),
        new(PartnershipStage.PartnershipAgreement, PartnershipStage.ImplementationAndReview, true),
        new(PartnershipStage.ImplementationAndReview, PartnershipStage.Adaptation, true),
        new(PartnershipStage.Adaptation, PartnershipStage.ImplementationAndReview, true),
        new(PartnershipStage.ImplementationAndReview, PartnershipStage.Closure, true),
        new(PartnershipStage.Adaptation, PartnershipStage.Closure, true),
        new(PartnershipStage.PartnershipAgreement, PartnershipStage.Closure, true),
        // A prospect dropped before any agreement is closed without one.
        new(PartnershipStage.InternalPreparation, PartnershipStage.Closure, false),
        new(PartnershipStage.GettingToKnowEachOther, PartnershipStage.Closure, false),
        new(PartnershipStage.DueDiligence, PartnershipStage.Closure, false),
        new(PartnershipStage.JointRiskAssessment, PartnershipStage.Closure, false),
    ];

    public static LifecycleStep? Find(PartnershipStage from, PartnershipStage to) =>
        Steps.FirstOrDefault(step => step.From == from && step.To == to);

    /// <summary>The stages reachable from <paramref name="from"/>, forward moves first.</summary>
    public static IReadOnlyList<PartnershipStage> Next(PartnershipStage from) =>
        [.. Steps.Where(step => step.From == from).Select(step => step.To).OrderBy(to => to < from ? 1 : 0).ThenBy(to => to)];

    /// <summary>The stages of the main path, in order, for the progress line on the page.</summary>
    public static IReadOnlyList<PartnershipStage> Path { get; } = Enum.GetValues<PartnershipStage>();
}

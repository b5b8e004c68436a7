namespace Pathway.Web.Assessments;

/// <summary>Who may make a move: the country's team running the round, the reviewer, or the focal point alone.</summary>
public enum WorkflowActor
{
    /// <summary>The country focal point or a facilitator of the round.</summary>
    Team,

    /// <summary>A reviewer whose scope covers the country.</summary>
    Reviewer,

    /// <summary>The country focal point only: publication sign-off and corrections.</summary>
    FocalPoint,
}

/// <summary>One allowed move and what it asks for.</summary>
public sealed record WorkflowMove(AssessmentStatus From, AssessmentStatus To, WorkflowActor Actor, bool RequiresComment);

/// <summary>
/// The round's state machine, as data: Draft → Rating open → Consensus → Submitted → Returned or
/// Validated → Published, with two ways back (reopen rating; correct a published round, which opens
/// the next revision). Pure, so it is unit-tested and shown to users as it is.
/// </summary>
public static class RoundWorkflow
{
    public static IReadOnlyList<WorkflowMove> Moves { get; } =
    [
        new(AssessmentStatus.Draft, AssessmentStatus.RatingOpen, WorkflowActor.Team, RequiresComment: false),
        new(AssessmentStatus.RatingOpen, AssessmentStatus.Consensus, WorkflowActor.Team, RequiresComment: false),
        new(AssessmentStatus.Consensus, AssessmentStatus.RatingOpen, WorkflowActor.Team, RequiresComment: false),
        new(AssessmentStatus.Consensus, AssessmentStatus.Submitted, WorkflowActor.Team, RequiresComment: false),
        new(AssessmentStatus.Returned, AssessmentStatus.Submitted, WorkflowActor.Team, RequiresComment: false),
        new(AssessmentStatus.Submitted, AssessmentStatus.Returned, WorkflowActor.Reviewer, RequiresComment: true),
        new(AssessmentStatus.Submitted, AssessmentStatus.Validated, WorkflowActor.Reviewer, RequiresComment: false),
        new(AssessmentStatus.Validated, AssessmentStatus.Published, WorkflowActor.FocalPoint, RequiresComment: false),
        new(AssessmentStatus.Published, AssessmentStatus.Consensus, WorkflowActor.FocalPoint, RequiresComment: true),
    ];

    public static WorkflowMove? Find(AssessmentStatus from, AssessmentStatus to) =>
        Moves.FirstOrDefault(move => move.From == from && move.To == to);

    public static IEnumerable<WorkflowMove> From(AssessmentStatus from) => Moves.Where(move => move.From == from);

    /// <summary>Where ratings can be given: only while rating is open.</summary>
    public static bool AcceptsRatings(AssessmentStatus status) => status == AssessmentStatus.RatingOpen;

    /// <summary>Where the agreed level can be recorded: in consensus, or after a reviewer returned the round.</summary>
    public static bool AcceptsConsensus(AssessmentStatus status) => status is AssessmentStatus.Consensus or AssessmentStatus.Returned;

    /// <summary>Evidence can be gathered from the moment rating opens until the round is submitted.</summary>
    public static bool AcceptsEvidence(AssessmentStatus status) =>
        status is AssessmentStatus.RatingOpen or AssessmentStatus.Consensus or AssessmentStatus.Returned;

    /// <summary>People can be added while the round is being prepared, rated or discussed.</summary>
    public static bool AcceptsParticipants(AssessmentStatus status) =>
        status is AssessmentStatus.Draft or AssessmentStatus.RatingOpen or AssessmentStatus.Consensus;

    /// <summary>From the consensus step on, the spread of individual ratings is shown beyond the facilitators.</summary>
    public static bool SpreadIsOpen(AssessmentStatus status) => status >= AssessmentStatus.Consensus;
}

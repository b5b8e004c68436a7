namespace Pathway.Web.Planning;

public sealed record ProgressNoteView(Guid Id, DateOnly On, ActionStatus Status, string Text, string? AuthorName, DateTimeOffset At);

/// <summary>One plan item as pages, the API and exports read it.</summary>
public sealed record ActionItemView(
    Guid Id,
    string MechanismCode,
    string? RecommendationCode,
    string What,
    ActionType? Type,
    string? ResponsibleOrganisation,
    string? ResponsiblePerson,
    DateOnly? Start,
    DateOnly? Due,
    string? Resources,
    decimal? Budget,
    string? Currency,
    int? FromLevel,
    int? ToLevel,
    ActionStatus Status,
    DateOnly? CompletedOn,
    bool IsOverdue,
    bool CarriedOver,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<ProgressNoteView> Notes);

/// <summary>
/// A round's plan as read: null <see cref="PlanId"/> while the team has not started it. Items are in
/// framework order of their mechanism, then by creation.
/// </summary>
public sealed record PlanView(
    Guid? PlanId,
    PlanStatus Status,
    PlanHorizon Horizon,
    PriorityWeights Weights,
    string? EndorsedByName,
    DateTimeOffset? EndorsedAt,
    string? EndorsementNote,
    int ChangesSinceEndorsement,
    Guid? CarriedFromAssessmentId,
    int Version,
    IReadOnlyList<ActionItemView> Items);

/// <summary>
/// The round's action plan: items, progress, endorsement, carry-over. OWNED BY THE PLAN SLICE — skeleton until implemented.
/// </summary>
public sealed class ActionPlanBook
{
    /// <summary>The plan as it stands (an empty draft view when not started).</summary>
    public Task<PlanView> ReadAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// The round's plan row, created (with the open items of the country's previous round of the same
    /// scope carried over) when it does not exist yet. Tracked; the caller saves.
    /// </summary>
    public Task<ActionPlan> EnsureAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}

namespace Pathway.Web.Planning;

/// <summary>
/// A mechanism's target as it stands: the saved one, or the default for the plan's horizon
/// (<see cref="IsDefault"/>). Impact and feasibility are the team's 1–5 scores (3 until set).
/// </summary>
public sealed record TargetRow(
    PlanningMechanism Mechanism,
    int? CurrentLevel,
    int? TargetLevel,
    int HorizonMonths,
    int Impact,
    int Feasibility,
    string? Note,
    bool IsDefault)
{
    public int Gap => TargetLevel is { } target && CurrentLevel is { } current ? Math.Max(0, target - current) : 0;
}

/// <summary>
/// Targets, impact and feasibility per mechanism. OWNED BY THE CONTEXT/TARGETS SLICE — skeleton until implemented.
/// </summary>
public sealed class TargetBook
{
    /// <summary>Every mechanism of the round in framework order, with its effective target.</summary>
    public Task<IReadOnlyList<TargetRow>> ListAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}

using Microsoft.Extensions.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// Accepting a plan horizon's default targets. Apart from <see cref="TargetBook"/> because it starts the
/// plan, and the plan book reads targets: one class needing both ways would be a dependency cycle.
/// </summary>
public sealed class TargetDefaults(TargetBook targets, PlanCarryOver plans, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// Sets the plan's horizon and gives every mechanism that horizon's default target and horizon,
    /// keeping the impact, feasibility and notes the team has set.
    /// </summary>
    public async Task<Outcome<TargetSheet>> AcceptAsync(PlanningRound round, PlanHorizon horizon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        if (!Enum.IsDefined(horizon))
        {
            return Failure.Invalid(l["Targets.Error.Title"], nameof(TargetDefaultsInput.Horizon), l["Targets.Error.Horizon", string.Join(", ", Enum.GetNames<PlanHorizon>())]);
        }
        var plan = await plans.EnsureAsync(round, cancellationToken);
        plan.Horizon = horizon;
        var rows = await targets.TrackedRowsAsync(round, cancellationToken);
        foreach (var mechanism in round.Mechanisms)
        {
            var row = targets.RowFor(round, mechanism, rows, horizon);
            row.TargetLevel = TargetRules.DefaultTarget(mechanism.Answer.Level, horizon);
            row.HorizonMonths = TargetRules.DefaultHorizonMonths(horizon);
        }
        return await targets.SaveChangesAsync(round, cancellationToken);
    }
}

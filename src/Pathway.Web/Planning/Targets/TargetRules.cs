namespace Pathway.Web.Planning;

/// <summary>What kind of target a mechanism can have, from its agreed answer.</summary>
public enum TargetKind
{
    /// <summary>A level was agreed: the target is a level at or above it.</summary>
    Level,

    /// <summary>"Insufficient information": build the evidence first, then set a level.</summary>
    BuildEvidence,

    /// <summary>Not applicable in this country: no target.</summary>
    None,
}

/// <summary>The default targets and the rules a target must keep. Pure.</summary>
public static class TargetRules
{
    public const int MinLevel = 1;
    public const int MaxLevel = 4;
    public const int Established = 3;
    public const int MaxHorizonMonths = 120;

    public static int DefaultHorizonMonths(PlanHorizon horizon) => horizon == PlanHorizon.FiveYear ? 60 : 12;

    /// <summary>
    /// One-year plan: the next level (Advanced stays Advanced). Five-year plan: Established, or
    /// Advanced where Established or better is already reached. Null where no level was agreed.
    /// </summary>
    public static int? DefaultTarget(int? currentLevel, PlanHorizon horizon) => currentLevel switch
    {
        null => null,
        _ when horizon == PlanHorizon.OneYear => Math.Min(currentLevel.Value + 1, MaxLevel),
        >= Established => MaxLevel,
        _ => Established,
    };

    /// <summary>Why a target is not allowed, or null when it is.</summary>
    public static TargetProblem? Check(int? currentLevel, int? target, int horizonMonths)
    {
        if (target is { } level && (level < MinLevel || level > MaxLevel))
        {
            return TargetProblem.OutOfRange;
        }
        if (target < currentLevel)
        {
            return TargetProblem.BelowCurrent;
        }
        if (horizonMonths is < 1 or > MaxHorizonMonths)
        {
            return TargetProblem.Horizon;
        }
        return null;
    }
}

public enum TargetProblem
{
    OutOfRange,
    BelowCurrent,
    Horizon,
}

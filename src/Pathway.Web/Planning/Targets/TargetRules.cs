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

    /// <summary>The team's impact and feasibility scores run from 1 to 5.</summary>
    public const int MinScore = 1;

    public const int MaxScore = 5;

    /// <summary>The levels a target may take: the agreed level up to Advanced.</summary>
    public static IEnumerable<int> AllowedTargets(int currentLevel) =>
        Enumerable.Range(Math.Max(currentLevel, MinLevel), Math.Max(0, MaxLevel - Math.Max(currentLevel, MinLevel) + 1));

    public static bool IsValidHorizon(int months) => months is >= 1 and <= MaxHorizonMonths;

    public static bool IsValidScore(int score) => score is >= MinScore and <= MaxScore;

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
        if (!IsValidHorizon(horizonMonths))
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

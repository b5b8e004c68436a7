namespace Pathway.Web.Planning;

/// <summary>What still stops the plan's endorsement for one open item.</summary>
public sealed record EndorsementBlocker(Guid ItemId, string MechanismCode, string What, bool NeedsOrganisation, bool NeedsDue);

/// <summary>
/// The open items of an earlier plan split by whether they can continue in a round's framework:
/// <see cref="Carried"/> in the earlier plan's order, <see cref="NotCarried"/> those whose mechanism is
/// no longer in the framework.
/// </summary>
public sealed record CarryOverSelection(IReadOnlyList<ActionItem> Carried, IReadOnlyList<ActionItem> NotCarried);

/// <summary>Why a from → to level pair is refused (invariant 6 and the agreed level).</summary>
public enum LevelProblem
{
    FromOutOfRange,
    ToOutOfRange,
    NotAbove,
    BelowAgreed,
}

/// <summary>The rules of a plan that need no database: open, overdue, levels, endorsement, carry-over. Pure.</summary>
public static class PlanRules
{
    /// <summary>Done and dropped items are closed; every other status still asks something of someone.</summary>
    public static bool IsOpen(ActionStatus status) => status is not (ActionStatus.Done or ActionStatus.Dropped);

    /// <summary>Past its due date (strictly before today) and still open.</summary>
    public static bool IsOverdue(DateOnly? due, ActionStatus status, DateOnly today) => due < today && IsOpen(status);

    /// <summary>Today's date in UTC: the round's people may sit in several time zones, so one calendar day is shared.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Levels run 1–4; when both are given the item moves up (from &lt; to); the level aimed for is never
    /// below the mechanism's agreed level. Null when the pair is allowed.
    /// </summary>
    public static LevelProblem? CheckLevels(int? from, int? to, int? agreed)
    {
        if (from is < TargetRules.MinLevel or > TargetRules.MaxLevel)
        {
            return LevelProblem.FromOutOfRange;
        }
        if (to is < TargetRules.MinLevel or > TargetRules.MaxLevel)
        {
            return LevelProblem.ToOutOfRange;
        }
        if (from is not null && to is not null && from >= to)
        {
            return LevelProblem.NotAbove;
        }
        return to < agreed ? LevelProblem.BelowAgreed : null;
    }

    /// <summary>The level an item added from a recommendation aims for: the target when it is above the agreed level, else the next level, else none.</summary>
    public static int? AimedLevel(int? agreed, int? target) => agreed switch
    {
        null => target,
        _ when target > agreed => target,
        < TargetRules.MaxLevel => agreed + 1,
        _ => null,
    };

    /// <summary>The level a step from <paramref name="from"/> reaches: the next one, none above the highest.</summary>
    public static int? NextLevel(int from) => from < TargetRules.MaxLevel ? from + 1 : null;

    /// <summary>Every open item that lacks a responsible organisation or a due date, in the order given.</summary>
    public static IReadOnlyList<EndorsementBlocker> EndorsementBlockers(IEnumerable<ActionItemView> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items
            .Where(item => IsOpen(item.Status))
            .Select(item => new EndorsementBlocker(
                item.Id, item.MechanismCode, item.What, string.IsNullOrWhiteSpace(item.ResponsibleOrganisation), item.Due is null))
            .Where(blocker => blocker.NeedsOrganisation || blocker.NeedsDue)];
    }

    /// <summary>
    /// Which items of an earlier plan continue: the open ones whose mechanism is in <paramref name="mechanismCodes"/>.
    /// Closed items stay where they were done or dropped.
    /// </summary>
    public static CarryOverSelection SelectCarryOver(IEnumerable<ActionItem> earlier, IReadOnlySet<string> mechanismCodes)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(mechanismCodes);
        var open = earlier.Where(item => IsOpen(item.Status)).ToList();
        return new CarryOverSelection(
            [.. open.Where(item => mechanismCodes.Contains(item.MechanismCode))],
            [.. open.Where(item => !mechanismCodes.Contains(item.MechanismCode))]);
    }
}

namespace Pathway.Web.Planning;

/// <summary>The kinds of action the catalogue and plans speak of.</summary>
public enum ActionType
{
    PolicyOrStrategy,
    LegislationOrRegulation,
    InstitutionalArrangement,
    DialoguePlatform,
    DataAndInformation,
    FinancingOrPurchasing,
    CapacityBuilding,
    AccountabilityAndTransparency,
}

/// <summary>Typical effort an action takes.</summary>
public enum Effort
{
    Low,
    Medium,
    High,
}

/// <summary>
/// A setting that changes how an action should be done. A round's <see cref="RoundContext"/> says
/// which apply; catalogue actions carry a note (and a fit) for the ones that matter to them.
/// </summary>
public enum PlanningContext
{
    Fragile,
    LargePrivateShare,
    Workforce,
    SupplyChain,
    Emergency,
    Federal,
    LowIncome,
}

/// <summary>How an action suits a context: ranked first, done differently, or set aside.</summary>
public enum ContextFit
{
    Prefer,
    Adapt,
    Avoid,
}

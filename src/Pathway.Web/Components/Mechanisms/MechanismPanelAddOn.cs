namespace Pathway.Web.Components.Mechanisms;

/// <summary>Where a mechanism panel is shown.</summary>
public enum MechanismPanelPlace
{
    /// <summary>The mechanism's page in the framework.</summary>
    FrameworkPage,

    /// <summary>Beside a catalogue recommendation on a round's recommendations page.</summary>
    Recommendation,

    /// <summary>On a plan item's page.</summary>
    PlanItem,
}

/// <summary>
/// What a panel knows about the place it is shown: the mechanism (stable code), and where known the round's
/// country, the levels the action moves between, the round and the plan item.
/// </summary>
public sealed record MechanismPanelContext(
    string MechanismCode,
    MechanismPanelPlace Place,
    string? CountryIso3 = null,
    int? FromLevel = null,
    int? ToLevel = null,
    Guid? AssessmentId = null,
    Guid? ActionItemId = null,
    bool ActionDone = false);

/// <summary>
/// A panel a later feature shows beside a mechanism (the Country Connector's "resources for this action",
/// "who can we learn from"), registered as a service so the framework and planning pages render it without
/// naming that feature. The component takes one parameter, <c>Context</c> (<see cref="MechanismPanelContext"/>).
/// </summary>
public sealed record MechanismPanelAddOn(Type Component, int Order);

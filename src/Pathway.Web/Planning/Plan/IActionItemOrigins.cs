namespace Pathway.Web.Planning;

/// <summary>Where an action item came from when it was added from outside the country team: a label and a link back.</summary>
public sealed record ActionItemOrigin(string Label, string Link);

/// <summary>
/// Tells the plan pages where items came from when another feature added them (an event's key messages, for one).
/// Declared here, implemented by the feature that adds items, so Planning names no feature that uses it. One call
/// answers for every item asked about (one query, never one per row); items with no outside origin are left out.
/// </summary>
public interface IActionItemOrigins
{
    Task<IReadOnlyDictionary<Guid, ActionItemOrigin>> ForAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);
}

using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>A conclusion of an event, under a theme ("Trust", "Regulation"), that countries and the hub can act on.</summary>
public sealed class KeyMessage : IPublicContent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }

    /// <summary>Per language; English is required.</summary>
    public required LocalizedText Theme { get; set; }

    /// <summary>Per language; English is required.</summary>
    public required LocalizedText Text { get; set; }

    /// <summary>The mechanism it speaks to, if one: the default for an action made from it.</summary>
    public string? MechanismCode { get; set; }

    public int Order { get; set; }

    public List<KeyMessageFollowUp> FollowUps { get; init; } = [];
}

public enum FollowUpKind
{
    /// <summary>An action item in a country's plan.</summary>
    Action,

    /// <summary>A resource of the knowledge hub.</summary>
    Resource,
}

/// <summary>What came of a key message: an action in a country's plan, or a resource. The event page lists them.</summary>
public sealed class KeyMessageFollowUp : IPublicContent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid KeyMessageId { get; init; }
    public FollowUpKind Kind { get; init; }

    /// <summary>For an action: the plan's item and its country (the public page names only the country).</summary>
    public Guid? ActionItemId { get; init; }
    public string? CountryIso3 { get; init; }

    /// <summary>For a resource: the knowledge hub's resource.</summary>
    public Guid? ResourceId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedById { get; init; }
    public string? CreatedByName { get; init; }
}

namespace Pathway.Web.Planning;

/// <summary>
/// An action item as the API body and the page's form send it. Enumerations travel as their names, so
/// an unknown value is a field error saying what is allowed. On creation, <see cref="RecommendationCode"/>
/// with <see cref="MechanismCode"/> adds the catalogue action in one step (the other fields are then
/// not read: the team edits the item afterwards).
/// </summary>
public sealed class ActionItemInput
{
    /// <summary>The mechanism the action serves: a code of the round's framework version (e.g. DS.1).</summary>
    public string? MechanismCode { get; set; }

    /// <summary>Only when creating: the catalogue action to copy in (e.g. DS.1-1a).</summary>
    public string? RecommendationCode { get; set; }

    /// <summary>What will be done: required, at most 2,000 characters.</summary>
    public string? What { get; set; }

    /// <summary>One of the action types (PolicyOrStrategy, LegislationOrRegulation, ...); optional.</summary>
    public string? Type { get; set; }

    public string? ResponsibleOrganisation { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? Start { get; set; }

    /// <summary>Not before <see cref="Start"/>.</summary>
    public DateOnly? Due { get; set; }

    public string? Resources { get; set; }

    /// <summary>0 or more, at most two decimals; needs <see cref="Currency"/>.</summary>
    public decimal? Budget { get; set; }

    /// <summary>ISO 4217 code such as USD, EUR, KES.</summary>
    public string? Currency { get; set; }

    /// <summary>1–4; below <see cref="ToLevel"/> when both are given.</summary>
    public int? FromLevel { get; set; }

    /// <summary>1–4; never below the mechanism's agreed level.</summary>
    public int? ToLevel { get; set; }

    /// <summary>When changing an item: the version the caller saw. A stale version is a conflict.</summary>
    public int Version { get; set; }
}

/// <summary>A dated progress note: what happened and the status it leaves the item in.</summary>
public sealed class ProgressNoteInput
{
    /// <summary>The day the note speaks of: not after today, not before the item's latest note.</summary>
    public DateOnly? On { get; set; }

    /// <summary>NotStarted, OnTrack, Delayed, Done or Dropped.</summary>
    public string? Status { get; set; }

    public string? Text { get; set; }
}

/// <summary>The focal point's endorsement of the plan, with an optional note (where and how it was endorsed).</summary>
public sealed class EndorsementInput
{
    public string? Note { get; set; }
}

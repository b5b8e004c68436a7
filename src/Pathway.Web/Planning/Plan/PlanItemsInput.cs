using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;

namespace Pathway.Web.Planning;

/// <summary>
/// Many items changed at once, as the plan page's form and <c>PATCH /plan/items</c> send them: for each
/// item its responsible organisation and person, start and due dates (as sent: empty clears) and, when
/// given, a new status. Each carries the version its sender saw.
/// </summary>
public sealed class PlanItemsInput
{
    /// <summary>A page of the plan holds 50 items; a little room for API callers, not an unbounded body.</summary>
    public const int MaxItems = 200;

    public List<PlanItemChange>? Items { get; set; }

    /// <summary>
    /// Every change checked at once; the checked changes, or null with the errors keyed
    /// <c>Items[i].Field</c> (the change's index and field) in the reader's language.
    /// </summary>
    public IReadOnlyList<CheckedChange>? Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var items = Items ?? [];
        if (items.Count == 0)
        {
            errors[nameof(Items)] = [l["Plan.Error.BulkEmpty"]];
        }
        else if (items.Count > MaxItems)
        {
            errors[nameof(Items)] = [l["Plan.Error.BulkTooMany", PlanText.Count(MaxItems), PlanText.Count(items.Count)]];
        }
        var checkedChanges = new List<CheckedChange>(items.Count);
        var seen = new HashSet<Guid>();
        for (var index = 0; index < items.Count && index < MaxItems; index++)
        {
            var change = items[index] ?? new PlanItemChange();
            var prefix = Key(index, "");
            if (change.Id == Guid.Empty)
            {
                errors[prefix + nameof(PlanItemChange.Id)] = [l["Plan.Error.BulkItemId"]];
            }
            else if (!seen.Add(change.Id))
            {
                errors[prefix + nameof(PlanItemChange.Id)] = [l["Plan.Error.BulkDuplicate"]];
            }
            var own = new Dictionary<string, string[]>();
            var organisation = PlanText.Trimmed(change.ResponsibleOrganisation);
            PlanText.CheckLength(own, nameof(PlanItemChange.ResponsibleOrganisation), organisation, ActionItem.NameLength, l);
            var person = PlanText.Trimmed(change.ResponsiblePerson);
            PlanText.CheckLength(own, nameof(PlanItemChange.ResponsiblePerson), person, ActionItem.NameLength, l);
            PlanText.CheckDates(own, change.Start, change.Due, nameof(PlanItemChange.Due), l);
            ActionStatus? status = null;
            if (PlanText.Trimmed(change.Status) is { } statusName)
            {
                status = ConsensusInput.ParseName<ActionStatus>(statusName);
                if (status is null)
                {
                    own[nameof(PlanItemChange.Status)] = [l["Plan.Error.Status", PlanText.Names<ActionStatus>()]];
                }
            }
            if (change.Version < 0)
            {
                own[nameof(PlanItemChange.Version)] = [l["Plan.Error.Version"]];
            }
            foreach (var (field, messages) in own)
            {
                errors[prefix + field] = messages;
            }
            checkedChanges.Add(new CheckedChange(index, change.Id, change.Version, organisation, person, change.Start, change.Due, status));
        }
        return errors.Count == 0 ? checkedChanges : null;
    }

    /// <summary>The error key of a change's field, as the page's form names its inputs.</summary>
    public static string Key(int index, string field) => $"{nameof(Items)}[{index.ToString(CultureInfo.InvariantCulture)}].{field}";
}

/// <summary>One item's change in a <see cref="PlanItemsInput"/>.</summary>
public sealed class PlanItemChange
{
    public Guid Id { get; set; }

    /// <summary>The item's version the sender saw; a stale one is a conflict for this item only.</summary>
    public int Version { get; set; }

    public string? ResponsibleOrganisation { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? Start { get; set; }

    /// <summary>Not before <see cref="Start"/>.</summary>
    public DateOnly? Due { get; set; }

    /// <summary>NotStarted, OnTrack, Delayed, Done or Dropped; empty leaves the status as it is. A change is recorded as a progress note.</summary>
    public string? Status { get; set; }
}

/// <summary>A change once checked; <see cref="Index"/> is its place in the list sent.</summary>
public sealed record CheckedChange(
    int Index, Guid Id, int Version, string? Organisation, string? Person, DateOnly? Start, DateOnly? Due, ActionStatus? Status)
{
    /// <summary>Whether applying it would change the item at all (unchanged rows of a form are left alone).</summary>
    public bool Changes(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ResponsibleOrganisation != Organisation || item.ResponsiblePerson != Person || item.Start != Start || item.Due != Due
            || (Status is { } status && status != item.Status);
    }
}

/// <summary>What a bulk save did: the items saved, and those that another change reached first (with what is stored now).</summary>
public sealed record PlanItemsSaved(IReadOnlyList<ActionItemView> Saved, IReadOnlyList<ItemConflict> Conflicts, int Unchanged);

/// <summary>An item not saved because it changed (or was removed) meanwhile; <see cref="Current"/> is null when removed.</summary>
public sealed record ItemConflict(int Index, Guid ItemId, string Detail, ActionItemView? Current);

using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;

namespace Pathway.Web.Planning;

/// <summary>A dated progress note: what happened and the status it leaves the item in.</summary>
public sealed class ProgressNoteInput
{
    /// <summary>The day the note speaks of: not after today, not before the item's latest note.</summary>
    public DateOnly? On { get; set; }

    /// <summary>NotStarted, OnTrack, Delayed, Done or Dropped.</summary>
    public string? Status { get; set; }

    public string? Text { get; set; }

    /// <summary>Every field at once; the checked note, or null with the errors keyed by this class's property names.</summary>
    public NoteFields? Check(DateOnly today, DateOnly? latest, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        if (On is not { } on)
        {
            errors[nameof(On)] = [l["Plan.Error.NoteDate"]];
        }
        else if (on > today)
        {
            errors[nameof(On)] = [l["Plan.Error.NoteFuture", PlanText.Date(today)]];
        }
        else if (on < latest)
        {
            errors[nameof(On)] = [l["Plan.Error.NoteBeforeLatest", PlanText.Date(latest.Value)]];
        }
        var status = ConsensusInput.ParseName<ActionStatus>(Status);
        if (status is null)
        {
            errors[nameof(Status)] = [l["Plan.Error.Status", PlanText.Names<ActionStatus>()]];
        }
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[nameof(Text)] = [l["Plan.Error.NoteText"]];
        }
        else
        {
            PlanText.CheckLength(errors, nameof(Text), text, ProgressNote.TextLength, l);
        }
        return errors.Count == 0 ? new NoteFields(On!.Value, status!.Value, text!) : null;
    }
}

/// <summary>A progress note once checked.</summary>
public sealed record NoteFields(DateOnly On, ActionStatus Status, string Text);

/// <summary>The focal point's endorsement of the plan, with an optional note (where and how it was endorsed).</summary>
public sealed class EndorsementInput
{
    public string? Note { get; set; }
}

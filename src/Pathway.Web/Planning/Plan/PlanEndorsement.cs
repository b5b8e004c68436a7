using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>
/// The focal point's endorsement of a round's plan, and what still stops it, in words. Items stay
/// editable after it; the audit trail counts the changes since.
/// </summary>
public sealed class PlanEndorsement(PathwayDb db, CurrentUser user, TimeProvider clock, ActionPlanBook book, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// The focal point's endorsement: who and when, with an optional note. Refused, naming the items, until
    /// the plan has an item and every open item has a responsible organisation and a due date. Endorsing
    /// again after changes records the new endorsement; items stay editable either way.
    /// </summary>
    public async Task<Outcome<PlanView>> EndorseAsync(PlanningRound round, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.IsEndorser)
        {
            return Failure.Forbidden(l["Planning.Error.Title"], l["Plan.Error.NotEndorser"]);
        }
        if (!round.Can.IsOpen)
        {
            return Failure.Invalid(l["Planning.Error.Title"], l["Planning.Error.NotOpen"]);
        }
        var text = note?.Trim();
        if (text?.Length > ActionPlan.NoteLength)
        {
            return Failure.Invalid(l["Planning.Error.Title"], l["Plan.Error.Detail"],
                new Dictionary<string, string[]> { [nameof(EndorsementInput.Note)] = [l["Plan.Error.Length", ActionPlan.NoteLength, text.Length]] });
        }
        var view = await book.ReadAsync(round, cancellationToken);
        if (view.Items.Count == 0)
        {
            return Failure.Invalid(l["Plan.Error.EndorseTitle"], l["Plan.Error.EndorseEmpty"],
                new Dictionary<string, string[]> { ["Items"] = [l["Plan.Error.EndorseEmpty"]] });
        }
        var blockers = PlanRules.EndorsementBlockers(view.Items);
        if (blockers.Count > 0)
        {
            return Failure.Invalid(l["Plan.Error.EndorseTitle"], l["Plan.Error.EndorseBlocked", PlanText.Count(blockers.Count)],
                new Dictionary<string, string[]> { ["Items"] = [.. blockers.Select(Describe)] });
        }
        var plan = await db.ActionPlans.SingleAsync(p => p.AssessmentId == round.Round.Id, cancellationToken);
        plan.Status = PlanStatus.Endorsed;
        plan.EndorsedById = user.Id;
        plan.EndorsedByName = user.Name;
        plan.EndorsedAt = clock.GetUtcNow();
        plan.EndorsementNote = string.IsNullOrEmpty(text) ? null : text;
        plan.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(l["Plan.Error.ConflictTitle"], l["Plan.Error.PlanChanged"], null);
        }
        return await book.ReadAsync(round, cancellationToken);
    }

    /// <summary>One blocker in words: the item and what it still needs.</summary>
    public string Describe(EndorsementBlocker blocker)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        var key = (blocker.NeedsOrganisation, blocker.NeedsDue) switch
        {
            (true, true) => "Plan.Blocker.Both",
            (true, false) => "Plan.Blocker.Organisation",
            _ => "Plan.Blocker.Due",
        };
        return l[key, $"\u2068{blocker.MechanismCode}\u2069", PlanViews.Shorten(blocker.What)];
    }
}

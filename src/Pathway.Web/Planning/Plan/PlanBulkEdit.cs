using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>
/// Responsible organisation and person, dates and status of many items saved from one form (or one API
/// call). Everything is checked before anything is written; then each item is saved on its own with its own
/// version, so a conflict on one names it and the others are saved; an item's fields and its status note go
/// in one save, never half.
/// </summary>
public sealed class PlanBulkEdit(PathwayDb db, TimeProvider clock, ActionPlanBook book, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<PlanItemsSaved>> SaveAsync(PlanningRound round, PlanItemsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var changes = input.Check(l, out var errors);
        if (changes is null)
        {
            return Invalid(errors);
        }
        var roundId = round.Round.Id;
        var ids = changes.Select(change => change.Id).ToList();
        var known = (await db.ActionItems.AsNoTracking()
            .Where(item => item.AssessmentId == roundId && ids.Contains(item.Id))
            .Select(item => item.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        foreach (var change in changes.Where(change => !known.Contains(change.Id)))
        {
            errors[PlanItemsInput.Key(change.Index, nameof(PlanItemChange.Id))] = [l["Plan.Error.ItemNotFound"]];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var today = PlanRules.Today(clock);
        var saved = new List<ActionItemView>();
        var conflicts = new List<ItemConflict>();
        var unchanged = 0;
        foreach (var change in changes)
        {
            db.ChangeTracker.Clear();
            var item = await book.TrackedItemAsync(round, change.Id, cancellationToken);
            if (item is null)
            {
                conflicts.Add(new ItemConflict(change.Index, change.Id, l["Plan.Error.RemovedMeanwhile"], null));
                continue;
            }
            if (!change.Changes(item))
            {
                unchanged++;
                continue;
            }
            if (item.Version != change.Version)
            {
                conflicts.Add(await ConflictAsync(round, change, cancellationToken));
                continue;
            }
            item.ResponsibleOrganisation = change.Organisation;
            item.ResponsiblePerson = change.Person;
            item.Start = change.Start;
            item.Due = change.Due;
            if (change.Status is { } status && status != item.Status)
            {
                // The status changes through a progress note, as on the item's page, so its history stays whole.
                var latest = await book.LatestNoteAsync(item.Id, cancellationToken);
                book.RecordNote(item, new NoteFields(latest > today ? latest.Value : today, status, l["Plan.BulkStatusNote"]));
            }
            else
            {
                item.Version++;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                conflicts.Add(await ConflictAsync(round, change, cancellationToken));
                continue;
            }
            if ((await book.ReadItemAsync(round, item.Id, cancellationToken)).Value is { } view)
            {
                saved.Add(view);
            }
        }
        db.ChangeTracker.Clear();
        return new PlanItemsSaved(saved, conflicts, unchanged);
    }

    private async Task<ItemConflict> ConflictAsync(PlanningRound round, CheckedChange change, CancellationToken cancellationToken)
    {
        var current = (await book.ReadItemAsync(round, change.Id, cancellationToken)).Value;
        return current is null
            ? new ItemConflict(change.Index, change.Id, l["Plan.Error.RemovedMeanwhile"], null)
            : new ItemConflict(change.Index, change.Id, l["Plan.Error.BulkConflict", PlanText.Count(current.Version)], current);
    }

    private Failure Invalid(Dictionary<string, string[]> errors) =>
        Failure.Invalid(l["Planning.Error.Title"], l["Plan.Error.Detail"], errors);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>
/// The round's action plan: reading it, and adding, changing and removing its items and their progress
/// notes. Shared by the plan pages and the API. Every write checks the caller's <see cref="PlanPermissions"/>,
/// validates all its input before touching anything (the inputs check themselves), and goes through
/// SaveChanges so the audit trail records it (also after endorsement). Carry-over is
/// <see cref="PlanCarryOver"/>'s, endorsement <see cref="PlanEndorsement"/>'s.
/// </summary>
public sealed class ActionPlanBook(
    PathwayDb db, CurrentUser user, TimeProvider clock, Recommender recommender, TargetBook targets, PlanCarryOver carryOver,
    ActionItemText texts, IStringLocalizer<SharedResource> l)
{
    /// <summary>The plan as it stands (an empty draft view when not started), in the reader's language.</summary>
    public Task<PlanView> ReadAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        ReadAsync(round, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);

    /// <summary>The plan as it stands, with catalogue texts in <paramref name="language"/> (en, fr, ar) as an export asks.</summary>
    public async Task<PlanView> ReadAsync(PlanningRound round, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.AssessmentId == roundId, cancellationToken);
        if (plan is null)
        {
            return new PlanView(null, PlanStatus.Draft, PlanHorizon.OneYear, PriorityWeights.Default, null, null, null, 0, null, 0, []);
        }
        var items = await db.ActionItems.AsNoTracking()
            .Where(item => item.AssessmentId == roundId && item.ActionPlanId == plan.Id)
            .ToListAsync(cancellationToken);
        var notes = (await db.ProgressNotes.AsNoTracking().Where(note => note.AssessmentId == roundId).ToListAsync(cancellationToken))
            .ToLookup(note => note.ActionItemId);
        var today = PlanRules.Today(clock);
        var order = round.Mechanisms.ToDictionary(m => m.Code, m => m.Order, StringComparer.Ordinal);
        var views = new List<ActionItemView>(items.Count);
        foreach (var item in items
            .OrderBy(item => order.GetValueOrDefault(item.MechanismCode, int.MaxValue))
            .ThenBy(item => item.CreatedAt)
            .ThenBy(item => item.Id))
        {
            views.Add(PlanViews.ToView(item, await texts.WhatAsync(item, language, cancellationToken), notes[item.Id], today));
        }
        var changes = plan.EndorsedAt is { } endorsedAt ? await ChangesSinceAsync(roundId, endorsedAt, cancellationToken) : 0;
        return new PlanView(
            plan.Id, plan.Status, plan.Horizon, new PriorityWeights(plan.GapWeight, plan.ImpactWeight, plan.FeasibilityWeight),
            plan.EndorsedByName, plan.EndorsedAt, plan.EndorsementNote, changes, plan.CarriedFromAssessmentId, plan.Version, views);
    }

    /// <summary>One item of the round's plan; not found when it belongs to another round or was removed.</summary>
    public Task<Outcome<ActionItemView>> ReadItemAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken = default) =>
        ReadItemAsync(round, itemId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);

    /// <summary>One item with its catalogue text in <paramref name="language"/>.</summary>
    public async Task<Outcome<ActionItemView>> ReadItemAsync(PlanningRound round, Guid itemId, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var item = await db.ActionItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == itemId && i.AssessmentId == roundId, cancellationToken);
        if (item is null)
        {
            return ItemNotFound();
        }
        var notes = await db.ProgressNotes.AsNoTracking()
            .Where(note => note.ActionItemId == itemId && note.AssessmentId == roundId)
            .ToListAsync(cancellationToken);
        return PlanViews.ToView(item, await texts.WhatAsync(item, language, cancellationToken), notes, PlanRules.Today(clock));
    }

    /// <summary>Starts the round's plan (carrying over the previous plan's open items); starting a started plan changes nothing.</summary>
    public async Task<Outcome<PlanView>> StartAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        await carryOver.EnsureAsync(round, cancellationToken);
        if (await SaveAsync(round, cancellationToken) is { } failure)
        {
            return failure;
        }
        return await ReadAsync(round, cancellationToken);
    }

    /// <summary>Adds an item written from scratch (starting the plan if needed).</summary>
    public async Task<Outcome<ActionItemView>> AddItemAsync(PlanningRound round, ActionItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var fields = input.Check(round, l, out var errors);
        if (fields is null)
        {
            return Invalid(errors);
        }
        return await CreateAsync(round, fields, null, cancellationToken);
    }

    /// <summary>
    /// Adds a catalogue action: its text (read in each reader's language until the team edits it) and type,
    /// for the action's own step (an action for 2→3 records 2→3; an evidence-first action goes from the
    /// agreed level to the target, else the next level), starting today and due after the action's typical
    /// horizon. Every other field sent is kept, and a field sent replaces its default.
    /// </summary>
    public async Task<Outcome<ActionItemView>> AddFromRecommendationAsync(
        PlanningRound round, ActionItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var errors = new Dictionary<string, string[]>();
        var mechanism = ActionItemInput.FindMechanism(round, input.MechanismCode, l, errors);
        var code = input.RecommendationCode?.Trim();
        RecommendedAction? action = null;
        if (string.IsNullOrEmpty(code))
        {
            errors[nameof(ActionItemInput.RecommendationCode)] = [l["Plan.Error.RecommendationRequired"]];
        }
        else
        {
            action = await recommender.FindAsync(round, code, cancellationToken);
            if (action is null)
            {
                errors[nameof(ActionItemInput.RecommendationCode)] = [l["Plan.Error.UnknownRecommendation", code, round.Round.FrameworkVersion]];
            }
            else if (mechanism is not null && action.MechanismCode is { } forMechanism && forMechanism != mechanism.Code)
            {
                errors[nameof(ActionItemInput.RecommendationCode)] = [l["Plan.Error.RecommendationMechanism", action.Code, forMechanism, mechanism.Code]];
            }
        }
        if (mechanism is null || action is null || errors.Count > 0)
        {
            return Invalid(errors);
        }

        (int? From, int? To) levels = (action.FromLevel, input.FromLevel, input.ToLevel) switch
        {
            (_, { } sentFrom, var sentTo) => (sentFrom, sentTo),
            (null, null, var sentTo) => (mechanism.Answer.Level, sentTo ?? PlanRules.AimedLevel(mechanism.Answer.Level, await TargetOfAsync(round, mechanism, cancellationToken))),
            ({ } step, null, var sentTo) => (step, sentTo ?? PlanRules.NextLevel(step)),
        };
        var today = PlanRules.Today(clock);
        var ownText = PlanText.Trimmed(input.What);
        var fields = new ActionItemInput
        {
            MechanismCode = mechanism.Code,
            What = ownText ?? action.Text.Current,
            Type = PlanText.Trimmed(input.Type) ?? action.Type.ToString(),
            ResponsibleOrganisation = input.ResponsibleOrganisation,
            ResponsiblePerson = input.ResponsiblePerson,
            Start = input.Start ?? today,
            Due = input.Due ?? (input.Start ?? today).AddMonths(action.HorizonMonths),
            Resources = input.Resources,
            Budget = input.Budget,
            Currency = input.Currency,
            FromLevel = levels.From,
            ToLevel = levels.To,
        }.Check(round, l, out errors);
        if (fields is null)
        {
            return Invalid(errors);
        }
        var followsCatalogue = ownText is null || action.Text.Values.Values.Contains(ownText, StringComparer.Ordinal);
        return await CreateAsync(round, fields,
            new CatalogueOrigin(action.Code, await recommender.CatalogueVersionAsync(round, cancellationToken), followsCatalogue), cancellationToken);
    }

    /// <summary>
    /// Changes an item. <see cref="ActionItemInput.Version"/> is the version the caller saw: when another
    /// change came first, nothing is written and the failure is a conflict carrying the stored item.
    /// The status changes through progress notes, not here.
    /// </summary>
    public async Task<Outcome<ActionItemView>> UpdateItemAsync(
        PlanningRound round, Guid itemId, ActionItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var item = await TrackedItemAsync(round, itemId, cancellationToken);
        if (item is null)
        {
            return ItemNotFound();
        }
        var fields = input.Check(round, l, out var errors);
        if (fields is null)
        {
            return Invalid(errors);
        }
        if (item.Version != input.Version)
        {
            return await ConflictAsync(round, itemId, cancellationToken);
        }
        var stored = item.What;
        var keepsCatalogueText = item.WhatFromCatalogue && await texts.IsCatalogueTextAsync(item, fields.What, cancellationToken);
        fields.ApplyTo(item);
        if (keepsCatalogueText)
        {
            // The form showed the catalogue's text in the reader's language: sending it back is not an edit.
            item.What = stored;
        }
        item.WhatFromCatalogue = keepsCatalogueText;
        item.Version++;
        return await SaveItemAsync(round, item, cancellationToken);
    }

    /// <summary>
    /// Records a dated progress note, which sets the item's status. Done records the completion date (the
    /// note's date, or the earlier one when the item was already done); any other status clears it.
    /// </summary>
    public async Task<Outcome<ActionItemView>> AddNoteAsync(
        PlanningRound round, Guid itemId, ProgressNoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var item = await TrackedItemAsync(round, itemId, cancellationToken);
        if (item is null)
        {
            return ItemNotFound();
        }
        var latest = await LatestNoteAsync(itemId, cancellationToken);
        var note = input.Check(PlanRules.Today(clock), latest, l, out var errors);
        if (note is null)
        {
            return Invalid(errors);
        }
        RecordNote(item, note);
        return await SaveItemAsync(round, item, cancellationToken);
    }

    /// <summary>Removes an item and its notes (the audit trail keeps what they were); returns the item as it was.</summary>
    public async Task<Outcome<ActionItemView>> RemoveItemAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        // The notes are loaded so that removing them is tracked, and so audited; a database cascade would not be.
        var item = await db.ActionItems.Include(i => i.Notes)
            .SingleOrDefaultAsync(i => i.Id == itemId && i.AssessmentId == round.Round.Id, cancellationToken);
        if (item is null)
        {
            return ItemNotFound();
        }
        var removed = PlanViews.ToView(item, await texts.WhatAsync(item, null, cancellationToken), item.Notes, PlanRules.Today(clock));
        db.ProgressNotes.RemoveRange(item.Notes);
        db.ActionItems.Remove(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ItemNotFound();
        }
        return removed;
    }

    /// <summary>The date of the item's latest progress note, if any: a new note may not go before it.</summary>
    internal Task<DateOnly?> LatestNoteAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.ProgressNotes.AsNoTracking()
            .Where(note => note.ActionItemId == itemId)
            .OrderByDescending(note => note.On)
            .Select(note => (DateOnly?)note.On)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds the note to the tracked item and sets its status (and completion date) from it; the caller saves.</summary>
    internal void RecordNote(ActionItem item, NoteFields note)
    {
        db.ProgressNotes.Add(new ProgressNote
        {
            AssessmentId = item.AssessmentId,
            ActionItemId = item.Id,
            CountryIso3 = item.CountryIso3,
            On = note.On,
            Status = note.Status,
            Text = note.Text,
            AuthorId = user.Id,
            AuthorName = user.Name,
            At = clock.GetUtcNow(),
        });
        item.CompletedOn = note.Status == ActionStatus.Done ? item.CompletedOn ?? note.On : null;
        item.Status = note.Status;
        item.Version++;
    }

    /// <summary>The catalogue action an item is copied from, and whether its text is still the catalogue's.</summary>
    private sealed record CatalogueOrigin(string Code, string? Version, bool FollowsCatalogue);

    private async Task<int?> TargetOfAsync(PlanningRound round, PlanningMechanism mechanism, CancellationToken cancellationToken) =>
        (await targets.ListAsync(round, cancellationToken)).FirstOrDefault(row => row.Mechanism.Code == mechanism.Code)?.TargetLevel;

    private async Task<Outcome<ActionItemView>> CreateAsync(
        PlanningRound round, ItemFields fields, CatalogueOrigin? origin, CancellationToken cancellationToken)
    {
        var plan = await carryOver.EnsureAsync(round, cancellationToken);
        var item = new ActionItem
        {
            AssessmentId = round.Round.Id,
            ActionPlanId = plan.Id,
            CountryIso3 = round.Round.CountryIso3,
            MechanismCode = fields.MechanismCode,
            What = fields.What,
            RecommendationCode = origin?.Code,
            CatalogueVersion = origin?.Version,
            WhatFromCatalogue = origin is { FollowsCatalogue: true, Version: not null },
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        fields.ApplyTo(item);
        db.ActionItems.Add(item);
        if (await SaveAsync(round, cancellationToken) is { } failure)
        {
            return failure;
        }
        return PlanViews.ToView(item, await texts.WhatAsync(item, null, cancellationToken), [], PlanRules.Today(clock));
    }

    /// <summary>Saves; two people starting the same plan at once is the one expected failure (the unique round key lets one in).</summary>
    private async Task<Failure?> SaveAsync(PlanningRound round, CancellationToken cancellationToken)
    {
        var creating = db.ChangeTracker.Entries<ActionPlan>().Any(entry => entry.State == EntityState.Added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (creating && exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            if (await db.ActionPlans.AnyAsync(p => p.AssessmentId == round.Round.Id, cancellationToken))
            {
                return Failure.Conflict(l["Plan.Error.ConflictTitle"], l["Plan.Error.StartedMeanwhile"], null);
            }
            throw;
        }
    }

    private async Task<Outcome<ActionItemView>> SaveItemAsync(PlanningRound round, ActionItem item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(round, item.Id, cancellationToken);
        }
        return await ReadItemAsync(round, item.Id, cancellationToken);
    }

    internal Task<ActionItem?> TrackedItemAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken)
    {
        var roundId = round.Round.Id;
        return db.ActionItems.SingleOrDefaultAsync(i => i.Id == itemId && i.AssessmentId == roundId, cancellationToken);
    }

    /// <summary>The conflict answer for an item changed meanwhile: it carries the stored item.</summary>
    internal async Task<Failure> ConflictAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken)
    {
        var current = await ReadItemAsync(round, itemId, cancellationToken);
        if (current.Value is not { } stored)
        {
            return current.Failure!;
        }
        return Failure.Conflict(l["Plan.Error.ConflictTitle"], l["Plan.Error.ConflictDetail", PlanText.Count(stored.Version)], stored);
    }

    private Failure ItemNotFound() => Failure.NotFound(l["Plan.Error.ItemNotFoundTitle"], l["Plan.Error.ItemNotFound"]);

    private Failure Invalid(Dictionary<string, string[]> errors) =>
        Failure.Invalid(l["Planning.Error.Title"], l["Plan.Error.Detail"], errors);

    /// <summary>
    /// Audit entries on the plan, its items and notes from the endorsement on, leaving out the endorsement's
    /// own entry (the one that set EndorsedAt: it is written a moment after the time it records).
    /// </summary>
    private async Task<int> ChangesSinceAsync(Guid roundId, DateTimeOffset endorsedAt, CancellationToken cancellationToken)
    {
        var since = db.AuditEntries.AsNoTracking().Where(entry => entry.AssessmentId == roundId && entry.At >= endorsedAt);
        var itemChanges = await since
            .CountAsync(entry => entry.Entity == nameof(ActionItem) || entry.Entity == nameof(ProgressNote), cancellationToken);
        var planChanges = await since
            .Where(entry => entry.Entity == nameof(ActionPlan))
            .Select(entry => entry.Changes)
            .ToListAsync(cancellationToken);
        return itemChanges + planChanges.Count(changes => !changes.Any(change => change.Field == nameof(ActionPlan.EndorsedAt)));
    }
}

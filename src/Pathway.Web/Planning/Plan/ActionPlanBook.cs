using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

public sealed record ProgressNoteView(
    Guid Id,
    DateOnly On,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))] ActionStatus Status,
    string Text,
    string? AuthorName,
    DateTimeOffset At);

/// <summary>One plan item as pages, the API and exports read it. Notes are oldest first.</summary>
public sealed record ActionItemView(
    Guid Id,
    string MechanismCode,
    string? RecommendationCode,
    string What,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionType>))] ActionType? Type,
    string? ResponsibleOrganisation,
    string? ResponsiblePerson,
    DateOnly? Start,
    DateOnly? Due,
    string? Resources,
    decimal? Budget,
    string? Currency,
    int? FromLevel,
    int? ToLevel,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))] ActionStatus Status,
    DateOnly? CompletedOn,
    bool IsOverdue,
    bool CarriedOver,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<ProgressNoteView> Notes);

/// <summary>
/// A round's plan as read: null <see cref="PlanId"/> while the team has not started it. Items are in
/// framework order of their mechanism, then by creation.
/// </summary>
public sealed record PlanView(
    Guid? PlanId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PlanStatus>))] PlanStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PlanHorizon>))] PlanHorizon Horizon,
    PriorityWeights Weights,
    string? EndorsedByName,
    DateTimeOffset? EndorsedAt,
    string? EndorsementNote,
    int ChangesSinceEndorsement,
    Guid? CarriedFromAssessmentId,
    int Version,
    IReadOnlyList<ActionItemView> Items);

/// <summary>An open item of the earlier plan that stayed behind because its mechanism left the framework.</summary>
public sealed record NotCarriedItem(string MechanismCode, string What);

/// <summary>
/// Where a plan's carried-over items come from: before the plan starts, what starting it will carry;
/// afterwards, what it carried. <see cref="FromRoundId"/> is null when there is no earlier plan.
/// </summary>
public sealed record CarryOverView(Guid? FromRoundId, string? FromRoundTitle, int Carried, IReadOnlyList<NotCarriedItem> NotCarried);

/// <summary>
/// The round's action plan: items, progress, endorsement, carry-over. Shared by the plan pages and the
/// API. Every write checks the caller's <see cref="PlanPermissions"/>, validates all its input before
/// touching anything, and goes through SaveChanges so the audit trail records it (also after endorsement).
/// </summary>
public sealed partial class ActionPlanBook(
    PathwayDb db, CurrentUser user, TimeProvider clock, Recommender recommender, TargetBook targets, IStringLocalizer<SharedResource> l)
{
    /// <summary>Large enough for any national budget, small enough for the column's 16 integer digits.</summary>
    public const decimal MaxBudget = 999_999_999_999_999m;

    /// <summary>The plan as it stands (an empty draft view when not started).</summary>
    public async Task<PlanView> ReadAsync(PlanningRound round, CancellationToken cancellationToken = default)
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
        var views = items
            .OrderBy(item => order.GetValueOrDefault(item.MechanismCode, int.MaxValue))
            .ThenBy(item => item.CreatedAt)
            .ThenBy(item => item.Id)
            .Select(item => ToView(item, notes[item.Id], today))
            .ToList();
        var changes = plan.EndorsedAt is { } endorsedAt ? await ChangesSinceAsync(roundId, endorsedAt, cancellationToken) : 0;
        return new PlanView(
            plan.Id, plan.Status, plan.Horizon, new PriorityWeights(plan.GapWeight, plan.ImpactWeight, plan.FeasibilityWeight),
            plan.EndorsedByName, plan.EndorsedAt, plan.EndorsementNote, changes, plan.CarriedFromAssessmentId, plan.Version, views);
    }

    /// <summary>One item of the round's plan; not found when it belongs to another round or was removed.</summary>
    public async Task<Outcome<ActionItemView>> ReadItemAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken = default)
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
        return ToView(item, notes, PlanRules.Today(clock));
    }

    /// <summary>
    /// The round's plan row, created (with the open items of the country's previous round of the same
    /// scope carried over) when it does not exist yet. Tracked; the caller saves.
    /// </summary>
    public async Task<ActionPlan> EnsureAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var plan = db.ActionPlans.Local.SingleOrDefault(p => p.AssessmentId == roundId)
            ?? await db.ActionPlans.SingleOrDefaultAsync(p => p.AssessmentId == roundId, cancellationToken);
        if (plan is not null)
        {
            return plan;
        }
        var now = clock.GetUtcNow();
        plan = new ActionPlan { AssessmentId = roundId, CountryIso3 = round.Round.CountryIso3, CreatedAt = now };
        db.ActionPlans.Add(plan);

        var earlier = await EarlierPlanAsync(round, cancellationToken);
        if (earlier is null)
        {
            return plan;
        }
        plan.CarriedFromAssessmentId = earlier.RoundId;
        var selection = PlanRules.SelectCarryOver(await ItemsOfAsync(earlier.PlanId, cancellationToken), MechanismCodes(round));
        var tick = 0;
        foreach (var from in selection.Carried)
        {
            db.ActionItems.Add(new ActionItem
            {
                AssessmentId = roundId,
                ActionPlanId = plan.Id,
                CountryIso3 = round.Round.CountryIso3,
                MechanismCode = from.MechanismCode,
                RecommendationCode = from.RecommendationCode,
                What = from.What,
                Type = from.Type,
                ResponsibleOrganisation = from.ResponsibleOrganisation,
                ResponsiblePerson = from.ResponsiblePerson,
                Start = from.Start,
                Due = from.Due,
                Resources = from.Resources,
                Budget = from.Budget,
                Currency = from.Currency,
                FromLevel = from.FromLevel,
                ToLevel = from.ToLevel,
                Status = from.Status,
                CarriedFromItemId = from.Id,
                // One tick apart, so the carried items keep the earlier plan's order among themselves.
                CreatedAt = now.AddTicks(tick++),
                Version = 1,
            });
        }
        return plan;
    }

    /// <summary>
    /// What carrying over means for this round: before the plan starts, what starting it will bring from the
    /// country's previous plan of the same scope; afterwards, what it brought. Items whose mechanism left the
    /// framework are listed, never silently dropped.
    /// </summary>
    public async Task<CarryOverView> CarryOverAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var plan = await db.ActionPlans.AsNoTracking()
            .Where(p => p.AssessmentId == roundId)
            .Select(p => new { p.Id, p.CarriedFromAssessmentId })
            .SingleOrDefaultAsync(cancellationToken);
        var earlier = plan switch
        {
            null => await EarlierPlanAsync(round, cancellationToken),
            { CarriedFromAssessmentId: { } fromId } => await PlansWithRounds()
                .Where(row => row.RoundId == fromId)
                .Select(row => new EarlierPlan(row.RoundId, row.Title, row.PlanId))
                .SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (earlier is null)
        {
            return new CarryOverView(null, null, 0, []);
        }
        var selection = PlanRules.SelectCarryOver(await ItemsOfAsync(earlier.PlanId, cancellationToken), MechanismCodes(round));
        var carried = plan is null
            ? selection.Carried.Count
            : await db.ActionItems.AsNoTracking().CountAsync(i => i.ActionPlanId == plan.Id && i.CarriedFromItemId != null, cancellationToken);
        return new CarryOverView(earlier.RoundId, earlier.Title, carried,
            [.. selection.NotCarried.Select(item => new NotCarriedItem(item.MechanismCode, item.What))]);
    }

    /// <summary>Starts the round's plan (carrying over the previous plan's open items); starting a started plan changes nothing.</summary>
    public async Task<Outcome<PlanView>> StartAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        await EnsureAsync(round, cancellationToken);
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
        var fields = Check(round, input, out var errors);
        if (fields is null)
        {
            return Invalid(errors);
        }
        return await CreateAsync(round, fields, null, cancellationToken);
    }

    /// <summary>
    /// Adds a catalogue action in one step: its text in the reader's language and its type copied in,
    /// from the agreed level to the mechanism's target (else the next level), starting today and due
    /// after the action's typical horizon. No one is responsible yet: the team fills that in afterwards.
    /// </summary>
    public async Task<Outcome<ActionItemView>> AddFromRecommendationAsync(
        PlanningRound round, string? mechanismCode, string? recommendationCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var errors = new Dictionary<string, string[]>();
        var mechanism = FindMechanism(round, mechanismCode, errors);
        var code = recommendationCode?.Trim();
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

        var target = (await targets.ListAsync(round, cancellationToken))
            .FirstOrDefault(row => row.Mechanism.Code == mechanism.Code)?.TargetLevel;
        var agreed = mechanism.Answer.Level;
        var today = PlanRules.Today(clock);
        var fields = Check(round, new ActionItemInput
        {
            MechanismCode = mechanism.Code,
            What = action.Text.Current,
            Type = action.Type.ToString(),
            Start = today,
            Due = today.AddMonths(action.HorizonMonths),
            FromLevel = agreed,
            ToLevel = PlanRules.AimedLevel(agreed, target),
        }, out errors);
        if (fields is null)
        {
            return Invalid(errors);
        }
        return await CreateAsync(round, fields, action.Code, cancellationToken);
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
        var fields = Check(round, input, out var errors);
        if (fields is null)
        {
            return Invalid(errors);
        }
        if (item.Version != input.Version)
        {
            return await ConflictAsync(round, itemId, cancellationToken);
        }
        fields.ApplyTo(item);
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
        var latest = await db.ProgressNotes.AsNoTracking()
            .Where(note => note.ActionItemId == itemId)
            .OrderByDescending(note => note.On)
            .Select(note => (DateOnly?)note.On)
            .FirstOrDefaultAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var today = PlanRules.Today(clock);
        if (input.On is not { } on)
        {
            errors[nameof(ProgressNoteInput.On)] = [l["Plan.Error.NoteDate"]];
        }
        else if (on > today)
        {
            errors[nameof(ProgressNoteInput.On)] = [l["Plan.Error.NoteFuture", Date(today)]];
        }
        else if (on < latest)
        {
            errors[nameof(ProgressNoteInput.On)] = [l["Plan.Error.NoteBeforeLatest", Date(latest.Value)]];
        }
        var status = ConsensusInput.ParseName<ActionStatus>(input.Status);
        if (status is null)
        {
            errors[nameof(ProgressNoteInput.Status)] = [l["Plan.Error.Status", Names<ActionStatus>()]];
        }
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[nameof(ProgressNoteInput.Text)] = [l["Plan.Error.NoteText"]];
        }
        else if (text.Length > ProgressNote.TextLength)
        {
            errors[nameof(ProgressNoteInput.Text)] = [l["Plan.Error.Length", ProgressNote.TextLength, text.Length]];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        db.ProgressNotes.Add(new ProgressNote
        {
            AssessmentId = item.AssessmentId,
            ActionItemId = item.Id,
            CountryIso3 = item.CountryIso3,
            On = input.On!.Value,
            Status = status!.Value,
            Text = text!,
            AuthorId = user.Id,
            AuthorName = user.Name,
            At = clock.GetUtcNow(),
        });
        item.CompletedOn = status == ActionStatus.Done ? item.CompletedOn ?? input.On : null;
        item.Status = status.Value;
        item.Version++;
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
        var removed = ToView(item, item.Notes, PlanRules.Today(clock));
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
            return Invalid(new() { [nameof(EndorsementInput.Note)] = [l["Plan.Error.Length", ActionPlan.NoteLength, text.Length]] });
        }
        var view = await ReadAsync(round, cancellationToken);
        if (view.Items.Count == 0)
        {
            return Failure.Invalid(l["Plan.Error.EndorseTitle"], l["Plan.Error.EndorseEmpty"],
                new Dictionary<string, string[]> { ["Items"] = [l["Plan.Error.EndorseEmpty"]] });
        }
        var blockers = PlanRules.EndorsementBlockers(view.Items);
        if (blockers.Count > 0)
        {
            return Failure.Invalid(l["Plan.Error.EndorseTitle"], l["Plan.Error.EndorseBlocked", Count(blockers.Count)],
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
            return PlanChanged();
        }
        return await ReadAsync(round, cancellationToken);
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
        return l[key, $"\u2068{blocker.MechanismCode}\u2069", Shorten(blocker.What)];
    }

    /// <summary>A long text cut at a word for a list line.</summary>
    public static string Shorten(string text, int length = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }

    private async Task<Outcome<ActionItemView>> CreateAsync(
        PlanningRound round, ItemFields fields, string? recommendationCode, CancellationToken cancellationToken)
    {
        var plan = await EnsureAsync(round, cancellationToken);
        var item = new ActionItem
        {
            AssessmentId = round.Round.Id,
            ActionPlanId = plan.Id,
            CountryIso3 = round.Round.CountryIso3,
            MechanismCode = fields.MechanismCode,
            What = fields.What,
            RecommendationCode = recommendationCode,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        fields.ApplyTo(item);
        db.ActionItems.Add(item);
        if (await SaveAsync(round, cancellationToken) is { } failure)
        {
            return failure;
        }
        return ToView(item, [], PlanRules.Today(clock));
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
        catch (DbUpdateException) when (creating)
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

    private Task<ActionItem?> TrackedItemAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken)
    {
        var roundId = round.Round.Id;
        return db.ActionItems.SingleOrDefaultAsync(i => i.Id == itemId && i.AssessmentId == roundId, cancellationToken);
    }

    private async Task<Failure> ConflictAsync(PlanningRound round, Guid itemId, CancellationToken cancellationToken)
    {
        var current = await ReadItemAsync(round, itemId, cancellationToken);
        if (current.Value is not { } stored)
        {
            return current.Failure!;
        }
        return Failure.Conflict(l["Plan.Error.ConflictTitle"], l["Plan.Error.ConflictDetail", Count(stored.Version)], stored);
    }

    private Failure PlanChanged() => Failure.Conflict(l["Plan.Error.ConflictTitle"], l["Plan.Error.PlanChanged"], null);

    private Failure ItemNotFound() => Failure.NotFound(l["Plan.Error.ItemNotFoundTitle"], l["Plan.Error.ItemNotFound"]);

    private Failure Invalid(Dictionary<string, string[]> errors) =>
        Failure.Invalid(l["Planning.Error.Title"], l["Plan.Error.Detail"], errors);

    /// <summary>Every field checked at once; the checked values, or null with the errors keyed by <see cref="ActionItemInput"/>'s property names.</summary>
    private ItemFields? Check(PlanningRound round, ActionItemInput input, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var mechanism = FindMechanism(round, input.MechanismCode, errors);

        var what = Text(input.What);
        if (what is null)
        {
            errors[nameof(ActionItemInput.What)] = [l["Plan.Error.WhatRequired"]];
        }
        else
        {
            CheckLength(errors, nameof(ActionItemInput.What), what, ActionItem.WhatLength);
        }

        ActionType? type = null;
        if (Text(input.Type) is { } typeName)
        {
            type = ConsensusInput.ParseName<ActionType>(typeName);
            if (type is null)
            {
                errors[nameof(ActionItemInput.Type)] = [l["Plan.Error.Type", Names<ActionType>()]];
            }
        }

        var organisation = Text(input.ResponsibleOrganisation);
        CheckLength(errors, nameof(ActionItemInput.ResponsibleOrganisation), organisation, ActionItem.NameLength);
        var person = Text(input.ResponsiblePerson);
        CheckLength(errors, nameof(ActionItemInput.ResponsiblePerson), person, ActionItem.NameLength);
        var resources = Text(input.Resources);
        CheckLength(errors, nameof(ActionItemInput.Resources), resources, ActionItem.ResourcesLength);

        if (input.Start is { } start && input.Due is { } due && due < start)
        {
            errors[nameof(ActionItemInput.Due)] = [l["Plan.Error.DueBeforeStart", Date(due), Date(start)]];
        }

        if (input.Budget is { } budget)
        {
            if (budget < 0)
            {
                errors[nameof(ActionItemInput.Budget)] = [l["Plan.Error.BudgetNegative"]];
            }
            else if (budget > MaxBudget || decimal.Round(budget, 2) != budget)
            {
                errors[nameof(ActionItemInput.Budget)] = [l["Plan.Error.Budget", MaxBudget.ToString("N0", CultureInfo.CurrentCulture)]];
            }
        }
        var currency = Text(input.Currency)?.ToUpperInvariant();
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
        {
            errors[nameof(ActionItemInput.Currency)] = [l["Plan.Error.Currency"]];
        }
        else if (currency is null && input.Budget is not null)
        {
            errors[nameof(ActionItemInput.Currency)] = [l["Plan.Error.CurrencyRequired"]];
        }

        var agreed = mechanism?.Answer.Level;
        switch (PlanRules.CheckLevels(input.FromLevel, input.ToLevel, agreed))
        {
            case LevelProblem.FromOutOfRange:
                errors[nameof(ActionItemInput.FromLevel)] = [l["Plan.Error.LevelRange", TargetRules.MinLevel, TargetRules.MaxLevel]];
                break;
            case LevelProblem.ToOutOfRange:
                errors[nameof(ActionItemInput.ToLevel)] = [l["Plan.Error.LevelRange", TargetRules.MinLevel, TargetRules.MaxLevel]];
                break;
            case LevelProblem.NotAbove:
                errors[nameof(ActionItemInput.ToLevel)] = [l["Plan.Error.LevelOrder", Count(input.ToLevel!.Value), Count(input.FromLevel!.Value)]];
                break;
            case LevelProblem.BelowAgreed:
                errors[nameof(ActionItemInput.ToLevel)] = [l["Plan.Error.BelowAgreed", Count(input.ToLevel!.Value), $"\u2068{mechanism!.Code}\u2069", Count(agreed!.Value)]];
                break;
        }

        if (input.Version < 0)
        {
            errors[nameof(ActionItemInput.Version)] = [l["Plan.Error.Version"]];
        }

        return errors.Count == 0
            ? new ItemFields(mechanism!.Code, what!, type, organisation, person, input.Start, input.Due, resources,
                input.Budget, currency, input.FromLevel, input.ToLevel)
            : null;
    }

    /// <summary>The mechanism of the round's framework with this code (any case), or null with the field error.</summary>
    private PlanningMechanism? FindMechanism(PlanningRound round, string? code, Dictionary<string, string[]> errors)
    {
        var wanted = code?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            errors[nameof(ActionItemInput.MechanismCode)] = [l["Plan.Error.MechanismRequired"]];
            return null;
        }
        var mechanism = round.Mechanisms.FirstOrDefault(m => string.Equals(m.Code, wanted, StringComparison.OrdinalIgnoreCase));
        if (mechanism is null)
        {
            errors[nameof(ActionItemInput.MechanismCode)] =
                [l["Plan.Error.UnknownMechanism", wanted, round.Round.FrameworkVersion, round.Mechanisms.Count > 0 ? round.Mechanisms[0].Code : ""]];
        }
        return mechanism;
    }

    private void CheckLength(Dictionary<string, string[]> errors, string field, string? text, int max)
    {
        if (text?.Length > max)
        {
            errors[field] = [l["Plan.Error.Length", Count(max), Count(text.Length)]];
        }
    }

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

    private sealed record EarlierPlan(Guid RoundId, string Title, Guid PlanId);

    /// <summary>Plans with their rounds, as far as the caller may see the rounds.</summary>
    private IQueryable<PlanWithRound> PlansWithRounds() =>
        db.ActionPlans.AsNoTracking().Join(
            db.Assessments.AsNoTracking().VisibleTo(user),
            plan => plan.AssessmentId,
            assessment => assessment.Id,
            (plan, assessment) => new PlanWithRound
            {
                PlanId = plan.Id,
                RoundId = assessment.Id,
                Title = assessment.Title,
                CountryIso3 = assessment.CountryIso3,
                Scope = assessment.Scope,
                ScopeDetail = assessment.ScopeDetail,
                CreatedAt = assessment.CreatedAt,
            });

    /// <summary>Set through an initializer, not a constructor, so that queries can filter on its members.</summary>
    private sealed class PlanWithRound
    {
        public Guid PlanId { get; init; }
        public Guid RoundId { get; init; }
        public required string Title { get; init; }
        public required string CountryIso3 { get; init; }
        public AssessmentScope Scope { get; init; }
        public string? ScopeDetail { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>The country's most recent earlier round with the same scope (and area or theme) that has a plan.</summary>
    private Task<EarlierPlan?> EarlierPlanAsync(PlanningRound round, CancellationToken cancellationToken)
    {
        var (id, country, scope, createdAt) = (round.Round.Id, round.Round.CountryIso3, round.Round.Scope, round.Round.CreatedAt);
        var detail = round.Round.ScopeDetail ?? "";
        return PlansWithRounds()
            .Where(row => row.CountryIso3 == country && row.Scope == scope && (row.ScopeDetail ?? "") == detail
                && row.CreatedAt < createdAt && row.RoundId != id)
            .OrderByDescending(row => row.CreatedAt)
            .Select(row => new EarlierPlan(row.RoundId, row.Title, row.PlanId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A plan's items in the order they were added.</summary>
    private async Task<List<ActionItem>> ItemsOfAsync(Guid planId, CancellationToken cancellationToken)
    {
        var items = await db.ActionItems.AsNoTracking().Where(item => item.ActionPlanId == planId).ToListAsync(cancellationToken);
        return [.. items.OrderBy(item => item.CreatedAt).ThenBy(item => item.Id)];
    }

    private static HashSet<string> MechanismCodes(PlanningRound round) =>
        round.Mechanisms.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);

    private static ActionItemView ToView(ActionItem item, IEnumerable<ProgressNote> notes, DateOnly today) => new(
        item.Id, item.MechanismCode, item.RecommendationCode, item.What, item.Type, item.ResponsibleOrganisation, item.ResponsiblePerson,
        item.Start, item.Due, item.Resources, item.Budget, item.Currency, item.FromLevel, item.ToLevel, item.Status, item.CompletedOn,
        PlanRules.IsOverdue(item.Due, item.Status, today), item.CarriedFromItemId is not null, item.CreatedAt, item.Version,
        [.. notes.OrderBy(note => note.On).ThenBy(note => note.At)
            .Select(note => new ProgressNoteView(note.Id, note.On, note.Status, note.Text, note.AuthorName, note.At))]);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Date(DateOnly date) => DateText.Date(date);

    private static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    /// <summary>An item's fields once checked.</summary>
    private sealed record ItemFields(
        string MechanismCode, string What, ActionType? Type, string? Organisation, string? Person, DateOnly? Start, DateOnly? Due,
        string? Resources, decimal? Budget, string? Currency, int? FromLevel, int? ToLevel)
    {
        public void ApplyTo(ActionItem item)
        {
            item.MechanismCode = MechanismCode;
            item.What = What;
            item.Type = Type;
            item.ResponsibleOrganisation = Organisation;
            item.ResponsiblePerson = Person;
            item.Start = Start;
            item.Due = Due;
            item.Resources = Resources;
            item.Budget = Budget;
            item.Currency = Currency;
            item.FromLevel = FromLevel;
            item.ToLevel = ToLevel;
        }
    }
}

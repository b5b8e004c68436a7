using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>
/// A mechanism's target as it stands: the saved one, or the default for the plan's horizon
/// (<see cref="IsDefault"/>). Impact and feasibility are the team's 1–5 scores (3 until set).
/// </summary>
public sealed record TargetRow(
    PlanningMechanism Mechanism,
    int? CurrentLevel,
    int? TargetLevel,
    int HorizonMonths,
    int Impact,
    int Feasibility,
    string? Note,
    bool IsDefault)
{
    public int Gap => TargetLevel is { } target && CurrentLevel is { } current ? Math.Max(0, target - current) : 0;
}

/// <summary>Every mechanism's target, with the plan horizon that sets the defaults.</summary>
public sealed record TargetSheet(PlanHorizon Horizon, IReadOnlyList<TargetRow> Rows)
{
    /// <summary>Whether the row holds what the horizon's defaults would give it (saved or not).</summary>
    public bool MatchesDefault(TargetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.TargetLevel == TargetRules.DefaultTarget(row.CurrentLevel, Horizon)
            && row.HorizonMonths == TargetRules.DefaultHorizonMonths(Horizon);
    }
}

/// <summary>
/// One mechanism's target as sent by the team (the API body; the targets page posts the same).
/// Absent horizon, impact, feasibility or note keep what is saved (or the defaults).
/// </summary>
public sealed class TargetInput
{
    /// <summary>The mechanism's code, e.g. DS.1.</summary>
    public string? Mechanism { get; set; }

    /// <summary>1–4, from the agreed level up; required where a level was agreed, absent otherwise.</summary>
    public int? TargetLevel { get; set; }

    /// <summary>1–120 months.</summary>
    public int? HorizonMonths { get; set; }

    /// <summary>1–5.</summary>
    public int? Impact { get; set; }

    /// <summary>1–5.</summary>
    public int? Feasibility { get; set; }

    /// <summary>Why the team judged impact and feasibility so; empty clears it.</summary>
    public string? Note { get; set; }

    /// <summary>The form field (and error key) of one of a mechanism's values on the targets page.</summary>
    public static string Field(string mechanismCode, string property) => $"Targets[{mechanismCode}].{property}";
}

/// <summary>
/// Targets, impact and feasibility per mechanism: read with their defaults, saved all-or-nothing, or
/// reset to the defaults of a plan horizon (<see cref="TargetDefaults"/>). Shared by the targets and priorities pages and the API.
/// </summary>
public sealed class TargetBook(PathwayDb db, IStringLocalizer<SharedResource> l)
{
    private const int DefaultScore = 3;

    /// <summary>Every mechanism of the round in framework order, with its effective target.</summary>
    public async Task<IReadOnlyList<TargetRow>> ListAsync(PlanningRound round, CancellationToken cancellationToken = default) =>
        (await SheetAsync(round, cancellationToken)).Rows;

    /// <summary>The plan's horizon (one year until a plan says otherwise) and every mechanism's effective target.</summary>
    public async Task<TargetSheet> SheetAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var horizon = await db.ActionPlans.AsNoTracking()
            .Where(plan => plan.AssessmentId == roundId)
            .Select(plan => (PlanHorizon?)plan.Horizon)
            .SingleOrDefaultAsync(cancellationToken) ?? PlanHorizon.OneYear;
        var saved = await db.MechanismTargets.AsNoTracking()
            .Where(target => target.AssessmentId == roundId)
            .ToDictionaryAsync(target => target.MechanismCode, StringComparer.Ordinal, cancellationToken);
        return new TargetSheet(horizon, [.. round.Mechanisms.Select(mechanism => saved.TryGetValue(mechanism.Code, out var row)
            ? new TargetRow(mechanism, mechanism.Answer.Level, row.TargetLevel, row.HorizonMonths, row.Impact, row.Feasibility, row.Note, false)
            : new TargetRow(mechanism, mechanism.Answer.Level, TargetRules.DefaultTarget(mechanism.Answer.Level, horizon),
                TargetRules.DefaultHorizonMonths(horizon), DefaultScore, DefaultScore, null, true))]);
    }

    /// <summary>
    /// Saves the given mechanisms' targets (all of them or some), or none: every row is checked first,
    /// and each message names its mechanism. Errors are keyed by <see cref="TargetInput.Field"/>.
    /// </summary>
    public async Task<Outcome<TargetSheet>> SaveAsync(PlanningRound round, IReadOnlyList<TargetInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(inputs);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var errors = new Dictionary<string, string[]>();
        var accepted = new List<(PlanningMechanism Mechanism, TargetInput Input, string? Note)>();
        foreach (var input in inputs)
        {
            if (input is null)
            {
                continue;
            }
            var mechanism = PlanEditing.Find(round, input.Mechanism);
            if (mechanism is null)
            {
                var code = input.Mechanism?.Trim() ?? "";
                errors[TargetInput.Field(code, nameof(TargetInput.Mechanism))] =
                    [PlanEditing.UnknownMechanism(round, code, l)];
                continue;
            }
            if (accepted.Any(done => done.Mechanism.Code == mechanism.Code))
            {
                errors[TargetInput.Field(mechanism.Code, nameof(TargetInput.Mechanism))] = [l["Targets.Error.Twice", mechanism.Code]];
                continue;
            }
            var count = errors.Count;
            CheckTarget(round, mechanism, input, errors);
            var note = CheckNote(mechanism.Code, input.Note, TargetInput.Field(mechanism.Code, nameof(TargetInput.Note)), errors);
            CheckScore(mechanism.Code, input.Impact, TargetInput.Field(mechanism.Code, nameof(TargetInput.Impact)), "Targets.Error.Impact", errors);
            CheckScore(mechanism.Code, input.Feasibility, TargetInput.Field(mechanism.Code, nameof(TargetInput.Feasibility)), "Targets.Error.Feasibility", errors);
            if (errors.Count == count)
            {
                accepted.Add((mechanism, input, note));
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Targets.Error.Title"], l["Targets.Error.Detail", errors.Count], errors);
        }

        var horizon = await db.ActionPlans.AsNoTracking()
            .Where(plan => plan.AssessmentId == round.Round.Id)
            .Select(plan => (PlanHorizon?)plan.Horizon)
            .SingleOrDefaultAsync(cancellationToken) ?? PlanHorizon.OneYear;
        var rows = await TrackedRowsAsync(round, cancellationToken);
        foreach (var (mechanism, input, note) in accepted)
        {
            var row = RowFor(round, mechanism, rows, horizon);
            row.TargetLevel = input.TargetLevel;
            row.HorizonMonths = input.HorizonMonths ?? row.HorizonMonths;
            row.Impact = input.Impact ?? row.Impact;
            row.Feasibility = input.Feasibility ?? row.Feasibility;
            if (input.Note is not null)
            {
                row.Note = note;
            }
        }
        return await SaveChangesAsync(round, cancellationToken);
    }

    /// <summary>The round's saved target rows, tracked, by mechanism code.</summary>
    internal async Task<Dictionary<string, MechanismTarget>> TrackedRowsAsync(PlanningRound round, CancellationToken cancellationToken) =>
        await db.MechanismTargets
            .Where(target => target.AssessmentId == round.Round.Id)
            .ToDictionaryAsync(target => target.MechanismCode, StringComparer.Ordinal, cancellationToken);

    /// <summary>The mechanism's row, added with the horizon's defaults when it has none.</summary>
    internal MechanismTarget RowFor(PlanningRound round, PlanningMechanism mechanism, Dictionary<string, MechanismTarget> rows, PlanHorizon horizon)
    {
        if (rows.TryGetValue(mechanism.Code, out var row))
        {
            return row;
        }
        row = new MechanismTarget
        {
            AssessmentId = round.Round.Id,
            CountryIso3 = round.Round.CountryIso3,
            MechanismCode = mechanism.Code,
            TargetLevel = TargetRules.DefaultTarget(mechanism.Answer.Level, horizon),
            HorizonMonths = TargetRules.DefaultHorizonMonths(horizon),
            Impact = DefaultScore,
            Feasibility = DefaultScore,
        };
        db.MechanismTargets.Add(row);
        rows[mechanism.Code] = row;
        return row;
    }

    /// <summary>
    /// Writes what was changed in one transaction. Two first saves at once collide on the unique index
    /// (round, mechanism) or the plan's: the later is told, and nothing of it is written.
    /// </summary>
    internal async Task<Outcome<TargetSheet>> SaveChangesAsync(PlanningRound round, CancellationToken cancellationToken)
    {
        var inserts = db.ChangeTracker.Entries().Any(entry => entry.State == EntityState.Added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || (inserts && exception.IsUniqueViolation()))
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(l["Targets.Error.Title"], l["Targets.Error.Conflict"], null);
        }
        return await SheetAsync(round, cancellationToken);
    }

    internal void CheckScore(string code, int? score, string field, string message, Dictionary<string, string[]> errors)
    {
        if (score is { } value && !TargetRules.IsValidScore(value))
        {
            errors[field] = [l[message, code, TargetRules.MinScore, TargetRules.MaxScore]];
        }
    }

    internal string? CheckNote(string code, string? note, string field, Dictionary<string, string[]> errors)
    {
        var trimmed = note?.Trim();
        if (trimmed?.Length > MechanismTarget.NoteLength)
        {
            errors[field] = [l["Targets.Error.NoteLength", code, MechanismTarget.NoteLength, trimmed.Length]];
        }
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private void CheckTarget(PlanningRound round, PlanningMechanism mechanism, TargetInput input, Dictionary<string, string[]> errors)
    {
        var code = mechanism.Code;
        var levelField = TargetInput.Field(code, nameof(TargetInput.TargetLevel));
        switch (mechanism.Kind)
        {
            case TargetKind.None when input.TargetLevel is not null:
                errors[levelField] = [l["Targets.Error.NotApplicable", code]];
                break;
            case TargetKind.BuildEvidence when input.TargetLevel is not null:
                errors[levelField] = [l["Targets.Error.BuildEvidence", code]];
                break;
            case TargetKind.Level when input.TargetLevel is null:
                errors[levelField] = [l["Targets.Error.Required", code]];
                break;
            case TargetKind.Level:
                var current = mechanism.Answer.Level!.Value;
                switch (TargetRules.Check(current, input.TargetLevel, TargetRules.MaxHorizonMonths))
                {
                    case TargetProblem.OutOfRange:
                        errors[levelField] = [l["Targets.Error.OutOfRange", code, input.TargetLevel!.Value, TargetRules.MinLevel, TargetRules.MaxLevel]];
                        break;
                    case TargetProblem.BelowCurrent:
                        errors[levelField] = [l["Targets.Error.BelowCurrent", code, input.TargetLevel!.Value, PlanEditing.LevelText(round, current)]];
                        break;
                }
                break;
        }
        if (input.HorizonMonths is { } months && !TargetRules.IsValidHorizon(months))
        {
            errors[TargetInput.Field(code, nameof(TargetInput.HorizonMonths))] = [l["Targets.Error.HorizonMonths", code, TargetRules.MaxHorizonMonths]];
        }
    }
}

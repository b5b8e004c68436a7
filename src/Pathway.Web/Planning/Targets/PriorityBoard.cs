using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>Why a mechanism is not in the ranking.</summary>
public enum LeftOutReason
{
    /// <summary>Its target is its agreed level: nothing to do first.</summary>
    AtTarget,

    /// <summary>No level was agreed: build the evidence first.</summary>
    BuildEvidence,

    /// <summary>Not applicable in this country.</summary>
    NotApplicable,
}

/// <summary>A ranked mechanism with its target (current level, target, scores, note).</summary>
public sealed record PriorityRow(RankedPriority Ranked, TargetRow Target)
{
    public string Code => Ranked.Candidate.MechanismCode;
}

public sealed record LeftOutMechanism(TargetRow Target, LeftOutReason Reason);

/// <summary>The ranking as it stands: the weights, the ranked mechanisms, and those left out (framework order).</summary>
public sealed record PriorityList(PriorityWeights Weights, IReadOnlyList<PriorityRow> Ranked, IReadOnlyList<LeftOutMechanism> LeftOut);

/// <summary>The weights as sent (each 0–5, not all zero).</summary>
public sealed class PriorityWeightsInput
{
    public int? Gap { get; set; }
    public int? Impact { get; set; }
    public int? Feasibility { get; set; }
}

/// <summary>One mechanism's scores as sent; an absent score or note keeps what is saved.</summary>
public sealed class PriorityScoreInput
{
    public string? Mechanism { get; set; }

    /// <summary>1–5.</summary>
    public int? Impact { get; set; }

    /// <summary>1–5.</summary>
    public int? Feasibility { get; set; }

    /// <summary>Why the team judged so; empty clears it.</summary>
    public string? Note { get; set; }
}

/// <summary>What the priorities page and the API send: weights (absent keeps them) and scores per mechanism.</summary>
public sealed class PriorityInput
{
    public PriorityWeightsInput? Weights { get; set; }
    public IReadOnlyList<PriorityScoreInput>? Scores { get; set; }

    /// <summary>The form field (and error key) of a weight.</summary>
    public static string WeightField(string property) => $"Weights.{property}";

    /// <summary>The form field (and error key) of one of a mechanism's scores.</summary>
    public static string ScoreField(string mechanismCode, string property) => $"Scores[{mechanismCode}].{property}";
}

/// <summary>
/// The team's priorities: mechanisms ranked by gap to target, impact and feasibility with the plan's
/// weights (<see cref="PriorityRanking"/>), and saving those scores and weights all-or-nothing.
/// </summary>
public sealed class PriorityBoard(PathwayDb db, TargetBook targets, PlanCarryOver plans, IStringLocalizer<SharedResource> l)
{
    public async Task<PriorityList> ListAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var stored = await db.ActionPlans.AsNoTracking()
            .Where(plan => plan.AssessmentId == roundId)
            .Select(plan => new PriorityWeights(plan.GapWeight, plan.ImpactWeight, plan.FeasibilityWeight))
            .SingleOrDefaultAsync(cancellationToken);
        var weights = stored is { IsValid: true } ? stored : PriorityWeights.Default;
        var rows = await targets.ListAsync(round, cancellationToken);

        var ranked = PriorityRanking.Rank(
            rows.Where(row => row.Mechanism.Kind == TargetKind.Level)
                .Select(row => new PriorityCandidate(row.Mechanism.Code, row.Mechanism.Order, row.Gap, row.Impact, row.Feasibility)),
            weights);
        var byCode = rows.ToDictionary(row => row.Mechanism.Code, StringComparer.Ordinal);
        var inRanking = ranked.Select(rank => rank.Candidate.MechanismCode).ToHashSet(StringComparer.Ordinal);
        var leftOut = rows
            .Where(row => !inRanking.Contains(row.Mechanism.Code))
            .Select(row => new LeftOutMechanism(row, row.Mechanism.Kind switch
            {
                TargetKind.Level => LeftOutReason.AtTarget,
                TargetKind.BuildEvidence => LeftOutReason.BuildEvidence,
                _ => LeftOutReason.NotApplicable,
            }))
            .ToList();
        return new PriorityList(weights, [.. ranked.Select(rank => new PriorityRow(rank, byCode[rank.Candidate.MechanismCode]))], leftOut);
    }

    /// <summary>
    /// Saves the weights (on the plan) and the scores (on each mechanism's target row, made with the
    /// default target when missing), or nothing: every value is checked first.
    /// </summary>
    public async Task<Outcome<PriorityList>> SaveAsync(PlanningRound round, PriorityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(input);
        if (PlanEditing.Refusal(round, l) is { } refusal)
        {
            return refusal;
        }
        var errors = new Dictionary<string, string[]>();
        var weights = CheckWeights(input.Weights, errors);
        var accepted = new List<(PlanningMechanism Mechanism, PriorityScoreInput Input, string? Note)>();
        foreach (var score in input.Scores ?? [])
        {
            if (score is null)
            {
                continue;
            }
            var mechanism = PlanEditing.Find(round, score.Mechanism);
            if (mechanism is null)
            {
                var code = score.Mechanism?.Trim() ?? "";
                errors[PriorityInput.ScoreField(code, nameof(PriorityScoreInput.Mechanism))] =
                    [PlanEditing.UnknownMechanism(round, code, l)];
                continue;
            }
            if (accepted.Any(done => done.Mechanism.Code == mechanism.Code))
            {
                errors[PriorityInput.ScoreField(mechanism.Code, nameof(PriorityScoreInput.Mechanism))] = [l["Targets.Error.Twice", mechanism.Code]];
                continue;
            }
            var count = errors.Count;
            targets.CheckScore(mechanism.Code, score.Impact,
                PriorityInput.ScoreField(mechanism.Code, nameof(PriorityScoreInput.Impact)), "Targets.Error.Impact", errors);
            targets.CheckScore(mechanism.Code, score.Feasibility,
                PriorityInput.ScoreField(mechanism.Code, nameof(PriorityScoreInput.Feasibility)), "Targets.Error.Feasibility", errors);
            var note = targets.CheckNote(mechanism.Code, score.Note, PriorityInput.ScoreField(mechanism.Code, nameof(PriorityScoreInput.Note)), errors);
            if (errors.Count == count)
            {
                accepted.Add((mechanism, score, note));
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Priorities.Error.Title"], l["Priorities.Error.Detail", errors.Count], errors);
        }

        var plan = await plans.EnsureAsync(round, cancellationToken);
        if (weights is not null)
        {
            (plan.GapWeight, plan.ImpactWeight, plan.FeasibilityWeight) = (weights.Gap, weights.Impact, weights.Feasibility);
        }
        var rows = await targets.TrackedRowsAsync(round, cancellationToken);
        foreach (var (mechanism, score, note) in accepted)
        {
            var row = targets.RowFor(round, mechanism, rows, plan.Horizon);
            row.Impact = score.Impact ?? row.Impact;
            row.Feasibility = score.Feasibility ?? row.Feasibility;
            if (score.Note is not null)
            {
                row.Note = note;
            }
        }
        var saved = await targets.SaveChangesAsync(round, cancellationToken);
        return saved.Succeeded ? await ListAsync(round, cancellationToken) : saved.Failure!;
    }

    /// <summary>The weights when given and valid; null when absent (kept) or refused (with the errors).</summary>
    private PriorityWeights? CheckWeights(PriorityWeightsInput? input, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            return null;
        }
        var parts = new (string Field, int? Value)[]
        {
            (nameof(PriorityWeightsInput.Gap), input.Gap),
            (nameof(PriorityWeightsInput.Impact), input.Impact),
            (nameof(PriorityWeightsInput.Feasibility), input.Feasibility),
        };
        foreach (var (field, value) in parts)
        {
            if (value is not { } weight || weight < 0 || weight > PriorityWeights.Max)
            {
                errors[PriorityInput.WeightField(field)] = [l["Priorities.Error.Weight", l[$"Priorities.Weight.{field}"], PriorityWeights.Max]];
            }
        }
        if (parts.All(part => part.Value is not null) && errors.Count == 0)
        {
            var weights = new PriorityWeights(input.Gap!.Value, input.Impact!.Value, input.Feasibility!.Value);
            if (weights.IsValid)
            {
                return weights;
            }
            errors[PriorityInput.WeightField(nameof(PriorityWeightsInput.Gap))] = [l["Priorities.Error.AllZero"]];
        }
        return null;
    }
}

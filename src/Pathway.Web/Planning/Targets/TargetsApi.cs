using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;

namespace Pathway.Web.Planning;

/// <summary>
/// One mechanism's target. <c>kind</c>: Level (a level was agreed: target from <c>currentLevel</c> to 4),
/// BuildEvidence (insufficient information: build the evidence first, no target level) or None (not applicable).
/// <c>saved</c> is false while the defaults apply; <c>matchesDefault</c> says whether the values are the plan horizon's defaults.
/// </summary>
public sealed record TargetDto(
    string Mechanism,
    string Behaviour,
    string Kind,
    string Answer,
    int? CurrentLevel,
    int? TargetLevel,
    IReadOnlyList<int> AllowedTargets,
    int HorizonMonths,
    int Gap,
    int Impact,
    int Feasibility,
    string? Note,
    bool Saved,
    bool MatchesDefault);

/// <summary>The plan horizon (OneYear, FiveYear) that sets the defaults, and every mechanism's target in framework order.</summary>
public sealed record TargetsDto(string Horizon, IReadOnlyList<TargetDto> Targets)
{
    public static TargetsDto From(TargetSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new(sheet.Horizon.ToString(), [.. sheet.Rows.Select(row => new TargetDto(
            row.Mechanism.Code,
            row.Mechanism.Behaviour.Code,
            row.Mechanism.Kind.ToString(),
            row.Mechanism.Answer.State.ToString(),
            row.CurrentLevel,
            row.TargetLevel,
            row.CurrentLevel is { } current ? [.. TargetRules.AllowedTargets(current)] : [],
            row.HorizonMonths,
            row.Gap,
            row.Impact,
            row.Feasibility,
            row.Note,
            !row.IsDefault,
            sheet.MatchesDefault(row)))]);
    }
}

/// <summary>The plan horizon whose defaults to accept: OneYear or FiveYear.</summary>
public sealed class TargetDefaultsInput
{
    public string? Horizon { get; set; }
}

/// <summary>The targets step over the API: read, save some or all, accept a horizon's defaults.</summary>
internal static class TargetsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/targets", GetTargets).WithName("GetRoundTargets")
            .WithDescription("Every mechanism's target in framework order: the saved one, or the default for the plan horizon " +
                "(one-year plan: the next level; five-year plan: Established, or Advanced where Established is already reached), " +
                "with the horizon in months, the gap, and the team's impact and feasibility scores (1–5, 3 until set). " +
                "400 before the round is validated; 404 when the round is not visible to you.");
        routes.MapPut("/{id:guid}/targets", PutTargets).WithName("PutRoundTargets")
            .WithDescription("Saves the targets of the listed mechanisms (all or some): a list of {mechanism, targetLevel, horizonMonths, " +
                "impact?, feasibility?, note?}. targetLevel is required where a level was agreed, from that level up to 4 (Advanced), and " +
                "must be absent for insufficient-information (build the evidence first) and not-applicable mechanisms; horizonMonths 1–120; " +
                "impact and feasibility 1–5; absent values keep what is saved. All or nothing: one refused row saves none (400 with " +
                "field errors keyed Targets[CODE].Field, each naming its mechanism). Country team only (403), once validated (400).");
        routes.MapPost("/{id:guid}/targets/defaults", PostDefaults).WithName("PostRoundTargetDefaults")
            .WithDescription("Sets the plan horizon ({horizon: OneYear | FiveYear}) and gives every mechanism that horizon's default target " +
                "and horizon in months (12 or 60), keeping impact, feasibility and notes. Country team only (403), once validated (400).");
    }

    public static async Task<Results<Ok<TargetsDto>, ProblemHttpResult>> GetTargets(
        Guid id, PlanningRounds rounds, TargetBook book, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (!round.Can.IsOpen)
        {
            return NotOpen(l);
        }
        return TypedResults.Ok(TargetsDto.From(await book.SheetAsync(round, cancellationToken)));
    }

    public static async Task<Results<Ok<TargetsDto>, ProblemHttpResult>> PutTargets(
        Guid id, List<TargetInput> body, PlanningRounds rounds, TargetBook book, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenForEditAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var saved = await book.SaveAsync(round, body, cancellationToken);
        return saved.ToResult(sheet => TypedResults.Ok(TargetsDto.From(sheet)));
    }

    public static async Task<Results<Ok<TargetsDto>, ProblemHttpResult>> PostDefaults(
        Guid id, TargetDefaultsInput body, PlanningRounds rounds, TargetDefaults defaults, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenForEditAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (ConsensusInput.ParseName<PlanHorizon>(body.Horizon) is not { } horizon)
        {
            return Failure.Invalid(l["Targets.Error.Title"], nameof(body.Horizon),
                l["Targets.Error.Horizon", string.Join(", ", Enum.GetNames<PlanHorizon>())]).ToProblem();
        }
        var saved = await defaults.AcceptAsync(round, horizon, cancellationToken);
        return saved.ToResult(sheet => TypedResults.Ok(TargetsDto.From(sheet)));
    }

    internal static ProblemHttpResult NotOpen(IStringLocalizer<SharedResource> l) =>
        Failure.Invalid(l["Planning.Error.Title"], l["Planning.Error.NotOpen"]).ToProblem();
}

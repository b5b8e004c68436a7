using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Planning;

public sealed record PriorityWeightsDto(int Gap, int Impact, int Feasibility);

/// <summary>
/// One ranked mechanism and why it ranks there: score = gapPoints + impactPoints + feasibilityPoints, each
/// the value times its weight; <c>tiedWith</c> lists the mechanisms with the same score (ranked by framework order).
/// </summary>
public sealed record RankedPriorityDto(
    int Rank,
    string Mechanism,
    int CurrentLevel,
    int TargetLevel,
    int Gap,
    int Impact,
    int Feasibility,
    int GapPoints,
    int ImpactPoints,
    int FeasibilityPoints,
    int Score,
    IReadOnlyList<string> TiedWith,
    string? Note);

/// <summary>A mechanism out of the ranking; reason AtTarget, BuildEvidence or NotApplicable.</summary>
public sealed record LeftOutDto(string Mechanism, string Reason);

public sealed record PrioritiesDto(PriorityWeightsDto Weights, IReadOnlyList<RankedPriorityDto> Ranked, IReadOnlyList<LeftOutDto> LeftOut)
{
    public static PrioritiesDto From(PriorityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new(
            new PriorityWeightsDto(list.Weights.Gap, list.Weights.Impact, list.Weights.Feasibility),
            [.. list.Ranked.Select(row => new RankedPriorityDto(
                row.Ranked.Rank, row.Code, row.Target.CurrentLevel ?? 0, row.Target.TargetLevel ?? 0, row.Ranked.Candidate.Gap,
                row.Ranked.Candidate.Impact, row.Ranked.Candidate.Feasibility, row.Ranked.GapPoints, row.Ranked.ImpactPoints,
                row.Ranked.FeasibilityPoints, row.Ranked.Score, row.Ranked.TiedWith, row.Target.Note))],
            [.. list.LeftOut.Select(left => new LeftOutDto(left.Target.Mechanism.Code, left.Reason.ToString()))]);
    }
}

/// <summary>The priorities step over the API: the ranking with its reasons, and saving weights and scores.</summary>
internal static class PrioritiesApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/priorities", GetPriorities).WithName("GetRoundPriorities")
            .WithDescription("The mechanisms to work on, ranked by score = gap to target × gap weight + impact × impact weight + " +
                "feasibility × feasibility weight (weights 0–5, default 2, 1, 1); equal scores keep framework order. Mechanisms " +
                "already at target, without an agreed level (build the evidence first) or not applicable are listed under leftOut " +
                "with the reason. 400 before the round is validated; 404 when the round is not visible to you.");
        routes.MapPut("/{id:guid}/priorities", PutPriorities).WithName("PutRoundPriorities")
            .WithDescription("Saves {weights: {gap, impact, feasibility}, scores: [{mechanism, impact, feasibility, note?}]} and answers " +
                "the new ranking. Weights are 0–5 and not all zero (absent: unchanged); impact and feasibility 1–5 (absent: unchanged). " +
                "All or nothing (400 with field errors keyed Weights.Field or Scores[CODE].Field). Country team only (403), once validated (400).");
    }

    public static async Task<Results<Ok<PrioritiesDto>, ProblemHttpResult>> GetPriorities(
        Guid id, PlanningRounds rounds, PriorityBoard board, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (!round.Can.IsOpen)
        {
            return TargetsApi.NotOpen(l);
        }
        return TypedResults.Ok(PrioritiesDto.From(await board.ListAsync(round, cancellationToken)));
    }

    public static async Task<Results<Ok<PrioritiesDto>, ProblemHttpResult>> PutPriorities(
        Guid id, PriorityInput body, PlanningRounds rounds, PriorityBoard board, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenForEditAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var saved = await board.SaveAsync(round, body, cancellationToken);
        return saved.ToResult(priorities => TypedResults.Ok(PrioritiesDto.From(priorities)));
    }
}

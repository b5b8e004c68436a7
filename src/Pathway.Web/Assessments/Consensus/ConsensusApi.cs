using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>Counts of answers: levels 1–4, don't know, not applicable, and all of them.</summary>
public sealed record AnswerCountsDto(int Level1, int Level2, int Level3, int Level4, int DontKnow, int NotApplicable, int Total)
{
    public static AnswerCountsDto From(AnswerCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new(counts.Level1, counts.Level2, counts.Level3, counts.Level4, counts.DontKnow, counts.NotApplicable, counts.Total);
    }
}

/// <summary>One stakeholder group's answers; side is Public, Private or Neither.</summary>
public sealed record GroupSpreadDto(string Group, string Side, AnswerCountsDto Counts);

/// <summary>A respondent's comment with their group and answer (Rated with a level, DontKnow, NotApplicable); never their name.</summary>
public sealed record SpreadCommentDto(string Group, string Answer, int? Level, string Comment);

/// <summary>
/// The spread of one mechanism. Reasons say why it is divergent: "MedianGap" (side medians two levels
/// or more apart), "LevelRange" (the levels given span three levels or more).
/// </summary>
public sealed record MechanismSpreadDto(
    string Code,
    string Behaviour,
    IReadOnlyList<GroupSpreadDto> Groups,
    AnswerCountsDto Totals,
    decimal? PublicMedian,
    decimal? PrivateMedian,
    decimal? MedianGap,
    int? LowestLevel,
    int? HighestLevel,
    bool Divergent,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<SpreadCommentDto> Comments);

/// <summary>The consensus step over the API: the spread, the agreed answers, and recording one (409 on a stale version).</summary>
internal static class ConsensusApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/spread", GetSpread).WithName("GetRoundSpread")
            .WithDescription("The spread of individual ratings for every mechanism of the round: counts per stakeholder group, " +
                "public-side and private-side medians, the divergence flag and its reasons, and respondents' comments with their group " +
                "(never their name). Facilitators see it at any time; others on the round from the consensus step on (403 before).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        routes.MapGet("/{id:guid}/consensus", GetConsensus).WithName("GetRoundConsensus")
            .WithDescription("The agreed answers recorded so far, one per mechanism, each with its version (the concurrency token).");
        routes.MapPut("/{id:guid}/consensus/{mechanismCode}", PutConsensus).WithName("PutRoundConsensus")
            .WithDescription("Records the agreed answer for a mechanism: state Rated with level 1–4, InsufficientInformation or NotApplicable; " +
                "rationale (required); confidence Low|Medium|High; method Consensus|Vote|FacilitatorJudgement; optional dissentNotes; " +
                "version = the version you saw (0 when none was stored). A stale version answers 409 with the stored value under \"current\". " +
                "Only facilitators and the focal point, while the round is at the consensus step or returned.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapPut("/{id:guid}/consensus", PutConsensusBatch).WithName("PutRoundConsensusBatch")
            .WithDescription("Records the agreed answers of several mechanisms at once: a list of {mechanismCode, state, level, rationale, " +
                "confidence, method, dissentNotes, version}, each as for one mechanism. Each mechanism is saved on its own with its own version: " +
                "200 with savedCount, notSavedCount and one result per item in the order sent, outcome Saved (the new value under \"saved\"), " +
                "Unchanged (sent empty or exactly as stored: nothing written), Conflict (someone saved first: nothing written for it, the stored " +
                "value under \"current\") or Invalid (nothing written for it; field errors under \"errors\"). 400 for an empty list, more than 200 " +
                "items or a mechanism sent twice (nothing written); 403 when the caller may not record consensus now; 404 for an unknown round.");
    }

    public static async Task<Results<Ok<ConsensusBatchResult>, ProblemHttpResult>> PutConsensusBatch(
        Guid id, List<ConsensusBatchItem> body, RoundDirectory rounds, ConsensusBatch batch, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return (await batch.SaveAsync(round, body, cancellationToken)).ToResult(TypedResults.Ok);
    }

    public static async Task<Results<Ok<List<MechanismSpreadDto>>, ProblemHttpResult>> GetSpread(
        Guid id, RoundDirectory rounds, ConsensusBook book, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return (await book.SpreadAsync(round, cancellationToken: cancellationToken))
            .ToResult(spread => TypedResults.Ok(spread.Select(ToDto).ToList()));
    }

    public static async Task<Results<Ok<List<AgreedRating>>, ProblemHttpResult>> GetConsensus(
        Guid id, RoundDirectory rounds, ConsensusBook book, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return (await book.ConsensusAsync(round, cancellationToken))
            .ToResult(agreed => TypedResults.Ok(agreed.Values.OrderBy(rating => rating.MechanismCode, StringComparer.Ordinal).ToList()));
    }

    public static async Task<Results<Ok<AgreedRating>, ProblemHttpResult>> PutConsensus(
        Guid id, string mechanismCode, ConsensusInput body, RoundDirectory rounds, ConsensusBook book,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var saved = await book.SaveAsync(round, mechanismCode, body, cancellationToken);
        return saved.ToResult(rating => TypedResults.Ok(rating));
    }

    private static MechanismSpreadDto ToDto(MechanismSpread mechanism)
    {
        var spread = mechanism.Spread;
        List<string> reasons = [];
        if (spread.DivergentByMedians)
        {
            reasons.Add("MedianGap");
        }
        if (spread.DivergentByRange)
        {
            reasons.Add("LevelRange");
        }
        return new MechanismSpreadDto(
            mechanism.MechanismCode,
            mechanism.BehaviourCode,
            [.. spread.Groups.Select(group => new GroupSpreadDto(group.Group.ToString(), group.Side.ToString(), AnswerCountsDto.From(group.Counts)))],
            AnswerCountsDto.From(spread.Totals),
            spread.PublicMedian,
            spread.PrivateMedian,
            spread.MedianGap,
            spread.LowestLevel,
            spread.HighestLevel,
            spread.Divergent,
            reasons,
            [.. mechanism.Comments.Select(comment => new SpreadCommentDto(
                comment.Group.ToString(), comment.Answer.State.ToString(), comment.Answer.Level, comment.Comment))]);
    }
}

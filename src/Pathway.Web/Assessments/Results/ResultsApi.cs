using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>How many mechanisms are in each answer state.</summary>
public sealed record CoverageDto(int Rated, int DontKnow, int InsufficientInformation, int NotApplicable, int NotAssessed);

/// <summary>
/// A behaviour's score: mean (one decimal; null when nothing is rated), status (Scored,
/// InsufficientInformation, NotApplicable), band (Emerging…Advanced, only when scored) and coverage.
/// </summary>
public sealed record BehaviourScoreDto(string Code, string Name, decimal? Mean, string Status, string? Band, CoverageDto Coverage);

/// <summary>A mechanism's agreed state (Rated, DontKnow, InsufficientInformation, NotApplicable, NotAssessed) and level.</summary>
public sealed record MechanismScoreDto(string Code, string Name, string BehaviourCode, string State, int? Level);

/// <summary>A round's profile, computed from its stored consensus at the time of the request.</summary>
public sealed record ScoresDto(
    string RuleVersion,
    string Language,
    decimal? Completeness,
    int InformationGaps,
    IReadOnlyList<BehaviourScoreDto> Behaviours,
    IReadOnlyList<MechanismScoreDto> Mechanisms);

/// <summary>GET /api/assessments/{id}/scores.</summary>
internal static class ResultsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/scores", GetScores).WithName("GetAssessmentScores")
            .WithDescription("The round's behaviour profile and mechanism levels, computed now from its stored consensus " +
                "(never stored, so a correction shows at once). Completeness is the answered share (0–1) of applicable " +
                "mechanisms; there is deliberately no overall score. ?lang=fr|ar for names in that language.");
    }

    public static async Task<Results<Ok<ScoresDto>, ProblemHttpResult, ValidationProblem>> GetScores(
        Guid id, string? lang, RoundDirectory rounds, RoundResults results,
        CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var scores = await results.ScoresAsync(round, language, cancellationToken);
        var profile = scores.Profile;
        return TypedResults.Ok(new ScoresDto(
            profile.RuleVersion,
            scores.Language,
            profile.Completeness is { } completeness ? Math.Round(completeness, 4) : null,
            profile.InformationGaps,
            [.. scores.Behaviours.Select(behaviour => new BehaviourScoreDto(
                behaviour.Code,
                behaviour.Name,
                behaviour.Result.Mean,
                behaviour.Result.Status.ToString(),
                behaviour.Result.Band?.ToString(),
                ToDto(behaviour.Result.Coverage)))],
            [.. scores.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => new MechanismScoreDto(
                mechanism.Code, mechanism.Name, mechanism.BehaviourCode, mechanism.Answer.State.ToString(), mechanism.Answer.Level))]));
    }

    private static CoverageDto ToDto(Coverage coverage) =>
        new(coverage.Rated, coverage.DontKnow, coverage.InsufficientInformation, coverage.NotApplicable, coverage.NotAssessed);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Assessments;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Planning;

/// <summary>Another round of the same country and scope with agreed answers.</summary>
public sealed record ComparableRoundDto(
    Guid Id, string Title, string Status, string FrameworkVersion, DateTimeOffset CreatedAt, DateOnly? PlannedStart, DateOnly? PlannedEnd);

/// <summary>One of the two rounds compared.</summary>
public sealed record ComparedRoundDto(
    Guid Id, string Title, string Status, string FrameworkVersion, DateTimeOffset CreatedAt, DateOnly? PlannedStart, DateOnly? PlannedEnd);

/// <summary>A behaviour's mean (one decimal; null when nothing is rated) and status (Scored, InsufficientInformation, NotApplicable) in one round.</summary>
public sealed record BehaviourScoreThenNowDto(decimal? Mean, string Status);

/// <summary>A behaviour then and now; change = now − then, when both have a mean.</summary>
public sealed record BehaviourChangeDto(string Code, string Name, BehaviourScoreThenNowDto? Then, BehaviourScoreThenNowDto Now, decimal? Change);

/// <summary>An agreed answer: state (Rated, DontKnow, InsufficientInformation, NotApplicable, NotAssessed) and level when rated.</summary>
public sealed record AnswerDto(string State, int? Level);

/// <summary>An action marked done in a plan between the two rounds; mechanismCode as the item records it (in its round's version).</summary>
public sealed record CompletedActionDto(Guid Id, Guid AssessmentId, string RoundTitle, string MechanismCode, string What, DateOnly? CompletedOn);

/// <summary>
/// A mechanism of the newer round compared with the older round's. pairing: Same, Renamed (previousCode
/// differs) or Split (one older mechanism became several; each is compared with its level).
/// change = levels gained (negative: lost), null unless both answers are levels.
/// </summary>
public sealed record MechanismChangeDto(
    string Code, string Name, string BehaviourCode, string PreviousCode, string Pairing,
    AnswerDto Then, AnswerDto Now, int? Change, IReadOnlyList<CompletedActionDto> CompletedActions);

/// <summary>
/// A mechanism that is not compared, and why: Merged (several older mechanisms became code), Added (no older
/// mechanism maps to code), Removed (the crosswalk maps the older mechanism to nothing), Unmapped (the crosswalk
/// does not mention it), NoCrosswalk (the versions differ and the newer declares no crosswalk from the older).
/// code is null for an older mechanism without a counterpart; previousCodes are older codes.
/// </summary>
public sealed record NotComparableDto(
    string? Code, string? Name, IReadOnlyList<string> PreviousCodes, string Reason, AnswerDto? Now, IReadOnlyList<CompletedActionDto> CompletedActions);

/// <summary>
/// Two rounds compared, older first. crosswalkVersion is set when the versions differ and the newer
/// version's crosswalk from the older one was used. otherActions are completed actions of rounds on a
/// third framework version, which this crosswalk cannot place.
/// </summary>
public sealed record ComparisonDto(
    ComparedRoundDto Older,
    ComparedRoundDto Newer,
    bool SameVersion,
    string? CrosswalkVersion,
    string Language,
    IReadOnlyList<BehaviourChangeDto> Behaviours,
    IReadOnlyList<MechanismChangeDto> Mechanisms,
    IReadOnlyList<NotComparableDto> NotComparable,
    IReadOnlyList<CompletedActionDto> OtherActions);

/// <summary>Progress across rounds over the API.</summary>
internal static class CompareApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/comparable-rounds", GetComparableRounds).WithName("GetComparableRounds")
            .WithDescription("The other rounds of the same country and scope (scope and scope detail) that the caller can see and that " +
                "have agreed answers, newest first: the rounds this one can be compared with.");
        routes.MapGet("/{id:guid}/compare/{otherId:guid}", GetComparison).WithName("GetRoundComparison")
            .WithDescription("Compares two rounds of the same country and scope, older first (by creation): per behaviour the mean then " +
                "and now and the change; per mechanism of the newer round the agreed answer then and now, the change in levels and the " +
                "actions marked done in the plans of the rounds from the older up to (not including) the newer. Rounds on different " +
                "framework versions are paired only through the crosswalk the newer version declares from the older one; every " +
                "mechanism it does not pair one to one (merged, added, removed, unmapped, or all when there is no crosswalk) is listed " +
                "under notComparable with its reason, never compared by its code alone. 404 when either round is not visible; 400 " +
                "for the same round twice or rounds of different countries or scopes. ?lang=fr|ar for names in that language.");
    }

    public static async Task<Results<Ok<List<ComparableRoundDto>>, ProblemHttpResult>> GetComparableRounds(
        Guid id, RoundComparison comparison, CancellationToken cancellationToken)
    {
        if (!(await comparison.ComparableRoundsAsync(id, cancellationToken)).TryGet(out var rounds, out var closed))
        {
            return closed.ToProblem();
        }
        return TypedResults.Ok(rounds.Select(round => new ComparableRoundDto(
            round.Id, round.Title, round.Status.ToString(), round.FrameworkVersion, round.CreatedAt, round.PlannedStart, round.PlannedEnd)).ToList());
    }

    public static async Task<Results<Ok<ComparisonDto>, ProblemHttpResult, ValidationProblem>> GetComparison(
        Guid id, Guid otherId, string? lang, RoundComparison comparison, CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await comparison.CompareAsync(id, otherId, cancellationToken)).TryGet(out var view, out var refused))
        {
            return refused.ToProblem();
        }
        return TypedResults.Ok(new ComparisonDto(
            ToDto(view.Older),
            ToDto(view.Newer),
            view.SameVersion,
            view.CrosswalkVersion,
            language,
            [.. view.Behaviours.Select(behaviour => new BehaviourChangeDto(
                behaviour.Behaviour.Code,
                behaviour.Behaviour.Name.In(language),
                behaviour.Then is { } then ? new BehaviourScoreThenNowDto(then.Mean, then.Status.ToString()) : null,
                new BehaviourScoreThenNowDto(behaviour.Now.Mean, behaviour.Now.Status.ToString()),
                behaviour.Change))],
            [.. view.Mechanisms.Where(mechanism => mechanism.Line.IsComparable).Select(mechanism => new MechanismChangeDto(
                mechanism.Line.NewCode!,
                mechanism.Mechanism!.Name.In(language),
                mechanism.Behaviour!.Code,
                mechanism.Line.OldCode!,
                mechanism.Line.Kind.ToString(),
                ToDto(mechanism.Then!),
                ToDto(mechanism.Now!),
                mechanism.Change,
                ToDto(mechanism.CompletedActions)))],
            [.. view.NotComparable.Select(mechanism => new NotComparableDto(
                mechanism.Line.NewCode,
                (mechanism.Mechanism ?? (mechanism.Previous.Count > 0 ? mechanism.Previous[0] : null))?.Name.In(language),
                mechanism.Line.OldCodes,
                mechanism.Line.Kind.ToString(),
                mechanism.Now is { } now ? ToDto(now) : null,
                ToDto(mechanism.CompletedActions)))],
            ToDto(view.OtherActions)));
    }

    private static ComparedRoundDto ToDto(Round round) =>
        new(round.Id, round.Title, round.Status.ToString(), round.FrameworkVersion, round.CreatedAt, round.PlannedStart, round.PlannedEnd);

    private static AnswerDto ToDto(MechanismAnswer answer) => new(answer.State.ToString(), answer.Level);

    private static List<CompletedActionDto> ToDto(IEnumerable<CompletedAction> actions) =>
        [.. actions.Select(action => new CompletedActionDto(action.Id, action.AssessmentId, action.RoundTitle, action.MechanismCode, action.What, action.CompletedOn))];
}

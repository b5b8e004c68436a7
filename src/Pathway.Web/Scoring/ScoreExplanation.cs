namespace Pathway.Web.Scoring;

/// <summary>A rated mechanism and the level it contributes to its behaviour's mean.</summary>
public sealed record LevelContribution(string MechanismCode, int Level);

/// <summary>
/// "How this was calculated" for one behaviour, as data a page renders through the localizer:
/// which mechanisms contributed which level, their sum and mean, the band, the information gaps,
/// what was left out, and the half-rated threshold. Built from a <see cref="BehaviourResult"/>, so it
/// can never disagree with it.
/// </summary>
public sealed record ScoreExplanation(
    string BehaviourCode,
    ScoreStatus Status,
    IReadOnlyList<LevelContribution> Contributions,
    int LevelSum,
    decimal? Mean,
    LevelBand? Band,
    IReadOnlyList<MechanismResult> InformationGaps,
    IReadOnlyList<string> NotApplicable,
    IReadOnlyList<string> NotAssessed,
    int Applicable,
    int MinimumRatedForBand,
    decimal? Completeness,
    string RuleVersion)
{
    public int RatedCount => Contributions.Count;

    /// <summary>Mechanisms with an agreed answer: rated or an information gap.</summary>
    public int Answered => RatedCount + InformationGaps.Count;

    public static ScoreExplanation Of(BehaviourResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var contributions = result.Mechanisms
            .Where(mechanism => mechanism.Level is not null)
            .Select(mechanism => new LevelContribution(mechanism.Code, mechanism.Level!.Value))
            .ToList();
        return new(
            result.Code,
            result.Status,
            contributions,
            contributions.Sum(contribution => contribution.Level),
            result.Mean,
            result.Band,
            [.. result.Mechanisms.Where(mechanism => mechanism.Answer.IsInformationGap)],
            CodesIn(result, MechanismAnswerState.NotApplicable),
            CodesIn(result, MechanismAnswerState.NotAssessed),
            result.ApplicableCount,
            ScoringRule.MinimumRatedForBand(result.ApplicableCount),
            result.Completeness,
            result.RuleVersion);
    }

    private static List<string> CodesIn(BehaviourResult result, MechanismAnswerState state) =>
        [.. result.Mechanisms.Where(mechanism => mechanism.Answer.State == state).Select(mechanism => mechanism.Code)];
}

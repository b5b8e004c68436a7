using System.Globalization;
using Pathway.Web.Components.Charts;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>A behaviour's result with its name in the requested language.</summary>
public sealed record BehaviourScore(string Code, string Name, BehaviourResult Result, IReadOnlyList<MechanismScore> Mechanisms);

/// <summary>A mechanism's agreed answer with its name in the requested language.</summary>
public sealed record MechanismScore(string Code, string Name, string BehaviourCode, MechanismAnswer Answer);

/// <summary>
/// A round's scores as computed now from its stored consensus rows: the profile (with the scoring
/// rule's own explanation per behaviour), names in one language, and the chart inputs.
/// </summary>
public sealed record RoundScores(
    ScoreProfile Profile,
    string Language,
    IReadOnlyList<BehaviourScore> Behaviours,
    IReadOnlyList<BehaviourScorePoint> Radar,
    IReadOnlyList<HeatMapRow> HeatMap)
{
    /// <summary>Whether any mechanism has an agreed answer yet (a level, a gap or not applicable).</summary>
    public bool AnythingAgreed => Profile.Coverage.NotAssessed < Profile.Coverage.Total;
}

/// <summary>
/// Scores of a round, derived from its consensus rows on every call and never stored, so a corrected
/// consensus shows everywhere at once. Anyone who can see the round can see its scores.
/// </summary>
public sealed class RoundResults(PathwayDb db)
{
    /// <summary>
    /// The round's scores with names in <paramref name="language"/> (default: the reader's language).
    /// One query for the agreed answers; the framework tree comes with the round.
    /// </summary>
    public async Task<RoundScores> ScoresAsync(Round round, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        language ??= CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var agreed = await AgreedAnswers.ForRoundAsync(db, round.Id, cancellationToken);
        return Score(round.Framework, agreed.ToDictionary(pair => pair.Key, pair => pair.Value.Answer, StringComparer.Ordinal), language);
    }

    /// <summary>
    /// The one way a round's profile is scored, from its framework tree and the agreed answers: the
    /// results page, the scores API and a publication's frozen snapshot all go through here.
    /// </summary>
    public static ScoreProfile Profile(FrameworkTree tree, IReadOnlyDictionary<string, MechanismAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return ScoringRule.ScoreProfile(tree.Behaviours.Select(behaviour =>
            BehaviourInput.From(behaviour.Code, behaviour.Mechanisms.Select(mechanism => mechanism.Code), answers)));
    }

    /// <summary>Scores a framework tree against agreed answers by mechanism code (codes outside the tree are ignored).</summary>
    public static RoundScores Score(FrameworkTree tree, IReadOnlyDictionary<string, MechanismAnswer> answers, string language)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(language);
        var profile = Profile(tree, answers);

        var behaviours = new List<BehaviourScore>(tree.Behaviours.Count);
        var radar = new List<BehaviourScorePoint>(tree.Behaviours.Count);
        var heatMap = new List<HeatMapRow>(tree.Behaviours.Count);
        for (var i = 0; i < tree.Behaviours.Count; i++)
        {
            var view = tree.Behaviours[i];
            var result = profile.Behaviours[i];
            var name = view.Name.In(language);
            var mechanisms = view.Mechanisms.Zip(result.Mechanisms, (mechanism, scored) =>
                new MechanismScore(mechanism.Code, mechanism.Name.In(language), view.Code, scored.Answer)).ToList();
            behaviours.Add(new BehaviourScore(view.Code, name, result, mechanisms));
            radar.Add(new BehaviourScorePoint(view.Code, name, result.Mean)
            {
                Status = result.Status,
                Band = result.Band,
                Coverage = result.Coverage,
            });
            heatMap.Add(new HeatMapRow(view.Code, name,
                [.. mechanisms.Select(mechanism => new HeatMapCell(mechanism.Code, mechanism.Name, mechanism.Answer.State, mechanism.Answer.Level))]));
        }
        return new RoundScores(profile, language, behaviours, radar, heatMap);
    }
}

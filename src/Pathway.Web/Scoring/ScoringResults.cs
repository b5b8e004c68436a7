namespace Pathway.Web.Scoring;

/// <summary>What a behaviour's result is: a level band, too little information for one, or nothing to score.</summary>
public enum ScoreStatus
{
    /// <summary>At least half of the applicable mechanisms are rated: the behaviour has a mean and a band.</summary>
    Scored,

    /// <summary>Fewer than half of the applicable mechanisms are rated: no band; a mean, if any, is shown flagged.</summary>
    InsufficientInformation,

    /// <summary>No applicable mechanism (all not applicable, or none at all).</summary>
    NotApplicable,
}

/// <summary>A mechanism's result: its level is its agreed level (null unless rated).</summary>
public sealed record MechanismResult(string Code, MechanismAnswer Answer)
{
    public int? Level => Answer.Level;
}

/// <summary>
/// How many mechanisms are in each answer state. Not applicable mechanisms are outside everything
/// else: completeness is the answered share (rated plus information gaps) of the applicable ones.
/// </summary>
public sealed record Coverage(int Rated, int DontKnow, int InsufficientInformation, int NotApplicable, int NotAssessed)
{
    public static Coverage None { get; } = new(0, 0, 0, 0, 0);

    public int Total => Rated + DontKnow + InsufficientInformation + NotApplicable + NotAssessed;

    public int Applicable => Total - NotApplicable;

    public int InformationGaps => DontKnow + InsufficientInformation;

    public int Answered => Rated + InformationGaps;

    /// <summary>Answered share of the applicable mechanisms, 0 to 1; null when none is applicable.</summary>
    public decimal? Completeness => Applicable == 0 ? null : (decimal)Answered / Applicable;

    public static Coverage Of(IEnumerable<MechanismAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        int rated = 0, dontKnow = 0, insufficient = 0, notApplicable = 0, notAssessed = 0;
        foreach (var answer in answers)
        {
            switch (answer.State)
            {
                case MechanismAnswerState.Rated: rated++; break;
                case MechanismAnswerState.DontKnow: dontKnow++; break;
                case MechanismAnswerState.InsufficientInformation: insufficient++; break;
                case MechanismAnswerState.NotApplicable: notApplicable++; break;
                case MechanismAnswerState.NotAssessed: notAssessed++; break;
                default: throw new ArgumentOutOfRangeException(nameof(answers), answer.State, "Unknown answer state.");
            }
        }
        return new(rated, dontKnow, insufficient, notApplicable, notAssessed);
    }

    public static Coverage operator +(Coverage left, Coverage right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.Rated + right.Rated,
            left.DontKnow + right.DontKnow,
            left.InsufficientInformation + right.InsufficientInformation,
            left.NotApplicable + right.NotApplicable,
            left.NotAssessed + right.NotAssessed);
    }

    public static Coverage Add(Coverage left, Coverage right) => left + right;
}

/// <summary>
/// A behaviour's result. <see cref="Mean"/> is the mean of the rated mechanisms rounded to one decimal
/// (null when none is rated); <see cref="Band"/> is set only when <see cref="Status"/> is Scored. Under
/// InsufficientInformation the mean may still be shown, flagged as resting on too few ratings.
/// </summary>
public sealed record BehaviourResult(
    string Code,
    ScoreStatus Status,
    decimal? Mean,
    LevelBand? Band,
    Coverage Coverage,
    IReadOnlyList<MechanismResult> Mechanisms,
    string RuleVersion)
{
    public int RatedCount => Coverage.Rated;

    public int DontKnowCount => Coverage.DontKnow;

    public int InsufficientInformationCount => Coverage.InsufficientInformation;

    public int NotApplicableCount => Coverage.NotApplicable;

    public int NotAssessedCount => Coverage.NotAssessed;

    public int ApplicableCount => Coverage.Applicable;

    public int InformationGaps => Coverage.InformationGaps;

    public decimal? Completeness => Coverage.Completeness;

    /// <summary>A mean exists but too few mechanisms are rated for a band: show it, flagged.</summary>
    public bool MeanIsFlagged => Status == ScoreStatus.InsufficientInformation && Mean is not null;

    public ScoreExplanation Explain() => ScoreExplanation.Of(this);
}

/// <summary>
/// A country's profile across the behaviours, in framework order. There is deliberately no overall
/// score: the profile is compared with the same country's earlier rounds, never ranked.
/// </summary>
public sealed record ScoreProfile(IReadOnlyList<BehaviourResult> Behaviours, Coverage Coverage, string RuleVersion)
{
    /// <summary>Answered share of all applicable mechanisms of all behaviours; null when none is applicable.</summary>
    public decimal? Completeness => Coverage.Completeness;

    public int InformationGaps => Coverage.InformationGaps;
}

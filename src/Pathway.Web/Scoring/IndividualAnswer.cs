namespace Pathway.Web.Scoring;

/// <summary>What one respondent can answer for a mechanism before consensus.</summary>
public enum IndividualAnswerState
{
    Rated = 1,
    DontKnow,
    NotApplicable,
}

/// <summary>One respondent's answer: a level 1–4, don't know or not applicable. Only Rated carries a level.</summary>
public sealed record IndividualAnswer
{
    private IndividualAnswer(IndividualAnswerState state, int? level)
    {
        State = state;
        Level = level;
    }

    public IndividualAnswerState State { get; }

    public int? Level { get; }

    public static IndividualAnswer DontKnow { get; } = new(IndividualAnswerState.DontKnow, null);

    public static IndividualAnswer NotApplicable { get; } = new(IndividualAnswerState.NotApplicable, null);

    public static IndividualAnswer Rated(int level)
    {
        Levels.EnsureValid(level);
        return new(IndividualAnswerState.Rated, level);
    }

    /// <summary>From a stored row's state and level; refuses a level on a non-rated state and a rated state without one.</summary>
    public static IndividualAnswer From(IndividualAnswerState state, int? level) => state switch
    {
        IndividualAnswerState.Rated when level is { } value => Rated(value),
        IndividualAnswerState.Rated => throw new ArgumentException("A rating needs a level from 1 to 4.", nameof(level)),
        _ when level is not null => throw new ArgumentException($"An answer '{state}' carries no level.", nameof(level)),
        IndividualAnswerState.DontKnow => DontKnow,
        IndividualAnswerState.NotApplicable => NotApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown answer state."),
    };

    public override string ToString() => Level is { } level ? $"{State} {level}" : State.ToString();
}

/// <summary>One respondent's answer for one mechanism, with the group they rate for.</summary>
public sealed record IndividualRating(StakeholderGroup Group, IndividualAnswer Answer);

namespace Pathway.Web.Scoring;

/// <summary>The kinds of agreed (consensus) answer a mechanism can have. None of them is a level 0.</summary>
public enum MechanismAnswerState
{
    /// <summary>Nobody has recorded an agreed answer yet. The default, so an unset value is never mistaken for an answer.</summary>
    NotAssessed = 0,
    Rated,
    DontKnow,
    InsufficientInformation,
    NotApplicable,
}

/// <summary>
/// The agreed state of one mechanism after consensus: a level 1–4, or one of the answer states.
/// Only <see cref="Rated"/> carries a level; the constructor is private so no other combination exists.
/// </summary>
public sealed record MechanismAnswer
{
    private MechanismAnswer(MechanismAnswerState state, int? level)
    {
        State = state;
        Level = level;
    }

    public MechanismAnswerState State { get; }

    /// <summary>1 (Emerging) to 4 (Advanced) when <see cref="State"/> is Rated; otherwise null.</summary>
    public int? Level { get; }

    public static MechanismAnswer DontKnow { get; } = new(MechanismAnswerState.DontKnow, null);

    public static MechanismAnswer InsufficientInformation { get; } = new(MechanismAnswerState.InsufficientInformation, null);

    public static MechanismAnswer NotApplicable { get; } = new(MechanismAnswerState.NotApplicable, null);

    public static MechanismAnswer NotAssessed { get; } = new(MechanismAnswerState.NotAssessed, null);

    public static MechanismAnswer Rated(int level)
    {
        Levels.EnsureValid(level);
        return new(MechanismAnswerState.Rated, level);
    }

    /// <summary>From a stored row's state and level; refuses a level on a non-rated state and a rated state without one.</summary>
    public static MechanismAnswer From(MechanismAnswerState state, int? level) => state switch
    {
        MechanismAnswerState.Rated when level is { } value => Rated(value),
        MechanismAnswerState.Rated => throw new ArgumentException("A rated mechanism needs a level from 1 to 4.", nameof(level)),
        _ when level is not null => throw new ArgumentException($"A mechanism answered '{state}' carries no level.", nameof(level)),
        MechanismAnswerState.DontKnow => DontKnow,
        MechanismAnswerState.InsufficientInformation => InsufficientInformation,
        MechanismAnswerState.NotApplicable => NotApplicable,
        MechanismAnswerState.NotAssessed => NotAssessed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown answer state."),
    };

    public bool IsRated => State == MechanismAnswerState.Rated;

    /// <summary>Don't know and insufficient information: counted and shown, never averaged.</summary>
    public bool IsInformationGap => State is MechanismAnswerState.DontKnow or MechanismAnswerState.InsufficientInformation;

    public bool IsApplicable => State != MechanismAnswerState.NotApplicable;

    public override string ToString() => Level is { } level ? $"{State} {level}" : State.ToString();
}

/// <summary>The four levels of the framework as numbers.</summary>
public static class Levels
{
    public const int Lowest = 1;
    public const int Highest = 4;

    public static bool IsValid(int level) => level is >= Lowest and <= Highest;

    internal static void EnsureValid(int level)
    {
        if (!IsValid(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A level is 1 (Emerging), 2 (Progressing), 3 (Established) or 4 (Advanced).");
        }
    }
}

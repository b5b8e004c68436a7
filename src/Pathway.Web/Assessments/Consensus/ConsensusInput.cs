using Microsoft.Extensions.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>
/// What a facilitator sends to record the agreed answer for one mechanism (the API body and the
/// page's form both become this). Enumerations travel as their names, so an unknown value is a field
/// error that says what is allowed rather than an unreadable body.
/// </summary>
public class ConsensusInput
{
    /// <summary>Rated (with <see cref="Level"/>), InsufficientInformation or NotApplicable. Empty with a level means Rated.</summary>
    public string? State { get; set; }

    /// <summary>1 (Emerging) to 4 (Advanced); only with the Rated state.</summary>
    public int? Level { get; set; }

    /// <summary>Why the group agreed on this answer: required.</summary>
    public string? Rationale { get; set; }

    /// <summary>Low, Medium or High.</summary>
    public string? Confidence { get; set; }

    /// <summary>Consensus, Vote or FacilitatorJudgement.</summary>
    public string? Method { get; set; }

    /// <summary>Views that were not taken up, in the dissenters' words; optional.</summary>
    public string? DissentNotes { get; set; }

    /// <summary>The version of the stored answer the caller saw: 0 when there was none yet.</summary>
    public int Version { get; set; }

    /// <summary>Whether nothing was filled in: a mechanism left untouched in a form of several is not saved.</summary>
    public bool IsEmpty => Version == 0 && string.IsNullOrWhiteSpace(State) && Level is null && string.IsNullOrWhiteSpace(Rationale)
        && string.IsNullOrWhiteSpace(Confidence) && string.IsNullOrWhiteSpace(Method) && string.IsNullOrWhiteSpace(DissentNotes);

    /// <summary>The agreed answers a facilitator may record (don't know is an individual answer, not an agreed one).</summary>
    public static IReadOnlyList<MechanismAnswerState> AllowedStates { get; } =
        [MechanismAnswerState.Rated, MechanismAnswerState.InsufficientInformation, MechanismAnswerState.NotApplicable];

    /// <summary>
    /// Checks every field at once. Returns the decision when all are valid; otherwise null and the field
    /// errors (keyed by this class's property names) in the reader's language.
    /// </summary>
    public ConsensusDecision? Check(IStringLocalizer localizer, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        errors = [];

        var answer = CheckAnswer(localizer, errors);

        var rationale = Rationale?.Trim();
        if (string.IsNullOrEmpty(rationale))
        {
            errors[nameof(Rationale)] = [localizer["Consensus.Error.RationaleRequired"]];
        }
        else if (rationale.Length > ConsensusRating.RationaleLength)
        {
            errors[nameof(Rationale)] = [localizer["Consensus.Error.RationaleLength", ConsensusRating.RationaleLength, rationale.Length]];
        }

        var confidence = ParseName<RatingConfidence>(Confidence);
        if (confidence is null)
        {
            errors[nameof(Confidence)] = [localizer["Consensus.Error.Confidence", Names<RatingConfidence>()]];
        }

        var method = ParseName<ConsensusMethod>(Method);
        if (method is null)
        {
            errors[nameof(Method)] = [localizer["Consensus.Error.Method", Names<ConsensusMethod>()]];
        }

        var dissent = DissentNotes?.Trim();
        if (dissent?.Length > ConsensusRating.DissentLength)
        {
            errors[nameof(DissentNotes)] = [localizer["Consensus.Error.DissentLength", ConsensusRating.DissentLength, dissent.Length]];
        }

        if (Version < 0)
        {
            errors[nameof(Version)] = [localizer["Consensus.Error.Version"]];
        }

        return errors.Count == 0
            ? new ConsensusDecision(answer!, rationale!, confidence!.Value, method!.Value, string.IsNullOrEmpty(dissent) ? null : dissent)
            : null;
    }

    private MechanismAnswer? CheckAnswer(IStringLocalizer localizer, Dictionary<string, string[]> errors)
    {
        MechanismAnswerState? state = string.IsNullOrWhiteSpace(State)
            ? Level is null ? null : MechanismAnswerState.Rated
            : ParseName<MechanismAnswerState>(State);
        if (state is null || !AllowedStates.Contains(state.Value))
        {
            errors[nameof(State)] = [localizer["Consensus.Error.State", string.Join(", ", AllowedStates)]];
            return null;
        }
        if (state == MechanismAnswerState.Rated)
        {
            if (Level is not { } level || !Levels.IsValid(level))
            {
                errors[nameof(Level)] = [localizer["Consensus.Error.Level", Levels.Lowest, Levels.Highest]];
                return null;
            }
            return MechanismAnswer.Rated(level);
        }
        if (Level is not null)
        {
            errors[nameof(Level)] = [localizer["Consensus.Error.LevelWithoutRating", state.Value.ToString()]];
            return null;
        }
        return MechanismAnswer.From(state.Value, null);
    }

    /// <summary>An enumeration value by its exact name (any case); numbers and unknown names are refused.</summary>
    internal static T? ParseName<T>(string? text)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}

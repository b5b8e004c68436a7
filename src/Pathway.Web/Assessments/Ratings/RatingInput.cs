using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>The body of <c>PUT /api/assessments/{id}/my-ratings/{mechanismCode}</c>.</summary>
public sealed class RatingBody
{
    /// <summary>Rated, DontKnow or NotApplicable; may be left out when a level is given (Rated is implied).</summary>
    public string? Answer { get; set; }

    /// <summary>1 to 4 for a rating; absent for DontKnow and NotApplicable.</summary>
    public int? Level { get; set; }

    /// <summary>Optional; at most <see cref="Rating.CommentLength"/> characters.</summary>
    public string? Comment { get; set; }
}

/// <summary>An answer as read from a form or a request: the answer when it could be read, else what is wrong with it.</summary>
public sealed record ReadAnswer(IndividualAnswer? Answer, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads an answer as the rating page posts it (radio value "1".."4", "DontKnow", "NotApplicable")
/// and as the API receives it (<see cref="RatingBody"/>), with messages that say what is allowed.
/// Shared by the page and the API so both accept and refuse the same things.
/// </summary>
public sealed class RatingInput(IStringLocalizer<SharedResource> l, IReadOnlyList<LevelView> levels)
{
    public const string DontKnowValue = nameof(IndividualAnswerState.DontKnow);
    public const string NotApplicableValue = nameof(IndividualAnswerState.NotApplicable);

    /// <summary>The form field that carries a mechanism's answer on the behaviour page.</summary>
    public static string AnswerField(string mechanismCode) => $"answer-{mechanismCode}";

    /// <summary>The form field that carries a mechanism's comment on the behaviour page.</summary>
    public static string CommentField(string mechanismCode) => $"comment-{mechanismCode}";

    /// <summary>The value a radio button posts for an answer (the inverse of <see cref="ReadFormValue"/>).</summary>
    public static string FormValue(IndividualAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Level is { } level ? level.ToString(CultureInfo.InvariantCulture) : answer.State.ToString();
    }

    /// <summary>
    /// A radio value from the rating page. Empty means unanswered (no answer, no error); anything
    /// but a level 1–4, DontKnow or NotApplicable is refused under <paramref name="field"/>.
    /// </summary>
    public ReadAnswer ReadFormValue(string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(null, NoErrors);
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && Levels.IsValid(level))
        {
            return new(IndividualAnswer.Rated(level), NoErrors);
        }
        if (string.Equals(text, DontKnowValue, StringComparison.OrdinalIgnoreCase))
        {
            return new(IndividualAnswer.DontKnow, NoErrors);
        }
        if (string.Equals(text, NotApplicableValue, StringComparison.OrdinalIgnoreCase))
        {
            return new(IndividualAnswer.NotApplicable, NoErrors);
        }
        return Error(field, l["Rating.Error.FormValue", text, LevelName(Levels.Lowest), LevelName(Levels.Highest)]);
    }

    /// <summary>
    /// An API body: <c>{"answer":"Rated","level":3}</c>, <c>{"level":3}</c> (Rated implied),
    /// <c>{"answer":"DontKnow"}</c> or <c>{"answer":"NotApplicable"}</c>. Errors are keyed
    /// "answer" or "level", the body's property names.
    /// </summary>
    public ReadAnswer ReadBody(RatingBody? body)
    {
        var answer = body?.Answer?.Trim();
        var level = body?.Level;
        IndividualAnswerState? state = null;
        if (!string.IsNullOrEmpty(answer))
        {
            // Matched by name only: Enum.TryParse would also take "2" or "Rated,DontKnow".
            var name = Enum.GetNames<IndividualAnswerState>()
                .FirstOrDefault(candidate => string.Equals(candidate, answer, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return Error("answer", l["Rating.Error.UnknownAnswer", answer, Low, High]);
            }
            state = Enum.Parse<IndividualAnswerState>(name);
        }
        switch (state)
        {
            case null when level is null:
                return Error("answer", l["Rating.Error.AnswerMissing", Low, High]);
            case null or IndividualAnswerState.Rated when level is null:
                return Error("level", l["Rating.Error.LevelMissing", Low, High]);
            case null or IndividualAnswerState.Rated when !Levels.IsValid(level!.Value):
                return Error("level", l["Rating.Error.LevelRange", level.Value.ToString(CultureInfo.CurrentCulture), Low, High]);
            case null or IndividualAnswerState.Rated:
                return new(IndividualAnswer.Rated(level!.Value), NoErrors);
            case IndividualAnswerState.DontKnow or IndividualAnswerState.NotApplicable when level is not null:
                return Error("level", l["Rating.Error.LevelNotAllowed", state.Value.ToString(), Low, High]);
            case IndividualAnswerState.DontKnow:
                return new(IndividualAnswer.DontKnow, NoErrors);
            default:
                return new(IndividualAnswer.NotApplicable, NoErrors);
        }
    }

    private string Low => LevelName(Levels.Lowest);

    private string High => LevelName(Levels.Highest);

    private string LevelName(int level) =>
        levels.FirstOrDefault(view => view.Level == level)?.Name.Current ?? level.ToString(CultureInfo.CurrentCulture);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static ReadAnswer Error(string field, string message) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });
}

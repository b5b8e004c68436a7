using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Documents;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Planning;

/// <summary>
/// Interface texts, numbers and dates in the export's language, whatever the thread's culture: the
/// writers are pure and a file written for one reader never picks up another's language.
/// </summary>
internal sealed class ExportText(IStringLocalizer localizer, PlanExport export)
{
    private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);

    public CultureInfo Culture { get; } = export.Culture;

    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;

    /// <summary>The language tag the files carry: a regional one, as Word's proofing tools expect.</summary>
    public string LanguageTag => OfficeFiles.LanguageTag(Culture);

    public string this[string key]
    {
        get
        {
            if (texts.TryGetValue(key, out var text))
            {
                return text;
            }
            // The localizer reads the UI culture; set it for the lookup only.
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = Culture;
            try
            {
                text = localizer[key];
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
            texts[key] = text;
            return text;
        }
    }

    public string Format(string key, params object?[] values) => string.Format(Culture, this[key], values);

    public string Date(DateOnly? date) => date is { } value ? DateText.Date(value, Culture) : "";

    /// <summary>A moment in UTC, with the zone said: exports travel between time zones.</summary>
    public string Moment(DateTimeOffset? moment) => moment is { } value ? DateText.DateTime(value, Culture) : "";

    public string Money(decimal? amount) => amount?.ToString("N2", Culture) ?? "";

    public string Number(int value) => value.ToString("N0", Culture);

    public string YesNo(bool value) => this[value ? "Export.Yes" : "Export.No"];

    public string Status(ActionStatus status) => this[$"Export.Status.{status}"];

    public string Type(ActionType? type) => type is { } value ? this[$"Export.Type.{value}"] : "";

    public string PlanStatus(PlanStatus status) => this[$"Export.PlanStatus.{status}"];

    public string Horizon(PlanHorizon horizon) => this[$"Export.Horizon.{horizon}"];

    /// <summary>"Progressing (2)" in the framework's words, or "" without a level.</summary>
    public string Level(int? level) =>
        level is { } value ? Format("Export.Level", export.LevelNames.GetValueOrDefault(value, ""), Number(value)) : "";

    public string Answer(MechanismAnswer answer) =>
        answer.State == MechanismAnswerState.Rated ? Level(answer.Level) : this[$"Export.Answer.{answer.State}"];

    /// <summary>"1 Emerging, 2 Progressing, …" for the column explanations.</summary>
    public string LevelList() => string.Join(this["Export.ListSeparator"],
        export.LevelNames.OrderBy(pair => pair.Key).Select(pair => $"{Number(pair.Key)} {pair.Value}"));

    public string List<T>(IEnumerable<T> values, Func<T, string> name) => string.Join(this["Export.ListSeparator"], values.Select(name));

    /// <summary>The newest progress note as "date: text", or "".</summary>
    public string LatestNote(ActionItemView item) =>
        item.Notes.OrderByDescending(note => note.On).ThenByDescending(note => note.At).FirstOrDefault() is { } note
            ? Format("Export.NoteLine", Date(note.On), note.Text)
            : "";
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
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
    public string LanguageTag => Culture.TwoLetterISOLanguageName switch
    {
        "en" => "en-GB",
        "fr" => "fr-FR",
        "ar" => "ar-SA",
        _ => Culture.Name,
    };

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

/// <summary>Safety of user text in exported cells and XML.</summary>
internal static class ExportCells
{
    /// <summary>
    /// Text a spreadsheet would take for a formula (or a DDE call) when opened or edited: = + - @, or a
    /// leading tab or carriage return (OWASP's list for CSV injection).
    /// </summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with an apostrophe in front when it looks like a formula: spreadsheets then show it as text.</summary>
    public static string Guard(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>
    /// The text without characters XML 1.0 cannot carry (control characters other than tab and line
    /// breaks, lone surrogates): pasted text sometimes holds them, and one would make the file unreadable.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (IsXmlSafe(text))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static bool IsXmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF');

    /// <summary>True when the text holds right-to-left letters (Arabic, Hebrew): Word marks such runs right-to-left.</summary>
    public static bool HasRightToLeftLetters(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return true;
            }
        }
        return false;
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>Interface texts, numbers and dates in one report language, whatever the thread's culture (a bilingual report needs two at once).</summary>
internal sealed class ReportText(IStringLocalizer localizer, CultureInfo culture)
{
    private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);

    public CultureInfo Culture => culture;

    public string Language => culture.TwoLetterISOLanguageName;

    public string this[string key]
    {
        get
        {
            if (!texts.TryGetValue(key, out var text))
            {
                // The localizer reads the UI culture; set it for the lookup only.
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = culture;
                try
                {
                    text = localizer[key];
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
                texts[key] = text;
            }
            return text;
        }
    }

    public string Format(string key, params object?[] values) => string.Format(culture, this[key], values);

    public string Date(DateOnly? date) => date is { } value ? DateText.Date(value, culture) : "—";

    public string Date(DateTimeOffset? moment) => moment is { } value ? DateText.Date(value, culture) : "—";

    public string Number(int value) => value.ToString(culture);

    public string Score(decimal value) => value.ToString("0.0", culture);

    public string Median(decimal? value) => value?.ToString("0.#", culture) ?? "—";

    public string List(IEnumerable<string> parts) => string.Join(this["Scoring.ListSeparator"], parts);
}

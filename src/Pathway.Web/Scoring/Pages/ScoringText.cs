using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Scoring.Pages;

/// <summary>
/// Scores, levels and answers as text in the reader's language and number format, for pages that
/// show scoring results (the methodology page, results pages).
/// </summary>
public static class ScoringText
{
    /// <summary>A behaviour score with its one decimal, in the reader's number format (2.7, 2,7).</summary>
    public static string Score(decimal value) => value.ToString("0.0", CultureInfo.CurrentCulture);

    /// <summary>A median: a whole level as a whole number, a half level with its decimal.</summary>
    public static string Median(decimal value) => value.ToString("0.#", CultureInfo.CurrentCulture);

    public static string Count(int value) => value.ToString(CultureInfo.CurrentCulture);

    public static string Percent(decimal fraction) => fraction.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A code (A.1, BU.2) kept left-to-right inside right-to-left text (first-strong isolate).</summary>
    public static string Code(string code) => $"\u2068{code}\u2069";

    public static string Band(IStringLocalizer localizer, LevelBand band)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"Scoring.Band.{band}"];
    }

    /// <summary>The level as a number, or the answer state's name.</summary>
    public static string Answer(IStringLocalizer localizer, MechanismAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Level is { } level ? Count(level) : localizer[$"Scoring.Answer.{answer.State}"];
    }

    /// <summary>"A.1: 2, A.2: 3", joined with the language's list separator.</summary>
    public static string Items(IStringLocalizer localizer, IEnumerable<(string Code, string Value)> items)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return List(localizer, items.Select(item => localizer["Scoring.Explain.Item", Code(item.Code), item.Value].Value));
    }

    public static string Codes(IStringLocalizer localizer, IEnumerable<string> codes) => List(localizer, codes.Select(Code));

    private static string List(IStringLocalizer localizer, IEnumerable<string> parts) =>
        string.Join(localizer["Scoring.ListSeparator"].Value, parts);
}

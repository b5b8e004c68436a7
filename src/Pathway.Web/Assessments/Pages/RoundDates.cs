using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Assessments.Pages;

/// <summary>A round's planned dates in the reader's culture (Arabic keeps the Gregorian calendar, see Cultures.Create).</summary>
public static class RoundDates
{
    public static string Format(IStringLocalizer localizer, DateOnly? start, DateOnly? end)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return (start, end) switch
        {
            ({ } from, { } to) => localizer["Rounds.DateRange", Date(from), Date(to)],
            ({ } from, null) => localizer["Rounds.DateFrom", Date(from)],
            (null, { } to) => localizer["Rounds.DateUntil", Date(to)],
            _ => localizer["Rounds.NoDates"],
        };
    }

    public static string Date(DateOnly date) => DateText.Date(date);
}

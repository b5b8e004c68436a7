using System.Globalization;

namespace Pathway.Web.Localization;

/// <summary>
/// Every date and time a person reads, written one way: the day, the month as a word and the year
/// ("6 Dec 2026", "6 déc. 2026", "6 ديسمبر 2026"), so 12/6 can never be read as 6/12. Arabic keeps
/// the Gregorian calendar (see <see cref="Cultures.Create"/>) and Latin digits, as every number on
/// the site does. Times are in UTC and say so: a round's team, its reviewers in the regional office and
/// the public read the same moment from different time zones. Machines get ISO 8601 (<see cref="Iso(DateOnly)"/>).
/// </summary>
public static class DateText
{
    private const string DayMonthYear = "d MMM yyyy";

    /// <summary>"6 Dec 2026" in the given culture, or the current one.</summary>
    public static string Date(DateOnly date, CultureInfo? culture = null)
    {
        var format = Gregorian(culture ?? CultureInfo.CurrentCulture);
        return date.ToString(DayMonthYear, format);
    }

    /// <summary>The UTC day of a moment, as <see cref="Date(DateOnly, CultureInfo?)"/>.</summary>
    public static string Date(DateTimeOffset moment, CultureInfo? culture = null) =>
        Date(DateOnly.FromDateTime(moment.UtcDateTime), culture);

    /// <summary>"6 Dec 2026, 14:05 UTC": the moment in UTC, 24-hour clock, the zone named.</summary>
    public static string DateTime(DateTimeOffset moment, CultureInfo? culture = null)
    {
        var format = Gregorian(culture ?? CultureInfo.CurrentCulture);
        var utc = moment.UtcDateTime;
        var separator = format.TextInfo.IsRightToLeft ? "، " : ", ";
        return utc.ToString(DayMonthYear, format) + separator + utc.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>ISO 8601 day (2026-12-06) for files and attributes machines read.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 moment in UTC (2026-12-06T14:05:00Z) for files and <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A culture object from elsewhere (a thread culture not made by Cultures.Create) may carry a
    // Hijri calendar; the date is always written in the Gregorian one.
    private static CultureInfo Gregorian(CultureInfo culture)
    {
        if (culture.DateTimeFormat.Calendar is GregorianCalendar)
        {
            return culture;
        }
        var copy = (CultureInfo)culture.Clone();
        copy.DateTimeFormat.Calendar = new GregorianCalendar();
        return copy;
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Assessments.Pages;

namespace Pathway.Web.Planning.Pages;

/// <summary>Changes, rounds and crosswalk reasons as text for the comparison page, in the reader's language and number format.</summary>
public static class CompareText
{
    /// <summary>Levels gained or lost with their sign: +1, −2, 0.</summary>
    public static string Levels(int change) => change.ToString("+0;\u22120;0", CultureInfo.CurrentCulture);

    /// <summary>A change of a behaviour mean, one decimal with its sign: +0.5, −1.0 (−1,0 in French).</summary>
    public static string Score(decimal change) => change.ToString("+0.0;\u22120.0;0.0", CultureInfo.CurrentCulture);

    /// <summary>Text kept in its own direction inside a sentence of the other (first-strong isolate).</summary>
    public static string Isolate(string text) => $"\u2068{text}\u2069";

    /// <summary>A round's planned dates, or the day it was opened when it has none.</summary>
    public static string When(IStringLocalizer localizer, Round round)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(round);
        return When(localizer, round.PlannedStart, round.PlannedEnd, round.CreatedAt);
    }

    public static string When(IStringLocalizer localizer, DateOnly? start, DateOnly? end, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return start is null && end is null
            ? localizer["Compare.Opened", RoundDates.Date(DateOnly.FromDateTime(createdAt.UtcDateTime))]
            : RoundDates.Format(localizer, start, end);
    }

    /// <summary>Why a mechanism is not compared, naming the versions and codes involved.</summary>
    public static string Reason(IStringLocalizer localizer, ComparisonView view, CrosswalkLine line)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(line);
        var (older, newer) = (Isolate(view.Older.FrameworkVersion), Isolate(view.Newer.FrameworkVersion));
        return line.Kind switch
        {
            CrosswalkKind.Merged => localizer["Compare.Reason.Merged", string.Join(localizer["Scoring.ListSeparator"].Value, line.OldCodes.Select(Isolate))],
            CrosswalkKind.Added => localizer["Compare.Reason.Added", newer],
            CrosswalkKind.Removed => localizer["Compare.Reason.Removed", newer],
            CrosswalkKind.Unmapped => localizer["Compare.Reason.Unmapped", newer],
            CrosswalkKind.NoCrosswalk => localizer["Compare.Reason.NoCrosswalk", newer, older],
            _ => "",
        };
    }

    /// <summary>What a comparable mechanism is compared with: itself, its old code, or the mechanism it was split from.</summary>
    public static string Pairing(IStringLocalizer localizer, CrosswalkLine line)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(line);
        return line.Kind switch
        {
            CrosswalkKind.Same => localizer["Compare.Kind.Same"],
            CrosswalkKind.Renamed => localizer["Compare.Kind.Renamed", Isolate(line.OldCode!)],
            CrosswalkKind.Split => localizer["Compare.Kind.Split", Isolate(line.OldCode!)],
            _ => localizer["Compare.NotComparableShort"],
        };
    }
}

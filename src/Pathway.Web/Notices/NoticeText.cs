using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Notices;

/// <summary>A notice as one reader reads it: its title and sentence in their language, and where the work is done.</summary>
public sealed record NoticeWords(string Title, string Body, string Link);

/// <summary>
/// Writes a notice in the current UI culture from its kind (the resources <c>Notice.{Kind}.Title</c>
/// and <c>.Body</c>) and its arguments: {0} the round's title, {1} the action's text, {2} the date.
/// </summary>
public static class NoticeText
{
    public static NoticeWords For(Notice notice, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(l);
        object[] arguments = [notice.RoundTitle, notice.Subject ?? "", notice.Date is { } date ? Date(date) : ""];
        return new(l[$"Notice.{notice.Kind}.Title", arguments], l[$"Notice.{notice.Kind}.Body", arguments], Link(notice));
    }

    /// <summary>The page where the work the notice speaks of is done.</summary>
    public static string Link(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Link is { } link)
        {
            return link;
        }
        var round = $"/assessments/{notice.AssessmentId}";
        return notice.Kind switch
        {
            NoticeKind.RatingOpened or NoticeKind.RatingReminder => $"{round}/rate",
            NoticeKind.ConsensusOpened or NoticeKind.Returned => $"{round}/consensus",
            NoticeKind.Submitted => $"{round}/review",
            NoticeKind.Validated => $"{round}/plan",
            NoticeKind.ActionDueSoon or NoticeKind.ActionOverdue or NoticeKind.ActionAdded => $"{round}/plan/items/{notice.ActionItemId}",
            NoticeKind.ContentInReview => "/connector/review",
            _ => round,
        };
    }

    /// <summary>An unambiguous date in the reader's culture: 6 Dec 2026, 6 déc. 2026, and Gregorian in Arabic.</summary>
    public static string Date(DateOnly date) => DateText.Date(date);

    /// <summary>A moment as a date and time in UTC, unambiguous in every language (one time-zone convention: UTC).</summary>
    public static string Moment(DateTimeOffset at) => DateText.DateTime(at);
}

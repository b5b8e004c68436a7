using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>What the caller confirmed with a move (the API's flags, the page's confirmation forms).</summary>
public sealed record MoveConfirmations(bool ConfirmIncomplete = false, bool AgreedInMeeting = false);

/// <summary>
/// The guard rails on opening consensus: respondents who have not finished are named and the move needs an
/// explicit confirmation; a round with no individual rating at all goes on only when the facilitator records
/// that the answers were agreed in a meeting without individual ratings.
/// </summary>
internal static class GuardRails
{
    /// <summary>
    /// Null-free outcome: true when the move goes on as a meeting-only round (record it), false when it goes on
    /// as usual; a conflict listing who has not rated what when a confirmation is missing.
    /// </summary>
    public static async Task<Outcome<bool>> CheckOpeningConsensusAsync(
        PathwayDb db, IStringLocalizer l, Round round, string? note, MoveConfirmations confirmations,
        CancellationToken cancellationToken)
    {
        var tree = round.Framework;
        var gaps = await RatingGaps.ReadAsync(db, round.Id, tree, cancellationToken);
        if (gaps.NoneRated)
        {
            if (!confirmations.AgreedInMeeting)
            {
                return Failure.Conflict(l["Workflow.Error.NoRatingsTitle"], l["Workflow.Error.NoRatings"], gaps);
            }
            if (note?.Length > Assessment.MeetingNoteLength)
            {
                return Failure.Invalid(l["Workflow.Error.Title"], "Comment", l["Workflow.Error.CommentLength", Assessment.MeetingNoteLength]);
            }
            return true;
        }
        if (confirmations.AgreedInMeeting)
        {
            return Failure.Invalid(l["Workflow.Error.Title"], "AgreedInMeeting",
                l["Workflow.Error.MeetingWithRatings", gaps.Ratings]);
        }
        if (gaps.Unfinished.Count > 0 && !confirmations.ConfirmIncomplete)
        {
            return Failure.Conflict(l["Workflow.Error.IncompleteTitle"],
                l["Workflow.Error.Incomplete", gaps.Unfinished.Count, gaps.Respondents], gaps);
        }
        return false;
    }
}

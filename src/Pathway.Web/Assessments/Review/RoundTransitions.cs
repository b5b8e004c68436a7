using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>One move of a round as the history shows it.</summary>
public sealed record StatusChangeView(
    [property: JsonConverter(typeof(JsonStringEnumConverter<AssessmentStatus>))] AssessmentStatus From,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AssessmentStatus>))] AssessmentStatus To,
    int Revision,
    string? Comment,
    string? ActorName,
    DateTimeOffset At);

/// <summary>A reviewer's comment, on one mechanism (code) or on the whole round (no code), with the submission it belongs to.</summary>
public sealed record ReviewCommentView(
    Guid Id, string? MechanismCode, string Text, int Revision, int Submission, string? AuthorName, DateTimeOffset At);

/// <summary>
/// Moves a round through <see cref="RoundWorkflow"/> and keeps the reviewer's comments. Every move is
/// checked (the move exists from the current status, the caller may make it, its preconditions hold)
/// before anything is written, recorded as a <see cref="StatusChange"/>, and saved once under the
/// round's concurrency token. Publication goes through <see cref="Publisher"/>, which freezes what is
/// made public in the same save.
/// </summary>
public sealed class RoundTransitions(
    PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l, Publisher publisher, IRoundEvents events)
{
    /// <summary>
    /// Moves the round to <paramref name="to"/>. A return needs a comment here or a review comment on
    /// the current submission; a correction of a published round needs its reason. Moving to Published
    /// needs the <paramref name="choices"/> of what to make public (the focal point's sign-off).
    /// </summary>
    public async Task<Outcome<StatusChangeView>> MoveAsync(
        Round round, AssessmentStatus to, string? comment, PublicationChoices? choices = null, string? note = null,
        CancellationToken cancellationToken = default) =>
        await MoveAsync(round, to, comment, new MoveConfirmations(), choices, note, cancellationToken);

    /// <summary>
    /// As above, with what the caller confirmed: opening consensus while respondents have not finished needs
    /// <see cref="MoveConfirmations.ConfirmIncomplete"/>; a round where nobody rated at all needs
    /// <see cref="MoveConfirmations.AgreedInMeeting"/> (recorded on the round, with the comment as its note).
    /// </summary>
    public async Task<Outcome<StatusChangeView>> MoveAsync(
        Round round, AssessmentStatus to, string? comment, MoveConfirmations confirmations, PublicationChoices? choices = null,
        string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        ArgumentNullException.ThrowIfNull(round);
        var move = WorkflowSteps.Check(round, to, l, out var refusal);
        if (move is null)
        {
            return refusal!;
        }
        if (to == AssessmentStatus.Published)
        {
            if (choices is null)
            {
                return Failure.Invalid(l["Workflow.Error.Title"], "Publish", l["Publish.Error.ChoicesRequired"]);
            }
            var published = await publisher.PublishAsync(round, choices, note, cancellationToken);
            return published.Succeeded ? published.Value!.Move : published.Failure!;
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var invalid = await CheckPreconditionsAsync(round, move, comment, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        var meeting = false;
        if (move is { From: AssessmentStatus.RatingOpen, To: AssessmentStatus.Consensus })
        {
            var gaps = await GuardRails.CheckOpeningConsensusAsync(db, l, round, comment, confirmations, cancellationToken);
            if (!gaps.Succeeded)
            {
                return gaps.Failure!;
            }
            meeting = gaps.Value;
        }

        var now = clock.GetUtcNow();
        var staged = await WorkflowSteps.StageAsync(db, user, events, round, to, comment, now, l, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Failure!;
        }
        var assessment = db.Assessments.Local.Single(a => a.Id == round.Id);
        if (meeting)
        {
            assessment.RecordMeetingAgreement(user.Id, user.Name, comment, now);
        }
        else if (to == AssessmentStatus.RatingOpen)
        {
            assessment.ClearMeetingAgreement();
        }
        var saved = await WorkflowSteps.SaveAsync(db, user, round.Id, l, cancellationToken);
        return saved ?? (Outcome<StatusChangeView>)WorkflowSteps.View(staged.Value!);
    }

    /// <summary>What a move asks for beyond being allowed: a comment, people to rate, an agreed answer for every mechanism.</summary>
    private async Task<Failure?> CheckPreconditionsAsync(Round round, WorkflowMove move, string? comment, CancellationToken cancellationToken)
    {
        if (comment?.Length > StatusChange.CommentLength)
        {
            return Failure.Invalid(l["Workflow.Error.Title"], "Comment", l["Workflow.Error.CommentLength", StatusChange.CommentLength]);
        }
        switch (move)
        {
            case { From: AssessmentStatus.Draft, To: AssessmentStatus.RatingOpen }:
                var respondents = await db.Participants.AsNoTracking()
                    .CountAsync(p => p.AssessmentId == round.Id && p.Role == ParticipantRole.Respondent, cancellationToken);
                return respondents == 0
                    ? Failure.Invalid(l["Workflow.Error.Title"], l["Workflow.Error.NoRespondents"])
                    : null;

            case { To: AssessmentStatus.Submitted }:
                var agreed = (await AgreedAnswers.ForRoundAsync(db, round.Id, cancellationToken))
                    .Where(pair => pair.Value.IsAssessed).Select(pair => pair.Key);
                var missing = round.Framework.Behaviours.SelectMany(b => b.Mechanisms).Select(m => m.Code)
                    .Except(agreed, StringComparer.Ordinal).ToList();
                return missing.Count == 0
                    ? null
                    : Failure.Invalid(l["Workflow.Error.Title"],
                        l["Workflow.Error.MissingConsensus", missing.Count, string.Join(", ", missing)]);

            case { From: AssessmentStatus.Submitted, To: AssessmentStatus.Returned } when comment is null:
                var commented = await db.ReviewComments.AsNoTracking()
                    .AnyAsync(c => c.AssessmentId == round.Id && c.Revision == round.Revision && c.Submission == round.Submissions, cancellationToken);
                return commented ? null : Failure.Invalid(l["Workflow.Error.Title"], "Comment", l["Workflow.Error.ReturnNeedsComment"]);

            case { RequiresComment: true } when comment is null:
                return Failure.Invalid(l["Workflow.Error.Title"], "Comment", l["Workflow.Error.CorrectionNeedsReason"]);

            default:
                return null;
        }
    }

    /// <summary>The round's moves, oldest first.</summary>
    public Task<List<StatusChangeView>> HistoryAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return db.StatusChanges.AsNoTracking()
            .Where(change => change.AssessmentId == round.Id)
            .OrderBy(change => change.At).ThenBy(change => change.Id)
            .Select(change => new StatusChangeView(change.From, change.To, change.Revision, change.Comment, change.ActorName, change.At))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a reviewer's comment on a mechanism (its code, any case) or, without a code, on the round.
    /// Only a reviewer, while the round is submitted for review.
    /// </summary>
    public async Task<Outcome<ReviewCommentView>> CommentAsync(
        Round round, string? mechanismCode, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanReview)
        {
            return Failure.Forbidden(l["Round.Forbidden"], round.Can.IsReviewer
                ? l["Review.Error.NotSubmitted", l[$"Status.{round.Status}"]]
                : l["Review.Error.NotReviewer"]);
        }
        var errors = new Dictionary<string, string[]>();
        string? code = null;
        if (!string.IsNullOrWhiteSpace(mechanismCode))
        {
            var codes = round.Framework.Behaviours.SelectMany(b => b.Mechanisms).Select(m => m.Code).ToList();
            code = codes.FirstOrDefault(known => string.Equals(known, mechanismCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (code is null)
            {
                errors["MechanismCode"] = [l["Round.UnknownMechanism", mechanismCode.Trim(), round.FrameworkVersion, codes.FirstOrDefault() ?? ""]];
            }
        }
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors["Text"] = [l["Review.Error.TextRequired"]];
        }
        else if (trimmed.Length > ReviewComment.TextLength)
        {
            errors["Text"] = [l["Review.Error.TextLength", ReviewComment.TextLength]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Review.Error.Title"], l["Review.Error.Detail"], errors);
        }

        var comment = new ReviewComment
        {
            AssessmentId = round.Id,
            CountryIso3 = round.CountryIso3,
            MechanismCode = code,
            Text = trimmed!,
            Revision = round.Revision,
            Submission = round.Submissions,
            AuthorId = user.Id,
            AuthorName = user.Name,
            At = clock.GetUtcNow(),
        };
        db.ReviewComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(comment);
    }

    /// <summary>Every review comment on the round, newest first (each carries its revision and submission).</summary>
    public Task<List<ReviewCommentView>> CommentsAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return db.ReviewComments.AsNoTracking()
            .Where(comment => comment.AssessmentId == round.Id)
            .OrderByDescending(comment => comment.Revision).ThenByDescending(comment => comment.Submission)
            .ThenByDescending(comment => comment.At).ThenByDescending(comment => comment.Id)
            .Select(comment => new ReviewCommentView(comment.Id, comment.MechanismCode, comment.Text, comment.Revision,
                comment.Submission, comment.AuthorName, comment.At))
            .ToListAsync(cancellationToken);
    }

    private static ReviewCommentView ToView(ReviewComment comment) => new(
        comment.Id, comment.MechanismCode, comment.Text, comment.Revision, comment.Submission, comment.AuthorName, comment.At);
}

/// <summary>
/// The checks and the write shared by a plain move (<see cref="RoundTransitions"/>) and publication
/// (<see cref="Publisher"/>), so both refuse alike and both record the move alike.
/// </summary>
internal static class WorkflowSteps
{
    /// <summary>
    /// The move from the round's status to <paramref name="to"/> if it exists and the caller may make it;
    /// otherwise null and a refusal: a conflict naming the status and the moves allowed from it, or forbidden.
    /// </summary>
    public static WorkflowMove? Check(Round round, AssessmentStatus to, IStringLocalizer l, out Failure? refusal)
    {
        refusal = null;
        if (!Enum.IsDefined(to))
        {
            refusal = Failure.Invalid(l["Workflow.Error.Title"], "To", l["Workflow.Error.UnknownStatus", AllowedStatuses()]);
            return null;
        }
        var move = RoundWorkflow.Find(round.Status, to);
        if (move is null)
        {
            var allowed = RoundWorkflow.From(round.Status).Select(m => m.To).ToList();
            var detail = allowed.Count == 0
                ? l["Workflow.Error.NoMoves", l[$"Status.{round.Status}"], l[$"Status.{to}"]]
                : l["Workflow.Error.NotAllowed", l[$"Status.{round.Status}"], l[$"Status.{to}"],
                    string.Join(", ", allowed.Select(status => $"{l[$"Status.{status}"]} ({status})"))];
            refusal = Failure.Conflict(l["Workflow.Error.OutOfOrder"], detail,
                new { status = round.Status.ToString(), allowed = allowed.Select(status => status.ToString()).ToList() });
            return null;
        }
        if (!round.Can.CanMove(move))
        {
            refusal = Failure.Forbidden(l["Round.Forbidden"], l[$"Workflow.Error.Actor.{move.Actor}", l[$"Status.{to}"]]);
            return null;
        }
        return move;
    }

    /// <summary>
    /// Loads the round tracked (through the caller's visibility), moves it and adds the status change,
    /// without saving, and tells <paramref name="events"/> (whose additions are saved with the move).
    /// The update only applies where the round is still at the version the caller saw.
    /// </summary>
    public static async Task<Outcome<StatusChange>> StageAsync(
        PathwayDb db, CurrentUser user, IRoundEvents events, Round round, AssessmentStatus to, string? comment, DateTimeOffset now,
        IStringLocalizer l, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.VisibleTo(user).SingleOrDefaultAsync(a => a.Id == round.Id, cancellationToken);
        if (assessment is null)
        {
            return Failure.RoundNotFound(l);
        }
        if (assessment.Version != round.Version || assessment.Status != round.Status)
        {
            return Moved(l, assessment.Status);
        }
        db.Entry(assessment).Property(a => a.Version).OriginalValue = round.Version;
        var from = assessment.Status;
        assessment.MoveTo(to, now);
        var change = new StatusChange
        {
            AssessmentId = assessment.Id,
            CountryIso3 = assessment.CountryIso3,
            From = from,
            To = to,
            Revision = assessment.Revision,
            Comment = comment,
            ActorId = user.Id,
            ActorName = user.Name,
            At = now,
        };
        db.StatusChanges.Add(change);
        await events.MovingAsync(
            new RoundMove(assessment.Id, assessment.CountryIso3, assessment.Title, from, to, change.Id, user.Id), cancellationToken);
        return change;
    }

    /// <summary>Saves once; a concurrent move becomes a conflict naming the status the round has now.</summary>
    public static async Task<Failure?> SaveAsync(PathwayDb db, CurrentUser user, Guid roundId, IStringLocalizer l, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var status = await db.Assessments.AsNoTracking().VisibleTo(user)
                .Where(a => a.Id == roundId).Select(a => (AssessmentStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
            return Moved(l, status);
        }
    }

    public static StatusChangeView View(StatusChange change) =>
        new(change.From, change.To, change.Revision, change.Comment, change.ActorName, change.At);

    private static Failure Moved(IStringLocalizer l, AssessmentStatus? now) =>
        Failure.Conflict(l["Workflow.Error.MovedTitle"],
            now is { } status ? l["Workflow.Error.Moved", l[$"Status.{status}"]] : l["Round.NotFound"],
            now is { } current ? new { status = current.ToString() } : null);

    private static string AllowedStatuses() => string.Join(", ", Enum.GetNames<AssessmentStatus>());
}

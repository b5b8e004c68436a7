using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>What to make public when signing off publication; anything left out is false.</summary>
public sealed record PublishChoicesBody(bool BehaviourProfile, bool MechanismLevels, bool Rationales, bool PublicEvidence)
{
    public PublicationChoices ToChoices() => new(BehaviourProfile, MechanismLevels, Rationales, PublicEvidence);
}

/// <summary>
/// A workflow move: to (a status name), an optional comment (required to return a round unless the
/// reviewer already commented on this submission, and as the reason of a correction), and for
/// Published the publication choices and an optional note. Opening consensus (RatingOpen→Consensus) while
/// respondents have not finished needs confirmIncomplete; with no individual rating at all it needs
/// agreedInMeeting (the comment becomes the meeting's note).
/// </summary>
public sealed record TransitionBody(
    string? To, string? Comment, PublishChoicesBody? Publish, string? Note, bool? ConfirmIncomplete = null, bool? AgreedInMeeting = null);

/// <summary>A reviewer's comment: on a mechanism (its code) or, without one, on the whole round.</summary>
public sealed record ReviewCommentBody(string? MechanismCode, string? Text);

/// <summary>The workflow over the API: moves, their history, and the reviewer's comments.</summary>
internal static class TransitionsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/{id:guid}/transitions", PostTransition).WithName("PostRoundTransition")
            .WithDescription("Moves the round: Draft→RatingOpen (team; needs a respondent), RatingOpen→Consensus (team; while a respondent has "
                + "not rated every mechanism it answers 409 listing each one — name, group, missingMechanisms, missingBehaviours — under "
                + "\"current\" unless \"confirmIncomplete\": true; with no individual rating at all it answers 409 unless \"agreedInMeeting\": true, "
                + "which records on the round that the answers were agreed in a meeting without individual ratings, the comment as its note), "
                + "Consensus→RatingOpen, "
                + "Consensus→Submitted and Returned→Submitted (team; every mechanism needs an agreed answer — the missing codes are named), "
                + "Submitted→Returned (reviewer; a comment here or a review comment on this submission), Submitted→Validated (reviewer), "
                + "Validated→Published (focal point; \"publish\": {behaviourProfile, mechanismLevels, rationales, publicEvidence} and an optional note; "
                + "rationales need mechanismLevels; all false publishes nothing), Published→Consensus (focal point; a correction, comment = the reason; "
                + "opens the next revision). 200 with the round; 400 when a precondition fails; 403 when the move is not the caller's; "
                + "404 for an unknown round; 409 for a move out of order (the current status and the allowed moves under \"current\") "
                + "or when the round moved meanwhile.");
        routes.MapGet("/{id:guid}/transitions", GetTransitions).WithName("GetRoundTransitions")
            .WithDescription("The round's moves, oldest first: from, to, revision, comment, who and when.");
        routes.MapGet("/{id:guid}/review-comments", GetReviewComments).WithName("GetRoundReviewComments")
            .WithDescription("The reviewers' comments, newest first, each with its mechanism code (null: on the whole round), revision and submission.");
        routes.MapPost("/{id:guid}/review-comments", PostReviewComment).WithName("PostRoundReviewComment")
            .WithDescription("Adds a reviewer's comment (text, required, at most 4000 characters) on a mechanism (mechanismCode of the round's framework "
                + "version) or on the whole round (no code). Only reviewers, while the round is submitted for review (403 otherwise).");
    }

    public static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> PostTransition(
        Guid id, TransitionBody body, RoundDirectory rounds, RoundTransitions transitions, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (!TryParseStatus(body.To, out var to))
        {
            return Failure.Invalid(l["Workflow.Error.Title"], "To",
                l["Workflow.Error.UnknownStatus", string.Join(", ", Enum.GetNames<AssessmentStatus>())]).ToProblem();
        }
        var confirmations = new MoveConfirmations(body.ConfirmIncomplete == true, body.AgreedInMeeting == true);
        var moved = await transitions.MoveAsync(round, to, body.Comment, confirmations, body.Publish?.ToChoices(), body.Note, cancellationToken);
        if (moved.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        return (await rounds.OpenAsync(id, cancellationToken)).ToResult(now => TypedResults.Ok(RoundDto.From(now)));
    }

    public static async Task<Results<Ok<List<StatusChangeView>>, ProblemHttpResult>> GetTransitions(
        Guid id, RoundDirectory rounds, RoundTransitions transitions, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return TypedResults.Ok(await transitions.HistoryAsync(round, cancellationToken));
    }

    public static async Task<Results<Ok<List<ReviewCommentView>>, ProblemHttpResult>> GetReviewComments(
        Guid id, RoundDirectory rounds, RoundTransitions transitions, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        return TypedResults.Ok(await transitions.CommentsAsync(round, cancellationToken));
    }

    public static async Task<Results<Created<ReviewCommentView>, ProblemHttpResult>> PostReviewComment(
        Guid id, ReviewCommentBody body, RoundDirectory rounds, RoundTransitions transitions,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var added = await transitions.CommentAsync(round, body.MechanismCode, body.Text, cancellationToken);
        return added.ToResult(comment => TypedResults.Created($"/api/assessments/{id}/review-comments", comment));
    }

    /// <summary>A status by its name (any case); numbers are not names.</summary>
    internal static bool TryParseStatus(string? text, out AssessmentStatus status)
    {
        status = default;
        var name = text?.Trim();
        return !string.IsNullOrEmpty(name) && !char.IsDigit(name[0]) && name[0] != '-' && !name.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(name, ignoreCase: true, out status) && Enum.IsDefined(status);
    }
}

using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Notices;

namespace Pathway.Web.Connector.Review;

/// <summary>One piece of content waiting for an editor: what it is, its title, where it is reviewed, who sent it and when.</summary>
public sealed record ReviewQueueRow(string Kind, string Title, string Url, string? AuthorName, DateTimeOffset SubmittedAt, bool IsDemonstration);

/// <summary>
/// A kind of moderated content (resources, case studies…) that lists what waits in review, registered as a service:
/// the editors' queue (<c>/connector/review</c>) reads every source, so a new kind of content adds a source, not a page.
/// </summary>
public interface IReviewQueueSource
{
    /// <summary>Everything of this kind in review, oldest first; <see cref="ReviewQueueRow.Kind"/> already in the reader's language.</summary>
    Task<IReadOnlyList<ReviewQueueRow>> InReviewAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tells the content editors (and administrators) that something waits for them, in-app and by mail through the
/// notice board, in the same save as the move; the notice leads to the review queue. Whoever sent it is not told.
/// Every kind of moderated content sends its submissions through here, so editors get one kind of notice.
/// </summary>
public sealed class ReviewNotices(PathwayDb db, NoticeOutbox outbox, TimeProvider clock)
{
    /// <summary>Adds the notices (the caller saves). <paramref name="subjectId"/> and the time make each submission's notice once-only.</summary>
    public async Task SubmittedAsync(string kind, Guid subjectId, string title, string? actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recipients = await NoticeRecipients.ReadAsync(NoticeRecipients.ContentEditors(db).Where(u => u.Id != actorId), now, cancellationToken);
        var subject = TextRules.Truncate(title, Assessment.TitleLength);
        await outbox.AddAsync(
            new NoticeDraft(NoticeKind.ContentInReview, $"{kind}:{subjectId:N}:{now.UtcTicks}", null, subject),
            recipients, now, cancellationToken);
    }
}

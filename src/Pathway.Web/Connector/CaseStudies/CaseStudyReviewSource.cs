using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Connector.Review;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>Case studies waiting in review, for the editors' queue; each opens on its page, where it is graded and published or sent back.</summary>
public sealed class CaseStudyReviewSource(PathwayDb db, IStringLocalizer<SharedResource> l) : IReviewQueueSource
{
    public async Task<IReadOnlyList<ReviewQueueRow>> InReviewAsync(CancellationToken cancellationToken)
    {
        // A case study keeps no time of its own for the move to review: its last change is that move, unless an
        // editor has edited or graded it since (then it sorts by that, still in the queue).
        var rows = await db.Set<CaseStudy>().AsNoTracking()
            .Where(c => c.State == ModerationState.InReview)
            .OrderBy(c => c.UpdatedAt)
            .Select(c => new { c.Id, c.Title, c.AuthorName, c.UpdatedAt, c.IsDemonstration })
            .ToListAsync(cancellationToken);
        var kind = l["Review.Kind.CaseStudy"];
        return [.. rows.Select(row => new ReviewQueueRow(kind, row.Title.Current, $"/case-studies/{row.Id}", row.AuthorName, row.UpdatedAt, row.IsDemonstration))];
    }
}

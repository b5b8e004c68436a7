using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Connector.Review;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Resources;

/// <summary>Resources waiting in review, for the editors' queue.</summary>
public sealed class ResourceReviewSource(PathwayDb db, IStringLocalizer<SharedResource> l) : IReviewQueueSource
{
    public async Task<IReadOnlyList<ReviewQueueRow>> InReviewAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Resource>().AsNoTracking()
            .Where(r => r.State == ModerationState.InReview)
            .OrderBy(r => r.StateChangedAt)
            .Select(r => new
            {
                r.Id, r.Title, r.StateChangedAt, r.IsDemonstration,
                Author = db.Users.Where(u => u.Id == r.CreatedById).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var kind = l["Review.Kind.Resource"];
        return [.. rows.Select(row => new ReviewQueueRow(kind, row.Title.Current, ResourceSearch.Url(row.Id), row.Author, row.StateChangedAt, row.IsDemonstration))];
    }
}

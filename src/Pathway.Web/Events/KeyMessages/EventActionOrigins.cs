using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Planning;

namespace Pathway.Web.Events.KeyMessages;

/// <summary>
/// Tells the plan pages which items came from an event's key messages: "From the key messages of …" with a link back to
/// the event. One query for all the items asked about; only events the reader may see are named.
/// </summary>
public sealed class EventActionOrigins(PathwayDb db, CurrentUser user, IStringLocalizer<SharedResource> l) : IActionItemOrigins
{
    public async Task<IReadOnlyDictionary<Guid, ActionItemOrigin>> ForAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        if (itemIds.Count == 0)
        {
            return new Dictionary<Guid, ActionItemOrigin>();
        }
        var ids = itemIds.ToList();
        var rows = await (
                from f in db.KeyMessageFollowUps.AsNoTracking()
                where f.ActionItemId != null && ids.Contains(f.ActionItemId.Value)
                join m in db.KeyMessages.AsNoTracking() on f.KeyMessageId equals m.Id
                join e in db.VisibleEvents(user).AsNoTracking() on m.EventId equals e.Id
                select new { ItemId = f.ActionItemId!.Value, EventId = e.Id, e.Title })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.ItemId).ToDictionary(
            group => group.Key,
            group => new ActionItemOrigin(l["KeyMessage.Origin", group.First().Title.Current], $"/events/{group.First().EventId}"));
    }
}

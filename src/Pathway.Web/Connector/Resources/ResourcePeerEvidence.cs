using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Resources;

/// <summary>
/// Published resources tagged with the mechanism and a peer's country: one query for every country asked (a resource
/// tagged with two peers counts for each), newest first.
/// </summary>
public sealed class ResourcePeerEvidence(PathwayDb db) : IPeerEvidenceSource
{
    public async Task<IReadOnlyList<PeerEvidence>> ForAsync(string mechanismCode, IReadOnlyCollection<string> countries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var isos = countries.ToList();
        var rows = await (
                from tag in db.Set<ResourceTag>().AsNoTracking()
                where tag.Facet == TagFacet.Country && isos.Contains(tag.Value)
                join resource in db.Set<Resource>().AsNoTracking() on tag.ResourceId equals resource.Id
                where resource.State == ModerationState.Published
                    && resource.Tags.Any(other => other.Facet == TagFacet.Mechanism && other.Value == mechanismCode)
                orderby resource.Year descending, resource.StateChangedAt descending, resource.Id
                select new { Country = tag.Value, resource.Id, resource.Title, resource.IsDemonstration })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new PeerEvidence(row.Country, PeerEvidenceKind.Resource, row.Title, $"/resources/{row.Id}", row.IsDemonstration))];
    }
}

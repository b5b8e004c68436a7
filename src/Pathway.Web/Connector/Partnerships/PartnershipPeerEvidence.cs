using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>
/// The peers' partnerships serving the mechanism, in one query for every country asked. Public ones only, through the
/// shared-country filter as well: the peer list is the same for everyone who asks (published results, public content),
/// so a partnership a country keeps to itself and its region never shows there, even to those who may open it.
/// </summary>
public sealed class PartnershipPeerEvidence(PathwayDb db) : IPeerEvidenceSource
{
    public async Task<IReadOnlyList<PeerEvidence>> ForAsync(string mechanismCode, IReadOnlyCollection<string> countries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var isos = countries.ToList();
        var rows = await db.Set<Partnership>().AsNoTracking()
            .Where(partnership => partnership.IsPublic && isos.Contains(partnership.CountryIso3)
                && partnership.Tags.Any(tag => tag.Facet == TagFacet.Mechanism && tag.Value == mechanismCode))
            .OrderByDescending(partnership => partnership.CreatedAt).ThenBy(partnership => partnership.Id)
            .Select(partnership => new { partnership.Id, partnership.CountryIso3, partnership.Title, partnership.IsDemonstration })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new PeerEvidence(row.CountryIso3, PeerEvidenceKind.Partnership, row.Title, $"/partnerships/{row.Id}", row.IsDemonstration))];
    }
}

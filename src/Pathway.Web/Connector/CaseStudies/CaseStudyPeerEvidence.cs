using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>The peers' published case studies serving the mechanism: one query for every country asked, strongest evidence first.</summary>
public sealed class CaseStudyPeerEvidence(PathwayDb db) : IPeerEvidenceSource
{
    public async Task<IReadOnlyList<PeerEvidence>> ForAsync(string mechanismCode, IReadOnlyCollection<string> countries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var isos = countries.ToList();
        var rows = await db.Set<CaseStudy>().AsNoTracking()
            .Where(study => study.State == ModerationState.Published && isos.Contains(study.CountryIso3)
                && study.Tags.Any(tag => tag.Facet == TagFacet.Mechanism && tag.Value == mechanismCode))
            // Ungraded last on both databases (PostgreSQL sorts nulls first when descending).
            .OrderBy(study => study.Evidence == null).ThenByDescending(study => study.Evidence).ThenByDescending(study => study.PublishedAt)
            .ThenBy(study => study.Id)
            .Select(study => new { study.Id, study.CountryIso3, study.Title, study.IsDemonstration })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new PeerEvidence(row.CountryIso3, PeerEvidenceKind.CaseStudy, row.Title, $"/case-studies/{row.Id}", row.IsDemonstration))];
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

/// <summary>Rounds pin the framework version they were opened with.</summary>
internal sealed class RoundPins(PathwayDb db) : IFrameworkPins
{
    public Task<bool> AnyAsync(int versionId, CancellationToken cancellationToken) =>
        // A global fact about the version, not a read of another country's data: the scope filter is lifted on purpose.
        db.Assessments.IgnoreQueryFilters([PathwayDb.CountryScopeFilter])
            .AnyAsync(assessment => assessment.FrameworkVersionId == versionId, cancellationToken);
}

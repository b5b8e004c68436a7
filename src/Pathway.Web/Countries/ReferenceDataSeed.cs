using Pathway.Web.Data;

namespace Pathway.Web.Countries;

/// <summary>WHO regions and Member States from content/reference.</summary>
internal sealed class ReferenceDataSeed(PathwayDb db) : IStartupSeed
{
    public int Order => 10;

    public Task SeedAsync(string contentDirectory, CancellationToken cancellationToken) =>
        ReferenceData.SeedAsync(db, contentDirectory, cancellationToken);
}

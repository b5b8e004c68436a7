namespace Pathway.Web.Data;

/// <summary>
/// What a feature brings into the database at start (roles, reference data, shipped content). Each feature
/// registers its own; <see cref="Seeding"/> runs them all after migrating, so Data names no feature.
/// </summary>
public interface IStartupSeed
{
    /// <summary>Lower runs first: catalogues follow the frameworks whose mechanisms they name.</summary>
    int Order { get; }

    /// <summary>Adds what is missing; running it again changes nothing.</summary>
    Task SeedAsync(string contentDirectory, CancellationToken cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Planning;

public sealed record CatalogueImportOutcome(ImportStatus Status, string? Version, IReadOnlyList<CatalogueProblem> Problems)
{
    public bool Succeeded => Status != ImportStatus.Refused;

    public static CatalogueImportOutcome Refused(string? version, params CatalogueProblem[] problems) =>
        new(ImportStatus.Refused, version, problems);
}

/// <summary>
/// Imports recommendation catalogue versions. An import is all or nothing: the whole file is validated
/// against the framework version it names, then written in one SaveChanges (one transaction). A catalogue
/// version never changes once imported (plans keep its action codes): the same version with the same
/// content is unchanged, with other content it is refused.
/// </summary>
public sealed class CatalogueImporter(
    PathwayDb db, IEnumerable<IFrameworkContentListener> listeners, TimeProvider clock, ILogger<CatalogueImporter> logger)
{
    public async Task<CatalogueImportOutcome> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        var (document, problems) = CatalogueValidator.Parse(json, await FrameworksAsync(cancellationToken));
        if (document is null)
        {
            return new(ImportStatus.Refused, null, problems);
        }

        var hash = document.ContentHash();
        if (await AgainstStoredAsync(document.Version, hash, cancellationToken) is { } outcome)
        {
            return outcome;
        }

        db.RecommendationCatalogues.Add(ToEntity(document, hash, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another server (seeding at the same start) may have imported the same version first; then its row decides.
            db.ChangeTracker.Clear();
            if (await AgainstStoredAsync(document.Version, hash, cancellationToken) is { } raced)
            {
                return raced;
            }
            throw;
        }
        logger.LogInformation("Recommendation catalogue {Version} for framework {FrameworkVersion} imported ({Hash})",
            document.Version, document.FrameworkVersion, hash);
        foreach (var listener in listeners)
        {
            await listener.ContentImportedAsync(cancellationToken);
        }
        return new(ImportStatus.Imported, document.Version, []);
    }

    /// <summary>Unchanged or refused when the version is already stored; null when it is new.</summary>
    private async Task<CatalogueImportOutcome?> AgainstStoredAsync(string version, string hash, CancellationToken cancellationToken)
    {
        var stored = await db.RecommendationCatalogues.AsNoTracking()
            .Where(catalogue => catalogue.Version == version)
            .Select(catalogue => catalogue.ContentHash)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }
        return stored == hash
            ? new(ImportStatus.Unchanged, version, [])
            : CatalogueImportOutcome.Refused(version, new CatalogueProblem("$.version",
                $"catalogue version '{version}' is already imported with other content, and a catalogue version never changes; import the new content under a new version number."));
    }

    /// <summary>Each imported framework version with its mechanism codes in framework order, for <see cref="CatalogueValidator"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FrameworksAsync(CancellationToken cancellationToken = default)
    {
        // Ordered here, not in SQL: PostgreSQL does not keep an ordering inside SelectMany.
        var rows = await db.Behaviours.AsNoTracking()
            .SelectMany(behaviour => behaviour.Mechanisms, (behaviour, mechanism) => new
            {
                mechanism.FrameworkVersion!.Version,
                Behaviour = behaviour.DisplayOrder,
                mechanism.DisplayOrder,
                mechanism.Code,
            })
            .ToListAsync(cancellationToken);
        var versions = await db.FrameworkVersions.AsNoTracking().Select(version => version.Version).ToListAsync(cancellationToken);
        return versions.ToDictionary(
            version => version,
            IReadOnlyList<string> (version) => [.. rows.Where(row => row.Version == version)
                .OrderBy(row => row.Behaviour).ThenBy(row => row.DisplayOrder).Select(row => row.Code)],
            StringComparer.Ordinal);
    }

    private static RecommendationCatalogue ToEntity(CatalogueDocument document, string hash, DateTimeOffset now) => new()
    {
        Version = document.Version,
        FrameworkVersion = document.FrameworkVersion,
        Title = document.Title,
        Summary = document.Summary,
        Illustrative = document.Illustrative,
        ContentHash = hash,
        ImportedAt = now,
        // File order is kept as the display order, so a step lists its actions a, b, c and export writes the file back as it came.
        Recommendations = [.. document.AllActions().Select((item, order) => new Recommendation
        {
            Code = item.Action.Code,
            MechanismCode = item.Mechanism,
            FromLevel = item.FromLevel,
            DisplayOrder = order + 1,
            Text = item.Action.Text,
            Type = item.Action.Type,
            Effort = item.Action.Effort,
            HorizonMonths = item.Action.HorizonMonths,
            Capacities = [.. item.Action.Capacities],
            Contexts = [.. item.Action.Contexts],
        })],
    };
}

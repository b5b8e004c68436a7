using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Framework;

/// <summary>Every framework file shipped in content/frameworks that is not yet imported.</summary>
internal sealed class FrameworkSeed(PathwayDb db, FrameworkImporter importer, ILogger<FrameworkSeed> logger) : IStartupSeed
{
    public int Order => 20;

    public async Task SeedAsync(string contentDirectory, CancellationToken cancellationToken)
    {
        var known = await db.FrameworkVersions.Select(version => version.Version).ToListAsync(cancellationToken);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(contentDirectory, "frameworks"), "*.json")
                     .Where(file => !file.EndsWith(".schema.json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var (document, problems) = FrameworkValidator.Parse(json);
            if (document is null)
            {
                logger.LogError("Shipped framework file {File} is invalid: {Problems}", file, string.Join("; ", problems));
                continue;
            }
            if (!known.Contains(document.Version))
            {
                await importer.ImportAsync(json, cancellationToken);
            }
        }
    }
}

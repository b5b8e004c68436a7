using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>
/// Every recommendation catalogue shipped in content/recommendations, after the frameworks whose mechanisms
/// it follows. Import is idempotent (same version and content: unchanged).
/// </summary>
internal sealed class CatalogueSeed(CatalogueImporter catalogues, ILogger<CatalogueSeed> logger) : IStartupSeed
{
    public int Order => 30;

    public async Task SeedAsync(string contentDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(contentDirectory, "recommendations");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json") : [];
        foreach (var file in files.Where(file => !file.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var outcome = await catalogues.ImportAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
            if (!outcome.Succeeded)
            {
                logger.LogError("Shipped recommendation catalogue {File} was not imported: {Problems}", file, string.Join("; ", outcome.Problems));
            }
        }
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Countries;
using Pathway.Web.Framework;
using Pathway.Web.Planning;

namespace Pathway.Web.Data;

/// <summary>
/// Brings a database up to date at start: migrations (where allowed), roles, WHO regions and
/// Member States, every framework file shipped in content/frameworks and every recommendation catalogue
/// shipped in content/recommendations that is not yet imported.
/// Creates no account: the first administrator is made with the <c>user add</c> command.
/// </summary>
public static class Seeding
{
    public static string ContentDirectory(IConfiguration configuration) =>
        configuration["Pathway:ContentDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "content");

    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool migrate, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PathwayDb>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Seeding));

        if (migrate)
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The database is not up to date. Run `dotnet run --project src/Pathway.Web -- migrate` (or set Database:MigrateOnStart=true).");
        }

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(role => !roles.Roles.Any(existing => existing.Name == role)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var content = ContentDirectory(provider.GetRequiredService<IConfiguration>());
        await ReferenceData.SeedAsync(db, content, cancellationToken);

        var importer = provider.GetRequiredService<FrameworkImporter>();
        var known = await db.FrameworkVersions.Select(version => version.Version).ToListAsync(cancellationToken);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(content, "frameworks"), "*.json")
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

        // After the frameworks, whose mechanisms the catalogues follow. Import is idempotent (same version and content: unchanged).
        var catalogues = provider.GetRequiredService<CatalogueImporter>();
        var catalogueDirectory = Path.Combine(content, "recommendations");
        var catalogueFiles = Directory.Exists(catalogueDirectory) ? Directory.GetFiles(catalogueDirectory, "*.json") : [];
        foreach (var file in catalogueFiles.Where(file => !file.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var outcome = await catalogues.ImportAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
            if (!outcome.Succeeded)
            {
                logger.LogError("Shipped recommendation catalogue {File} was not imported: {Problems}", file, string.Join("; ", outcome.Problems));
            }
        }
    }
}

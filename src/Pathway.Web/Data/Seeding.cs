using Microsoft.EntityFrameworkCore;

namespace Pathway.Web.Data;

/// <summary>
/// Brings a database up to date at start: migrations (where allowed), then every feature's
/// <see cref="IStartupSeed"/> in order (roles, WHO regions and Member States, shipped frameworks,
/// shipped recommendation catalogues). Creates no account: the first administrator is made with the
/// <c>user add</c> command.
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

        if (migrate)
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The database is not up to date. Run `dotnet run --project src/Pathway.Web -- migrate` (or set Database:MigrateOnStart=true).");
        }

        var content = ContentDirectory(provider.GetRequiredService<IConfiguration>());
        foreach (var seed in provider.GetServices<IStartupSeed>().OrderBy(seed => seed.Order))
        {
            await seed.SeedAsync(content, cancellationToken);
        }
    }
}

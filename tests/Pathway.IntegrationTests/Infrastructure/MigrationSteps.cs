using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pathway.Web.Data;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>Takes a test database back to just before a named migration and (optionally, in between) lets a test look at it.</summary>
public static class MigrationSteps
{
    /// <summary>Migrates down to the migration before <paramref name="migration"/>, runs <paramref name="before"/>, then migrates up to the latest.</summary>
    public static async Task DownAndUpAsync(PathwayDb db, string migration, Func<Task>? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(name => name.EndsWith("_" + migration, StringComparison.Ordinal));
        Assert.True(index > 0, $"No migration named {migration} after another one.");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[index - 1], cancellationToken);
        if (before is not null)
        {
            await before();
        }
        await migrator.MigrateAsync(migrations[^1], cancellationToken);
    }
}

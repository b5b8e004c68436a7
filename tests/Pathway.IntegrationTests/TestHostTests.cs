using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

/// <summary>The test host itself: it must never touch a developer's database, and it runs on the database asked for.</summary>
public class TestHostTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    [Fact]
    public async Task Test_host_runs_on_its_own_fresh_database_of_the_chosen_provider()
    {
        await using var system = factory.OpenSystemDb();
        var database = system.Db.Database;

        Assert.Equal(TestEnvironment.Database, factory.Database);
        if (factory.Database == TestDatabase.Postgres)
        {
            Assert.True(database.IsNpgsql());
            Assert.Equal(factory.DatabaseName, new NpgsqlConnectionStringBuilder(database.GetConnectionString()).Database);
        }
        else
        {
            Assert.True(database.IsSqlite());
            Assert.Contains(factory.DataDirectory!, database.GetConnectionString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory!, "pathway.db")));
        }
        Assert.Empty(await database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(194, await system.Db.Countries.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(6, await system.Db.Regions.CountAsync(TestContext.Current.CancellationToken));
    }
}

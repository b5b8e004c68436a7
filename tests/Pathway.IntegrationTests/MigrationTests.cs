using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.IntegrationTests;

/// <summary>
/// Each provider has its own migration set; a model change without a migration for either one
/// fails here (the EF equivalent of <c>dotnet ef migrations has-pending-model-changes</c>).
/// </summary>
public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqlitePathwayDb(new DbContextOptionsBuilder<SqlitePathwayDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a SQLite migration: run dotnet ef migrations add <Name> --context SqlitePathwayDb --output-dir Data/Migrations/Sqlite.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        // No server is contacted: the check compares the model with the migration snapshot.
        using var db = new PostgresPathwayDb(new DbContextOptionsBuilder<PostgresPathwayDb>().UseNpgsql("Host=localhost").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a PostgreSQL migration: run dotnet ef migrations add <Name> --context PostgresPathwayDb --output-dir Data/Migrations/Postgres.");
    }

    [Fact]
    public void Both_providers_have_migrations()
    {
        using var sqlite = new SqlitePathwayDb(new DbContextOptionsBuilder<SqlitePathwayDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresPathwayDb(new DbContextOptionsBuilder<PostgresPathwayDb>().UseNpgsql("Host=localhost").Options);
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.NotEmpty(postgres.Database.GetMigrations());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Pathway.Web.Accounts;

namespace Pathway.Web.Data;

/// <summary>SQLite: the embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePathwayDb(DbContextOptions<SqlitePathwayDb> options, CurrentUser? currentUser = null)
    : PathwayDb(options, currentUser)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no native date-time-offset type that sorts; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

/// <summary>PostgreSQL: production and scale-out. Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresPathwayDb(DbContextOptions<PostgresPathwayDb> options, CurrentUser? currentUser = null)
    : PathwayDb(options, currentUser);

internal sealed class DateTimeOffsetToUtcTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Used by <c>dotnet ef</c> to build the SQLite migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePathwayDb>
{
    public SqlitePathwayDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePathwayDb>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(PathwayDb).Assembly.FullName))
            .Options);
}

/// <summary>Used by <c>dotnet ef</c> to build the PostgreSQL migrations (no server is contacted).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPathwayDb>
{
    public PostgresPathwayDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPathwayDb>()
            .UseNpgsql("Host=localhost;Database=pathway_design")
            .Options);
}

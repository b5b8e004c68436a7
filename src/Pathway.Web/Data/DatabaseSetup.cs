using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pathway.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> (Sqlite, the default, or
/// Postgres) and <c>ConnectionStrings:Pathway</c>. Without a connection string, SQLite lives in
/// <c>{Pathway:DataDirectory}/pathway.db</c>.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>The tag of the checks <c>/health/ready</c> (and <c>/health</c>) run; <c>/health/live</c> runs none.</summary>
    public const string ReadyTag = "ready";

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Pathway:DataDirectory"] ?? "data", environment.ContentRootPath);

    private static readonly SqliteConnectionSetup SqliteSetup = new();

    /// <summary>
    /// The one context on the chosen provider. Features add their interceptors (the audit trail's) as
    /// <see cref="IInterceptor"/> services, so Data names none of them.
    /// </summary>
    public static IServiceCollection AddPathwayData(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Pathway");
        switch (Provider(configuration))
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Pathway is not set.");
                }
                services.AddDbContext<PathwayDb, PostgresPathwayDb>((provider, options) => QuietHandledFailures(options.UseNpgsql(connectionString)
                    .AddInterceptors(provider.GetServices<IInterceptor>())));
                break;
            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var directory = DataDirectory(configuration, environment);
                    Directory.CreateDirectory(directory);
                    connectionString = $"Data Source={Path.Combine(directory, "pathway.db")}";
                }
                services.AddDbContext<PathwayDb, SqlitePathwayDb>((provider, options) => QuietHandledFailures(options.UseSqlite(connectionString)
                    .AddInterceptors([.. provider.GetServices<IInterceptor>(), SqliteSetup])));
                break;
        }

        services.AddHealthChecks().AddDbContextCheck<PathwayDb>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// EF logs a failed save (and the failed command) as an error with its stack trace before anyone could
    /// handle it, so a conflict the services answer with a 409 (a unique index hit by two first saves)
    /// filled the error log. The exception still reaches the caller: what nobody handles is logged once,
    /// as an error, by the exception handler (or the command line), so no real error goes unseen.
    /// </summary>
    private static DbContextOptionsBuilder QuietHandledFailures(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Information),
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Information)));

    /// <summary>
    /// Applies migrations. SQLite always migrates itself at start; PostgreSQL only when asked
    /// (<c>migrate</c> command, or <c>Database:MigrateOnStart=true</c>).
    /// </summary>
    public static async Task MigrateAsync(PathwayDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and a writer work at once; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // Without statistics SQLite's planner guesses, and for "resources tagged DS.1" it guessed wrong: it walked
            // every published resource instead of the tag index. A sampled ANALYZE (analysis_limit) takes milliseconds.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
        }
    }

    public static bool MigratesOnStart(IConfiguration configuration) =>
        Provider(configuration) == DatabaseProvider.Sqlite
        || configuration.GetValue("Database:MigrateOnStart", false);
}

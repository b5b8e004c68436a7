using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pathway.Web.Data;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>
/// The whole site in memory on its own database: a SQLite file in a temp directory, or a uniquely named
/// PostgreSQL database that is dropped afterwards. Each starts as a copy of <see cref="DatabaseTemplate"/>, a
/// database the app migrated and seeded (roles, WHO regions, Member States, framework version 1) once per run
/// exactly as in production; start-up then finds nothing to migrate or seed. Copying is a file copy or
/// PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>, far cheaper than migrating every fixture's database.
/// </summary>
public class PathwayAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string? dataDirectory;
    private readonly string? serverConnectionString;
    private readonly string? databaseName;
    private readonly bool isTemplate;

    public PathwayAppFactory()
        : this(isTemplate: false)
    {
    }

    /// <summary>With <paramref name="isTemplate"/>, the factory that makes the template: from empty, and kept afterwards.</summary>
    internal PathwayAppFactory(bool isTemplate)
    {
        this.isTemplate = isTemplate;
        Database = TestEnvironment.Database;
        if (Database == TestDatabase.Postgres)
        {
            serverConnectionString = TestEnvironment.PostgresServer;
            databaseName = $"pathway_{(isTemplate ? "template" : "test")}_{Guid.NewGuid():N}";
        }
        else
        {
            dataDirectory = Directory.CreateTempSubdirectory("pathway-it-").FullName;
        }
    }

    public TestDatabase Database { get; }

    /// <summary>Where the SQLite file lives (SQLite only).</summary>
    public string? DataDirectory => dataDirectory;

    /// <summary>The PostgreSQL database made for this factory (PostgreSQL only).</summary>
    public string? DatabaseName => databaseName;

    // Error details (the offending key of a constraint violation) make a failing test say why.
    private string DatabaseConnectionString =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName, IncludeErrorDetail = true }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production settings, plain HTTP (no dev certificate here), no launch profile.
        builder.UseEnvironment("Production");
        if (Database == TestDatabase.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Pathway", DatabaseConnectionString);
            builder.UseSetting("Database:MigrateOnStart", "true");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Pathway", "");
            builder.UseSetting("Pathway:DataDirectory", dataDirectory);
        }
        // Every test signs in from the same (absent) client address, hundreds of times a minute: the
        // limiter stays on with limits no test reaches; RateLimitTests lowers them to see it refuse.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        // Request logs of hundreds of test requests drown the test output; warnings and errors still show.
        // Each test database makes a new data-protection key, stored unencrypted by design (keys live in the
        // database); a console rule outranks the app's own mute of that warning, so it is repeated here.
        builder.ConfigureLogging(logging => logging
            .AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning)
            .AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<WriteBarrier>();
            services.ConfigureDbContext<SqlitePathwayDb>((provider, options) => options.AddInterceptors(provider.GetRequiredService<WriteBarrier>()));
            services.ConfigureDbContext<PostgresPathwayDb>((provider, options) => options.AddInterceptors(provider.GetRequiredService<WriteBarrier>()));
        });
    }

    /// <summary>Holds marked concurrent requests at their first write until all have read (<see cref="WriteBarrier"/>).</summary>
    public WriteBarrier WriteBarrier => Services.GetRequiredService<WriteBarrier>();

    public async ValueTask InitializeAsync()
    {
        var template = isTemplate ? null : await DatabaseTemplate.GetAsync();
        if (Database == TestDatabase.Postgres)
        {
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template.DatabaseName}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"{from}", connection);
            await create.ExecuteNonQueryAsync();
        }
        else if (template is not null)
        {
            File.Copy(template.SqliteFile!, Path.Combine(dataDirectory!, DatabaseTemplate.SqliteFileName));
        }
        // Starts the host now, so a start-up failure fails the fixture with its real cause.
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (isTemplate)
        {
            // Only the connections go: the template's database stays for the copies (DatabaseTemplate drops it at the end).
            if (Database == TestDatabase.Postgres)
            {
                await using var database = new NpgsqlConnection(DatabaseConnectionString);
                NpgsqlConnection.ClearPool(database);
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
            GC.SuppressFinalize(this);
            return;
        }
        if (Database == TestDatabase.Postgres)
        {
            await using (var database = new NpgsqlConnection(DatabaseConnectionString))
            {
                NpgsqlConnection.ClearPool(database);
            }
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (dataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; failing a test over it would not be.
            }
        }
        GC.SuppressFinalize(this);
    }
}

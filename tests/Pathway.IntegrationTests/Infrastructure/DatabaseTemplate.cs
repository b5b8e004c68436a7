using Npgsql;

[assembly: AssemblyFixture(typeof(Pathway.IntegrationTests.Infrastructure.DatabaseTemplate))]

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>
/// The database every <see cref="PathwayAppFactory"/> starts from: made once per test run by starting the app on
/// an empty database (the production migrations and start-up seeds), then copied for each fixture. Dropped when
/// the run ends (this is an assembly fixture for that reason only).
/// </summary>
public sealed class DatabaseTemplate : IAsyncLifetime
{
    public const string SqliteFileName = "pathway.db";

    private static readonly Lazy<Task<Made>> Template = new(MakeAsync);

    /// <summary>A made template: the PostgreSQL database's name, or the SQLite file.</summary>
    public sealed record Made(string? DatabaseName, string? SqliteFile, string? SqliteDirectory);

    public static Task<Made> GetAsync() => Template.Value;

    private static async Task<Made> MakeAsync()
    {
        var factory = new PathwayAppFactory(isTemplate: true);
        await factory.InitializeAsync();
        await factory.DisposeAsync();
        return factory.Database == TestDatabase.Postgres
            ? new Made(factory.DatabaseName, null, null)
            : new Made(null, Path.Combine(factory.DataDirectory!, SqliteFileName), factory.DataDirectory);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (!Template.IsValueCreated || !Template.Value.IsCompletedSuccessfully)
        {
            return;
        }
        var made = await Template.Value;
        if (made.DatabaseName is not null)
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{made.DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (made.SqliteDirectory is not null)
        {
            try
            {
                Directory.Delete(made.SqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }
}

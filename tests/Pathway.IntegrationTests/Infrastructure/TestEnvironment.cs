namespace Pathway.IntegrationTests.Infrastructure;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the suite runs on: <c>PATHWAY_TEST_PROVIDER</c> = Sqlite (default) or Postgres,
/// with <c>PATHWAY_TEST_PG</c> a connection string without a database. A missing server is a failure, never a skip.
/// </summary>
public static class TestEnvironment
{
    public const string ProviderVariable = "PATHWAY_TEST_PROVIDER";
    public const string PostgresVariable = "PATHWAY_TEST_PG";

    public static TestDatabase Database
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ProviderVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return TestDatabase.Sqlite;
            }
            return Enum.TryParse<TestDatabase>(value, ignoreCase: true, out var database)
                ? database
                : throw new InvalidOperationException(
                    $"{ProviderVariable}='{value}' is not a test database; use Sqlite or Postgres.");
        }
    }

    public static string PostgresServer
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(PostgresVariable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new InvalidOperationException(
                    $"{ProviderVariable}=Postgres but {PostgresVariable} is not set. Set it to a connection string without a database, " +
                    "e.g. 'Host=127.0.0.1;Port=5432;Username=postgres' (./test.sh starts a throwaway server and sets it).")
                : value;
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pathway.Web.Data;

/// <summary>
/// Recognises the one database failure the app expects on a write: two requests inserting the same
/// unique key at once. Every catch of such a race asks here, so both providers are read the same way
/// and any other database error still surfaces.
/// </summary>
public static class UniqueViolation
{
    /// <summary>SQLite's extended result code for a UNIQUE constraint (SQLITE_CONSTRAINT_UNIQUE).</summary>
    private const int SqliteConstraintUnique = 2067;

    /// <summary>SQLite's extended result code for a PRIMARY KEY constraint (SQLITE_CONSTRAINT_PRIMARYKEY).</summary>
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>Whether the save failed because a unique index or key refused a second row (PostgreSQL 23505, SQLite 2067/1555).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            _ => false,
        };
    }
}

namespace Pathway.Web.Data;

/// <summary>
/// The full-text index of each database, over SearchEntries.TitleText (weighted high) and
/// SearchEntries.Text. EF Core cannot model either, so the migrations run these statements; they live
/// here, not in one migration file, so a regenerated migration calls the same text. Each "up" also indexes the rows
/// already there.
/// </summary>
/// <remarks>
/// SQLite: an FTS5 table with external content (it stores only the index; the text stays in SearchEntries), kept
/// current by three triggers. A later migration that makes EF rebuild the SearchEntries table on SQLite drops the
/// triggers with it: run <see cref="SqliteDown"/> before and <see cref="SqliteUp"/> after such a change, and
/// <see cref="SqliteFilterIndexUp"/> again (the engine names that index in every search).
/// PostgreSQL: a stored generated tsvector column with a GIN index; the database keeps it current itself.
/// </remarks>
public static class SearchSchema
{
    /// <summary>The FTS5 table (SQLite).</summary>
    public const string SqliteTable = "SearchText";

    /// <summary>The generated tsvector column (PostgreSQL).</summary>
    public const string PostgresColumn = "Document";

    public const string SqliteUp = """
        CREATE VIRTUAL TABLE "SearchText" USING fts5(
            "TitleText", "Text",
            content='SearchEntries', content_rowid='Id',
            tokenize='unicode61 remove_diacritics 2');

        CREATE TRIGGER "SearchEntries_SearchText_Insert" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchText"(rowid, "TitleText", "Text") VALUES (new."Id", new."TitleText", new."Text");
        END;

        CREATE TRIGGER "SearchEntries_SearchText_Delete" AFTER DELETE ON "SearchEntries" BEGIN
            INSERT INTO "SearchText"("SearchText", rowid, "TitleText", "Text") VALUES ('delete', old."Id", old."TitleText", old."Text");
        END;

        CREATE TRIGGER "SearchEntries_SearchText_Update" AFTER UPDATE OF "TitleText", "Text" ON "SearchEntries" BEGIN
            INSERT INTO "SearchText"("SearchText", rowid, "TitleText", "Text") VALUES ('delete', old."Id", old."TitleText", old."Text");
            INSERT INTO "SearchText"(rowid, "TitleText", "Text") VALUES (new."Id", new."TitleText", new."Text");
        END;

        INSERT INTO "SearchText"("SearchText") VALUES ('rebuild');
        """;

    /// <summary>The narrow covering index the SQLite engine counts and ranks matches through (<see cref="SqliteFilterIndexUp"/>).</summary>
    public const string SqliteFilterIndex = "IX_SearchEntries_Id_Filters";

    /// <summary>
    /// Every column a search filters, counts or sorts by, keyed by the FTS5 rowid: a thousand matches are then
    /// counted and ranked without reading their titles and summaries. SQLite only: PostgreSQL's bitmap scan reads
    /// the heap once per page of rows, and its planner needs no such help.
    /// </summary>
    public const string SqliteFilterIndexUp = """
        CREATE INDEX IF NOT EXISTS "IX_SearchEntries_Id_Filters"
            ON "SearchEntries" ("Id", "Audience", "Kind", "CountryIso3", "Year", "Weight", "Tags");
        """;

    public const string SqliteFilterIndexDown = """DROP INDEX IF EXISTS "IX_SearchEntries_Id_Filters";""";

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "SearchEntries_SearchText_Update";
        DROP TRIGGER IF EXISTS "SearchEntries_SearchText_Delete";
        DROP TRIGGER IF EXISTS "SearchEntries_SearchText_Insert";
        DROP TABLE IF EXISTS "SearchText";
        """;

    /// <summary>Re-reads every entry into the FTS5 index (the <c>search reindex</c> command).</summary>
    public const string SqliteRebuild = """INSERT INTO "SearchText"("SearchText") VALUES ('rebuild');""";

    // 'simple': lower-casing only, no stemming or stop words: the text is already folded, in three languages.
    public const string PostgresUp = """
        ALTER TABLE "SearchEntries" ADD COLUMN "Document" tsvector
            GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, "TitleText"), 'A')
                || setweight(to_tsvector('simple'::regconfig, "Text"), 'B')) STORED;

        CREATE INDEX "IX_SearchEntries_Document" ON "SearchEntries" USING GIN ("Document");
        """;

    public const string PostgresDown = """
        DROP INDEX IF EXISTS "IX_SearchEntries_Document";
        ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "Document";
        """;

    /// <summary>Rebuilds the GIN index (the <c>search reindex</c> command); the column itself is always current.</summary>
    public const string PostgresRebuild = """REINDEX INDEX "IX_SearchEntries_Document";""";
}

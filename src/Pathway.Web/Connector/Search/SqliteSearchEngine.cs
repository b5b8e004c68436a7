using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// SQLite FTS5 (<see cref="SearchSchema.SqliteUp"/>): each word a quoted string (so no word is ever FTS5 syntax),
/// all required, the last one also as a prefix; ranked by bm25 with the title column ten times the body's, lifted
/// by the entry's weight, ties broken by weight and id.
/// </summary>
public sealed class SqliteSearchEngine(PathwayDb db) : SqlSearchEngine(db)
{
    protected override (string From, string Condition, string Score) Match(IReadOnlyList<string> words, SqlParameters sql)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(sql);
        var terms = words.Select((word, i) => i == words.Count - 1 && word.Length >= SearchQuery.PrefixMinLength ? $"\"{word}\"*" : $"\"{word}\"");
        var match = sql.Add(string.Join(' ', terms));
        return (
            // The narrow covering index, not the table: counting and ranking a thousand matches then reads no titles or
            // summaries (wide rows, one per page), which cost 6× more CPU. The planner prefers the rowid otherwise.
            $"\"{SearchSchema.SqliteTable}\" JOIN \"SearchEntries\" AS e INDEXED BY \"{SearchSchema.SqliteFilterIndex}\" ON e.\"Id\" = \"{SearchSchema.SqliteTable}\".rowid",
            $"\"{SearchSchema.SqliteTable}\" MATCH {match}",
            // bm25 is negative, lower is better.
            $"-bm25(\"{SearchSchema.SqliteTable}\", 10.0, 1.0) * {WeightBoost}");
    }

    public override Task RebuildAsync(CancellationToken cancellationToken) =>
        Db.Database.ExecuteSqlRawAsync(SearchSchema.SqliteRebuild, cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// PostgreSQL full-text search (<see cref="SearchSchema.PostgresUp"/>): the words joined with <c>&amp;</c> into a
/// <c>to_tsquery</c> text the engine builds itself (each word quoted, only letters and digits, the last one also a
/// prefix), so nothing a person types is read as tsquery syntax; ranked by <c>ts_rank</c> with titles (weight A)
/// ten times the body (B), lifted by the entry's weight, ties broken by weight and id.
/// </summary>
public sealed class PostgresSearchEngine(PathwayDb db) : SqlSearchEngine(db)
{
    protected override (string From, string Condition, string Score) Match(IReadOnlyList<string> words, SqlParameters sql)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(sql);
        var terms = words.Select((word, i) => i == words.Count - 1 && word.Length >= SearchQuery.PrefixMinLength ? $"'{word}':*" : $"'{word}'");
        var every = sql.Add(string.Join(" & ", terms));
        var any = sql.Add(string.Join(" | ", terms));
        const string Document = $"e.\"{SearchSchema.PostgresColumn}\"";
        return (
            $"\"SearchEntries\" AS e CROSS JOIN to_tsquery('simple'::regconfig, {every}) AS q CROSS JOIN to_tsquery('simple'::regconfig, {any}) AS r",
            $"{Document} @@ q",
            // Every word must match (q); the rank counts each word's occurrences (r), as bm25 does on SQLite, rather
            // than how near the words stand (ts_rank_cd, or ts_rank over an AND query), which let a body with the words
            // close together outrank a title. Weights for D, C, B, A; normalisation 1 divides by 1 + log(length).
            $"ts_rank('{{0, 0, 0.1, 1}}'::float4[], {Document}, r, 1) * {WeightBoost}");
    }

    public override Task RebuildAsync(CancellationToken cancellationToken) =>
        Db.Database.ExecuteSqlRawAsync(SearchSchema.PostgresRebuild, cancellationToken);
}

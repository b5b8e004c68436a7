using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// What both engines share: the audiences and filters as one SQL condition over SearchEntries (aliased <c>e</c>),
/// two statements per search — the counts per kind (the facet and the total, under the same filter) and the
/// ranked page — and the reading of rows. Every value from the caller is a bound parameter; only the engine's
/// own names and the enums' names are written into the SQL text.
/// </summary>
public abstract class SqlSearchEngine(PathwayDb db) : ISearchEngine
{
    /// <summary>How much one point of <see cref="SearchEntry.Weight"/> (0–4) lifts relevance: 10% each.</summary>
    protected const string WeightBoost = "(1.0 + 0.1 * e.\"Weight\")";

    protected PathwayDb Db => db;

    /// <summary>
    /// The most matches one search counts and ranks. A word found in most of the index would otherwise make every
    /// search with it rank and count tens of thousands of rows; beyond this the answer says "more than" and asks
    /// for more words or filters (<see cref="SearchResults.IsCapped"/>).
    /// </summary>
    public const int MaxMatches = 1000;

    /// <summary>
    /// For a search with words: the FROM clause over SearchEntries <c>e</c>, the match condition and the relevance
    /// (higher is better, already lifted by the entry's weight), their values bound in <paramref name="sql"/>.
    /// </summary>
    protected abstract (string From, string Condition, string Score) Match(IReadOnlyList<string> words, SqlParameters sql);

    public abstract Task RebuildAsync(CancellationToken cancellationToken);

    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        var sql = new SqlParameters();
        (string From, string? Condition, string Score) plan = query.Words.Count > 0
            ? Match(query.Words, sql)
            : ("\"SearchEntries\" AS e", null, "0");
        var (from, match, score) = plan;
        var shared = new List<string>();
        if (match is not null)
        {
            shared.Add(match);
        }
        shared.AddRange(Visibility(viewer, sql));
        shared.AddRange(Filters(query, sql));
        var kinds = query.Kinds.Count == 0 ? null
            : "e.\"Kind\" IN (" + string.Join(", ", query.Kinds.Select(kind => $"'{kind}'")) + ")";

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var counts = await CountsAsync(from, shared, sql, cancellationToken);
            var total = counts.Where(pair => query.Kinds.Count == 0 || query.Kinds.Contains(pair.Key)).Sum(pair => pair.Value);
            if (counts.Values.Sum() > MaxMatches && kinds is not null)
            {
                // The kinds' sample was cut short by the other kinds: count the chosen kinds on their own.
                total = await CountAsync(from, [.. shared, kinds], sql, cancellationToken);
            }
            var capped = total > MaxMatches;
            total = Math.Min(total, MaxMatches);
            var skip = (query.Page - 1) * query.PageSize;
            if (skip >= total)
            {
                return new SearchResults([], total, counts, capped);
            }
            var where = Where(kinds is null ? shared : [.. shared, kinds]);
            // Relevance is computed for at most MaxMatches rows from the narrow columns, then sorted (the stable
            // tie-break is weight, year, id); only the page's rows are then read whole (titles, summaries: the wide part).
            var page = $"""
                SELECT hit."Kind", hit."Key", hit."Title", hit."Summary", hit."Url", hit."CountryIso3", hit."Year", hit."Weight"
                FROM (
                    SELECT m."Id", m."Score", m."Weight", m."Year"
                    FROM (
                        SELECT e."Id", e."Weight", e."Year", {score} AS "Score"
                        FROM {from}
                        {where}
                        LIMIT {MaxMatches}) AS m
                    ORDER BY m."Score" DESC, m."Weight" DESC, COALESCE(m."Year", 0) DESC, m."Id" DESC
                    LIMIT {sql.Add(query.PageSize)} OFFSET {sql.Add(skip)}) AS p
                JOIN "SearchEntries" AS hit ON hit."Id" = p."Id"
                ORDER BY p."Score" DESC, p."Weight" DESC, COALESCE(p."Year", 0) DESC, p."Id" DESC
                """;
            var hits = new List<SearchHit>(query.PageSize);
            await using var command = Command(page, sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHit(
                    Enum.Parse<SearchKind>(reader.GetString(0)),
                    reader.GetString(1),
                    LocalizedText.FromJson(reader.GetString(2)),
                    LocalizedText.FromJson(reader.GetString(3)),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5).Trim(),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    reader.GetInt32(7)));
            }
            return new SearchResults(hits, total, counts, capped);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> CountAsync(string from, List<string> conditions, SqlParameters sql, CancellationToken cancellationToken)
    {
        await using var command = Command($"""SELECT COUNT(*) FROM (SELECT 1 AS "One" FROM {from} {Where(conditions)} LIMIT {MaxMatches + 1}) AS m""", sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Matches per kind under every filter but the kinds, counted in a first sample of at most <see cref="MaxMatches"/> + 1.</summary>
    private async Task<Dictionary<SearchKind, int>> CountsAsync(string from, List<string> shared, SqlParameters sql, CancellationToken cancellationToken)
    {
        var statement = $"""
            SELECT m."Kind", COUNT(*)
            FROM (SELECT e."Kind" AS "Kind" FROM {from} {Where(shared)} LIMIT {MaxMatches + 1}) AS m
            GROUP BY m."Kind"
            """;
        var counts = new Dictionary<SearchKind, int>();
        await using var command = Command(statement, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<SearchKind>(reader.GetString(0), out var kind))
            {
                counts[kind] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }
        return counts;
    }

    /// <summary>
    /// Public entries for everyone; Country entries for callers whose scope covers the country (global, the country,
    /// its region) and content editors; Editors entries for content editors only.
    /// </summary>
    private static IEnumerable<string> Visibility(SearchViewer viewer, SqlParameters sql)
    {
        const string Public = $"e.\"Audience\" = '{nameof(SearchAudience.Public)}'";
        const string Country = $"e.\"Audience\" = '{nameof(SearchAudience.Country)}'";
        if (viewer.EditsContent)
        {
            yield break;
        }
        if (viewer.Scope.IsGlobal)
        {
            yield return $"e.\"Audience\" <> '{nameof(SearchAudience.Editors)}'";
        }
        else if (viewer.Scope.CountryIso3 is { } country)
        {
            yield return $"({Public} OR ({Country} AND e.\"CountryIso3\" = {sql.Add(country)}))";
        }
        else if (viewer.Scope.RegionCode is { } region)
        {
            yield return $"({Public} OR ({Country} AND e.\"CountryIso3\" IN (SELECT c.\"Iso3\" FROM \"Countries\" AS c WHERE c.\"RegionCode\" = {sql.Add(region)})))";
        }
        else
        {
            yield return Public;
        }
    }

    private static IEnumerable<string> Filters(SearchQuery query, SqlParameters sql)
    {
        if (query.Country is { } country)
        {
            yield return $"(e.\"CountryIso3\" = {sql.Add(country)} OR e.\"Tags\" LIKE {sql.Add(Tag(TagFacet.Country, country))})";
        }
        if (query.Region is { } region)
        {
            yield return $"(e.\"CountryIso3\" IN (SELECT c.\"Iso3\" FROM \"Countries\" AS c WHERE c.\"RegionCode\" = {sql.Add(region)}) OR e.\"Tags\" LIKE {sql.Add(Tag(TagFacet.Region, region))})";
        }
        if (query.Behaviour is { } behaviour)
        {
            // Content tagged with one of the behaviour's mechanisms is about the behaviour too.
            yield return $"(e.\"Tags\" LIKE {sql.Add(Tag(TagFacet.Behaviour, behaviour))} OR e.\"Tags\" LIKE {sql.Add($"% {TagFacet.Mechanism}:{behaviour}.%")})";
        }
        if (query.Mechanism is { } mechanism)
        {
            yield return $"e.\"Tags\" LIKE {sql.Add(Tag(TagFacet.Mechanism, mechanism))}";
        }
        if (query.Instrument is { } instrument)
        {
            yield return $"e.\"Tags\" LIKE {sql.Add(Tag(TagFacet.Instrument, instrument))}";
        }
        if (query.YearFrom is { } from)
        {
            yield return $"e.\"Year\" >= {sql.Add(from)}";
        }
        if (query.YearTo is { } to)
        {
            yield return $"e.\"Year\" <= {sql.Add(to)}";
        }
    }

    private static string Tag(TagFacet facet, string value) => $"% {facet}:{value} %";

    private static string Where(List<string> conditions) =>
        conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    protected DbCommand Command(string text, SqlParameters sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in sql.Values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>The parameters of one search's statements, named @p0, @p1…; every statement binds them all.</summary>
public sealed class SqlParameters
{
    private readonly List<(string Name, object Value)> values = [];

    public IReadOnlyList<(string Name, object Value)> Values => values;

    /// <summary>Binds a value and returns its placeholder.</summary>
    public string Add(object value)
    {
        var name = "@p" + values.Count.ToString(CultureInfo.InvariantCulture);
        values.Add((name, value));
        return name;
    }
}

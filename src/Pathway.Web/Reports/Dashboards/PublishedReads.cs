using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>
/// The version of the published rows: the highest row id and the number of releases. Signing off a release
/// (or a correction, which also turns older rows' <c>IsLatest</c> off) adds rows with higher ids, and removing
/// demonstration data deletes releases with their rows, so either changes the stamp. Both are cheap to read:
/// the maximum of a primary key, and a count over the releases (a thirtieth of the rows).
/// </summary>
public readonly record struct PublishedStamp(long MaxId, int Releases);

/// <summary>
/// Keeps the <see cref="PublishedIndex"/> of the current published rows for every request on this server.
/// Each request asks the database for the stamp (one indexed aggregate), so a release signed off on any
/// server is counted from the next request on; the rest is read again only when the stamp changes.
/// Reads for the cache run in a scope of their own, so no request's cancellation or end breaks them.
/// Other public views of the published rows (open data) keep what they read under the same stamp with
/// <see cref="KeptAsync{T}"/>.
/// </summary>
public sealed class PublishedReads(IServiceScopeFactory scopes)
{
    /// <summary>Values kept at most by <see cref="KeptAsync{T}"/> (a page of 500 results is about 350 KB of JSON); past it the cache starts again.</summary>
    public const int KeptCapacity = 128;

    private sealed record Entry(PublishedStamp Stamp, Task<PublishedIndex> Index);

    private sealed record Kept(PublishedStamp Stamp, ConcurrentDictionary<string, object> Values);

    private volatile Entry? current;

    private volatile Kept kept = new(default, new(StringComparer.Ordinal));

    /// <summary>
    /// The value under <paramref name="key"/> for the current published rows, read with <paramref name="read"/>
    /// when not kept. The key names everything the value depends on besides the published rows (filters,
    /// page, language). Read after the stamp, a value is never older than the stamp it is kept under.
    /// </summary>
    public async Task<T> KeptAsync<T>(PathwayDb db, string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var stamp = await StampAsync(db, cancellationToken);
        var values = kept;
        if (values.Stamp != stamp || values.Values.Count >= KeptCapacity)
        {
            values = new Kept(stamp, new(StringComparer.Ordinal));
            kept = values;
        }
        if (values.Values.TryGetValue(key, out var value))
        {
            return (T)value;
        }
        // Racing requests may each read; the values are equal.
        var fresh = await read(cancellationToken);
        values.Values[key] = fresh;
        return fresh;
    }

    public async Task<PublishedIndex> IndexAsync(PathwayDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await StampAsync(db, cancellationToken);
        var entry = current;
        if (entry is null || entry.Stamp != stamp || entry.Index.IsFaulted || entry.Index.IsCanceled)
        {
            // Racing requests may each read; the last one kept is as good as any.
            entry = new Entry(stamp, ReadAsync(scoped => PublishedIndex.ReadAsync(this, scoped, stamp, CancellationToken.None)));
            current = entry;
        }
        return await entry.Index.WaitAsync(cancellationToken);
    }

    public static async Task<PublishedStamp> StampAsync(PathwayDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await db.PublishedReleases.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(group => new { Releases = group.Count(), MaxId = db.PublishedResults.Max(row => (long?)row.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return stamp is null ? default : new PublishedStamp(stamp.MaxId ?? 0, stamp.Releases);
    }

    internal async Task<T> ReadAsync<T>(Func<PathwayDb, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PathwayDb>());
    }
}

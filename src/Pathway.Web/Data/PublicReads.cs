using System.Collections.Concurrent;

namespace Pathway.Web.Data;

/// <summary>
/// Values read from public content that are the same for every reader (a mechanism's newest resources, what a peer
/// country shared), kept in memory until public content changes (<see cref="PublicContent.Version"/>): the signed-in
/// pages that show them, which the public page cache never serves, then build them without a query.
/// </summary>
public sealed class PublicReads(PublicContent content, int capacity)
{
    /// <summary>Values kept at most per state of public content by default (small values: a panel, a country's evidence).</summary>
    public const int DefaultCapacity = 8192;

    public PublicReads(PublicContent content)
        : this(content, DefaultCapacity)
    {
    }

    private volatile Generation current = new(-1, capacity);

    /// <summary>
    /// The values kept for public content as it is now. Take it before reading the database: a change that commits
    /// meanwhile moves the version, so what was read is kept only where nobody will look for it.
    /// </summary>
    public Generation Current
    {
        get
        {
            var version = content.Version;
            var generation = current;
            if (generation.Version != version)
            {
                generation = new Generation(version, capacity);
                current = generation;
            }
            return generation;
        }
    }

    /// <summary>The value under <paramref name="key"/>, read with <paramref name="read"/> when not kept; the key names all it depends on.</summary>
    public async Task<T> KeptAsync<T>(string key, Func<Task<T>> read)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        var generation = Current;
        if (generation.TryGet<T>(key, out var value))
        {
            return value;
        }
        // Racing requests may each read; the values are equal.
        value = await read();
        generation.Keep(key, value);
        return value;
    }

    public sealed class Generation(long version, int capacity)
    {
        private readonly ConcurrentDictionary<string, object> values = new(StringComparer.Ordinal);

        public long Version => version;

        public bool TryGet<T>(string key, out T value)
            where T : notnull
        {
            if (values.TryGetValue(key, out var kept) && kept is T typed)
            {
                value = typed;
                return true;
            }
            value = default!;
            return false;
        }

        public void Keep<T>(string key, T value)
            where T : notnull
        {
            // Past its capacity a generation keeps nothing more: values are then read each time until the next change.
            if (values.Count < capacity)
            {
                values[key] = value;
            }
        }
    }
}

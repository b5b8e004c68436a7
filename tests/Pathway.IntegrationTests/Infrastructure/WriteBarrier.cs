using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>
/// Makes "two requests at once" really at once. Requests that carry the same <see cref="Header"/>
/// value each stop at their first write step (a save, or a transaction begun before one) until every
/// one of them has got there, that is until each has done its reads. Then all write together, so
/// the conflict and unique-index branches run every time instead of when the scheduler happens to
/// interleave them. Registered only in the test host; requests without the header never wait.
/// </summary>
public sealed class WriteBarrier(IHttpContextAccessor http) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public const string Header = "X-Test-Write-Barrier";

    /// <summary>Long enough for a slow shared machine, short enough that a missing party fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly object HeldKey = new();

    private readonly ConcurrentDictionary<string, Gate> gates = new(StringComparer.Ordinal);

    /// <summary>A new barrier for <paramref name="parties"/> requests; send its <see cref="Gate.Key"/> in <see cref="Header"/>.</summary>
    public Gate Open(int parties)
    {
        var gate = new Gate($"{Guid.NewGuid():N}", parties);
        gates[gate.Key] = gate;
        return gate;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        if (context is null || !context.Request.Headers.TryGetValue(Header, out var key)
            || !gates.TryGetValue(key.ToString(), out var gate) || context.Items.ContainsKey(HeldKey))
        {
            return;
        }
        // Only the first write step of a request waits: the later ones of the same request follow it.
        context.Items[HeldKey] = true;
        await gate.ArriveAsync(cancellationToken);
    }

    /// <summary>One barrier: every party waits until all have arrived.</summary>
    public sealed class Gate(string key, int parties)
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public string Key { get; } = key;

        /// <summary>How many requests reached their write step (the test checks it equals the parties).</summary>
        public int Arrived => Volatile.Read(ref arrived);

        public int Parties { get; } = parties;

        internal async Task ArriveAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref arrived) >= Parties)
            {
                all.TrySetResult();
            }
            try
            {
                await all.Task.WaitAsync(Patience, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Go on alone: the test then sees Arrived below Parties and says so.
            }
        }

        /// <summary>A request that takes part: the same request with the barrier's header.</summary>
        public HttpRequestMessage Mark(HttpRequestMessage request)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.Headers.Add(Header, Key);
            return request;
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Pathway.Web.Localization;

namespace Pathway.Web.Data;

/// <summary>
/// The state of what anonymous readers see (the <see cref="IPublicContent"/> entities), as a number that moves on
/// every committed change to it. Kept answers (<see cref="PublicPageCache"/>, the search results) are kept under the
/// number they were read at, so a change makes them unreachable at once.
/// </summary>
public sealed class PublicContent(IOutputCacheStore store, ILogger<PublicContent> log)
{
    private long version;
    private long stamp;
    private TaskCompletionSource nextChange = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version => Interlocked.Read(ref version);

    /// <summary>The <see cref="PublicContentStamp"/> value of the last change this server knows of.</summary>
    public long Stamp => Interlocked.Read(ref stamp);

    /// <summary>Completes once the next change has been taken in (version moved, pages dropped): something to await, not poll.</summary>
    public Task NextChange => Volatile.Read(ref nextChange).Task;

    /// <summary>
    /// Called once a change to public content is committed (here, or elsewhere and seen by <see cref="PublicContentWatch"/>),
    /// with the stamp it left: moves the version and drops the kept pages. Synchronous, so a synchronous SaveChanges
    /// never blocks on it: the in-memory store evicts at once, and a store that takes longer is not waited for.
    /// </summary>
    public void Changed(long newStamp)
    {
        Interlocked.Exchange(ref stamp, newStamp);
        Interlocked.Increment(ref version);
        var eviction = store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
        if (!eviction.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(eviction.AsTask());
        }
        Interlocked.Exchange(ref nextChange, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task ObserveAsync(Task eviction)
    {
        try
        {
            await eviction;
        }
        catch (Exception failure)
        {
            // The pages then live out their lifetime; the version has moved, so kept reads are already fresh.
            log.LogWarning(failure, "Could not drop the kept public pages after a change.");
        }
    }
}

/// <summary>
/// Tells <see cref="PublicContent"/> when a save that touched public content is committed: at the end of the save,
/// or, inside an explicit transaction, when that transaction commits (earlier, a reader could keep what is about to
/// be replaced). It also moves <see cref="PublicContentStamp"/> in the same save, which tells the other servers.
/// Bulk ExecuteUpdate/ExecuteDelete bypass it; the kept pages' lifetime bounds what they could leave.
/// </summary>
public sealed class PublicContentChanges(PublicContent content) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, StrongBox<long>> Pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitIfOutsideTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommitIfOutsideTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        if (!context.ChangeTracker.Entries().Any(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && entry.Entity is IPublicContent))
        {
            return;
        }
        // Written in the same transaction, so other servers see the stamp move exactly when the change is visible.
        var stamp = context.Set<PublicContentStamp>().Local.FirstOrDefault(row => row.Id == PublicContentStamp.RowId);
        if (stamp is null)
        {
            stamp = new PublicContentStamp { Id = PublicContentStamp.RowId };
            context.Attach(stamp);
        }
        stamp.Value = Random.Shared.NextInt64(1, long.MaxValue);
        context.Entry(stamp).Property(row => row.Value).IsModified = true;
        Pending.AddOrUpdate(context, new StrongBox<long>(stamp.Value));
    }

    private void CommitIfOutsideTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var written))
        {
            return;
        }
        Pending.Remove(context);
        // Told the stamp it wrote, the watch does not take this server's own change for another server's.
        content.Changed(written.Value);
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }
}

/// <summary>
/// Anonymous public pages and API reads answered from memory: the whole response for a path, query and language,
/// until public content changes (<see cref="PublicContent"/>) or <see cref="Lifetime"/> passes. Never for a signed-in
/// person or an API caller with a token, never for anything but a 200, and never for a response that sets a cookie
/// other than the language chosen in its own query (an antiforgery cookie is someone's own).
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string Policy = "PublicPage";
    public const string Tag = "public-content";

    /// <summary>
    /// The longest a page is kept: the bound for changes nobody is told about (bulk writes, text that depends on
    /// today's date). A save on another server or by a command is seen within <see cref="PublicContentWatch.Period"/>.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string VersionKey = "PublicPageCache.Version";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var readable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = readable;
        context.AllowCacheStorage = readable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(Tag);
        http.Items[VersionKey] = http.RequestServices.GetRequiredService<PublicContent>().Version;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        // A page read before a change committed while it rendered is not kept: it may show what the change replaced.
        var unchanged = http.Items[VersionKey] is long seen && seen == http.RequestServices.GetRequiredService<PublicContent>().Version;
        if (response.StatusCode != StatusCodes.Status200OK || !unchanged || !OnlyLanguageCookie(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static bool OnlyLanguageCookie(Microsoft.Extensions.Primitives.StringValues cookies)
    {
        foreach (var cookie in cookies)
        {
            if (cookie is null || !cookie.StartsWith(Cultures.CookieName + "=", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}

public static class PublicPageCacheSetup
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicContent>();
        services.AddSingleton(provider => new PublicReads(provider.GetRequiredService<PublicContent>()));
        services.AddSingleton<PublicContentChanges>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<PublicContentChanges>());
        services.AddHostedService<PublicContentWatch>();
        services.AddOutputCache(options => options.AddPolicy(PublicPageCache.Policy, new PublicPageCache()));
        return services;
    }
}

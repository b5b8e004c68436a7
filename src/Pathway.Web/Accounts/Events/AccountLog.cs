using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Accounts.Events;

/// <summary>
/// Keeps the account events: every sign-in, failure, lockout, password, role, scope and two-factor
/// change is written here, with the time from the injected clock and the client's address.
/// </summary>
public sealed class AccountLog(PathwayDb db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Failures from one client against one account before that client is refused for a while.</summary>
    public const int FailuresBeforeLockout = 5;

    public static readonly TimeSpan LockoutWindow = TimeSpan.FromMinutes(15);

    /// <summary>The caller's address, or null outside a request (commands, seeding).</summary>
    public string? Client => ClientOf(http.HttpContext);

    public static string? ClientOf(HttpContext? context) =>
        context is null ? null : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public Task RecordAsync(PathwayUser user, AccountEventKind kind, AccountEventDetail? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RecordAsync(user.Id, user.Email ?? user.UserName ?? "", kind, detail, cancellationToken);
    }

    public async Task RecordAsync(string? userId, string email, AccountEventKind kind, AccountEventDetail? detail = null, CancellationToken cancellationToken = default)
    {
        db.Add(AccountEvent.Create(clock.GetUtcNow(), userId, email, kind, detail?.Stored, Client));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Whether this client has failed <see cref="FailuresBeforeLockout"/> times against the account
    /// within <see cref="LockoutWindow"/> since its last success. Keyed by account and client, so a
    /// stranger's failures lock out the stranger, not the owner signing in from elsewhere.
    /// </summary>
    public async Task<bool> ClientIsLockedOutAsync(PathwayUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var client = Client;
        var since = clock.GetUtcNow() - LockoutWindow;
        var recent = await db.AccountEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.Client == client && e.At > since
                && (e.Kind == AccountEventKind.SignInFailed || e.Kind == AccountEventKind.SignedIn))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => e.Kind)
            .Take(FailuresBeforeLockout)
            .ToListAsync(cancellationToken);
        return recent.Count == FailuresBeforeLockout && recent.All(kind => kind == AccountEventKind.SignInFailed);
    }
}

/// <summary>Records the facts of an Identity change only when it succeeded.</summary>
public static class AccountLogExtensions
{
    public static async Task<IdentityResult> RecordedAsync(this Task<IdentityResult> change, AccountLog log, PathwayUser user, AccountEventKind kind, AccountEventDetail? detail = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(log);
        var result = await change;
        if (result.Succeeded)
        {
            await log.RecordAsync(user, kind, detail);
        }
        return result;
    }
}

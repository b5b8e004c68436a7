using Microsoft.AspNetCore.Identity;
using Pathway.Web.Accounts.Events;

namespace Pathway.Web.Accounts.SignIn;

/// <summary>The account behind a correct password, or null for every kind of refusal alike.</summary>
public sealed record PasswordCheck(PathwayUser? User)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// The password step of every sign-in (page and API). It takes the same time whether or not the
/// e-mail address has an account (an unknown address is checked against a dummy hash), records
/// every failure, and refuses a client after <see cref="AccountLog.FailuresBeforeLockout"/>
/// failures against one account, without locking the account for its owner elsewhere.
/// </summary>
public sealed class PasswordGate(UserManager<PathwayUser> users, AccountLog log)
{
    /// <summary>A hash of a random password, made like real ones, so an unknown account costs one hash too.</summary>
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<PathwayUser>().HashPassword(new PathwayUser(), Guid.NewGuid().ToString("N")));

    public async Task<PasswordCheck> CheckAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        email ??= "";
        password ??= "";
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new PathwayUser(), DummyHash.Value, password);
            await log.RecordAsync(null, email, AccountEventKind.SignInFailed, AccountEventDetail.UnknownAccount, cancellationToken);
            return new(null);
        }
        if (await users.IsLockedOutAsync(user) || await log.ClientIsLockedOutAsync(user, cancellationToken))
        {
            // Hashed anyway: a refused client learns nothing from the time either.
            users.PasswordHasher.VerifyHashedPassword(user, DummyHash.Value, password);
            await log.RecordAsync(user, AccountEventKind.SignInFailed, AccountEventDetail.WhileLockedOut, cancellationToken);
            return new(null);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await log.RecordAsync(user, AccountEventKind.SignInFailed, AccountEventDetail.WrongPassword, cancellationToken);
            if (await log.ClientIsLockedOutAsync(user, cancellationToken))
            {
                await log.RecordAsync(user, AccountEventKind.LockedOut, AccountEventDetail.ClientLockedOut(AccountLog.LockoutWindow), cancellationToken);
            }
            return new(null);
        }
        return new(user);
    }
}

/// <summary>Opens Identity's next step (the session cookie, or the two-factor step) after <see cref="PasswordGate"/> said yes.</summary>
public sealed class PathwaySignInManager(
    UserManager<PathwayUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PathwayUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PathwayUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PathwayUser> confirmation)
    : SignInManager<PathwayUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public Task<SignInResult> SignInAfterPasswordAsync(PathwayUser user, bool isPersistent) =>
        SignInOrTwoFactorAsync(user, isPersistent);
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Web.Data;

namespace Pathway.Web.Accounts.SignIn;

/// <summary>
/// Every cookie and bearer token carries the account's security stamp as it was at sign-in. A
/// password change, a lock, a role or scope change, a two-factor change and a sign-out all give the
/// account a new stamp, and this check compares the two on every request: an outdated session is
/// refused at once, on every server, because the stamp lives in the database. The cost is one
/// primary-key read per signed-in request.
/// </summary>
public sealed class SessionCheck(PathwayDb db, IOptions<IdentityOptions> options)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = options.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }
        var current = await db.Users.AsNoTracking().Where(user => user.Id == userId)
            .Select(user => user.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }

    /// <summary>Takes the place of Identity's interval-based validator on the sign-in cookie.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = context.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (context.Principal is null || !await check.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>
/// The API's scheme: Identity's bearer token, then <see cref="SessionCheck"/>. The bearer handler
/// itself only checks the token's signature and expiry.
/// </summary>
internal sealed class CheckedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionCheck check)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PathwayBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!result.Succeeded)
        {
            return result;
        }
        return await check.IsCurrentAsync(result.Principal, Context.RequestAborted)
            ? AuthenticateResult.Success(new AuthenticationTicket(result.Principal, result.Properties, SchemeName))
            : AuthenticateResult.Fail("The account changed or signed out since this token was issued.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Pathway.Web.Accounts.Events;

namespace Pathway.Web.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token (a link could sign people out from another site).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/logout", SignOutAsync).ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// Renews the account's security stamp before dropping the cookie, so a copy of the cookie (or a
    /// bearer token) taken before sign-out is refused from the next request on. It signs out every
    /// device of the account: one less session to forget on a shared computer, at the cost of signing
    /// in again elsewhere.
    /// </summary>
    private static async Task<RedirectHttpResult> SignOutAsync(
        HttpContext context, SignInManager<PathwayUser> signIn, UserManager<PathwayUser> users, AccountLog log, [FromForm] string? returnUrl)
    {
        if (await users.GetUserAsync(context.User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await log.RecordAsync(user, AccountEventKind.SignedOut);
        }
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>Only paths on this site: no scheme, no host, no protocol-relative "//".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

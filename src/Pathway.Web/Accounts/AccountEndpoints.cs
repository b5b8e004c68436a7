using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Pathway.Web.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token (a link could sign people out from another site).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/logout", async (SignInManager<PathwayUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();
        return routes;
    }

    /// <summary>Only paths on this site: no scheme, no host, no protocol-relative "//".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

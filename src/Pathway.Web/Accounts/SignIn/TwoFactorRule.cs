using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Pathway.Web.Accounts.SignIn;

/// <summary>
/// Administrators, regional officers, reviewers, content editors and organisers (who see attendees' details) must sign in with a second factor; everyone
/// else may. A session of such an account without two-factor sign-in reaches only the setup page
/// (and sign-out) until it is set up.
/// </summary>
public static class TwoFactorRule
{
    /// <summary>On the session when the account had two-factor sign-in turned on at sign-in (any change renews the stamp, see <see cref="SessionCheck"/>).</summary>
    public const string EnabledClaim = "pathway:2fa";

    public const string SetupPath = "/account/two-factor";

    public static bool IsRequiredFor(string? role) =>
        role is Roles.Administrator or Roles.RegionalOfficer or Roles.Reviewer or Roles.ContentEditor or Roles.Organiser;

    public static bool IsRequiredFor(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(Roles.Administrator) || principal.IsInRole(Roles.RegionalOfficer) || principal.IsInRole(Roles.Reviewer) || principal.IsInRole(Roles.ContentEditor) || principal.IsInRole(Roles.Organiser);
    }

    public static bool NeedsSetup(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && IsRequiredFor(principal) && !principal.HasClaim(claim => claim.Type == EnabledClaim);

    /// <summary>Sends such a session from any other page to the setup page.</summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            if (page is not null && page != typeof(Pages.TwoFactor) && NeedsSetup(context.User))
            {
                context.Response.Redirect(SetupPath);
                return;
            }
            await next(context);
        });
}

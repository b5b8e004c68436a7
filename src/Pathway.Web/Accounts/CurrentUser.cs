using System.Security.Claims;

namespace Pathway.Web.Accounts;

/// <summary>
/// The caller of the current request, read once from its claims (cookie or bearer token).
/// Outside a request (commands, seeding) it is nobody, with <see cref="AccessScope.None"/>.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string CountryClaim = "pathway:country";
    public const string RegionClaim = "pathway:region";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;

    public string? Role => IsSignedIn ? Roles.All.FirstOrDefault(Principal!.IsInRole) : null;

    public AccessScope Scope => IsSignedIn
        ? AccessScope.For(Role, Principal!.FindFirstValue(CountryClaim), Principal!.FindFirstValue(RegionClaim))
        : AccessScope.None;
}

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

    private ClaimsPrincipal? actingAs;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User ?? actingAs;

    /// <summary>
    /// Work outside a request (tests, commands) that must act for a given account: the scope is then
    /// read from <paramref name="principal"/>. A request's own user always wins.
    /// </summary>
    internal void ActAs(ClaimsPrincipal principal) => actingAs = principal;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;

    /// <summary>The account id; null for anonymous visitors and background work.</summary>
    public string? Id => IsSignedIn ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The name shown for the caller's actions: display name, else the sign-in name.</summary>
    public string? Name => IsSignedIn
        ? Principal!.FindFirstValue(ClaimTypes.GivenName) ?? Principal!.Identity!.Name
        : null;

    public string? Role => IsSignedIn ? Roles.All.FirstOrDefault(Principal!.IsInRole) : null;

    public string? CountryIso3 => IsSignedIn ? Principal!.FindFirstValue(CountryClaim) : null;

    /// <summary>Moderates the Country Connector's shared content: content editors and administrators.</summary>
    public bool EditsContent => Role is Roles.ContentEditor or Roles.Administrator;

    /// <summary>Runs events (their drafts, registrations, attendance, key messages): organisers, content editors and administrators.</summary>
    public bool OrganisesEvents => Role is Roles.Organiser or Roles.ContentEditor or Roles.Administrator;

    public AccessScope Scope => IsSignedIn
        ? AccessScope.For(Role, CountryIso3, Principal!.FindFirstValue(RegionClaim))
        : AccessScope.None;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pathway.Web.Accounts.Events;
using Pathway.Web.Accounts.SignIn;
using Pathway.Web.Data;

namespace Pathway.Web.Accounts;

/// <summary>Identity, sign-in cookies for pages, bearer tokens for the API, and the policies.</summary>
public static class AccountsSetup
{
    public static readonly TimeSpan BearerTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>How long an e-mailed account link (a participant's invitation, a password reset) stays valid.</summary>
    public static readonly TimeSpan AccountLinkLifetime = TimeSpan.FromDays(7);

    public static IServiceCollection AddPathwayAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccountLog>();
        services.AddScoped<PasswordGate>();
        services.AddScoped<SessionCheck>();
        services.AddSingleton<PublicAddress>();
        services.AddScoped(provider => (PathwaySignInManager)provider.GetRequiredService<SignInManager<PathwayUser>>());
        services.AddScoped<IStartupSeed, RoleSeed>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = BearerTokenLifetime)
            .AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
                options.Cookie.Name = ".Pathway.Session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // Checked on every request, not every few minutes: see SessionCheck.
                options.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
            }));

        services.AddIdentityCore<PathwayUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // Counts wrong two-factor codes (only reachable with the right password); wrong passwords
                // lock out one client per account instead (PasswordGate), so a stranger cannot lock the owner out.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PathwayDb>()
            .AddSignInManager<PathwaySignInManager>()
            .AddClaimsPrincipalFactory<PathwayClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        // Invitation links (password-reset codes) stay valid for a week; setting the password, or any
        // other change of the security stamp, ends them sooner.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = AccountLinkLifetime);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ApiUser, policy => policy
                .AddAuthenticationSchemes(CheckedBearerHandler.SchemeName)
                .RequireAuthenticatedUser());
        return services;
    }
}

/// <summary>Puts the account's country and region into its claims, where <see cref="CurrentUser"/> reads them.</summary>
internal sealed class PathwayClaimsFactory(
    UserManager<PathwayUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PathwayUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PathwayUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CountryIso3 is not null)
        {
            identity.AddClaim(new Claim(CurrentUser.CountryClaim, user.CountryIso3));
        }
        if (user.RegionCode is not null)
        {
            identity.AddClaim(new Claim(CurrentUser.RegionClaim, user.RegionCode));
        }
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorRule.EnabledClaim, "on"));
        }
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }
        return identity;
    }
}

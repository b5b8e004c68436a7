using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Pathway.Web.Accounts;
using Pathway.Web.Accounts.SignIn;
using Pathway.Web.Data;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>An account a test made for itself; <paramref name="AuthenticatorKey"/> when it signs in with two factors.</summary>
public sealed record TestUser(string Id, string Email, string Password, string Role, string? Country, string? Region, string? AuthenticatorKey = null)
{
    /// <summary>The code the authenticator app would show now (null without two-factor sign-in).</summary>
    public string? CurrentCode => AuthenticatorKey is null ? null : TestAccounts.CodeFor(AuthenticatorKey);
}

/// <summary>A database context that acts for one user (or for nobody), with the scope it lives in.</summary>
public sealed class UserDb(AsyncServiceScope scope, PathwayDb db) : IAsyncDisposable
{
    public PathwayDb Db { get; } = db;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

/// <summary>Accounts, sign-in and scoped database access for tests; each call makes its own unique data.</summary>
public static class TestAccounts
{
    /// <summary>Meets the policy: 12+ characters, upper, lower, digit.</summary>
    public const string Password = "Pathway-Test-Password-2026";

    public static string UniqueEmail(string prefix = "user") => $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";

    /// <summary>Eight random hex characters, for version numbers and titles no other test uses.</summary>
    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..8];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Creates an account through the same rules as the admin pages and the command line. Roles that
    /// must sign in with two factors get an authenticator enrolled, as their first sign-in would do.
    /// </summary>
    public static async Task<TestUser> CreateUserAsync(this PathwayAppFactory factory, string role, string? country = null, string? region = null)
    {
        var user = await factory.CreateUserWithoutTwoFactorAsync(role, country, region);
        return TwoFactorRule.IsRequiredFor(role) ? await factory.EnrolTwoFactorAsync(user) : user;
    }

    /// <summary>An account as <c>user add</c> leaves it: password only, whatever its role.</summary>
    public static async Task<TestUser> CreateUserWithoutTwoFactorAsync(this PathwayAppFactory factory, string role, string? country = null, string? region = null)
    {
        var email = UniqueEmail(role);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(email, Password, role, country, region), Ct);
        Assert.True(result.Succeeded, "Could not create the test user: " +
            string.Join("; ", result.Errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}")));
        return new TestUser(result.User!.Id, email, Password, role, country, region);
    }

    /// <summary>Gives the account an authenticator key and turns two-factor sign-in on, as the setup page does.</summary>
    public static async Task<TestUser> EnrolTwoFactorAsync(this PathwayAppFactory factory, TestUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException($"No account {user.Email}.");
        await users.ResetAuthenticatorKeyAsync(account);
        var key = await users.GetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return user with { AuthenticatorKey = key };
    }

    /// <summary>RFC 6238 code of the Base32 key for the current 30-second step, as an authenticator app shows it.</summary>
    public static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient CreatePageClient(this PathwayAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password, string? twoFactorCode = null) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode }, Ct);

    /// <summary>Signs in through POST /api/auth/login and returns the bearer token.</summary>
    public static async Task<string> GetBearerTokenAsync(this PathwayAppFactory factory, TestUser user)
    {
        using var client = factory.CreateClient();
        using var response = await client.LoginAsync(user.Email, user.Password, user.CurrentCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A client of the API signed in as <paramref name="user"/> with a bearer token.</summary>
    public static async Task<HttpClient> CreateApiClientAsync(this PathwayAppFactory factory, TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    /// <summary>Signs in through the login page as a person would: GET the form, POST it with its antiforgery token.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this PathwayAppFactory factory, TestUser user) =>
        (await factory.SignInThroughPageAsync(user)).Client;

    /// <summary>
    /// Signs in through the login page (and its two-factor step when the account has one) and also
    /// returns the session cookie as <c>name=value</c>, for tests that replay a copy of it.
    /// </summary>
    public static async Task<(HttpClient Client, string SessionCookie)> SignInThroughPageAsync(this PathwayAppFactory factory, TestUser user)
    {
        var client = factory.CreatePageClient();
        var page = await client.GetStringAsync("/account/login", Ct);
        var form = HtmlForm.Find(page, "login")
            .With("Input.Email", user.Email)
            .With("Input.Password", user.Password);
        var response = await client.PostAsync("/account/login", form.ToContent(), Ct);
        if (user.AuthenticatorKey is not null && response.Headers.Location is { } location
            && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) is var next
            && next.StartsWith("/account/login/two-factor", StringComparison.Ordinal))
        {
            response.Dispose();
            var step = await client.GetStringAsync(next, Ct);
            var codeForm = HtmlForm.Find(step, "two-factor-login").With("Input.Code", user.CurrentCode!);
            response = await client.PostAsync(next, codeForm.ToContent(), Ct);
        }
        using (response)
        {
            var session = response.StatusCode == HttpStatusCode.Redirect && response.Headers.TryGetValues("Set-Cookie", out var cookies)
                ? cookies.FirstOrDefault(cookie => cookie.StartsWith(".Pathway.Session=", StringComparison.Ordinal))
                : null;
            if (session is null)
            {
                client.Dispose();
                Assert.Fail($"Signing in {user.Email} through /account/login did not give a session: {(int)response.StatusCode} {response.StatusCode} to {response.Headers.Location}.");
            }
            return (client, session.Split(';')[0]);
        }
    }

    /// <summary>
    /// A database context acting for <paramref name="user"/> (null: an anonymous visitor), as a
    /// request by that user would: the country-scope filter reads the user's scope on every query.
    /// </summary>
    public static async Task<UserDb> OpenDbAsAsync(this PathwayAppFactory factory, TestUser? user)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (user is not null)
        {
            // A scope of its own: Identity's stores would otherwise build the context before the user is set.
            await using var identityScope = factory.Services.CreateAsyncScope();
            var services = identityScope.ServiceProvider;
            var account = await services.GetRequiredService<UserManager<PathwayUser>>().FindByIdAsync(user.Id)
                ?? throw new InvalidOperationException($"No account {user.Email}.");
            principal = await services.GetRequiredService<SignInManager<PathwayUser>>().CreateUserPrincipalAsync(account);
        }
        var scope = factory.Services.CreateAsyncScope();
        // Not through IHttpContextAccessor: its value lives in an AsyncLocal and would not outlive this async method.
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(principal);
        return new UserDb(scope, scope.ServiceProvider.GetRequiredService<PathwayDb>());
    }

    /// <summary>A database context acting for nobody, as commands and seeding do: writes go through, scoped reads see nothing.</summary>
    public static UserDb OpenSystemDb(this PathwayAppFactory factory)
    {
        var scope = factory.Services.CreateAsyncScope();
        return new UserDb(scope, scope.ServiceProvider.GetRequiredService<PathwayDb>());
    }
}

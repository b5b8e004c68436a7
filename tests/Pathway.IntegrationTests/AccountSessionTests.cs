using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests;

/// <summary>
/// Issue 9 §2.1 and §2.2: a token or cookie stops working at the first request after the account's
/// password, lock, role or scope changes, or after sign-out. The check is made on every request, so
/// no clock needs to move.
/// </summary>
public class AccountSessionTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bearer_token_of_a_focal_point_moved_to_another_country_and_role_is_refused_at_once()
    {
        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        var token = await factory.GetBearerTokenAsync(user);
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(token));

        await WithAdministrationAsync((administration, account) => administration.SetRoleAsync(account, Roles.CountryContributor, "JOR", null), user);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(token));
        // A new sign-in carries the new role and scope.
        Assert.Equal(HttpStatusCode.OK, await StatusWithTokenAsync(await factory.GetBearerTokenAsync(user)));
    }

    [Fact]
    public async Task Bearer_token_of_a_locked_account_is_refused_at_once()
    {
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var token = await factory.GetBearerTokenAsync(user);

        await WithAdministrationAsync((administration, account) => administration.SetLockedAsync(account, locked: true), user);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(token));
    }

    [Fact]
    public async Task Bearer_token_is_refused_once_the_password_changes()
    {
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        var token = await factory.GetBearerTokenAsync(user);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.ChangePasswordAsync(account, user.Password, "Another-Password-2027")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(token));
    }

    [Fact]
    public async Task Api_sign_out_ends_the_token()
    {
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var token = await factory.GetBearerTokenAsync(user);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var signedOut = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(token));
    }

    [Fact]
    public async Task Login_answer_has_no_refresh_token()
    {
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = factory.CreateClient();

        using var response = await client.LoginAsync(user.Email, user.Password);

        var body = await HttpAssert.JsonAsync(response);
        Assert.False(body.TryGetProperty("refreshToken", out _));
        Assert.True(body.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Session_cookie_copied_before_sign_out_reads_nothing_afterwards()
    {
        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        var (client, cookie) = await factory.SignInThroughPageAsync(user);
        using var _ = client;
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie));

        var page = await client.GetStringAsync("/assessments", Ct);
        var signOut = HtmlForm.FindByAction(page, "/account/logout");
        using (var signedOut = await client.PostAsync("/account/logout", signOut.ToContent(), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie));
    }

    [Fact]
    public async Task Session_cookie_of_a_focal_point_moved_to_another_country_is_refused_at_once()
    {
        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        var (client, cookie) = await factory.SignInThroughPageAsync(user);
        client.Dispose();
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie));

        await WithAdministrationAsync((administration, account) => administration.SetRoleAsync(account, Roles.CountryContributor, "JOR", null), user);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie));
    }

    [Fact]
    public async Task Session_cookie_is_refused_once_an_administrator_locks_the_account()
    {
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var (client, cookie) = await factory.SignInThroughPageAsync(user);
        client.Dispose();

        await WithAdministrationAsync((administration, account) => administration.SetLockedAsync(account, locked: true), user);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie));
    }

    private async Task WithAdministrationAsync(Func<UserAdministration, PathwayUser, Task> change, TestUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var account = (await scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>().FindByIdAsync(user.Id))!;
        await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), account);
    }

    private async Task<HttpStatusCode> StatusWithTokenAsync(string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/assessments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    /// <summary>A client with no cookie jar, sending only the copied session cookie: 200 reads the page, 302 goes to sign-in.</summary>
    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assessments");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests;

/// <summary>Page sessions: signing out, and accounts an administrator has locked.</summary>
public class SignInTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var form = HtmlForm.FindByAction(await client.GetStringAsync("/", Ct), "/account/logout");

        using var response = await client.PostAsync("/account/logout", form.ToContent(), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", HttpAssert.Location(response));
        using var afterwards = await client.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/login", HttpAssert.Location(afterwards), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_antiforgery_token_is_rejected_and_the_session_goes_on()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });

        using var response = await client.PostAsync("/account/logout", forged, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var afterwards = await client.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task Sign_out_sends_people_only_to_local_addresses()
    {
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer);
        using var client = await factory.CreateSignedInClientAsync(reviewer);
        var form = HtmlForm.FindByAction(await client.GetStringAsync("/", Ct), "/account/logout")
            .With("returnUrl", "//evil.example/");

        using var response = await client.PostAsync("/account/logout", form.ToContent(), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", HttpAssert.Location(response));
    }

    [Fact]
    public async Task Locked_account_cannot_sign_in_on_the_page_or_the_api()
    {
        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "JOR");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var account = await services.GetRequiredService<UserManager<PathwayUser>>().FindByIdAsync(user.Id);
            await services.GetRequiredService<UserAdministration>().SetLockedAsync(account!, locked: true);
        }
        using var client = factory.CreatePageClient();
        var form = HtmlForm.Find(await client.GetStringAsync("/account/login", Ct), "login")
            .With("Input.Email", user.Email)
            .With("Input.Password", user.Password);

        using var page = await client.PostAsync("/account/login", form.ToContent(), Ct);
        using var api = await client.LoginAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("role=\"alert\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(page.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(cookie => cookie.StartsWith(".Pathway.Session=", StringComparison.Ordinal)));
        await HttpAssert.ProblemAsync(api, HttpStatusCode.Unauthorized);
    }
}

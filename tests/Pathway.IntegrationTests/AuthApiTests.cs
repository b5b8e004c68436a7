using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests;

public class AuthApiTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Correct_credentials_give_a_one_hour_bearer_token()
    {
        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = factory.CreateClient();

        using var response = await client.LoginAsync(user.Email, user.Password);

        var body = await HttpAssert.JsonAsync(response);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Bearer_token_carries_the_accounts_identity_role_and_country()
    {
        // No API needs a token yet, so the token is opened with the site's own bearer protector.
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        var token = await factory.GetBearerTokenAsync(user);

        var options = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var ticket = options.BearerTokenProtector.Unprotect(token);

        Assert.NotNull(ticket);
        Assert.Equal(user.Id, ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.True(ticket.Principal.IsInRole(Roles.CountryContributor));
        Assert.Equal("KEN", ticket.Principal.FindFirstValue(CurrentUser.CountryClaim));
        Assert.InRange(ticket.Properties.ExpiresUtc!.Value - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401_problem()
    {
        var user = await factory.CreateUserAsync(Roles.Reviewer);
        using var client = factory.CreateClient();

        using var wrongPassword = await client.LoginAsync(user.Email, "Wrong-Password-2026");
        using var unknownEmail = await client.LoginAsync(TestAccounts.UniqueEmail("nobody"), TestAccounts.Password);

        var first = await HttpAssert.ProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await HttpAssert.ProblemAsync(unknownEmail, HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("title").GetRawText(), second.GetProperty("title").GetRawText());
        Assert.Equal(first.GetProperty("detail").GetRawText(), second.GetProperty("detail").GetRawText());
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_right_password_is_refused_too()
    {
        var user = await factory.CreateUserAsync(Roles.RegionalOfficer, region: "EMR");
        using var client = factory.CreateClient();
        string? firstFailureDetail = null;

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.LoginAsync(user.Email, $"Wrong-Password-{attempt}x");
            firstFailureDetail ??= (await HttpAssert.ProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString();
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var right = await client.LoginAsync(user.Email, user.Password);

        var problem = await HttpAssert.ProblemAsync(right, HttpStatusCode.Unauthorized);
        // A locked account looks the same as a wrong password: nothing tells an attacker it exists.
        Assert.Equal(firstFailureDetail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_without_a_password_is_a_400_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.UniqueEmail() }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Accounts.Events;

namespace Pathway.IntegrationTests;

/// <summary>Issue 9 §2.5: wrong passwords refuse the client that sent them, not the account's owner.</summary>
public class SignInProtectionTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Owner = IPAddress.Parse("198.51.100.20");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_from_a_stranger_do_not_lock_the_owner_out()
    {
        var user = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");

        for (var attempt = 1; attempt <= AccountLog.FailuresBeforeLockout; attempt++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, await LoginFromAsync(Stranger, user.Email, $"Wrong-Password-{attempt}x"));
        }

        // The stranger is refused even with the right password; the owner, elsewhere, signs in.
        Assert.Equal(StatusCodes.Status401Unauthorized, await LoginFromAsync(Stranger, user.Email, user.Password));
        Assert.Equal(StatusCodes.Status200OK, await LoginFromAsync(Owner, user.Email, user.Password));

        await using var scope = factory.OpenSystemDb();
        var events = await scope.Db.AccountEvents.AsNoTracking().Where(e => e.UserId == user.Id).ToListAsync(Ct);
        Assert.Equal(AccountLog.FailuresBeforeLockout + 1, events.Count(e => e.Kind == AccountEventKind.SignInFailed && e.Client == Stranger.ToString()));
        Assert.Single(events, e => e.Kind == AccountEventKind.LockedOut && e.Client == Stranger.ToString());
        Assert.Single(events, e => e.Kind == AccountEventKind.SignedIn && e.Client == Owner.ToString());
    }

    [Fact]
    public async Task A_failed_sign_in_with_an_unknown_address_is_recorded_without_an_account()
    {
        var email = TestAccounts.UniqueEmail("nobody");

        Assert.Equal(StatusCodes.Status401Unauthorized, await LoginFromAsync(Stranger, email, TestAccounts.Password));

        await using var scope = factory.OpenSystemDb();
        var recorded = await scope.Db.AccountEvents.AsNoTracking().SingleAsync(e => e.Email == email, Ct);
        Assert.Null(recorded.UserId);
        Assert.Equal(AccountEventKind.SignInFailed, recorded.Kind);
    }

    /// <summary>The test server has no client address of its own; this request gets one.</summary>
    private async Task<int> LoginFromAsync(IPAddress client, string email, string password)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { email, password });
        var context = await factory.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = client;
            request.Request.Method = HttpMethods.Post;
            request.Request.Scheme = "http";
            request.Request.Host = new HostString("localhost");
            request.Request.Protocol = "HTTP/1.1";
            request.Request.Path = "/api/auth/login";
            request.Request.ContentType = "application/json";
            request.Request.ContentLength = body.Length;
            request.Request.Body = new MemoryStream(body);
            // The test server guesses "no body" for a context built by hand; minimal APIs read none then.
            request.Features.Set<IHttpRequestBodyDetectionFeature>(new WithBody());
        }, Ct);
        return context.Response.StatusCode;
    }

    private sealed class WithBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

/// <summary>The site with limits low enough for a test to reach.</summary>
public sealed class TightRateLimitFactory : PathwayAppFactory
{
    public const int SignInLimit = 3;
    public const int ApiLimit = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignIn:PermitLimit", SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignIn:WindowSeconds", "3600");
        builder.UseSetting("RateLimits:Api:PermitLimit", ApiLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Api:WindowSeconds", "3600");
    }
}

/// <summary>Issue 9 §2.5: the rate limiter answers 429 problems with Retry-After, on sign-in (page and API) and the API.</summary>
public class RateLimitTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_beyond_the_limit_is_a_429_problem_with_retry_after_on_the_api_and_the_page()
    {
        using var client = factory.CreatePageClient();
        var loginPage = await client.GetStringAsync("/account/login", Ct);
        for (var attempt = 1; attempt <= TightRateLimitFactory.SignInLimit; attempt++)
        {
            using var refused = await client.LoginAsync(TestAccounts.UniqueEmail("nobody"), TestAccounts.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var api = await client.LoginAsync(TestAccounts.UniqueEmail("nobody"), TestAccounts.Password);
        var form = HtmlForm.Find(loginPage, "login").With("Input.Email", TestAccounts.UniqueEmail("nobody")).With("Input.Password", TestAccounts.Password);
        using var page = await client.PostAsync("/account/login", form.ToContent(), Ct);

        foreach (var response in new[] { api, page })
        {
            var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests);
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
    }

    [Fact]
    public async Task The_api_beyond_its_limit_is_a_429_problem_and_pages_are_not_limited()
    {
        using var client = factory.CreateClient();
        for (var request = 1; request <= TightRateLimitFactory.ApiLimit; request++)
        {
            using var allowed = await client.GetAsync("/api/countries", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/api/countries", Ct);
        using var pageRead = await client.GetAsync("/account/login", Ct);

        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, pageRead.StatusCode);
    }
}

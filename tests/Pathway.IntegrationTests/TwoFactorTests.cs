using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Accounts.Events;

namespace Pathway.IntegrationTests;

/// <summary>Issue 9 §2.10: two-factor sign-in, required for administrators, regional officers and reviewers.</summary>
public partial class TwoFactorTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrator_made_on_the_command_line_sets_up_two_factor_before_anything_else()
    {
        var administrator = await factory.CreateUserWithoutTwoFactorAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);

        using var users = await client.GetAsync("/admin/users", Ct);
        Assert.Equal("/account/two-factor", HttpAssert.Location(users));
        using var assessments = await client.GetAsync("/assessments", Ct);
        Assert.Equal("/account/two-factor", HttpAssert.Location(assessments));

        var setup = await client.GetStringAsync("/account/two-factor", Ct);
        var key = AuthenticatorKey().Match(setup).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);
        Assert.Contains("otpauth://totp/", setup, StringComparison.Ordinal);
        Assert.Contains("<svg", setup, StringComparison.Ordinal);

        var wrong = HtmlForm.Find(setup, "enable-two-factor").With("Input.Code", "000000");
        var refused = await HttpAssert.HtmlAsync(await client.PostAsync("/account/two-factor", wrong.ToContent(), Ct));
        Assert.Contains("This code is not correct", refused, StringComparison.Ordinal);

        var right = HtmlForm.Find(setup, "enable-two-factor").With("Input.Code", TestAccounts.CodeFor(key));
        var enabled = await HttpAssert.HtmlAsync(await client.PostAsync("/account/two-factor", right.ToContent(), Ct));
        Assert.Equal(10, RecoveryCode().Count(enabled));

        using var afterwards = await client.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        // The next sign-in asks for the code.
        await using var scope = factory.OpenSystemDb();
        Assert.True(await scope.Db.Users.Where(u => u.Id == administrator.Id).Select(u => u.TwoFactorEnabled).SingleAsync(Ct));
        Assert.True(await scope.Db.AccountEvents.AnyAsync(e => e.UserId == administrator.Id && e.Kind == AccountEventKind.TwoFactorEnabled, Ct));
        using var again = await factory.CreateSignedInClientAsync(administrator with { AuthenticatorKey = key });
    }

    [Fact]
    public async Task Api_sign_in_of_a_two_factor_account_needs_a_code_or_a_recovery_code()
    {
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        using var client = factory.CreateClient();

        using var missing = await client.LoginAsync(reviewer.Email, reviewer.Password);
        var problem = await HttpAssert.ProblemAsync(missing, HttpStatusCode.Unauthorized);
        Assert.True(problem.GetProperty("twoFactorRequired").GetBoolean());
        using var wrong = await client.LoginAsync(reviewer.Email, reviewer.Password, "123456" == reviewer.CurrentCode ? "654321" : "123456");
        await HttpAssert.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        using var right = await client.LoginAsync(reviewer.Email, reviewer.Password, reviewer.CurrentCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        var recoveryCode = await NewRecoveryCodeAsync(reviewer);
        using var recovered = await client.LoginAsync(reviewer.Email, reviewer.Password, recoveryCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        using var reused = await client.LoginAsync(reviewer.Email, reviewer.Password, recoveryCode);
        await HttpAssert.ProblemAsync(reused, HttpStatusCode.Unauthorized);

        await using var scope = factory.OpenSystemDb();
        Assert.True(await scope.Db.AccountEvents.AnyAsync(e => e.UserId == reviewer.Id && e.Kind == AccountEventKind.RecoveryCodeUsed, Ct));
    }

    [Fact]
    public async Task Api_sign_in_of_a_regional_officer_without_two_factor_is_refused_until_set_up()
    {
        var officer = await factory.CreateUserWithoutTwoFactorAsync(Roles.RegionalOfficer, region: "EMR");
        using var client = factory.CreateClient();

        using var response = await client.LoginAsync(officer.Email, officer.Password);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Page_sign_in_takes_a_recovery_code_instead_of_the_app_code()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        var recoveryCode = await NewRecoveryCodeAsync(administrator);
        using var client = factory.CreatePageClient();
        var login = HtmlForm.Find(await client.GetStringAsync("/account/login", Ct), "login")
            .With("Input.Email", administrator.Email).With("Input.Password", administrator.Password);
        using var password = await client.PostAsync("/account/login", login.ToContent(), Ct);
        var step = new Uri(new Uri("http://localhost"), HttpAssert.Location(password)).PathAndQuery;
        Assert.StartsWith("/account/login/two-factor", step, StringComparison.Ordinal);

        var form = HtmlForm.Find(await client.GetStringAsync(step, Ct), "two-factor-login").With("Input.Code", recoveryCode);
        using var signedIn = await client.PostAsync(step, form.ToContent(), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var users = await client.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task A_contributor_may_turn_two_factor_on_and_off()
    {
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(contributor);
        var setup = await client.GetStringAsync("/account/two-factor", Ct);
        var key = AuthenticatorKey().Match(setup).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enable = HtmlForm.Find(setup, "enable-two-factor").With("Input.Code", TestAccounts.CodeFor(key));
        await HttpAssert.HtmlAsync(await client.PostAsync("/account/two-factor", enable.ToContent(), Ct));

        var on = await client.GetStringAsync("/account/two-factor", Ct);
        using var off = await client.PostAsync("/account/two-factor", HtmlForm.Find(on, "disable-two-factor").ToContent(), Ct);

        Assert.Equal("/account/two-factor?disabled=true", new Uri(new Uri("http://localhost"), HttpAssert.Location(off)).PathAndQuery);
        using var api = factory.CreateClient();
        using var token = await api.LoginAsync(contributor.Email, contributor.Password);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    private async Task<string> NewRecoveryCodeAsync(TestUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PathwayUser>>();
        var account = (await users.FindByIdAsync(user.Id))!;
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))!.First();
    }

    [GeneratedRegex(@"id=""authenticator-key""[^>]*>(?<key>[a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex(@"<li class=""col"">[A-Z0-9]{5}-[A-Z0-9]{5}</li>")]
    private static partial Regex RecoveryCode();
}

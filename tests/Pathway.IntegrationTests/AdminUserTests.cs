using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests;

/// <summary>The account pages: who may open them, and creating accounts through the form.</summary>
public class AdminUserTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.GetAsync("/admin/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", HttpAssert.Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Country_focal_point_is_denied_the_user_administration()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(focalPoint);

        using var response = await client.GetAsync("/admin/users", Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"Got {(int)response.StatusCode}.");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/account/access-denied", HttpAssert.Location(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Country_focal_point_is_denied_a_users_page()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(focalPoint);

        using var response = await client.GetAsync($"/admin/users/{focalPoint.Id}", Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"Got {(int)response.StatusCode}.");
        Assert.DoesNotContain(focalPoint.Email, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_sees_the_list_of_users()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        var other = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        using var client = await factory.CreateSignedInClientAsync(administrator);

        using var response = await client.GetAsync("/admin/users", Ct);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response));
        Assert.Contains(administrator.Email, html, StringComparison.Ordinal);
        Assert.Contains(other.Email, html, StringComparison.Ordinal);
        Assert.Contains($"/admin/users/{other.Id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_creates_a_country_focal_point_through_the_form()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var email = TestAccounts.UniqueEmail("created");
        var form = HtmlForm.Find(await client.GetStringAsync("/admin/users", Ct), "create-user")
            .Fill("name", "Amina Created")
            .Fill("email", email)
            .Fill("password", TestAccounts.Password)
            .Fill("new-role", Roles.CountryFocalPoint)
            .Fill("new-country", "EGY")
            .Fill("new-region", "");

        using var response = await client.PostAsync("/admin/users", form.ToContent(), Ct);

        Assert.Contains("/admin/users?created=", await HttpAssert.RedirectAsync(response), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
        var created = await users.FindByEmailAsync(email);
        Assert.NotNull(created);
        Assert.Equal("EGY", created.CountryIso3);
        Assert.Null(created.RegionCode);
        Assert.Equal("Amina Created", created.DisplayName);
        Assert.Equal([Roles.CountryFocalPoint], await users.GetRolesAsync(created));
        Assert.True(await users.CheckPasswordAsync(created, TestAccounts.Password));
    }

    [Fact]
    public async Task Administrator_changes_a_users_role_and_scope_on_the_users_page()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var url = $"/admin/users/{contributor.Id}";
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), "user-role")
            .Fill("role", Roles.RegionalOfficer)
            .Fill("country", "")
            .Fill("region", "AFR");

        using var response = await client.PostAsync(url, form.ToContent(), Ct);

        Assert.Contains("saved=true", await HttpAssert.RedirectAsync(response), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
        var changed = await users.FindByIdAsync(contributor.Id);
        Assert.NotNull(changed);
        Assert.Equal([Roles.RegionalOfficer], await users.GetRolesAsync(changed));
        Assert.Null(changed.CountryIso3);
        Assert.Equal("AFR", changed.RegionCode);
    }

    [Fact]
    public async Task Country_focal_point_without_a_country_is_refused_with_a_message_and_not_created()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var email = TestAccounts.UniqueEmail("refused");
        var form = HtmlForm.Find(await client.GetStringAsync("/admin/users", Ct), "create-user")
            .Fill("email", email)
            .Fill("password", TestAccounts.Password)
            .Fill("new-role", Roles.CountryFocalPoint)
            .Fill("new-country", "")
            .Fill("new-region", "");

        using var response = await client.PostAsync("/admin/users", form.ToContent(), Ct);

        var messages = HttpAssert.ValidationMessages(await HttpAssert.HtmlAsync(response));
        Assert.Contains("The role CountryFocalPoint needs a country.", messages);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Weak_password_is_refused_with_a_message_and_not_created()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var email = TestAccounts.UniqueEmail("weak");
        var form = HtmlForm.Find(await client.GetStringAsync("/admin/users", Ct), "create-user")
            .Fill("email", email)
            .Fill("password", "short")
            .Fill("new-role", Roles.Reviewer)
            .Fill("new-country", "")
            .Fill("new-region", "");

        using var response = await client.PostAsync("/admin/users", form.ToContent(), Ct);

        Assert.NotEmpty(HttpAssert.ValidationMessages(await HttpAssert.HtmlAsync(response)));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Create_user_post_without_antiforgery_token_is_rejected()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var email = TestAccounts.UniqueEmail("forged");
        var form = HtmlForm.Find(await client.GetStringAsync("/admin/users", Ct), "create-user")
            .Without("__RequestVerificationToken")
            .Fill("email", email)
            .Fill("password", TestAccounts.Password)
            .Fill("new-role", Roles.Administrator);

        using var response = await client.PostAsync("/admin/users", form.ToContent(), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>().FindByEmailAsync(email));
    }
}

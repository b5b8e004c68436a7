using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests;

/// <summary>Issue 9 §2.10: what happens to accounts is recorded, and administrators read it on a page.</summary>
public class AccountEventsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrator_reads_a_persons_sign_ins_failures_and_changes_filtered_by_kind_in_three_languages()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        var person = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using (var api = factory.CreateClient())
        {
            using var wrong = await api.LoginAsync(person.Email, "Wrong-Password-2026");
            using var right = await api.LoginAsync(person.Email, person.Password);
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var account = (await scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>().FindByIdAsync(person.Id))!;
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetRoleAsync(account, Roles.CountryContributor, "JOR", null, Ct);
        }
        using var client = await factory.CreateSignedInClientAsync(administrator);

        var all = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/account-events?person={Uri.EscapeDataString(person.Email)}", Ct));
        Assert.Contains("Failed sign-in", all, StringComparison.Ordinal);
        Assert.Contains("Signed in", all, StringComparison.Ordinal);
        Assert.Contains("Role or scope changed", all, StringComparison.Ordinal);
        Assert.Contains("Country focal point (EGY) → Country contributor (JOR), from the command line", all, StringComparison.Ordinal);
        Assert.Contains("Wrong password", all, StringComparison.Ordinal);
        // The header names whoever is signed in; the listed events are the person's only.
        Assert.DoesNotContain($"<td><bdi>{administrator.Email}</bdi></td>", all, StringComparison.Ordinal);

        var failures = await client.GetStringAsync($"/admin/account-events?person={Uri.EscapeDataString(person.Email)}&kind=SignInFailed", Ct);
        Assert.Contains("1 events", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("Role or scope changed</td>", failures, StringComparison.Ordinal);

        var french = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/account-events?person={Uri.EscapeDataString(person.Email)}&kind=SignInFailed&culture=fr", Ct));
        Assert.Contains("Échec de connexion", french, StringComparison.Ordinal);
        // The detail too is read in the reader's language, not the one the event was written in.
        Assert.Contains("Mot de passe incorrect", french, StringComparison.Ordinal);
        var arabic = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/account-events?person={Uri.EscapeDataString(person.Email)}&kind=SignInFailed&culture=ar", Ct));
        Assert.Contains("فشل تسجيل الدخول", arabic, StringComparison.Ordinal);
        Assert.Contains("كلمة مرور خاطئة", arabic, StringComparison.Ordinal);

        var future = await client.GetStringAsync($"/admin/account-events?person={Uri.EscapeDataString(person.Email)}&from=2999-01-01&culture=en", Ct);
        Assert.Contains("No events match", future, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_read_the_account_events()
    {
        var officer = await factory.CreateUserAsync(Roles.RegionalOfficer, region: "EMR");
        using var client = await factory.CreateSignedInClientAsync(officer);

        using var response = await client.GetAsync("/admin/account-events", Ct);

        Assert.Contains("/account/access-denied", HttpAssert.Location(response), StringComparison.Ordinal);
    }
}

/// <summary>The site with a configured public address.</summary>
public sealed class PublicAddressFactory : PathwayAppFactory
{
    public const string BaseUrl = "https://pathway.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pathway:PublicBaseUrl", BaseUrl + "/");
    }
}

/// <summary>Issue 9 §2.6: invitation links come from the configured address, never the request's Host header.</summary>
public class InvitationAddressTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    [Fact]
    public async Task A_forged_host_header_does_not_reach_the_invitation_link() =>
        Assert.StartsWith(PublicAddressFactory.BaseUrl + "/account/invitation?", await InvitationLinks.AddWithForgedHostAsync(factory), StringComparison.Ordinal);
}

/// <summary>Without Pathway:PublicBaseUrl the link uses the configured listen address (Urls), still never the Host header.</summary>
public class DefaultInvitationAddressTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    [Fact]
    public async Task Without_a_public_address_the_link_uses_the_listen_address_not_the_host_header() =>
        Assert.StartsWith("http://localhost:5080/account/invitation?", await InvitationLinks.AddWithForgedHostAsync(factory), StringComparison.Ordinal);
}

internal static class InvitationLinks
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds a new person to a round through the API with <c>Host: evil.example</c>; returns the invitation link.</summary>
    public static async Task<string> AddWithForgedHostAsync(PathwayAppFactory factory)
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assessments/{round.Id}/participants")
        {
            Content = JsonContent.Create(new { email = TestAccounts.UniqueEmail("invited"), displayName = "Ms Hala Nabil", group = "Academia", role = "Respondent" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(round.FocalPoint));
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var link = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("invitationLink").GetString()!;
        Assert.DoesNotContain("evil.example", link, StringComparison.Ordinal);
        return link;
    }
}

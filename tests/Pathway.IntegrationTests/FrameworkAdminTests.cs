using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests;

/// <summary>The framework versions page: who may open it, and importing a file through it.</summary>
public class FrameworkAdminTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var form = HtmlForm.Find(await client.GetStringAsync("/admin/frameworks", Ct), "framework-import");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields)
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "framework.json");
        return await client.PostAsync("/admin/frameworks", content, Ct);
    }

    [Fact]
    public async Task Country_contributor_is_denied_the_framework_versions_page()
    {
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "TUN");
        using var client = await factory.CreateSignedInClientAsync(contributor);

        using var response = await client.GetAsync("/admin/frameworks", Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"Got {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task Administrator_sees_the_versions_with_browse_and_export_links()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);

        var html = await HttpAssert.HtmlAsync(await client.GetAsync("/admin/frameworks", Ct));

        Assert.Contains("href=\"/framework/1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/frameworks/1/document\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_uploaded_by_an_administrator_is_refused_whole_with_its_problems_listed()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var version = $"99-page-{TestAccounts.UniqueSuffix()}";
        var framework = ShippedFramework.Copy(version);
        framework["behaviours"]![0]!["mechanisms"]![0]!["levels"]!.AsArray().RemoveAt(2);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await UploadAsync(client, framework.ToJsonString())));

        Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
        Assert.Contains("$.behaviours[0].mechanisms[0].levels", html, StringComparison.Ordinal);
        await using var system = factory.OpenSystemDb();
        Assert.False(await system.Db.FrameworkVersions.AnyAsync(v => v.Version == version, Ct));
    }

    [Fact]
    public async Task A_new_version_uploaded_by_an_administrator_is_imported_and_listed()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var version = $"99-page-{TestAccounts.UniqueSuffix()}";

        var html = await HttpAssert.HtmlAsync(await UploadAsync(client, ShippedFramework.Copy(version).ToJsonString()));

        Assert.Contains($"Version {version} imported.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/framework/{version}\"", html, StringComparison.Ordinal);
        await using var system = factory.OpenSystemDb();
        Assert.Equal(28, await system.Db.Mechanisms.CountAsync(m => m.FrameworkVersion!.Version == version, Ct));
    }
}

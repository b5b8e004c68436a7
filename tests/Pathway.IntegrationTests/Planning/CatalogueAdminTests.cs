using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests.Planning;

/// <summary>The recommendation catalogue versions page: who may open it, and importing a file through it.</summary>
public class CatalogueAdminTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var form = HtmlForm.Find(await client.GetStringAsync("/admin/recommendations", Ct), "catalogue-import");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields)
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "recommendations.json");
        return await client.PostAsync("/admin/recommendations", content, Ct);
    }

    [Theory]
    [InlineData(Roles.CountryFocalPoint)]
    [InlineData(Roles.RegionalOfficer)]
    public async Task Only_administrators_open_the_catalogue_versions_page(string role)
    {
        var user = await factory.CreateUserAsync(role, country: role == Roles.CountryFocalPoint ? "TUN" : null, region: role == Roles.RegionalOfficer ? "EMR" : null);
        using var client = await factory.CreateSignedInClientAsync(user);

        using var response = await client.GetAsync("/admin/recommendations", Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"Got {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task The_navigation_links_administrators_to_the_page()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);

        var html = await HttpAssert.HtmlAsync(await client.GetAsync("/admin/frameworks", Ct));

        Assert.Contains("href=\"/admin/recommendations\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_uploaded_by_an_administrator_is_refused_whole_with_every_problem_listed()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var version = CatalogueFixture.NewVersion("page");
        var root = CatalogueFixture.Root(version);
        root.Steps(0).RemoveAt(1);
        root.ActionAt(1, 2, 1)["code"] = "DS.2-3a";

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await UploadAsync(client, root.ToJsonString())));

        Assert.Contains("Nothing was imported. The file has", html, StringComparison.Ordinal);
        Assert.Contains("$.mechanisms[0].steps", html, StringComparison.Ordinal);
        Assert.Contains("step from level 2 (Progressing → Established) is missing", html, StringComparison.Ordinal);
        Assert.Contains("$.mechanisms[1].steps[2].actions[1].code", html, StringComparison.Ordinal);
        Assert.Contains("duplicate code 'DS.2-3a'", html, StringComparison.Ordinal);
        await using var system = factory.OpenSystemDb();
        Assert.False(await system.Db.RecommendationCatalogues.AnyAsync(c => c.Version == version, Ct));
    }

    [Fact]
    public async Task A_new_catalogue_uploaded_by_an_administrator_is_imported_and_listed_and_a_second_upload_is_unchanged()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);
        var version = CatalogueFixture.NewVersion("page");
        var json = CatalogueFixture.Root(version).ToJsonString();

        var html = await HttpAssert.HtmlAsync(await UploadAsync(client, json));
        var again = await HttpAssert.HtmlAsync(await UploadAsync(client, json));

        Assert.Contains($"Catalogue version {version} imported.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/recommendations/{version}/document\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\">254</td>", html, StringComparison.Ordinal);
        Assert.Contains($"Catalogue version {version} is already imported with exactly this content.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploading_nothing_says_to_choose_a_file()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await factory.CreateSignedInClientAsync(administrator);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await UploadAsync(client, "")));

        Assert.Contains("Choose a catalogue file to import.", html, StringComparison.Ordinal);
    }
}

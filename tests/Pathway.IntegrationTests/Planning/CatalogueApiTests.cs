using System.Net;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Framework;

namespace Pathway.IntegrationTests.Planning;

/// <summary>The catalogue as open data: versions, one version in one language, the catalogue file.</summary>
public class CatalogueApiTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ImportedAsync()
    {
        var version = CatalogueFixture.NewVersion("api");
        Assert.Equal(ImportStatus.Imported, (await factory.ImportAsync(CatalogueFixture.Root(version).ToJsonString())).Status);
        return version;
    }

    [Fact]
    public async Task Anyone_lists_the_catalogue_versions_with_their_framework_version_and_counts()
    {
        var version = await ImportedAsync();
        using var client = factory.CreateClient();

        var versions = await HttpAssert.JsonAsync(await client.GetAsync("/api/recommendations", Ct));

        var listed = Assert.Single(versions.EnumerateArray(), v => v.GetProperty("version").GetString() == version);
        Assert.Equal("1", listed.GetProperty("frameworkVersion").GetString());
        Assert.Equal(28, listed.GetProperty("mechanisms").GetInt32());
        Assert.Equal(254, listed.GetProperty("actions").GetInt32());
        Assert.True(listed.GetProperty("illustrative").GetBoolean());
    }

    [Fact]
    public async Task A_catalogue_version_is_served_whole_in_the_language_asked_for()
    {
        var version = await ImportedAsync();
        using var client = factory.CreateClient();

        var catalogue = await HttpAssert.JsonAsync(await client.GetAsync($"/api/recommendations/{version}?lang=fr", Ct));

        Assert.Equal("fr", catalogue.GetProperty("language").GetString());
        Assert.Equal(2, catalogue.GetProperty("evidenceFirst").GetArrayLength());
        var mechanisms = catalogue.GetProperty("mechanisms");
        Assert.Equal(CatalogueFixture.MechanismCodes, mechanisms.EnumerateArray().Select(m => m.GetProperty("mechanism").GetString()));
        var step = mechanisms[0].GetProperty("steps")[1];
        Assert.Equal(2, step.GetProperty("fromLevel").GetInt32());
        var action = step.GetProperty("actions")[0];
        Assert.Equal("DS.1-2a", action.GetProperty("code").GetString());
        Assert.StartsWith("(fr) Do a to move DS.1 up from level 2", action.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("LegislationOrRegulation", action.GetProperty("type").GetString());
        Assert.Equal("High", action.GetProperty("effort").GetString());
        var note = action.GetProperty("contexts")[0];
        Assert.Equal("Fragile", note.GetProperty("context").GetString());
        Assert.Equal("Avoid", note.GetProperty("fit").GetString());
        Assert.Equal("(fr) Avoid in Fragile.", note.GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_catalogue_file_served_by_the_api_imports_again_as_unchanged()
    {
        var version = await ImportedAsync();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/recommendations/{version}/document", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"$schema\": \"./recommendations.schema.json\"", json, StringComparison.Ordinal);
        Assert.Contains("(ar) Do c to move", json, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Unchanged, (await factory.ImportAsync(json)).Status);
    }

    [Theory]
    [InlineData("/api/recommendations/no-such-version")]
    [InlineData("/api/recommendations/no-such-version/document")]
    public async Task An_unknown_version_is_a_404_problem(string path)
    {
        using var client = factory.CreateClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync(path, Ct), HttpStatusCode.NotFound);

        Assert.Contains("no-such-version", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_is_a_validation_problem()
    {
        var version = await ImportedAsync();
        using var client = factory.CreateClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync($"/api/recommendations/{version}?lang=de", Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task The_catalogue_endpoints_are_in_the_OpenAPI_document()
    {
        using var client = factory.CreateClient();

        var document = await HttpAssert.JsonAsync(await client.GetAsync("/openapi/v1.json", Ct));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/recommendations/{version}", out _));
        Assert.True(paths.TryGetProperty("/api/assessments/{id}/mechanisms/{mechanismCode}/recommendations", out _));
    }
}

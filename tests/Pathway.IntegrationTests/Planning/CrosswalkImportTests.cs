using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Framework;

namespace Pathway.IntegrationTests.Planning;

/// <summary>A framework file's crosswalk is stored on import, exported unchanged, and checked against the earlier version when it is stored.</summary>
public class CrosswalkImportTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewVersion() => $"2-test-{TestAccounts.UniqueSuffix()}";

    [Fact]
    public async Task The_crosswalk_is_stored_and_exported_unchanged()
    {
        var version = NewVersion();
        var json = CrosswalkFramework.Version2(version).ToJsonString();

        var outcome = await factory.ImportFrameworkAsync(json);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        await using (var scope = factory.OpenSystemDb())
        {
            var stored = await scope.Db.FrameworkVersions.AsNoTracking().SingleAsync(v => v.Version == version, Ct);
            Assert.Equal("1", stored.CrosswalkFrom);
            Assert.Equal(27, stored.Crosswalk.Count);
            Assert.Equal(["AS.3", "AS.6"], stored.Crosswalk.Single(entry => entry.From == "AS.3").To);
            Assert.Empty(stored.Crosswalk.Single(entry => entry.From == "BU.5").To);
        }

        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/frameworks/{version}/document", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exportedJson = await response.Content.ReadAsStringAsync(Ct);
        var (exported, problems) = FrameworkValidator.Parse(exportedJson);
        var (original, _) = FrameworkValidator.Parse(json);
        Assert.Empty(problems);
        Assert.Equal(original!.ContentHash(), exported!.ContentHash());
        Assert.Equal(
            JsonNode.Parse(json)!["crosswalk"]!.ToJsonString(),
            JsonNode.Parse(exportedJson)!["crosswalk"]!.ToJsonString());
        Assert.Equal(ImportStatus.Unchanged, (await factory.ImportFrameworkAsync(exportedJson)).Status);
    }

    [Fact]
    public async Task A_version_without_a_crosswalk_exports_none()
    {
        using var client = factory.CreateClient();
        var exported = await client.GetStringAsync("/api/frameworks/1/document", Ct);

        Assert.Null(JsonNode.Parse(exported)!["crosswalk"]);
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.FrameworkVersions.AsNoTracking().SingleAsync(v => v.Version == "1", Ct);
        Assert.Null(stored.CrosswalkFrom);
        Assert.Empty(stored.Crosswalk);
    }

    [Fact]
    public async Task A_crosswalk_from_a_code_the_stored_earlier_version_lacks_is_refused_and_nothing_is_saved()
    {
        var version = NewVersion();
        var root = CrosswalkFramework.Version2(version);
        root["crosswalk"]!["mappings"]![0]!["from"] = "DS.9";

        var outcome = await factory.ImportFrameworkAsync(root.ToJsonString());

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.crosswalk.mappings[0].from", problem.Path);
        Assert.Contains("'DS.9' is not a mechanism of version '1'", problem.Message, StringComparison.Ordinal);
        await using var scope = factory.OpenSystemDb();
        Assert.False(await scope.Db.FrameworkVersions.AnyAsync(v => v.Version == version, Ct));
    }

    [Fact]
    public async Task A_crosswalk_from_a_version_not_stored_yet_is_accepted_as_declared()
    {
        var version = NewVersion();
        var root = CrosswalkFramework.Version2(version);
        root["crosswalk"]!["from"] = "0-not-imported";
        root["crosswalk"]!["mappings"]![0]!["from"] = "DS.9";

        var outcome = await factory.ImportFrameworkAsync(root.ToJsonString());

        Assert.Equal(ImportStatus.Imported, outcome.Status);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Framework;

namespace Pathway.IntegrationTests;

/// <summary>Import is all or nothing, and a version an assessment uses never changes.</summary>
public class FrameworkImportTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImportOutcome> ImportAsync(string json)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().ImportAsync(json, Ct);
    }

    private async Task<string?> StoredHashAsync(string version)
    {
        await using var system = factory.OpenSystemDb();
        return await system.Db.FrameworkVersions.Where(v => v.Version == version).Select(v => v.ContentHash).SingleOrDefaultAsync(Ct);
    }

    private async Task PinAsync(string version)
    {
        await using var system = factory.OpenSystemDb();
        var versionId = await system.Db.FrameworkVersions.Where(v => v.Version == version).Select(v => v.Id).SingleAsync(Ct);
        system.Db.Assessments.Add(new Assessment
        {
            CountryIso3 = "JOR",
            FrameworkVersionId = versionId,
            Title = $"Pins version {version}",
            CreatedAt = TimeProvider.System.GetUtcNow(),
        });
        await system.Db.SaveChangesAsync(Ct);
    }

    private static string NewVersion() => $"99-test-{TestAccounts.UniqueSuffix()}";

    private static string Tweaked(JsonObject framework)
    {
        ShippedFramework.FirstDescriptor(framework)["en"] = $"Changed for a test {TestAccounts.UniqueSuffix()}.";
        return framework.ToJsonString();
    }

    [Fact]
    public async Task Reimporting_the_shipped_file_changes_nothing()
    {
        var before = await StoredHashAsync("1");

        var outcome = await ImportAsync(ShippedFramework.Json);

        Assert.Equal(ImportStatus.Unchanged, outcome.Status);
        Assert.Equal("1", outcome.Version);
        Assert.Empty(outcome.Problems);
        Assert.Equal(before, await StoredHashAsync("1"));
    }

    [Fact]
    public async Task New_version_is_imported_and_listed_by_the_api()
    {
        var version = NewVersion();

        var outcome = await ImportAsync(ShippedFramework.Copy(version).ToJsonString());

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(version, outcome.Version);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/frameworks", Ct);
        var versions = await HttpAssert.JsonAsync(response);
        var listed = Assert.Single(versions.EnumerateArray(), v => v.GetProperty("version").GetString() == version);
        Assert.Equal(28, listed.GetProperty("mechanisms").GetInt32());
        using var tree = await client.GetAsync($"/api/frameworks/{version}", Ct);
        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
    }

    [Fact]
    public async Task Changed_content_of_an_unused_version_replaces_it()
    {
        var version = NewVersion();
        Assert.Equal(ImportStatus.Imported, (await ImportAsync(ShippedFramework.Copy(version).ToJsonString())).Status);
        var before = await StoredHashAsync(version);

        var outcome = await ImportAsync(Tweaked(ShippedFramework.Copy(version)));

        Assert.Equal(ImportStatus.Replaced, outcome.Status);
        Assert.Empty(outcome.Problems);
        var after = await StoredHashAsync(version);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        await using var system = factory.OpenSystemDb();
        Assert.Equal(1, await system.Db.FrameworkVersions.CountAsync(v => v.Version == version, Ct));
        Assert.Equal(28, await system.Db.Mechanisms.CountAsync(m => m.FrameworkVersion!.Version == version, Ct));
    }

    [Fact]
    public async Task A_replaced_version_is_served_with_its_new_content_not_from_the_cache()
    {
        var version = NewVersion();
        Assert.Equal(ImportStatus.Imported, (await ImportAsync(ShippedFramework.Copy(version).ToJsonString())).Status);
        using var client = factory.CreateClient();
        var before = await client.GetStringAsync($"/api/frameworks/{version}", Ct);
        var tweaked = Tweaked(ShippedFramework.Copy(version));
        var changedText = ShippedFramework.FirstDescriptor(System.Text.Json.Nodes.JsonNode.Parse(tweaked)!.AsObject())["en"]!.GetValue<string>();
        Assert.DoesNotContain(changedText, before, StringComparison.Ordinal);

        Assert.Equal(ImportStatus.Replaced, (await ImportAsync(tweaked)).Status);

        var after = await client.GetStringAsync($"/api/frameworks/{version}", Ct);
        Assert.Contains(changedText, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_content_of_a_version_an_assessment_uses_is_refused()
    {
        var version = NewVersion();
        Assert.Equal(ImportStatus.Imported, (await ImportAsync(ShippedFramework.Copy(version).ToJsonString())).Status);
        await PinAsync(version);
        var before = await StoredHashAsync(version);

        var outcome = await ImportAsync(Tweaked(ShippedFramework.Copy(version)));

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.version", problem.Path);
        Assert.Equal(before, await StoredHashAsync(version));
    }

    [Fact]
    public async Task Same_content_of_a_version_an_assessment_uses_is_unchanged_not_refused()
    {
        var version = NewVersion();
        var json = ShippedFramework.Copy(version).ToJsonString();
        Assert.Equal(ImportStatus.Imported, (await ImportAsync(json)).Status);
        await PinAsync(version);

        var outcome = await ImportAsync(json);

        Assert.Equal(ImportStatus.Unchanged, outcome.Status);
    }

    [Fact]
    public async Task File_with_a_missing_level_is_refused_with_json_paths_and_nothing_is_stored()
    {
        var version = NewVersion();
        var framework = ShippedFramework.Copy(version);
        framework["behaviours"]![1]!["mechanisms"]![2]!["levels"]!.AsArray().RemoveAt(3);

        var outcome = await ImportAsync(framework.ToJsonString());

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.behaviours[1].mechanisms[2].levels", problem.Path);
        Assert.Contains("level 4", problem.Message, StringComparison.Ordinal);
        Assert.Null(await StoredHashAsync(version));
    }

    [Fact]
    public async Task File_with_several_problems_lists_every_one_and_nothing_is_stored()
    {
        var version = NewVersion();
        var framework = ShippedFramework.Copy(version);
        framework["behaviours"]![0]!["mechanisms"]![0]!["levels"]!.AsArray().RemoveAt(0);
        framework["behaviours"]![2]!["mechanisms"]![1]!.AsObject().Remove("name");
        framework["behaviours"]![3]!["code"] = "XX";

        var outcome = await ImportAsync(framework.ToJsonString());

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        var paths = outcome.Problems.Select(problem => problem.Path).ToList();
        Assert.Contains("$.behaviours[0].mechanisms[0].levels", paths);
        Assert.Contains("$.behaviours[2].mechanisms[1].name", paths);
        Assert.Contains(paths, path => path.StartsWith("$.behaviours[3]", StringComparison.Ordinal));
        Assert.All(paths, path => Assert.StartsWith("$", path, StringComparison.Ordinal));
        Assert.Null(await StoredHashAsync(version));
    }

    [Fact]
    public async Task File_that_is_not_json_is_refused()
    {
        var outcome = await ImportAsync("{ \"version\": ");

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.Equal("$", Assert.Single(outcome.Problems).Path);
    }
}

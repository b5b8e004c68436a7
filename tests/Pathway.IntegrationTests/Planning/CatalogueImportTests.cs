using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Framework;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>Catalogue import is all or nothing, and a catalogue version never changes once imported.</summary>
public class CatalogueImportTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string? Hash, int Actions)> StoredAsync(string version)
    {
        await using var system = factory.OpenSystemDb();
        var hash = await system.Db.RecommendationCatalogues.Where(c => c.Version == version).Select(c => c.ContentHash).SingleOrDefaultAsync(Ct);
        var actions = await system.Db.Recommendations.CountAsync(r => system.Db.RecommendationCatalogues.Any(c => c.Id == r.CatalogueId && c.Version == version), Ct);
        return (hash, actions);
    }

    [Fact]
    public async Task A_valid_catalogue_is_imported_whole_in_file_order()
    {
        var version = CatalogueFixture.NewVersion();

        var outcome = await factory.ImportAsync(CatalogueFixture.Root(version).ToJsonString());

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(version, outcome.Version);
        Assert.Empty(outcome.Problems);
        Assert.Equal(2 + (28 * 3 * 3), (await StoredAsync(version)).Actions);
        await using var system = factory.OpenSystemDb();
        var catalogue = await system.Db.RecommendationCatalogues.Include(c => c.Recommendations).SingleAsync(c => c.Version == version, Ct);
        Assert.Equal("1", catalogue.FrameworkVersion);
        Assert.True(catalogue.Illustrative);
        var ordered = catalogue.Recommendations.OrderBy(r => r.DisplayOrder).ToList();
        Assert.Equal(["EV-a", "EV-b", "DS.1-1a", "DS.1-1b"], ordered.Take(4).Select(r => r.Code));
        var first = ordered[2];
        Assert.Equal("DS.1", first.MechanismCode);
        Assert.Equal(1, first.FromLevel);
        Assert.Equal(Effort.High, first.Effort);
        Assert.Equal(ContextFit.Avoid, Assert.Single(first.Contexts).Fit);
        Assert.StartsWith("(ar) ", first.Text.In("ar"), StringComparison.Ordinal);
        Assert.Null(ordered[0].MechanismCode);
        Assert.Null(ordered[0].FromLevel);
    }

    [Fact]
    public async Task Reimporting_the_same_content_changes_nothing()
    {
        var version = CatalogueFixture.NewVersion();
        var root = CatalogueFixture.Root(version);
        Assert.Equal(ImportStatus.Imported, (await factory.ImportAsync(root.ToJsonString())).Status);
        var before = await StoredAsync(version);
        root.Remove("$schema");

        var outcome = await factory.ImportAsync(root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.Equal(ImportStatus.Unchanged, outcome.Status);
        Assert.Empty(outcome.Problems);
        Assert.Equal(before, await StoredAsync(version));
    }

    [Fact]
    public async Task Changed_content_under_an_imported_version_is_refused_and_the_stored_catalogue_stays()
    {
        var version = CatalogueFixture.NewVersion();
        Assert.Equal(ImportStatus.Imported, (await factory.ImportAsync(CatalogueFixture.Root(version).ToJsonString())).Status);
        var before = await StoredAsync(version);
        var changed = CatalogueFixture.Root(version);
        changed.ActionAt(3, 1, 0)["text"]!["en"] = "Something quite different.";

        var outcome = await factory.ImportAsync(changed.ToJsonString());

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.version", problem.Path);
        Assert.Contains("new version number", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(version));
        await using var system = factory.OpenSystemDb();
        var stored = await system.Db.Recommendations
            .SingleAsync(r => r.Code == "DS.4-2a" && system.Db.RecommendationCatalogues.Any(c => c.Id == r.CatalogueId && c.Version == version), Ct);
        Assert.Equal((string?)CatalogueFixture.Root(version).ActionAt(3, 1, 0)["text"]!["en"], stored.Text.En);
    }

    [Fact]
    public async Task A_file_with_a_missing_step_and_a_duplicate_action_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var version = CatalogueFixture.NewVersion();
        var root = CatalogueFixture.Root(version);
        root.Steps(2).RemoveAt(2);
        root.ActionAt(6, 0, 1)["text"] = root.ActionAt(6, 0, 0)["text"]!.DeepClone();

        var outcome = await factory.ImportAsync(root.ToJsonString());

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        var paths = outcome.Problems.Select(problem => problem.Path).ToList();
        Assert.Contains("$.mechanisms[2].steps", paths);
        Assert.Contains("$.mechanisms[6].steps[0].actions[1].text.en", paths);
        Assert.Equal((null, 0), await StoredAsync(version));
    }

    [Fact]
    public async Task A_catalogue_for_a_framework_version_that_is_not_imported_is_refused()
    {
        var version = CatalogueFixture.NewVersion();
        var root = CatalogueFixture.Root(version);
        root["frameworkVersion"] = "no-such-framework";

        var outcome = await factory.ImportAsync(root.ToJsonString());

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.Equal("$.frameworkVersion", Assert.Single(outcome.Problems).Path);
        Assert.Equal((null, 0), await StoredAsync(version));
    }

    [Fact]
    public async Task The_shipped_catalogue_is_seeded_at_start()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "content", "recommendations", "pathway-1.json");
        Assert.True(File.Exists(shipped), "content/recommendations/pathway-1.json is not in the build output.");

        var (hash, actions) = await StoredAsync("1");

        Assert.True(hash is not null, "The shipped catalogue was not imported at start; the log says why.");
        Assert.True(actions > 28 * 3 * 2, $"Only {actions} actions were imported.");
        Assert.Equal(ImportStatus.Unchanged, (await factory.ImportAsync(await File.ReadAllTextAsync(shipped, Ct))).Status);
    }
}

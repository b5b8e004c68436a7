using System.Text.Json.Nodes;
using Pathway.Web.Framework;
using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>
/// What the shipped catalogue, content/recommendations/pathway-1.json, contains: every mechanism and
/// step, in all three languages, valid against the shipped framework and the schema.
/// </summary>
public class CatalogueContentTests
{
    public const string CatalogueFile = "content/recommendations/pathway-1.json";

    private static readonly string[] Languages = ["en", "fr", "ar"];

    private static string Json()
    {
        Assert.True(File.Exists(RepoFiles.PathOf(CatalogueFile)), $"{CatalogueFile} is missing.");
        return RepoFiles.Read(CatalogueFile);
    }

    private static CatalogueDocument Shipped()
    {
        var (framework, frameworkProblems) = FrameworkValidator.Parse(ShippedFramework.Json);
        Assert.Empty(frameworkProblems);
        var frameworks = new Dictionary<string, IReadOnlyList<string>>
        {
            [framework!.Version] = [.. framework.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code)],
        };
        var (document, problems) = CatalogueValidator.Parse(Json(), frameworks);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
        return document!;
    }

    [Fact]
    public void The_shipped_catalogue_is_valid_for_the_shipped_framework()
    {
        var document = Shipped();

        Assert.Equal("1", document.Version);
        Assert.Equal("1", document.FrameworkVersion);
        Assert.Equal(28, document.Mechanisms.Count);
    }

    [Fact]
    public async Task The_shipped_catalogue_is_valid_against_the_schema()
    {
        var errors = (await CatalogueSchemaTests.SchemaAsync()).Validate(Json());

        Assert.True(errors.Count == 0, CatalogueSchemaTests.Describe(errors));
    }

    [Fact]
    public void The_shipped_catalogue_is_marked_illustrative_and_says_it_is_not_WHO_text()
    {
        var document = Shipped();

        Assert.True(document.Illustrative);
        Assert.NotNull(document.Summary);
        Assert.Contains("not WHO text", document.Summary.En, StringComparison.Ordinal);
        Assert.InRange(document.EvidenceFirst.Count, 3, 4);
    }

    [Fact]
    public void Every_text_is_given_in_English_French_and_Arabic()
    {
        var texts = new List<(string Path, JsonObject Text)>();
        CollectTexts(JsonNode.Parse(Json()), "$", texts);

        Assert.True(texts.Count > 28 * 3 * 2 * 3, $"Only {texts.Count} texts found; the walk misses some.");
        Assert.All(texts, item =>
        {
            foreach (var language in Languages)
            {
                Assert.True(item.Text[language] is JsonValue value && !string.IsNullOrWhiteSpace(value.GetValue<string>()),
                    $"{item.Path} has no '{language}' text.");
            }
        });
    }

    [Fact]
    public void Every_mechanism_says_how_its_actions_change_in_fragile_settings_and_where_private_provision_is_large()
    {
        Assert.All(Shipped().Mechanisms, mechanism =>
        {
            var contexts = mechanism.Steps.SelectMany(step => step.Actions).SelectMany(action => action.Contexts).Select(note => note.Context).ToHashSet();
            Assert.True(contexts.Contains(PlanningContext.Fragile) && contexts.Contains(PlanningContext.LargePrivateShare),
                $"{mechanism.Mechanism} covers only {string.Join(", ", contexts)}.");
        });
    }

    [Fact]
    public void Every_mechanism_uses_several_kinds_of_action()
    {
        Assert.All(Shipped().Mechanisms, mechanism =>
        {
            var types = mechanism.Steps.SelectMany(step => step.Actions).Select(action => action.Type).Distinct().Count();
            Assert.True(types >= 3, $"{mechanism.Mechanism} uses only {types} kind(s) of action.");
        });
    }

    /// <summary>A text is an object keyed by language; every other object and list is walked into.</summary>
    private static void CollectTexts(JsonNode? node, string path, List<(string, JsonObject)> texts)
    {
        switch (node)
        {
            case JsonObject obj when obj.ContainsKey("en") || obj.ContainsKey("fr") || obj.ContainsKey("ar"):
                texts.Add((path, obj));
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    CollectTexts(child, $"{path}.{name}", texts);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectTexts(array[i], $"{path}[{i}]", texts);
                }
                break;
        }
    }
}

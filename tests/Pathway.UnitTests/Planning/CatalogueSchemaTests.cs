using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Pathway.Web.Localization;
using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>
/// content/recommendations/recommendations.schema.json describes the format editors see;
/// <see cref="CatalogueValidator"/> is what import enforces. These tests keep the two in agreement.
/// </summary>
public class CatalogueSchemaTests
{
    public const string SchemaFile = "content/recommendations/recommendations.schema.json";

    public static async Task<JsonSchema> SchemaAsync() =>
        await JsonSchema.FromFileAsync(RepoFiles.PathOf(SchemaFile), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_schema_accepts_a_valid_catalogue()
    {
        var errors = (await SchemaAsync()).Validate(CatalogueFixture.Json());

        Assert.True(errors.Count == 0, Describe(errors));
    }

    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["missing step"] = root => root.Steps(0).RemoveAt(1),
        ["step given twice"] = root => root.Steps(0)[2]!["fromLevel"] = 2,
        ["step from level 4"] = root => root.Steps(0)[2]!["fromLevel"] = 4,
        ["step with one action"] = root =>
        {
            root.Actions(0, 0).RemoveAt(2);
            root.Actions(0, 0).RemoveAt(1);
        },
        ["step with five actions"] = root =>
        {
            root.Actions(0, 0).Add(CatalogueFixture.Action("DS.1-1d", "Extra d.", "PolicyOrStrategy", "Low", 3, CatalogueFixture.Note("Federal", "Adapt")));
            root.Actions(0, 0).Add(CatalogueFixture.Action("DS.1-1e", "Extra e.", "PolicyOrStrategy", "Low", 3, CatalogueFixture.Note("Federal", "Adapt")));
        },
        ["bad action code"] = root => root.ActionAt(0, 0, 0)["code"] = "DS1-1a",
        ["bad evidence-first code"] = root => root["evidenceFirst"]![0]!["code"] = "DS.1-1a",
        ["bad mechanism code"] = root => root.Mechanisms()[0]!["mechanism"] = "DS-1",
        ["unknown type"] = root => root.ActionAt(0, 0, 0)["type"] = "Propaganda",
        ["unknown effort"] = root => root.ActionAt(0, 0, 0)["effort"] = "Huge",
        ["unknown context"] = root => root.ActionAt(0, 0, 0)["contexts"]![0]!["context"] = "Wartime",
        ["unknown fit"] = root => root.ActionAt(0, 0, 0)["contexts"]![0]!["fit"] = "Maybe",
        ["horizon of 0"] = root => root.ActionAt(0, 0, 0)["horizonMonths"] = 0,
        ["horizon of 61"] = root => root.ActionAt(0, 0, 0)["horizonMonths"] = 61,
        ["horizon as text"] = root => root.ActionAt(0, 0, 0)["horizonMonths"] = "6",
        ["no capacity"] = root => root.ActionAt(0, 0, 0)["capacities"] = new JsonArray(),
        ["no context"] = root => root.ActionAt(0, 0, 0)["contexts"] = new JsonArray(),
        ["action text too long"] = root => root.ActionAt(0, 0, 0)["text"]!["en"] = new string('x', 451),
        ["text without English"] = root => root.ActionAt(0, 0, 0)["text"]!.AsObject().Remove("en"),
        ["unknown language"] = root => root["title"]!["de"] = "Titel",
        ["unknown property"] = root => root.ActionAt(0, 0, 0)["owner"] = "someone",
        ["missing property"] = root => root.ActionAt(0, 0, 0).Remove("effort"),
        ["missing framework version"] = root => root.Remove("frameworkVersion"),
        ["one evidence-first action"] = root => root["evidenceFirst"]!.AsArray().RemoveAt(1),
        ["illustrative as text"] = root => root["illustrative"] = "yes",
    };

    public static TheoryData<string> BadFiles => [.. Mutations.Keys];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Schema_and_validator_both_reject_a_file_with_a(string mistake)
    {
        var json = CatalogueFixture.With(Mutations[mistake]);

        var schemaErrors = (await SchemaAsync()).Validate(json);
        var (document, problems) = CatalogueValidator.Parse(json, CatalogueFixture.Frameworks);

        Assert.True(schemaErrors.Count > 0, $"The schema accepts a file with a {mistake}.");
        Assert.True(problems.Count > 0, $"The validator accepts a file with a {mistake}.");
        Assert.Null(document);
    }

    [Fact]
    public async Task Schema_and_validator_both_accept_a_file_without_optional_parts()
    {
        var json = CatalogueFixture.With(root =>
        {
            root.Remove("$schema");
            root.Remove("illustrative");
            root["title"] = new JsonObject { ["en"] = "English only", ["fr"] = "" };
        });

        var schemaErrors = (await SchemaAsync()).Validate(json);
        var (document, problems) = CatalogueValidator.Parse(json, CatalogueFixture.Frameworks);

        Assert.True(schemaErrors.Count == 0, Describe(schemaErrors));
        Assert.Empty(problems);
        Assert.NotNull(document);
    }

    [Fact]
    public void The_schema_lists_the_same_values_as_the_application()
    {
        var definitions = RepoFiles.ReadJson(SchemaFile)["definitions"]!;

        Assert.Equal(Enum.GetNames<ActionType>(), Enumeration(definitions["actionType"]!));
        Assert.Equal(Enum.GetNames<Effort>(), Enumeration(definitions["effort"]!));
        Assert.Equal(Enum.GetNames<PlanningContext>(), Enumeration(definitions["context"]!));
        Assert.Equal(Enum.GetNames<ContextFit>(), Enumeration(definitions["fit"]!));
        Assert.Equal(Cultures.Supported, definitions["text"]!["properties"]!.AsObject().Select(property => property.Key));
        Assert.Equal(CatalogueValidator.MaxActionTextLength, (int)definitions["actionText"]!["allOf"]![1]!["properties"]!["en"]!["maxLength"]!);
        Assert.Equal(CatalogueValidator.MaxHorizonMonths, (int)definitions["action"]!["properties"]!["horizonMonths"]!["maximum"]!);
    }

    [Fact]
    public void The_schema_is_draft_07_and_closed_with_a_description_everywhere()
    {
        var schema = RepoFiles.ReadJson(SchemaFile).AsObject();

        // Draft 07 like the framework schema: the validator the tests use (NJsonSchema) reads it fully.
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]));
        Assert.False((bool)schema["additionalProperties"]!);
        foreach (var (name, definition) in schema["definitions"]!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)definition!["description"]), $"definition '{name}' has no description");
            if ((string?)definition["type"] == "object" && definition["allOf"] is null)
            {
                Assert.False((bool)definition["additionalProperties"]!, $"definition '{name}' allows other properties");
            }
        }
    }

    private static IEnumerable<string> Enumeration(JsonNode definition) =>
        definition["enum"]!.AsArray().Select(value => (string)value!);

    /// <summary>NJsonSchema nests errors of sub-schemas (allOf, $ref); the messages name all of them.</summary>
    private static List<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        [.. errors.SelectMany(error => error is ChildSchemaValidationError child
            ? [error, .. Flatten(child.Errors.SelectMany(pair => pair.Value))]
            : new[] { error })];

    public static string Describe(ICollection<ValidationError> errors) =>
        string.Join("\n", Flatten(errors).Take(40).Select(error => $"{error.Path}: {error.Kind}"));
}

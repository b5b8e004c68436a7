using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.UnitTests;

/// <summary>
/// content/frameworks/framework.schema.json describes the format editors see; <see cref="FrameworkValidator"/>
/// is what import enforces. These tests keep the two in agreement.
/// </summary>
public class FrameworkSchemaTests
{
    private static readonly string[] OptionalRootProperties = ["$schema", "summary", "publishedOn", "sourceUrl", "illustrative", "changeNotes"];

    private static async Task<JsonSchema> SchemaAsync() =>
        await JsonSchema.FromFileAsync(RepoFiles.PathOf(RepoFiles.FrameworkSchemaFile), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_shipped_framework_file_is_valid_against_the_schema()
    {
        var schema = await SchemaAsync();

        var errors = schema.Validate(ShippedFramework.Json);

        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task The_schema_rejects_a_mechanism_with_three_levels()
    {
        var json = ShippedFramework.With(root => root.Descriptors(0, 0).RemoveAt(3));

        var errors = Flatten((await SchemaAsync()).Validate(json));

        Assert.Contains(errors, error => error.Kind == ValidationErrorKind.TooFewItems && error.Path!.EndsWith("levels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_schema_rejects_an_unknown_behaviour_code()
    {
        var json = ShippedFramework.With(root => root.Behaviour(2)["code"] = "XX");

        var errors = Flatten((await SchemaAsync()).Validate(json));

        Assert.Contains(errors, error => error.Kind == ValidationErrorKind.NotInEnumeration && error.Property == "code");
    }

    [Fact]
    public async Task The_schema_rejects_an_unknown_property()
    {
        var json = ShippedFramework.With(root => root.Mechanism(1, 2).Rename("description", "descripton"));

        var errors = Flatten((await SchemaAsync()).Validate(json));

        Assert.Contains(errors, error => error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && error.Property == "descripton");
        Assert.Contains(errors, error => error.Kind == ValidationErrorKind.PropertyRequired && error.Property == "description");
    }

    [Fact]
    public async Task The_schema_rejects_a_text_without_English()
    {
        var json = ShippedFramework.With(root => root.Mechanism(3, 1)["name"]!.AsObject().Remove("en"));

        var errors = Flatten((await SchemaAsync()).Validate(json));

        Assert.Contains(errors, error => error.Kind == ValidationErrorKind.PropertyRequired && error.Property == "en");
    }

    public static TheoryData<string> BadFiles => [.. Mutations.Keys];

    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["mechanism with three levels"] = root => root.Descriptors(0, 0).RemoveAt(2),
        ["mechanism with five levels"] = root => root.Descriptors(0, 0).Add(root.Descriptor(0, 0, 0).DeepClone()),
        ["level 5"] = root => root.Descriptor(0, 0, 3)["level"] = 5,
        ["level 0"] = root => root.Descriptor(0, 0, 0)["level"] = 0,
        ["level as text"] = root => root.Descriptor(0, 0, 0)["level"] = "1",
        ["unknown behaviour code"] = root => root.Behaviour(2)["code"] = "XX",
        ["missing behaviour"] = root => root.Behaviours().RemoveAt(4),
        ["mechanism under the wrong behaviour"] = root => root.Mechanism(1, 0)["code"] = "DS.9",
        ["bad mechanism code"] = root => root.Mechanism(0, 0)["code"] = "DS-1",
        ["behaviour without mechanisms"] = root => root.Behaviour(0)["mechanisms"] = new JsonArray(),
        ["text without English"] = root => root.Mechanism(3, 1)["name"]!.AsObject().Remove("en"),
        ["blank English text"] = root => root["title"]!["en"] = "  ",
        ["text that is a plain string"] = root => root["title"] = "Pathway",
        ["unknown language"] = root => root["title"]!["de"] = "Titel",
        ["unknown instrument category"] = root => root.Mechanism(0, 0)["instruments"]![0]!["category"] = "Propaganda",
        ["unknown property"] = root => root.Mechanism(1, 2).Rename("description", "descripton"),
        ["unknown root property"] = root => root["author"] = "someone",
        ["invalid status"] = root => root["status"] = "Final",
        ["invalid version"] = root => root["version"] = "1 beta",
        ["invalid date"] = root => root["publishedOn"] = "23/11/2026",
        ["non-web source address"] = root => root["sourceUrl"] = "ftp://who.int/file",
        ["illustrative as text"] = root => root["illustrative"] = "yes",
        ["level code not matching its number"] = root => root["levels"]![0]!["code"] = "Advanced",
        ["unknown level code"] = root => root["levels"]![0]!["code"] = "Beginner",
        ["no evidence examples"] = root => root.Descriptor(5, 3, 2)["evidenceExamples"] = new JsonArray(),
        ["missing title"] = root => root.Remove("title"),
        ["missing behaviours"] = root => root.Remove("behaviours"),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Schema_and_validator_both_reject_a_file_with_a(string mistake)
    {
        var json = ShippedFramework.With(Mutations[mistake]);

        var schemaErrors = (await SchemaAsync()).Validate(json);
        var (document, problems) = FrameworkValidator.Parse(json);

        Assert.True(schemaErrors.Count > 0, $"The schema accepts a file with a {mistake}.");
        Assert.True(problems.Count > 0, $"The validator accepts a file with a {mistake}.");
        Assert.Null(document);
    }

    [Fact]
    public async Task Schema_and_validator_both_accept_a_file_without_optional_parts()
    {
        var json = ShippedFramework.With(root =>
        {
            foreach (var name in OptionalRootProperties)
            {
                root.Remove(name);
            }
            foreach (var behaviour in root.Behaviours())
            {
                behaviour!.AsObject().Remove("stewardshipFunction");
                foreach (var mechanism in behaviour["mechanisms"]!.AsArray())
                {
                    mechanism!.AsObject().Remove("guidingQuestion");
                    mechanism.AsObject().Remove("instruments");
                }
            }
            root["title"] = new JsonObject { ["en"] = "English only", ["fr"] = "" };
        });

        var schemaErrors = (await SchemaAsync()).Validate(json);
        var (document, problems) = FrameworkValidator.Parse(json);

        Assert.True(schemaErrors.Count == 0, Describe(schemaErrors));
        Assert.Empty(problems);
        Assert.NotNull(document);
    }

    [Fact]
    public void The_schema_lists_the_same_codes_as_the_application()
    {
        var definitions = RepoFiles.ReadJson(RepoFiles.FrameworkSchemaFile)["definitions"]!;

        Assert.Equal(FrameworkValidator.Behaviours.Select(behaviour => behaviour.Code), Enumeration(definitions["behaviourCode"]!));
        Assert.Equal(FrameworkValidator.LevelCodes, Enumeration(definitions["levelCode"]!));
        Assert.Equal(Enum.GetNames<InstrumentCategory>(), Enumeration(definitions["instrumentCategory"]!));
        Assert.Equal(Cultures.Supported, definitions["text"]!["properties"]!.AsObject().Select(property => property.Key));
    }

    [Fact]
    public void The_schema_is_draft_07_and_closed_with_a_description_everywhere()
    {
        var schema = RepoFiles.ReadJson(RepoFiles.FrameworkSchemaFile).AsObject();

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]));
        Assert.False((bool)schema["additionalProperties"]!);
        foreach (var (name, definition) in schema["definitions"]!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)definition!["description"]), $"definition '{name}' has no description");
            if ((string?)definition["type"] == "object")
            {
                Assert.False((bool)definition["additionalProperties"]!, $"definition '{name}' allows other properties");
            }
        }
    }

    private static IEnumerable<string> Enumeration(JsonNode definition) =>
        definition["enum"]!.AsArray().Select(value => (string)value!);

    /// <summary>NJsonSchema nests errors of sub-schemas (oneOf, $ref); these tests look at all of them.</summary>
    private static List<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        [.. errors.SelectMany(error => error is ChildSchemaValidationError child
            ? [error, .. Flatten(child.Errors.SelectMany(pair => pair.Value))]
            : new[] { error })];

    private static string Describe(ICollection<ValidationError> errors) =>
        string.Join("\n", Flatten(errors).Select(error => $"{error.Path}: {error.Kind}"));
}

using System.Text.Json.Nodes;
using NJsonSchema;
using Pathway.Web.Framework;

namespace Pathway.UnitTests.Planning;

/// <summary>The optional crosswalk of a framework file: validated like the rest, described by the schema, and round-tripped unchanged.</summary>
public class CrosswalkValidatorTests
{
    /// <summary>
    /// The hash databases hold for the shipped version 1. Adding the crosswalk to the format must not
    /// change it: a file without one writes no "crosswalk" property, so installed sites still see
    /// version 1 as unchanged (and a version in use cannot change).
    /// </summary>
    private const string ShippedVersion1Hash = "0afea37b5c4fa80df6c60ed20ecdc501cb1dcc31495fef713bb59bd3fb715d26";

    [Fact]
    public void A_file_without_a_crosswalk_keeps_its_content_hash()
    {
        var document = FrameworkDocument.FromJson(ShippedFramework.Json);

        Assert.Null(document.Crosswalk);
        Assert.DoesNotContain("crosswalk", document.ToJson(), StringComparison.Ordinal);
        Assert.Equal(ShippedVersion1Hash, document.ContentHash());
    }

    [Fact]
    public void A_version_2_with_a_crosswalk_from_version_1_is_accepted_with_its_mappings_in_order()
    {
        var (document, problems) = FrameworkValidator.Parse(CrosswalkFramework.Version2().ToJsonString());

        Assert.Empty(problems);
        var crosswalk = document!.Crosswalk!;
        Assert.Equal("1", crosswalk.From);
        Assert.Equal(27, crosswalk.Mappings.Count);
        Assert.Equal("DS.1", crosswalk.Mappings[0].From);
        Assert.Equal(["AS.3", "AS.6"], crosswalk.Mappings.Single(mapping => mapping.From == "AS.3").To);
        Assert.Empty(crosswalk.Mappings.Single(mapping => mapping.From == "BU.5").To);
    }

    [Fact]
    public void The_crosswalk_round_trips_through_json_with_the_same_hash()
    {
        var (document, _) = FrameworkValidator.Parse(CrosswalkFramework.Version2().ToJsonString());

        var (again, problems) = FrameworkValidator.Parse(document!.ToJson());

        Assert.Empty(problems);
        Assert.Equal(document.ContentHash(), again!.ContentHash());
        Assert.Equal(document.Crosswalk!.From, again.Crosswalk!.From);
        Assert.Equal(document.Crosswalk.Mappings.Select(m => (m.From, string.Join(",", m.To))),
            again.Crosswalk.Mappings.Select(m => (m.From, string.Join(",", m.To))));
    }

    [Fact]
    public void Changing_a_mapping_changes_the_content_hash()
    {
        var hash = FrameworkValidator.Parse(CrosswalkFramework.Version2().ToJsonString()).Document!.ContentHash();
        var changed = CrosswalkFramework.Version2With(root => root.Mapping("BU.4")["to"] = new JsonArray("BU.1"));

        Assert.NotEqual(hash, FrameworkValidator.Parse(changed).Document!.ContentHash());
    }

    [Fact]
    public void A_crosswalk_from_the_files_own_version_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root.Crosswalk()["from"] = "2");

        AssertOneProblemAt(Rejected(json), "$.crosswalk.from", "earlier version", "'2'");
    }

    [Fact]
    public void A_crosswalk_from_an_invalid_version_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root.Crosswalk()["from"] = "1 beta");

        AssertOneProblemAt(Rejected(json), "$.crosswalk.from", "'1 beta' is not a valid version");
    }

    [Fact]
    public void A_crosswalk_without_its_version_or_mappings_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root =>
        {
            root.Crosswalk().Remove("from");
            root.Crosswalk().Remove("mappings");
        });

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.crosswalk.from", "required");
        AssertOneProblemAt(problems, "$.crosswalk.mappings", "required");
    }

    [Fact]
    public void An_empty_list_of_mappings_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root.Crosswalk()["mappings"] = new JsonArray());

        AssertOneProblemAt(Rejected(json), "$.crosswalk.mappings", "at least one mapping");
    }

    [Fact]
    public void An_old_code_mapped_twice_points_to_its_first_mapping()
    {
        var json = CrosswalkFramework.Version2With(root => root.Mappings()[3]!["from"] = "DS.1");

        AssertOneProblemAt(Rejected(json), "$.crosswalk.mappings[3].from", "'DS.1' is mapped twice", "$.crosswalk.mappings[0]");
    }

    [Fact]
    public void An_old_code_that_is_not_a_mechanism_code_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root.Mappings()[0]!["from"] = "DS-1");

        AssertOneProblemAt(Rejected(json), "$.crosswalk.mappings[0].from", "'DS-1' is not a mechanism code");
    }

    [Fact]
    public void A_target_that_is_not_a_mechanism_of_the_file_is_refused()
    {
        // BU.5 exists in version 1 only: a crosswalk maps to the new file's codes.
        var json = CrosswalkFramework.Version2With(root => root.Mapping("BU.5")["to"] = new JsonArray("BU.5"));

        var index = CrosswalkFramework.Version2().Mappings().Select(m => (string)m!["from"]!).ToList().IndexOf("BU.5");
        AssertOneProblemAt(Rejected(json), $"$.crosswalk.mappings[{index}].to[0]", "'BU.5' is not a mechanism of this file");
    }

    [Fact]
    public void A_target_listed_twice_in_one_mapping_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root.Mappings()[0]!["to"] = new JsonArray("DS.1", "DS.1"));

        AssertOneProblemAt(Rejected(json), "$.crosswalk.mappings[0].to[1]", "'DS.1' appears twice");
    }

    [Fact]
    public void A_target_that_is_not_text_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root.Mappings()[0]!["to"] = new JsonArray(1));

        AssertOneProblemAt(Rejected(json), "$.crosswalk.mappings[0].to[0]", "code of a mechanism of this file");
    }

    [Fact]
    public void Unknown_properties_in_the_crosswalk_and_its_mappings_are_refused()
    {
        var json = CrosswalkFramework.Version2With(root =>
        {
            root.Crosswalk()["note"] = "x";
            root.Mappings()[0]!["reason"] = "x";
        });

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.crosswalk.note", "unknown property 'note'");
        AssertOneProblemAt(problems, "$.crosswalk.mappings[0].reason", "unknown property 'reason'");
    }

    [Fact]
    public void A_crosswalk_that_is_not_an_object_is_refused()
    {
        var json = CrosswalkFramework.Version2With(root => root["crosswalk"] = new JsonArray());

        AssertOneProblemAt(Rejected(json), "$.crosswalk", "must be an object");
    }

    private static async Task<JsonSchema> SchemaAsync() =>
        await JsonSchema.FromFileAsync(RepoFiles.PathOf(RepoFiles.FrameworkSchemaFile), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_schema_accepts_the_version_2_crosswalk()
    {
        var errors = (await SchemaAsync()).Validate(CrosswalkFramework.Version2().ToJsonString());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"{error.Path}: {error.Kind}")));
    }

    public static TheoryData<string> BadCrosswalks => [.. Mutations.Keys];

    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["crosswalk without a version"] = root => root.Crosswalk().Remove("from"),
        ["crosswalk without mappings"] = root => root.Crosswalk().Remove("mappings"),
        ["empty list of mappings"] = root => root.Crosswalk()["mappings"] = new JsonArray(),
        ["invalid version"] = root => root.Crosswalk()["from"] = "1 beta",
        ["bad old code"] = root => root.Mappings()[0]!["from"] = "DS-1",
        ["target listed twice"] = root => root.Mappings()[0]!["to"] = new JsonArray("DS.1", "DS.1"),
        ["mapping without targets"] = root => root.Mappings()[0]!.AsObject().Remove("to"),
        ["unknown property in a mapping"] = root => root.Mappings()[0]!["reason"] = "x",
        ["crosswalk as a list"] = root => root["crosswalk"] = new JsonArray(),
    };

    [Theory]
    [MemberData(nameof(BadCrosswalks))]
    public async Task Schema_and_validator_both_reject_a_file_with_a(string mistake)
    {
        var json = CrosswalkFramework.Version2With(Mutations[mistake]);

        var schemaErrors = (await SchemaAsync()).Validate(json);
        var (document, problems) = FrameworkValidator.Parse(json);

        Assert.True(schemaErrors.Count > 0, $"The schema accepts a file with a {mistake}.");
        Assert.True(problems.Count > 0, $"The validator accepts a file with a {mistake}.");
        Assert.Null(document);
    }

    private static IReadOnlyList<FrameworkProblem> Rejected(string json)
    {
        var (document, problems) = FrameworkValidator.Parse(json);
        Assert.Null(document);
        Assert.NotEmpty(problems);
        return problems;
    }

    private static FrameworkProblem AssertOneProblemAt(IReadOnlyList<FrameworkProblem> problems, string path, params string[] messageParts)
    {
        var matches = problems
            .Where(problem => problem.Path == path && messageParts.All(part => problem.Message.Contains(part, StringComparison.Ordinal)))
            .ToList();
        Assert.True(matches.Count == 1,
            $"Expected one problem at {path} mentioning [{string.Join(" | ", messageParts)}]; the problems were:\n{string.Join("\n", problems)}");
        return matches[0];
    }
}

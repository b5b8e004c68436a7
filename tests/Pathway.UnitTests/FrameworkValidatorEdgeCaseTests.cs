using Pathway.Web.Framework;

namespace Pathway.UnitTests;

/// <summary>Inputs that once slipped past validation or crashed the import instead of being reported.</summary>
public class FrameworkValidatorEdgeCaseTests
{
    private static IReadOnlyList<FrameworkProblem> Rejected(string json)
    {
        var (document, problems) = FrameworkValidator.Parse(json);
        Assert.Null(document);
        Assert.NotEmpty(problems);
        return problems;
    }

    [Fact]
    public void A_property_given_twice_is_a_problem_not_a_crash()
    {
        var json = ShippedFramework.Json.Replace("\"status\": \"Published\",", "\"status\": \"Published\",\n  \"status\": \"Draft\",", StringComparison.Ordinal);

        var problem = Assert.Single(Rejected(json));
        Assert.Contains("twice", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_are_reported_as_invalid_json_not_a_crash()
    {
        var json = "// framework\n" + ShippedFramework.Json;

        Assert.Contains(Rejected(json), problem => problem.Message.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_illustrative_and_non_text_schema_pointer_are_reported()
    {
        var json = ShippedFramework.With(root =>
        {
            root["illustrative"] = null;
            root["$schema"] = 1;
        });

        var problems = Rejected(json);
        Assert.Contains(problems, problem => problem.Path == "$.illustrative");
        Assert.Contains(problems, problem => problem.Path == "$.$schema");
    }

    [Fact]
    public void A_language_key_in_capitals_is_unknown_so_no_translation_is_silently_lost()
    {
        var json = ShippedFramework.With(root => root.Behaviour(0)["name"]!.AsObject().Rename("fr", "FR"));

        Assert.Contains(Rejected(json), problem => problem.Path == "$.behaviours[0].name.FR");
    }

    [Fact]
    public void An_optional_text_once_given_needs_its_English()
    {
        var json = ShippedFramework.With(root => root["summary"] = new System.Text.Json.Nodes.JsonObject { ["fr"] = "Résumé" });

        Assert.Contains(Rejected(json), problem => problem.Path == "$.summary.en");
    }

    [Fact]
    public void A_code_with_a_trailing_newline_is_not_a_mechanism_code()
    {
        var json = ShippedFramework.With(root => root.Mechanism(0, 0)["code"] = "DS.1\n");

        Assert.Contains(Rejected(json), problem => problem.Path == "$.behaviours[0].mechanisms[0].code");
    }

    [Fact]
    public void Levels_out_of_order_and_missing_instruments_hash_like_their_export()
    {
        var json = ShippedFramework.With(root =>
        {
            var levels = root.Descriptors(1, 0);
            var first = levels[0]!;
            levels.RemoveAt(0);
            levels.Add(first);
            root.Mechanism(1, 1).Remove("instruments");
        });

        var (document, problems) = FrameworkValidator.Parse(json);
        Assert.Empty(problems);
        var exported = FrameworkDocument.FromJson(document!.ToJson());

        Assert.Equal(FrameworkDocument.FromJson(json).ContentHash(), exported.ContentHash());
        Assert.Empty(exported.Behaviours[1].Mechanisms[1].Instruments!);
        Assert.Equal([1, 2, 3, 4], exported.Behaviours[1].Mechanisms[0].Levels.Select(level => level.Level));
    }
}

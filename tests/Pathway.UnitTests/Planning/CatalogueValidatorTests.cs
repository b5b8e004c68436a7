using System.Text.Json.Nodes;
using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>Every rule of the catalogue file, each with the JSON path and a message that says what to do.</summary>
public class CatalogueValidatorTests
{
    private static IReadOnlyList<CatalogueProblem> Problems(Action<JsonObject> change)
    {
        var (document, problems) = CatalogueValidator.Parse(CatalogueFixture.With(change), CatalogueFixture.Frameworks);
        Assert.Null(document);
        Assert.NotEmpty(problems);
        return problems;
    }

    private static CatalogueProblem Only(Action<JsonObject> change) => Assert.Single(Problems(change));

    [Fact]
    public void A_complete_catalogue_is_accepted_with_every_action()
    {
        var (document, problems) = CatalogueValidator.Parse(CatalogueFixture.Json(), CatalogueFixture.Frameworks);

        Assert.Empty(problems);
        Assert.NotNull(document);
        Assert.Equal(28, document.Mechanisms.Count);
        Assert.Equal(2 + 28 * 3 * 3, document.AllActions().Count());
        Assert.Equal([1, 2, 3], document.Mechanisms[0].Steps.Select(step => step.FromLevel));
        var first = document.Mechanisms[0].Steps[0].Actions[0];
        Assert.Equal("DS.1-1a", first.Code);
        Assert.Equal(Effort.High, first.Effort);
        Assert.Equal(new ContextNote(PlanningContext.Fragile, ContextFit.Avoid, first.Contexts[0].Note), first.Contexts[0]);
    }

    [Fact]
    public void A_missing_step_is_named_with_its_levels()
    {
        var problem = Only(root => root.Steps(4).RemoveAt(1));

        Assert.Equal("$.mechanisms[4].steps", problem.Path);
        Assert.StartsWith("AS.1: the step from level 2 (Progressing → Established) is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_given_twice_is_refused()
    {
        var problems = Problems(root => root.Steps(0)[2]!["fromLevel"] = 2);

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[2].fromLevel" && problem.Message.Contains("appears twice", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps" && problem.Message.Contains("level 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var problems = Problems(root =>
        {
            var steps = root.Steps(0);
            var first = steps[0]!;
            steps.RemoveAt(0);
            steps.Add(first);
        });

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps" && problem.Message.Contains("in order", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_from_Advanced_is_refused()
    {
        var problems = Problems(root => root.Steps(0)[2]!["fromLevel"] = 4);

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[2].fromLevel" && problem.Message.Contains("no step beyond Advanced", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_action_text_names_the_first_one()
    {
        var problem = Only(root => root.ActionAt(3, 1, 2)["text"]!["en"] = "  do A to move DS.1 up from   level 1. ");

        Assert.Equal("$.mechanisms[3].steps[1].actions[2].text.en", problem.Path);
        Assert.Contains("$.mechanisms[0].steps[0].actions[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_code_is_refused_with_both_places()
    {
        var problems = Problems(root => root.ActionAt(0, 0, 1)["code"] = "DS.1-1a");

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[0].actions[1].code"
            && problem.Message.Contains("duplicate code 'DS.1-1a' (also at $.mechanisms[0].steps[0].actions[0])", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Message.Contains("should be 'DS.1-1b'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DS.1-1c")]
    [InlineData("DS.2-1a")]
    [InlineData("DS.1-2a")]
    [InlineData("ds.1-1a")]
    public void A_code_that_does_not_match_its_mechanism_step_and_position_is_refused(string code)
    {
        var problems = Problems(root => root.ActionAt(0, 0, 0)["code"] = code);

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[0].actions[0].code"
            && problem.Message.Contains("should be 'DS.1-1a'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_mechanism_is_refused()
    {
        var problem = Only(root => root.Mechanisms().Add(new JsonObject
        {
            ["mechanism"] = "DS.9",
            ["steps"] = new JsonArray(CatalogueFixture.Step("DS.9", 1), CatalogueFixture.Step("DS.9", 2), CatalogueFixture.Step("DS.9", 3)),
        }));

        Assert.Equal("$.mechanisms[28].mechanism", problem.Path);
        Assert.Contains("unknown mechanism 'DS.9'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_mechanism_is_named()
    {
        var problem = Only(root => root.Mechanisms().RemoveAt(7));

        Assert.Equal("$.mechanisms", problem.Path);
        Assert.Contains($"mechanism '{CatalogueFixture.MechanismCodes[7]}' is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mechanism_given_twice_is_refused()
    {
        var problems = Problems(root => root.Mechanisms().Add(root.Mechanisms()[2]!.DeepClone()));

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[28].mechanism" && problem.Message.Contains("appears twice (also at $.mechanisms[2])", StringComparison.Ordinal));
    }

    [Fact]
    public void Mechanisms_out_of_framework_order_are_refused()
    {
        var problem = Only(root =>
        {
            var mechanisms = root.Mechanisms();
            var first = mechanisms[0]!;
            mechanisms.RemoveAt(0);
            mechanisms.Insert(1, first);
        });

        Assert.Equal("$.mechanisms[1].mechanism", problem.Path);
        Assert.Contains("framework's order", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_version_that_is_not_imported_is_refused()
    {
        var problem = Only(root => root["frameworkVersion"] = "7");

        Assert.Equal("$.frameworkVersion", problem.Path);
        Assert.Contains("'7' is not imported (imported: 1)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void A_step_has_two_to_four_actions(int count)
    {
        var problems = Problems(root =>
        {
            var actions = root.Actions(1, 1);
            while (actions.Count > count)
            {
                actions.RemoveAt(actions.Count - 1);
            }
            for (var letter = 'd'; actions.Count < count; letter++)
            {
                actions.Add(CatalogueFixture.Action($"DS.2-2{letter}", $"Extra {letter}.", "PolicyOrStrategy", "Medium", 12, CatalogueFixture.Note("Federal", "Adapt")));
            }
        });

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[1].steps[1].actions"
            && problem.Message == $"a step has 2 to 4 actions; this one has {count}.");
    }

    [Fact]
    public void Evidence_first_has_two_to_four_actions_coded_EV()
    {
        var problems = Problems(root =>
        {
            root["evidenceFirst"]!.AsArray().RemoveAt(1);
            root["evidenceFirst"]![0]!["code"] = "EV-1";
        });

        Assert.Contains(problems, problem => problem.Path == "$.evidenceFirst" && problem.Message.Contains("2 to 4", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "$.evidenceFirst[0].code" && problem.Message.Contains("should be 'EV-a'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_context_that_avoids_every_action_of_a_step_is_refused()
    {
        var problem = Only(root =>
        {
            root.ActionAt(2, 0, 1)["contexts"]!.AsArray().Add(CatalogueFixture.Note("Fragile", "Avoid"));
            root.ActionAt(2, 0, 2)["contexts"]![0]!["fit"] = "Avoid";
        });

        Assert.Equal("$.mechanisms[2].steps[0].actions", problem.Path);
        Assert.Contains("'Fragile'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_twice_in_one_action_is_refused()
    {
        var problem = Only(root => root.ActionAt(0, 2, 2)["contexts"]!.AsArray().Add(CatalogueFixture.Note("Fragile", "Prefer")));

        Assert.Equal("$.mechanisms[0].steps[2].actions[2].contexts[1].context", problem.Path);
        Assert.Contains("appears twice", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { "type", "Propaganda" },
        { "effort", "Huge" },
        { "effort", "low" },
        { "effort", "0" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void An_unknown_type_or_effort_lists_the_allowed_values(string property, string value)
    {
        var problem = Only(root => root.ActionAt(0, 0, 0)[property] = value);

        Assert.Equal($"$.mechanisms[0].steps[0].actions[0].{property}", problem.Path);
        Assert.Contains("allowed:", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("context", "Wartime")]
    [InlineData("fit", "Maybe")]
    public void An_unknown_context_or_fit_is_refused(string property, string value)
    {
        var problem = Only(root => root.ActionAt(0, 0, 1)["contexts"]![0]![property] = value);

        Assert.Equal($"$.mechanisms[0].steps[0].actions[1].contexts[0].{property}", problem.Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void A_horizon_outside_1_to_60_months_is_refused(int months)
    {
        var problem = Only(root => root.ActionAt(0, 0, 0)["horizonMonths"] = months);

        Assert.Equal("$.mechanisms[0].steps[0].actions[0].horizonMonths", problem.Path);
    }

    [Fact]
    public void A_horizon_given_as_text_is_refused()
    {
        Assert.Equal("$.mechanisms[0].steps[0].actions[0].horizonMonths", Only(root => root.ActionAt(0, 0, 0)["horizonMonths"] = "6").Path);
    }

    [Fact]
    public void Capacities_and_contexts_number_one_to_three()
    {
        var problems = Problems(root =>
        {
            root.ActionAt(0, 0, 0)["capacities"] = new JsonArray();
            root.ActionAt(0, 0, 1)["contexts"] = new JsonArray(
                CatalogueFixture.Note("Fragile", "Adapt"), CatalogueFixture.Note("Federal", "Adapt"),
                CatalogueFixture.Note("Workforce", "Adapt"), CatalogueFixture.Note("Emergency", "Adapt"));
        });

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[0].actions[0].capacities");
        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[0].actions[1].contexts");
    }

    [Fact]
    public void An_action_text_longer_than_450_characters_is_refused()
    {
        var problem = Only(root => root.ActionAt(0, 0, 0)["text"]!["en"] = new string('x', 451));

        Assert.Equal("$.mechanisms[0].steps[0].actions[0].text.en", problem.Path);
        Assert.Contains("450", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_need_English_and_accept_only_the_interface_languages()
    {
        var problems = Problems(root =>
        {
            root.ActionAt(0, 0, 0)["text"]!.AsObject().Remove("en");
            root["title"]!["de"] = "Titel";
        });

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[0].actions[0].text.en");
        Assert.Contains(problems, problem => problem.Path == "$.title.de" && problem.Message.Contains("unknown language", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_and_missing_properties_are_named()
    {
        var problems = Problems(root =>
        {
            root.ActionAt(0, 1, 0).Remove("effort");
            root.ActionAt(0, 1, 0)["efort"] = "Low";
            root.Remove("evidenceFirst");
        });

        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[1].actions[0].effort" && problem.Message == "required.");
        Assert.Contains(problems, problem => problem.Path == "$.mechanisms[0].steps[1].actions[0].efort" && problem.Message.Contains("unknown property", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "$.evidenceFirst" && problem.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_problems_are_all_listed()
    {
        var problems = Problems(root =>
        {
            root.Steps(5).RemoveAt(2);
            root.ActionAt(9, 0, 1)["code"] = "BU.9-1b";
            root["illustrative"] = "yes";
        });

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_refused_with_its_position()
    {
        var (document, problems) = CatalogueValidator.Parse("{ \"version\": ", CatalogueFixture.Frameworks);

        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_refused()
    {
        var json = CatalogueFixture.Json().Replace("\"illustrative\":true", "\"illustrative\":true,\"illustrative\":false", StringComparison.Ordinal);

        var (document, problems) = CatalogueValidator.Parse(json, CatalogueFixture.Frameworks);

        Assert.Null(document);
        Assert.Contains("appears twice", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}

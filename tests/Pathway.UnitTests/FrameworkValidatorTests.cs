using System.Text.Json.Nodes;
using Pathway.Web.Framework;

namespace Pathway.UnitTests;

public class FrameworkValidatorTests
{
    [Fact]
    public void The_shipped_framework_file_has_no_problems()
    {
        var (document, problems) = FrameworkValidator.Parse(ShippedFramework.Json);

        Assert.Empty(problems);
        Assert.NotNull(document);
        Assert.Equal("1", document.Version);
        Assert.Equal(6, document.Behaviours.Count);
        Assert.Equal(28, document.Behaviours.Sum(behaviour => behaviour.Mechanisms.Count));
    }

    [Fact]
    public void A_mechanism_missing_level_3_is_reported_on_its_levels_naming_Established()
    {
        var json = ShippedFramework.With(root =>
        {
            var levels = root.Descriptors(0, 1);
            levels.Remove(levels.Single(level => (int)level!["level"]! == 3));
        });

        var problem = AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms[1].levels", "level 3", "Established", "missing");
        Assert.EndsWith(".levels", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_5_is_not_a_level()
    {
        var json = ShippedFramework.With(root => root.Descriptor(0, 0, 3)["level"] = 5);

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.behaviours[0].mechanisms[0].levels[3].level", "5 is not a level", "1 (Emerging) to 4 (Advanced)");
        AssertOneProblemAt(problems, "$.behaviours[0].mechanisms[0].levels", "level 4 (Advanced) is missing");
    }

    [Fact]
    public void A_level_given_twice_in_a_mechanism_is_reported_as_a_duplicate()
    {
        var json = ShippedFramework.With(root => root.Descriptor(2, 1, 3)["level"] = 3);

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.behaviours[2].mechanisms[1].levels[3].level", "level 3 (Established) appears twice");
        AssertOneProblemAt(problems, "$.behaviours[2].mechanisms[1].levels", "level 4 (Advanced) is missing");
    }

    [Fact]
    public void A_duplicate_mechanism_code_points_to_the_other_mechanism_with_that_code()
    {
        var json = ShippedFramework.With(root => root.Mechanism(0, 2)["code"] = "DS.1");

        AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms[2].code",
            "duplicate mechanism code 'DS.1'", "$.behaviours[0].mechanisms[0]");
    }

    [Fact]
    public void An_unknown_behaviour_code_is_reported_with_the_six_allowed_codes()
    {
        var json = ShippedFramework.With(root => root.Behaviour(2)["code"] = "XX");

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.behaviours[2].code", "unknown behaviour 'XX'", "DS, AS, BU, ES, NT, FR");
        AssertOneProblemAt(problems, "$.behaviours", "'BU'", "missing");
    }

    [Fact]
    public void A_missing_behaviour_is_reported_by_code_and_name()
    {
        var json = ShippedFramework.With(root => root.Behaviours().RemoveAt(4));

        var problem = AssertOneProblemAt(Rejected(json), "$.behaviours", "'NT'", "Nurture trust", "missing");
        Assert.Contains("all six behaviours", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_behaviour_given_twice_points_to_its_first_occurrence()
    {
        var json = ShippedFramework.With(root =>
        {
            var copy = root.Behaviour(1).DeepClone().AsObject();
            foreach (var mechanism in copy["mechanisms"]!.AsArray())
            {
                mechanism!["code"] = mechanism["code"]!.GetValue<string>() + "0";
            }
            root.Behaviours().Add(copy);
        });

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.behaviours[6].code", "duplicate behaviour 'AS'", "$.behaviours[1]");
        Assert.DoesNotContain(problems, problem => problem.Path == "$.behaviours" && problem.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mechanism_code_must_start_with_its_behaviours_code()
    {
        var json = ShippedFramework.With(root => root.Mechanism(1, 0)["code"] = "DS.9");

        AssertOneProblemAt(Rejected(json), "$.behaviours[1].mechanisms[0].code", "'DS.9'", "behaviour 'AS'", "must start with 'AS.'");
    }

    [Theory]
    [InlineData("DS1")]
    [InlineData("DS-1")]
    [InlineData("ds.1")]
    [InlineData("D.1")]
    [InlineData("DS.0")]
    [InlineData("DS.100")]
    [InlineData("DS.1a")]
    public void A_mechanism_code_not_of_the_form_behaviour_dot_number_is_refused(string code)
    {
        var json = ShippedFramework.With(root => root.Mechanism(0, 0)["code"] = code);

        AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms[0].code", $"'{code}' is not a mechanism code", "\"DS.1\"");
    }

    [Fact]
    public void A_text_without_English_is_refused()
    {
        var json = ShippedFramework.With(root => root.Mechanism(3, 1)["name"]!.AsObject().Remove("en"));

        AssertOneProblemAt(Rejected(json), "$.behaviours[3].mechanisms[1].name.en", "English text is required");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_English_text_is_refused(string english)
    {
        var json = ShippedFramework.With(root => root.Descriptor(0, 0, 0)["evidenceExamples"]![1]!["en"] = english);

        AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms[0].levels[0].evidenceExamples[1].en", "English text is required");
    }

    [Fact]
    public void A_missing_required_text_says_English_is_needed()
    {
        var json = ShippedFramework.With(root => root.Mechanism(0, 0).Remove("description"));

        AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms[0].description", "required", "English (\"en\")");
    }

    [Fact]
    public void An_unknown_language_key_is_refused_with_the_allowed_languages()
    {
        var json = ShippedFramework.With(root => root["title"]!["de"] = "Fortschrittspfad");

        AssertOneProblemAt(Rejected(json), "$.title.de", "unknown language 'de'", "en, fr, ar");
    }

    [Fact]
    public void An_unknown_instrument_category_is_refused_with_the_allowed_categories()
    {
        var json = ShippedFramework.With(root => root.Mechanism(0, 0)["instruments"]![0]!["category"] = "Propaganda");

        AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms[0].instruments[0].category",
            "unknown instrument category 'Propaganda'", nameof(InstrumentCategory.PolicyAndStrategy), nameof(InstrumentCategory.InstitutionalArrangement));
    }

    [Fact]
    public void A_misspelt_property_is_reported_as_unknown_and_the_real_one_as_missing()
    {
        var json = ShippedFramework.With(root => root.Mechanism(1, 2).Rename("description", "descripton"));

        var problems = Rejected(json);

        AssertOneProblemAt(problems, "$.behaviours[1].mechanisms[2].descripton", "unknown property 'descripton'", "description");
        AssertOneProblemAt(problems, "$.behaviours[1].mechanisms[2].description", "required");
    }

    [Fact]
    public void An_unknown_property_at_the_root_is_refused()
    {
        var json = ShippedFramework.With(root => root["author"] = "someone");

        var problem = AssertOneProblemAt(Rejected(json), "$.author", "unknown property 'author'", "version", "behaviours");
        Assert.DoesNotContain("$schema", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Final")]
    [InlineData("published")]
    public void An_invalid_status_is_refused_with_the_allowed_statuses(string status)
    {
        var json = ShippedFramework.With(root => root["status"] = status);

        AssertOneProblemAt(Rejected(json), "$.status", $"unknown status '{status}'", "Draft, Published, Retired");
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1 beta")]
    [InlineData("version-number-far-too-long")]
    public void An_invalid_version_number_is_refused(string version)
    {
        var json = ShippedFramework.With(root => root["version"] = version);

        Assert.Contains(Rejected(json), problem => problem.Path == "$.version");
    }

    [Theory]
    [InlineData("publishedOn", "23/11/2026", "yyyy-MM-dd")]
    [InlineData("publishedOn", "2026-02-30", "yyyy-MM-dd")]
    [InlineData("sourceUrl", "www.who.int", "http(s)")]
    [InlineData("sourceUrl", "ftp://who.int/file", "http(s)")]
    public void A_malformed_date_or_address_is_refused(string property, string value, string hint)
    {
        var json = ShippedFramework.With(root => root[property] = value);

        AssertOneProblemAt(Rejected(json), $"$.{property}", $"'{value}'", hint);
    }

    [Fact]
    public void Invalid_JSON_is_reported_with_its_line()
    {
        const string json = "{\n  \"version\": \"1\",\n  \"title\": {\"en\": \"x\"}\n  \"status\": \"Draft\"\n}";

        var problem = Assert.Single(Rejected(json));

        Assert.Equal("$", problem.Path);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_invalid_JSON()
    {
        var json = ShippedFramework.Json[..(ShippedFramework.Json.Length / 2)];

        var problem = Assert.Single(Rejected(json));

        Assert.Equal("$", problem.Path);
        Assert.Contains("line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_code_must_match_its_number()
    {
        var json = ShippedFramework.With(root => root["levels"]![0]!["code"] = "Advanced");

        AssertOneProblemAt(Rejected(json), "$.levels[0].code", "level 1 must have the code 'Emerging', not 'Advanced'");
    }

    [Fact]
    public void A_level_descriptor_without_evidence_examples_is_refused()
    {
        var json = ShippedFramework.With(root => root.Descriptor(5, 3, 2)["evidenceExamples"] = new JsonArray());

        AssertOneProblemAt(Rejected(json), "$.behaviours[5].mechanisms[3].levels[2].evidenceExamples", "at least one example");
    }

    [Fact]
    public void A_behaviour_with_more_than_ten_mechanisms_is_refused()
    {
        var json = ShippedFramework.With(root =>
        {
            var mechanisms = root.Behaviour(0)["mechanisms"]!.AsArray();
            var template = mechanisms[0]!;
            for (var number = mechanisms.Count + 1; number <= 11; number++)
            {
                var copy = template.DeepClone();
                copy["code"] = $"DS.{number}";
                mechanisms.Add(copy);
            }
        });

        AssertOneProblemAt(Rejected(json), "$.behaviours[0].mechanisms", "1 to 10 mechanisms", "has 11");
    }

    [Fact]
    public void A_file_with_several_problems_lists_them_all_and_returns_no_document()
    {
        var json = ShippedFramework.With(root =>
        {
            root["status"] = "Final";
            root.Mechanism(0, 0)["code"] = "AS.1";
            root.Descriptors(4, 2).RemoveAt(0);
            root["title"]!["de"] = "Titel";
        });

        var (document, problems) = FrameworkValidator.Parse(json);

        Assert.Null(document);
        Assert.True(problems.Count >= 3, $"Expected at least 3 problems, got: {string.Join("; ", problems)}");
        Assert.Contains(problems, problem => problem.Path == "$.status");
        Assert.Contains(problems, problem => problem.Path == "$.behaviours[0].mechanisms[0].code");
        Assert.Contains(problems, problem => problem.Path == "$.behaviours[4].mechanisms[2].levels");
        Assert.Contains(problems, problem => problem.Path == "$.title.de");
    }

    [Fact]
    public void A_problem_prints_as_path_and_message()
    {
        Assert.Equal("$.status: required.", new FrameworkProblem("$.status", "required.").ToString());
    }

    private static IReadOnlyList<FrameworkProblem> Rejected(string json)
    {
        var (document, problems) = FrameworkValidator.Parse(json);
        Assert.Null(document);
        Assert.NotEmpty(problems);
        return problems;
    }

    /// <summary>Asserts exactly one problem at <paramref name="path"/> whose message has every part, and returns it.</summary>
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

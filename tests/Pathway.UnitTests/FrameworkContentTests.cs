using System.Text.Json.Nodes;
using Pathway.Web.Framework;

namespace Pathway.UnitTests;

/// <summary>What the shipped framework, version "1", contains.</summary>
public class FrameworkContentTests
{
    private static readonly string[] Languages = ["en", "fr", "ar"];

    private static FrameworkDocument Shipped()
    {
        var (document, problems) = FrameworkValidator.Parse(ShippedFramework.Json);
        Assert.Empty(problems);
        return document!;
    }

    [Fact]
    public void The_shipped_framework_is_version_1_and_marked_illustrative()
    {
        var document = Shipped();

        Assert.Equal("1", document.Version);
        Assert.True(document.Illustrative);
    }

    [Fact]
    public void The_behaviours_come_in_the_order_DS_AS_BU_ES_NT_FR()
    {
        Assert.Equal(["DS", "AS", "BU", "ES", "NT", "FR"], Shipped().Behaviours.Select(behaviour => behaviour.Code));
    }

    [Fact]
    public void Each_behaviour_has_three_to_five_mechanisms()
    {
        Assert.All(Shipped().Behaviours, behaviour => Assert.InRange(behaviour.Mechanisms.Count, 3, 5));
    }

    [Fact]
    public void Mechanism_codes_are_unique_and_prefixed_by_their_behaviour()
    {
        var behaviours = Shipped().Behaviours;
        var codes = behaviours.SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism => mechanism.Code)).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(behaviours, behaviour => Assert.All(behaviour.Mechanisms,
            mechanism => Assert.StartsWith(behaviour.Code + ".", mechanism.Code, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_mechanism_describes_the_four_levels_in_order()
    {
        Assert.All(Shipped().Behaviours.SelectMany(behaviour => behaviour.Mechanisms),
            mechanism => Assert.Equal([1, 2, 3, 4], mechanism.Levels.Select(level => level.Level)));
    }

    [Fact]
    public void Every_level_of_every_mechanism_has_at_least_two_evidence_examples()
    {
        var descriptors = Shipped().Behaviours
            .SelectMany(behaviour => behaviour.Mechanisms)
            .SelectMany(mechanism => mechanism.Levels.Select(level => (mechanism.Code, level)));

        Assert.All(descriptors, item => Assert.True(item.level.EvidenceExamples.Count >= 2,
            $"{item.Code} level {item.level.Level} has {item.level.EvidenceExamples.Count} evidence example(s)."));
    }

    [Fact]
    public void Every_text_is_given_in_English_French_and_Arabic()
    {
        var texts = new List<(string Path, JsonObject Text)>();
        CollectTexts(ShippedFramework.Root(), "$", texts);

        Assert.True(texts.Count > 28 * 4 * 3, $"Only {texts.Count} texts found; the walk misses some.");
        Assert.All(texts, item =>
        {
            foreach (var language in Languages)
            {
                Assert.True(item.Text[language] is JsonValue value && !string.IsNullOrWhiteSpace(value.GetValue<string>()),
                    $"{item.Path} has no '{language}' text.");
            }
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

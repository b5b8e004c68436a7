using System.Globalization;
using System.Text.Json.Nodes;

namespace Pathway.UnitTests.Planning;

/// <summary>
/// A small valid catalogue generated from the shipped framework: for every mechanism and step, three
/// actions whose order the fitting tests know (a: high effort, 24 months, Avoid in fragile settings;
/// b: low effort, 6 months, preferred where the private share is large; c: low effort, 3 months,
/// adapted in fragile settings), and two evidence-first actions. Independent of the shipped catalogue,
/// which writers are still filling.
/// </summary>
internal static class CatalogueFixture
{
    public const string FrameworkVersion = "1";

    public static IReadOnlyList<string> MechanismCodes { get; } = [.. ShippedFramework.Root().Behaviours()
        .SelectMany(behaviour => behaviour!["mechanisms"]!.AsArray())
        .Select(mechanism => (string)mechanism!["code"]!)];

    /// <summary>The frameworks the validator is told about: the shipped version 1.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Frameworks { get; } =
        new Dictionary<string, IReadOnlyList<string>> { [FrameworkVersion] = MechanismCodes };

    public static JsonObject Root(string version = "test-1") => new()
    {
        ["$schema"] = "./recommendations.schema.json",
        ["version"] = version,
        ["frameworkVersion"] = FrameworkVersion,
        ["title"] = Text("Test catalogue"),
        ["illustrative"] = true,
        ["evidenceFirst"] = new JsonArray(
            Action("EV-a", "Review the documents on the mechanism.", "DataAndInformation", "Low", 2, Note("Fragile", "Adapt")),
            Action("EV-b", "Hold a validation session on the findings.", "DialoguePlatform", "Low", 1, Note("LargePrivateShare", "Prefer"))),
        ["mechanisms"] = new JsonArray([.. MechanismCodes.Select(code => (JsonNode)new JsonObject
        {
            ["mechanism"] = code,
            ["steps"] = new JsonArray([.. Enumerable.Range(1, 3).Select(level => (JsonNode)Step(code, level))]),
        })]),
    };

    public static string Json(string version = "test-1") => Root(version).ToJsonString();

    /// <summary>The catalogue with one change applied.</summary>
    public static string With(Action<JsonObject> change, string version = "test-1")
    {
        var root = Root(version);
        change(root);
        return root.ToJsonString();
    }

    public static JsonArray Mechanisms(this JsonObject root) => root["mechanisms"]!.AsArray();

    public static JsonArray Steps(this JsonObject root, int mechanism) => root.Mechanisms()[mechanism]!["steps"]!.AsArray();

    public static JsonArray Actions(this JsonObject root, int mechanism, int step) => root.Steps(mechanism)[step]!["actions"]!.AsArray();

    public static JsonObject ActionAt(this JsonObject root, int mechanism, int step, int action) => root.Actions(mechanism, step)[action]!.AsObject();

    /// <summary>Step <paramref name="level"/> of mechanism <paramref name="code"/>: actions a, b and c as described above.</summary>
    public static JsonObject Step(string code, int level)
    {
        string Code(char letter) => string.Create(CultureInfo.InvariantCulture, $"{code}-{level}{letter}");
        string Says(char letter) => string.Create(CultureInfo.InvariantCulture, $"Do {letter} to move {code} up from level {level}.");
        return new JsonObject
        {
            ["fromLevel"] = level,
            ["actions"] = new JsonArray(
                Action(Code('a'), Says('a'), "LegislationOrRegulation", "High", 24, Note("Fragile", "Avoid")),
                Action(Code('b'), Says('b'), "DialoguePlatform", "Low", 6, Note("LargePrivateShare", "Prefer")),
                Action(Code('c'), Says('c'), "CapacityBuilding", "Low", 3, Note("Fragile", "Adapt"))),
        };
    }

    public static JsonObject Action(string code, string text, string type, string effort, int months, params JsonObject[] contexts) => new()
    {
        ["code"] = code,
        ["text"] = Text(text),
        ["type"] = type,
        ["effort"] = effort,
        ["horizonMonths"] = months,
        ["capacities"] = new JsonArray(Text("facilitation")),
        ["contexts"] = new JsonArray([.. contexts]),
    };

    public static JsonObject Note(string context, string fit) => new()
    {
        ["context"] = context,
        ["fit"] = fit,
        ["note"] = Text($"{fit} in {context}."),
    };

    public static JsonObject Text(string english) => new() { ["en"] = english, ["fr"] = $"(fr) {english}", ["ar"] = $"(ar) {english}" };
}

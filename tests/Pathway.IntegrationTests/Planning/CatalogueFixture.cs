using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// A small valid catalogue for framework version 1, generated from the shipped framework file, so these
/// tests do not depend on the shipped catalogue's wording. Every step has three actions: a (high effort,
/// 24 months, Avoid in fragile settings), b (low effort, 6 months, preferred where the private share is
/// large), c (low effort, 3 months, adapted in fragile settings); evidence first has EV-a and EV-b.
/// </summary>
public static class CatalogueFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IReadOnlyList<string> MechanismCodes { get; } = [.. JsonNode.Parse(ShippedFramework.Json)!["behaviours"]!.AsArray()
        .SelectMany(behaviour => behaviour!["mechanisms"]!.AsArray())
        .Select(mechanism => (string)mechanism!["code"]!)];

    public static string NewVersion(string prefix = "test") => $"{prefix}-{TestAccounts.UniqueSuffix()}";

    public static JsonObject Root(string version) => new()
    {
        ["$schema"] = "./recommendations.schema.json",
        ["version"] = version,
        ["frameworkVersion"] = "1",
        ["title"] = Text($"Test catalogue {version}"),
        ["illustrative"] = true,
        ["evidenceFirst"] = new JsonArray(
            Action("EV-a", $"Review the documents on the mechanism ({version}).", "DataAndInformation", "Medium", 2, Note("Fragile", "Adapt")),
            Action("EV-b", $"Hold a validation session on the findings ({version}).", "DialoguePlatform", "Low", 1, Note("LargePrivateShare", "Prefer"))),
        ["mechanisms"] = new JsonArray([.. MechanismCodes.Select(code => (JsonNode)new JsonObject
        {
            ["mechanism"] = code,
            ["steps"] = new JsonArray([.. Enumerable.Range(1, 3).Select(level => (JsonNode)Step(code, level, version))]),
        })]),
    };

    public static JsonArray Steps(this JsonObject root, int mechanism) => root["mechanisms"]![mechanism]!["steps"]!.AsArray();

    public static JsonObject ActionAt(this JsonObject root, int mechanism, int step, int action) =>
        root.Steps(mechanism)[step]!["actions"]![action]!.AsObject();

    /// <summary>Imports a catalogue as seeding and the command line do; asserts it was accepted.</summary>
    public static async Task<CatalogueImportOutcome> ImportAsync(this PathwayAppFactory factory, string json)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueImporter>().ImportAsync(json, Ct);
    }

    private static JsonObject Step(string code, int level, string version)
    {
        string Code(char letter) => string.Create(CultureInfo.InvariantCulture, $"{code}-{level}{letter}");
        string Says(char letter) => string.Create(CultureInfo.InvariantCulture, $"Do {letter} to move {code} up from level {level} ({version}).");
        return new JsonObject
        {
            ["fromLevel"] = level,
            ["actions"] = new JsonArray(
                Action(Code('a'), Says('a'), "LegislationOrRegulation", "High", 24, Note("Fragile", "Avoid")),
                Action(Code('b'), Says('b'), "DialoguePlatform", "Low", 6, Note("LargePrivateShare", "Prefer")),
                Action(Code('c'), Says('c'), "CapacityBuilding", "Low", 3, Note("Fragile", "Adapt"))),
        };
    }

    private static JsonObject Action(string code, string text, string type, string effort, int months, JsonObject context) => new()
    {
        ["code"] = code,
        ["text"] = Text(text),
        ["type"] = type,
        ["effort"] = effort,
        ["horizonMonths"] = months,
        ["capacities"] = new JsonArray(Text("facilitation")),
        ["contexts"] = new JsonArray(context),
    };

    private static JsonObject Note(string context, string fit) => new()
    {
        ["context"] = context,
        ["fit"] = fit,
        ["note"] = Text($"{fit} in {context}."),
    };

    private static JsonObject Text(string english) => new() { ["en"] = english, ["fr"] = $"(fr) {english}", ["ar"] = $"(ar) {english}" };
}

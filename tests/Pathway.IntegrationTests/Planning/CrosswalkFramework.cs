using System.Text.Json.Nodes;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// Framework versions made from the shipped version 1 for comparisons across versions. Drafts, so the
/// site's current version stays 1.
/// </summary>
internal static class CrosswalkFramework
{
    /// <summary>
    /// Version 2 with each kind of change a crosswalk describes: DS.4 renamed DS.5, AS.3 split into AS.3
    /// and AS.6, BU.5 removed, NT.5 merged into NT.4, FR.5 added, and ES.5 kept under the same code but
    /// left out of the crosswalk (so never compared). Every other mechanism maps to itself.
    /// </summary>
    public static JsonObject Version2(string version = "2")
    {
        var root = ShippedFramework.Copy(version);
        var behaviours = root["behaviours"]!.AsArray();
        JsonArray Mechanisms(int behaviour) => behaviours[behaviour]!["mechanisms"]!.AsArray();

        Mechanisms(0)[3]!["code"] = "DS.5";
        var split = Mechanisms(1)[2]!.DeepClone().AsObject();
        split["code"] = "AS.6";
        split["name"] = new JsonObject { ["en"] = "Second part of a split mechanism" };
        Mechanisms(1).Add(split);
        Mechanisms(2).RemoveAt(4);
        Mechanisms(4).RemoveAt(4);
        var added = Mechanisms(5)[3]!.DeepClone().AsObject();
        added["code"] = "FR.5";
        added["name"] = new JsonObject { ["en"] = "A mechanism new in version 2" };
        Mechanisms(5).Add(added);

        Dictionary<string, string[]> changed = new()
        {
            ["DS.4"] = ["DS.5"],
            ["AS.3"] = ["AS.3", "AS.6"],
            ["BU.5"] = [],
            ["NT.5"] = ["NT.4"],
        };
        var mappings = new JsonArray();
        foreach (var code in Version1Codes().Where(code => code != "ES.5"))
        {
            var to = changed.GetValueOrDefault(code, [code]);
            mappings.Add(new JsonObject { ["from"] = code, ["to"] = new JsonArray([.. to.Select(target => JsonValue.Create(target))]) });
        }
        root["crosswalk"] = new JsonObject { ["from"] = "1", ["mappings"] = mappings };
        return root;
    }

    /// <summary>The shipped content under another version number, declaring no crosswalk.</summary>
    public static JsonObject WithoutCrosswalk(string version) => ShippedFramework.Copy(version);

    public static IEnumerable<string> Version1Codes() =>
        JsonNode.Parse(ShippedFramework.Json)!["behaviours"]!.AsArray()
            .SelectMany(behaviour => behaviour!["mechanisms"]!.AsArray().Select(mechanism => (string)mechanism!["code"]!));
}

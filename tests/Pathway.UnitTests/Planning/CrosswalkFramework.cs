using System.Text.Json.Nodes;

namespace Pathway.UnitTests.Planning;

/// <summary>
/// A version 2 made from the shipped version 1 with each kind of change a crosswalk describes:
/// DS.4 renamed DS.5, AS.3 split into AS.3 and AS.6, BU.5 removed, NT.5 merged into NT.4, FR.5 added,
/// and ES.5 kept under the same code but left out of the crosswalk (so never compared).
/// </summary>
internal static class CrosswalkFramework
{
    public static JsonObject Version2()
    {
        var root = ShippedFramework.Root();
        root["version"] = "2";
        root["status"] = "Draft";
        root.Mechanism(0, 3)["code"] = "DS.5";
        var split = root.Mechanism(1, 2).DeepClone().AsObject();
        split["code"] = "AS.6";
        split["name"] = new JsonObject { ["en"] = "Second part of a split mechanism" };
        root.Behaviour(1)["mechanisms"]!.AsArray().Add(split);
        root.Behaviour(2)["mechanisms"]!.AsArray().RemoveAt(4);
        root.Behaviour(4)["mechanisms"]!.AsArray().RemoveAt(4);
        var added = root.Mechanism(5, 3).DeepClone().AsObject();
        added["code"] = "FR.5";
        added["name"] = new JsonObject { ["en"] = "A mechanism new in version 2" };
        root.Behaviour(5)["mechanisms"]!.AsArray().Add(added);

        Dictionary<string, string[]> changed = new()
        {
            ["DS.4"] = ["DS.5"],
            ["AS.3"] = ["AS.3", "AS.6"],
            ["BU.5"] = [],
            ["NT.5"] = ["NT.4"],
        };
        var mappings = new JsonArray();
        foreach (var code in ShippedFramework.Root().Behaviours()
            .SelectMany(behaviour => behaviour!["mechanisms"]!.AsArray().Select(mechanism => (string)mechanism!["code"]!))
            .Where(code => code != "ES.5"))
        {
            var to = changed.GetValueOrDefault(code, [code]);
            mappings.Add(new JsonObject { ["from"] = code, ["to"] = new JsonArray([.. to.Select(target => JsonValue.Create(target))]) });
        }
        root["crosswalk"] = new JsonObject { ["from"] = "1", ["mappings"] = mappings };
        return root;
    }

    /// <summary>Version 2 with one change applied.</summary>
    public static string Version2With(Action<JsonObject> change)
    {
        var root = Version2();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Crosswalk(this JsonObject root) => root["crosswalk"]!.AsObject();

    public static JsonArray Mappings(this JsonObject root) => root.Crosswalk()["mappings"]!.AsArray();

    public static JsonObject Mapping(this JsonObject root, string from) =>
        root.Mappings().Single(mapping => (string)mapping!["from"]! == from)!.AsObject();
}

using System.Text.Json.Nodes;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>The framework file shipped beside the binaries (content/frameworks/pathway-1.json), and edited copies of it.</summary>
public static class ShippedFramework
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "content", "frameworks", "pathway-1.json");

    public static string Json => File.ReadAllText(Path);

    /// <summary>A copy to edit. Test copies are Drafts, so the site's current version stays version 1.</summary>
    public static JsonObject Copy(string version)
    {
        var root = JsonNode.Parse(Json)!.AsObject();
        root["version"] = version;
        root["status"] = "Draft";
        return root;
    }

    /// <summary>The first level descriptor of the first mechanism, to tweak.</summary>
    public static JsonObject FirstDescriptor(JsonObject root) =>
        root["behaviours"]![0]!["mechanisms"]![0]!["levels"]![0]!["descriptor"]!.AsObject();
}

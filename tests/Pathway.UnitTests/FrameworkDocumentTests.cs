using System.Text.Json;
using System.Text.Json.Nodes;
using Pathway.Web.Framework;

namespace Pathway.UnitTests;

public class FrameworkDocumentTests
{
    private static string ShippedHash() => FrameworkDocument.FromJson(ShippedFramework.Json).ContentHash();

    [Fact]
    public void The_content_hash_ignores_indentation_and_property_order()
    {
        var reordered = Reversed(ShippedFramework.Root())!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        Assert.NotEqual(ShippedFramework.Json, reordered);

        Assert.Equal(ShippedHash(), FrameworkDocument.FromJson(reordered).ContentHash());
    }

    [Fact]
    public void The_content_hash_ignores_the_schema_pointer()
    {
        var withoutSchema = ShippedFramework.With(root => root.Remove("$schema"));
        var otherSchema = ShippedFramework.With(root => root["$schema"] = "https://example.org/other.json");

        Assert.Equal(ShippedHash(), FrameworkDocument.FromJson(withoutSchema).ContentHash());
        Assert.Equal(ShippedHash(), FrameworkDocument.FromJson(otherSchema).ContentHash());
    }

    [Fact]
    public void The_content_hash_changes_when_one_descriptor_changes()
    {
        var changed = ShippedFramework.With(root => root.Descriptor(3, 2, 1)["descriptor"]!["fr"] = "Une autre formulation.");

        Assert.NotEqual(ShippedHash(), FrameworkDocument.FromJson(changed).ContentHash());
    }

    [Fact]
    public void The_content_hash_is_sha256_in_lower_case_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", ShippedHash());
    }

    [Fact]
    public void ToJson_then_FromJson_round_trips_to_the_same_hash()
    {
        var document = FrameworkDocument.FromJson(ShippedFramework.Json);

        var json = document.ToJson();
        var again = FrameworkDocument.FromJson(json);

        Assert.Equal(document.ContentHash(), again.ContentHash());
        Assert.Equal(document.Version, again.Version);
        Assert.Equal(document.Title, again.Title);
        Assert.Empty(FrameworkValidator.Parse(json).Problems);
    }

    [Fact]
    public void ToJson_writes_the_file_format_with_camel_case_names_and_enum_names()
    {
        var json = JsonNode.Parse(FrameworkDocument.FromJson(ShippedFramework.Json).ToJson())!;

        Assert.Equal("./framework.schema.json", (string?)json["$schema"]);
        Assert.Equal("Published", (string?)json["status"]);
        Assert.Equal("2026-11-23", (string?)json["publishedOn"]);
        Assert.Equal("PolicyAndStrategy", (string?)json["behaviours"]![0]!["mechanisms"]![0]!["instruments"]![0]!["category"]);
        Assert.Contains("ناشئ", FrameworkDocument.FromJson(ShippedFramework.Json).ToJson(), StringComparison.Ordinal);
    }

    /// <summary>A copy with every object's properties in reverse order.</summary>
    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(pair => KeyValuePair.Create(pair.Key, Reversed(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Reversed)]),
        _ => node?.DeepClone(),
    };
}

using System.Text.Json.Nodes;

namespace Pathway.Web.Framework;

/// <summary>
/// The shape checks every content-file validator needs (objects with known properties, required lists
/// and texts), each problem reported at its JSON path. The framework and the recommendation catalogue
/// validators build their own rules on top.
/// </summary>
internal abstract class JsonShapeChecker
{
    protected abstract void Problem(string path, string message);

    /// <summary>The node as an object, with every property not in <paramref name="allowed"/> reported.</summary>
    protected JsonObject? Object(JsonNode? node, string path, string[] allowed)
    {
        if (node is not JsonObject obj)
        {
            Problem(path, "must be an object.");
            return null;
        }
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Problem($"{path}.{name}", $"unknown property '{name}'; allowed here: {string.Join(", ", allowed.Where(known => known != "$schema"))}.");
            }
        }
        return obj;
    }

    protected JsonArray? RequiredArray(JsonObject parent, string path, string name)
    {
        switch (parent[name])
        {
            case JsonArray array:
                return array;
            case null:
                Problem($"{path}.{name}", "required: a list.");
                return null;
            default:
                Problem($"{path}.{name}", "must be a list.");
                return null;
        }
    }

    protected string? RequiredString(JsonObject parent, string path, string name)
    {
        var value = OptionalString(parent, path, name);
        if (value is null && parent[name] is null)
        {
            Problem($"{path}.{name}", "required.");
        }
        return value;
    }

    protected string? OptionalString(JsonObject parent, string path, string name)
    {
        if (!parent.ContainsKey(name))
        {
            return null;
        }
        if (parent[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }
        Problem($"{path}.{name}", "must be a non-empty text.");
        return null;
    }
}

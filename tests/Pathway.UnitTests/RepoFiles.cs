using System.Text.Json.Nodes;

namespace Pathway.UnitTests;

/// <summary>Files of the repository, found by walking up from the test binaries to the folder holding Pathway.slnx.</summary>
internal static class RepoFiles
{
    public const string FrameworkFile = "content/frameworks/pathway-1.json";
    public const string FrameworkSchemaFile = "content/frameworks/framework.schema.json";

    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    /// <summary>Absolute path of a repository file given with forward slashes, e.g. "content/reference/countries.json".</summary>
    public static string PathOf(string relativePath) =>
        Path.Combine([Root, .. relativePath.Split('/')]);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static JsonNode ReadJson(string relativePath) =>
        JsonNode.Parse(Read(relativePath)) ?? throw new InvalidDataException($"{relativePath} is empty.");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pathway.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Pathway.slnx.");
    }
}

/// <summary>The shipped framework file, and copies of it with one change for the tests of bad files.</summary>
internal static class ShippedFramework
{
    private static readonly Lazy<string> Text = new(() => RepoFiles.Read(RepoFiles.FrameworkFile));

    public static string Json => Text.Value;

    /// <summary>A fresh, mutable copy of the shipped file.</summary>
    public static JsonObject Root() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>The shipped file with one change applied.</summary>
    public static string With(Action<JsonObject> change)
    {
        var root = Root();
        change(root);
        return root.ToJsonString();
    }

    public static JsonArray Behaviours(this JsonObject root) => root["behaviours"]!.AsArray();

    public static JsonObject Behaviour(this JsonObject root, int behaviour) => root.Behaviours()[behaviour]!.AsObject();

    public static JsonObject Mechanism(this JsonObject root, int behaviour, int mechanism) =>
        root.Behaviour(behaviour)["mechanisms"]![mechanism]!.AsObject();

    public static JsonArray Descriptors(this JsonObject root, int behaviour, int mechanism) =>
        root.Mechanism(behaviour, mechanism)["levels"]!.AsArray();

    public static JsonObject Descriptor(this JsonObject root, int behaviour, int mechanism, int index) =>
        root.Descriptors(behaviour, mechanism)[index]!.AsObject();

    /// <summary>Renames a property, keeping its value (for typos such as "descripton").</summary>
    public static void Rename(this JsonObject obj, string from, string to)
    {
        var value = obj[from];
        obj.Remove(from);
        obj[to] = value;
    }
}

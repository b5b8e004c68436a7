using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pathway.Web.Localization;

namespace Pathway.Web.Framework;

/// <summary>A problem in a framework file, at a JSON path such as <c>$.behaviours[2].mechanisms[0].levels</c>.</summary>
public sealed record FrameworkProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a framework file completely before anything is imported, and lists every problem with
/// its JSON path. Pure: no database, no I/O. The JSON Schema beside the files describes the same shape
/// for editors; this validator adds the rules a schema cannot say (unique codes, codes that match
/// their behaviour, all six behaviours present, crosswalk targets that exist in the file).
/// </summary>
public static partial class FrameworkValidator
{
    /// <summary>The six governance behaviours, in default display order.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Behaviours =
    [
        ("DS", "Deliver strategy"),
        ("AS", "Align structures"),
        ("BU", "Build understanding"),
        ("ES", "Enable stakeholders"),
        ("NT", "Nurture trust"),
        ("FR", "Foster relations"),
    ];

    /// <summary>The four levels, 1 to 4.</summary>
    public static readonly IReadOnlyList<string> LevelCodes = ["Emerging", "Progressing", "Established", "Advanced"];

    public const int MaxMechanismsPerBehaviour = 10;

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}\z")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[A-Z]{2}\.[1-9][0-9]?\z")]
    private static partial Regex MechanismCodePattern();

    /// <summary>Parses and validates; returns the document only when there is no problem.</summary>
    public static (FrameworkDocument? Document, IReadOnlyList<FrameworkProblem> Problems) Parse(string json)
    {
        JsonNode? root;
        try
        {
            // Duplicate keys are refused: which of two "status" values would be meant?
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            // Parsing is lazy; walking the tree here surfaces duplicate keys as a JsonException.
            root?.ToJsonString();
        }
        catch (JsonException exception) when (exception.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [new(exception.Path ?? "$", "A property appears twice in the same object; keep one.")]);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {exception.BytePositionInLine + 1})")
                : "";
            return (null, [new("$", $"The file is not valid JSON{where}.")]);
        }

        var problems = Validate(root);
        return problems.Count > 0 ? (null, problems) : (FrameworkDocument.FromJson(json).Canonical(), problems);
    }

    public static IReadOnlyList<FrameworkProblem> Validate(JsonNode? root)
    {
        var check = new Checker();
        check.Root(root);
        return check.Problems;
    }

    private sealed class Checker : JsonShapeChecker
    {
        public List<FrameworkProblem> Problems { get; } = [];

        private readonly Dictionary<string, string> mechanismPaths = new(StringComparer.Ordinal);

        protected override void Problem(string path, string message) => Problems.Add(new(path, message));

        public void Root(JsonNode? node)
        {
            if (Object(node, "$", ["$schema", "version", "title", "summary", "status", "publishedOn", "sourceUrl", "illustrative", "changeNotes", "levels", "behaviours", "crosswalk"]) is not { } root)
            {
                return;
            }

            var version = RequiredString(root, "$", "version");
            if (version is not null && !VersionPattern().IsMatch(version))
            {
                Problem("$.version", $"'{version}' is not a valid version: use letters, digits, dots or hyphens, at most 20 characters (e.g. \"1\" or \"2024.1\").");
            }
            Text(root, "$", "title", required: true);
            Text(root, "$", "summary", required: false);
            Text(root, "$", "changeNotes", required: false);
            if (RequiredString(root, "$", "status") is { } status && !Enum.TryParse<FrameworkStatus>(status, ignoreCase: false, out _))
            {
                Problem("$.status", $"unknown status '{status}'; allowed: {string.Join(", ", Enum.GetNames<FrameworkStatus>())}.");
            }
            if (OptionalString(root, "$", "publishedOn") is { } date
                && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Problem("$.publishedOn", $"'{date}' is not a date in the form yyyy-MM-dd.");
            }
            if (OptionalString(root, "$", "sourceUrl") is { } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                Problem("$.sourceUrl", $"'{url}' is not an absolute http(s) address.");
            }
            _ = OptionalString(root, "$", "$schema");
            if (root.ContainsKey("illustrative") && root["illustrative"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem("$.illustrative", "must be true or false.");
            }

            Levels(root);
            Behaviours(root);
            // After the behaviours: the crosswalk's targets must be mechanisms of this file.
            Crosswalk(root, version);
        }

        /// <summary>
        /// The optional crosswalk from an earlier version: each old code once, each mapped to codes of
        /// this file. Whether the old codes exist in the earlier version is checked on import, where
        /// that version can be read.
        /// </summary>
        private void Crosswalk(JsonObject root, string? version)
        {
            const string path = "$.crosswalk";
            if (!root.ContainsKey("crosswalk") || Object(root["crosswalk"], path, ["from", "mappings"]) is not { } crosswalk)
            {
                return;
            }
            if (RequiredString(crosswalk, path, "from") is { } from)
            {
                if (!VersionPattern().IsMatch(from))
                {
                    Problem($"{path}.from", $"'{from}' is not a valid version: use letters, digits, dots or hyphens, at most 20 characters (e.g. \"1\").");
                }
                else if (from == version)
                {
                    Problem($"{path}.from", $"a crosswalk maps from an earlier version, not from this file's own version '{from}'.");
                }
            }
            if (RequiredArray(crosswalk, path, "mappings") is not { } mappings)
            {
                return;
            }
            if (mappings.Count == 0)
            {
                Problem($"{path}.mappings", "list at least one mapping; leave the crosswalk out when no mechanism carries over.");
            }
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < mappings.Count; i++)
            {
                var mappingPath = $"{path}.mappings[{i}]";
                if (Object(mappings[i], mappingPath, ["from", "to"]) is not { } mapping)
                {
                    continue;
                }
                if (RequiredString(mapping, mappingPath, "from") is { } old)
                {
                    if (!MechanismCodePattern().IsMatch(old))
                    {
                        Problem($"{mappingPath}.from", $"'{old}' is not a mechanism code: use the behaviour code, a dot and a number (e.g. \"DS.1\").");
                    }
                    else if (!seen.TryAdd(old, mappingPath))
                    {
                        Problem($"{mappingPath}.from", $"'{old}' is mapped twice (also at {seen[old]}); list all the codes it became in one mapping.");
                    }
                }
                if (RequiredArray(mapping, mappingPath, "to") is { } targets)
                {
                    Targets(targets, $"{mappingPath}.to");
                }
            }
        }

        private void Targets(JsonArray targets, string path)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < targets.Count; i++)
            {
                var targetPath = $"{path}[{i}]";
                if (targets[i] is not JsonValue value || !value.TryGetValue<string>(out var code) || string.IsNullOrWhiteSpace(code))
                {
                    Problem(targetPath, "must be the code of a mechanism of this file, e.g. \"DS.1\".");
                }
                else if (!mechanismPaths.ContainsKey(code))
                {
                    Problem(targetPath, $"'{code}' is not a mechanism of this file; map to this version's codes, or to an empty list for a mechanism that was removed.");
                }
                else if (!seen.Add(code))
                {
                    Problem(targetPath, $"'{code}' appears twice in this list.");
                }
            }
        }

        private void Levels(JsonObject root)
        {
            if (RequiredArray(root, "$", "levels") is not { } levels)
            {
                return;
            }
            var seen = new HashSet<int>();
            for (var i = 0; i < levels.Count; i++)
            {
                var path = $"$.levels[{i}]";
                if (Object(levels[i], path, ["level", "code", "name", "pattern"]) is not { } level)
                {
                    continue;
                }
                var number = LevelNumber(level, path, seen);
                var code = RequiredString(level, path, "code");
                if (number is not null && code is not null && code != LevelCodes[number.Value - 1])
                {
                    Problem($"{path}.code", $"level {number} must have the code '{LevelCodes[number.Value - 1]}', not '{code}'.");
                }
                Text(level, path, "name", required: true);
                Text(level, path, "pattern", required: true);
            }
            MissingLevels("$.levels", seen);
        }

        private void Behaviours(JsonObject root)
        {
            if (RequiredArray(root, "$", "behaviours") is not { } behaviours)
            {
                return;
            }
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < behaviours.Count; i++)
            {
                var path = $"$.behaviours[{i}]";
                if (Object(behaviours[i], path, ["code", "name", "summary", "stewardshipFunction", "mechanisms"]) is not { } behaviour)
                {
                    continue;
                }
                var code = RequiredString(behaviour, path, "code");
                if (code is not null)
                {
                    if (!FrameworkValidator.Behaviours.Any(known => known.Code == code))
                    {
                        Problem($"{path}.code", $"unknown behaviour '{code}'; the six behaviours are {string.Join(", ", FrameworkValidator.Behaviours.Select(known => known.Code))}.");
                        code = null;
                    }
                    else if (!seen.TryAdd(code, path))
                    {
                        Problem($"{path}.code", $"duplicate behaviour '{code}' (also at {seen[code]}).");
                    }
                }
                Text(behaviour, path, "name", required: true);
                Text(behaviour, path, "summary", required: true);
                Text(behaviour, path, "stewardshipFunction", required: false);
                Mechanisms(behaviour, path, code);
            }
            foreach (var (known, name) in FrameworkValidator.Behaviours.Where(known => !seen.ContainsKey(known.Code)))
            {
                Problem("$.behaviours", $"behaviour '{known}' ({name}) is missing; a framework has all six behaviours.");
            }
        }

        private void Mechanisms(JsonObject behaviour, string behaviourPath, string? behaviourCode)
        {
            if (RequiredArray(behaviour, behaviourPath, "mechanisms") is not { } mechanisms)
            {
                return;
            }
            if (mechanisms.Count is 0 or > MaxMechanismsPerBehaviour)
            {
                Problem($"{behaviourPath}.mechanisms", $"a behaviour has 1 to {MaxMechanismsPerBehaviour} mechanisms; this one has {mechanisms.Count}.");
            }
            for (var i = 0; i < mechanisms.Count; i++)
            {
                var path = $"{behaviourPath}.mechanisms[{i}]";
                if (Object(mechanisms[i], path, ["code", "name", "description", "guidingQuestion", "instruments", "levels"]) is not { } mechanism)
                {
                    continue;
                }
                if (RequiredString(mechanism, path, "code") is { } code)
                {
                    if (!MechanismCodePattern().IsMatch(code))
                    {
                        Problem($"{path}.code", $"'{code}' is not a mechanism code: use the behaviour code, a dot and a number (e.g. \"{behaviourCode ?? "DS"}.1\").");
                    }
                    else if (behaviourCode is not null && !code.StartsWith(behaviourCode + ".", StringComparison.Ordinal))
                    {
                        Problem($"{path}.code", $"mechanism '{code}' sits under behaviour '{behaviourCode}'; its code must start with '{behaviourCode}.'.");
                    }
                    if (!mechanismPaths.TryAdd(code, path))
                    {
                        Problem($"{path}.code", $"duplicate mechanism code '{code}' (also at {mechanismPaths[code]}).");
                    }
                }
                Text(mechanism, path, "name", required: true);
                Text(mechanism, path, "description", required: true);
                Text(mechanism, path, "guidingQuestion", required: false);
                Instruments(mechanism, path);
                Descriptors(mechanism, path);
            }
        }

        private void Instruments(JsonObject mechanism, string mechanismPath)
        {
            if (!mechanism.ContainsKey("instruments"))
            {
                return;
            }
            if (RequiredArray(mechanism, mechanismPath, "instruments") is not { } instruments)
            {
                return;
            }
            for (var i = 0; i < instruments.Count; i++)
            {
                var path = $"{mechanismPath}.instruments[{i}]";
                if (Object(instruments[i], path, ["category", "name"]) is not { } instrument)
                {
                    continue;
                }
                if (RequiredString(instrument, path, "category") is { } category
                    && !Enum.TryParse<InstrumentCategory>(category, ignoreCase: false, out _))
                {
                    Problem($"{path}.category", $"unknown instrument category '{category}'; allowed: {string.Join(", ", Enum.GetNames<InstrumentCategory>())}.");
                }
                Text(instrument, path, "name", required: true);
            }
        }

        private void Descriptors(JsonObject mechanism, string mechanismPath)
        {
            if (RequiredArray(mechanism, mechanismPath, "levels") is not { } levels)
            {
                return;
            }
            var seen = new HashSet<int>();
            for (var i = 0; i < levels.Count; i++)
            {
                var path = $"{mechanismPath}.levels[{i}]";
                if (Object(levels[i], path, ["level", "descriptor", "evidenceExamples"]) is not { } level)
                {
                    continue;
                }
                LevelNumber(level, path, seen);
                Text(level, path, "descriptor", required: true);
                if (RequiredArray(level, path, "evidenceExamples") is { } examples)
                {
                    if (examples.Count == 0)
                    {
                        Problem($"{path}.evidenceExamples", "give at least one example of evidence that would show this level.");
                    }
                    for (var e = 0; e < examples.Count; e++)
                    {
                        TextNode(examples[e], $"{path}.evidenceExamples[{e}]");
                    }
                }
            }
            MissingLevels($"{mechanismPath}.levels", seen);
        }

        private int? LevelNumber(JsonObject level, string path, HashSet<int> seen)
        {
            if (level["level"] is not JsonValue value || !value.TryGetValue<int>(out var number))
            {
                Problem($"{path}.level", "required: a whole number from 1 (Emerging) to 4 (Advanced).");
                return null;
            }
            if (number is < 1 or > 4)
            {
                Problem($"{path}.level", $"{number} is not a level; levels run from 1 (Emerging) to 4 (Advanced).");
                return null;
            }
            if (!seen.Add(number))
            {
                Problem($"{path}.level", $"level {number} ({LevelCodes[number - 1]}) appears twice.");
                return null;
            }
            return number;
        }

        private void MissingLevels(string path, HashSet<int> seen)
        {
            foreach (var missing in Enumerable.Range(1, 4).Where(level => !seen.Contains(level)))
            {
                Problem(path, $"level {missing} ({LevelCodes[missing - 1]}) is missing; every mechanism has all four levels.");
            }
        }

        private void Text(JsonObject parent, string path, string name, bool required)
        {
            if (!parent.ContainsKey(name))
            {
                if (required)
                {
                    Problem($"{path}.{name}", "required: a text in English (\"en\"), with French (\"fr\") and Arabic (\"ar\") where translated.");
                }
                return;
            }
            // An optional text may be left out, but once given it needs its English.
            TextNode(parent[name], $"{path}.{name}");
        }

        /// <summary>A text by language: English required, French and Arabic optional (they fall back to English).</summary>
        private void TextNode(JsonNode? node, string path)
        {
            if (node is not JsonObject text)
            {
                Problem(path, "must be a text by language, e.g. {\"en\": \"...\", \"fr\": \"...\", \"ar\": \"...\"}.");
                return;
            }
            foreach (var (language, value) in text)
            {
                if (!Cultures.Supported.Contains(language, StringComparer.Ordinal))
                {
                    Problem($"{path}.{language}", $"unknown language '{language}'; allowed: {string.Join(", ", Cultures.Supported)}.");
                }
                else if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out _))
                {
                    Problem($"{path}.{language}", "must be a text.");
                }
            }
            if ((text["en"] is not JsonValue en || !en.TryGetValue<string>(out var english) || string.IsNullOrWhiteSpace(english)))
            {
                Problem($"{path}.en", "the English text is required.");
            }
        }
    }
}

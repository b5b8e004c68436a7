using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>A problem in a catalogue file, at a JSON path such as <c>$.mechanisms[3].steps[1].actions[0].code</c>.</summary>
public sealed record CatalogueProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a recommendation catalogue file completely before anything is imported, and lists every
/// problem with its JSON path. Pure: no database, no I/O; the caller says which framework versions
/// exist and their mechanism codes in framework order. The JSON Schema beside the files describes the
/// shape for editors; this validator adds what a schema cannot say: codes that match their mechanism
/// and step, unique codes and texts, every mechanism of the framework exactly once with the steps
/// from levels 1, 2 and 3, and no context that sets aside every action of a step.
/// </summary>
public static partial class CatalogueValidator
{
    public const int MinActions = 2;
    public const int MaxActions = 4;
    public const int MaxHorizonMonths = 60;
    public const int MaxCapacities = 3;
    public const int MaxContexts = 3;
    public const int MaxActionTextLength = 450;
    public const int MaxCapacityLength = 120;
    public const int MaxNoteLength = 400;

    /// <summary>The steps up: from level 1, 2 and 3 to the next level.</summary>
    public static readonly IReadOnlyList<int> FromLevels = [1, 2, 3];

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}\z")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[A-Z]{2}\.[1-9][0-9]?\z")]
    private static partial Regex MechanismCodePattern();

    [GeneratedRegex(@"^([A-Z]{2}\.[1-9][0-9]?-[1-3][a-d]|EV-[a-d])\z")]
    private static partial Regex ActionCodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The code of the action at <paramref name="index"/> (0-based) of a step: <c>DS.1-2b</c>, or <c>EV-b</c> for evidence first.</summary>
    public static string ActionCode(string? mechanism, int? fromLevel, int index) =>
        mechanism is null
            ? $"EV-{(char)('a' + index)}"
            : string.Create(CultureInfo.InvariantCulture, $"{mechanism}-{fromLevel}{(char)('a' + index)}");

    /// <summary>
    /// Parses and validates; returns the document only when there is no problem. <paramref name="frameworks"/>
    /// holds each imported framework version and its mechanism codes in framework order.
    /// </summary>
    public static (CatalogueDocument? Document, IReadOnlyList<CatalogueProblem> Problems) Parse(
        string json, IReadOnlyDictionary<string, IReadOnlyList<string>> frameworks)
    {
        JsonNode? root;
        try
        {
            // Duplicate keys are refused: which of two "effort" values would be meant?
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

        var problems = Validate(root, frameworks);
        return problems.Count > 0 ? (null, problems) : (CatalogueDocument.FromJson(json), problems);
    }

    public static IReadOnlyList<CatalogueProblem> Validate(JsonNode? root, IReadOnlyDictionary<string, IReadOnlyList<string>> frameworks)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        var check = new Checker(frameworks);
        check.Root(root);
        return check.Problems;
    }

    private sealed class Checker(IReadOnlyDictionary<string, IReadOnlyList<string>> frameworks) : JsonShapeChecker
    {
        public List<CatalogueProblem> Problems { get; } = [];

        private readonly Dictionary<string, string> codePaths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> textPaths = new(StringComparer.OrdinalIgnoreCase);

        protected override void Problem(string path, string message) => Problems.Add(new(path, message));

        public void Root(JsonNode? node)
        {
            if (Object(node, "$", ["$schema", "version", "frameworkVersion", "title", "summary", "illustrative", "evidenceFirst", "mechanisms"]) is not { } root)
            {
                return;
            }
            _ = OptionalString(root, "$", "$schema");
            if (RequiredString(root, "$", "version") is { } version && !VersionPattern().IsMatch(version))
            {
                Problem("$.version", $"'{version}' is not a valid version: use letters, digits, dots or hyphens, at most 20 characters (e.g. \"1\" or \"2026.1\").");
            }
            IReadOnlyList<string>? mechanismCodes = null;
            var frameworkVersion = RequiredString(root, "$", "frameworkVersion");
            if (frameworkVersion is not null && !frameworks.TryGetValue(frameworkVersion, out mechanismCodes))
            {
                var known = frameworks.Count == 0 ? "none is imported yet" : $"imported: {string.Join(", ", frameworks.Keys.Order(StringComparer.Ordinal))}";
                Problem("$.frameworkVersion", $"framework version '{frameworkVersion}' is not imported ({known}); import the framework first.");
            }
            Text(root, "$", "title", required: true);
            Text(root, "$", "summary", required: false);
            if (root.ContainsKey("illustrative") && root["illustrative"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem("$.illustrative", "must be true or false.");
            }

            if (RequiredArray(root, "$", "evidenceFirst") is { } evidence)
            {
                Actions(evidence, "$.evidenceFirst", mechanism: null, fromLevel: null, isEvidence: true);
            }
            Mechanisms(root, frameworkVersion, mechanismCodes);
        }

        private void Mechanisms(JsonObject root, string? frameworkVersion, IReadOnlyList<string>? known)
        {
            if (RequiredArray(root, "$", "mechanisms") is not { } mechanisms)
            {
                return;
            }
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<(string Code, string Path)>();
            for (var i = 0; i < mechanisms.Count; i++)
            {
                var path = $"$.mechanisms[{i}]";
                if (Object(mechanisms[i], path, ["mechanism", "steps"]) is not { } mechanism)
                {
                    continue;
                }
                var code = RequiredString(mechanism, path, "mechanism");
                if (code is not null && !MechanismCodePattern().IsMatch(code))
                {
                    Problem($"{path}.mechanism", $"'{code}' is not a mechanism code: use the behaviour code, a dot and a number (e.g. \"DS.1\").");
                    code = null;
                }
                else if (code is not null && known is not null && !known.Contains(code, StringComparer.Ordinal))
                {
                    Problem($"{path}.mechanism", $"unknown mechanism '{code}': framework version {frameworkVersion} has no such mechanism.");
                }
                else if (code is not null && !seen.TryAdd(code, path))
                {
                    Problem($"{path}.mechanism", $"mechanism '{code}' appears twice (also at {seen[code]}); give each mechanism once, with its three steps.");
                }
                else if (code is not null)
                {
                    order.Add((code, path));
                }
                Steps(mechanism, path, code);
            }
            if (known is null)
            {
                return;
            }
            foreach (var missing in known.Where(code => !seen.ContainsKey(code)))
            {
                Problem("$.mechanisms", $"mechanism '{missing}' is missing; the catalogue covers every mechanism of framework version {frameworkVersion}.");
            }
            var position = known.Select((code, index) => (code, index)).ToDictionary(pair => pair.code, pair => pair.index, StringComparer.Ordinal);
            for (var i = 1; i < order.Count; i++)
            {
                if (position[order[i].Code] < position[order[i - 1].Code])
                {
                    Problem($"{order[i].Path}.mechanism", $"mechanisms follow the framework's order: '{order[i].Code}' comes before '{order[i - 1].Code}'.");
                    break;
                }
            }
        }

        private void Steps(JsonObject mechanism, string mechanismPath, string? code)
        {
            if (RequiredArray(mechanism, mechanismPath, "steps") is not { } steps)
            {
                return;
            }
            var seen = new List<int>();
            for (var i = 0; i < steps.Count; i++)
            {
                var path = $"{mechanismPath}.steps[{i}]";
                if (Object(steps[i], path, ["fromLevel", "actions"]) is not { } step)
                {
                    continue;
                }
                int? fromLevel = null;
                if (step["fromLevel"] is not JsonValue value || !value.TryGetValue<int>(out var number))
                {
                    Problem($"{path}.fromLevel", "required: 1 (Emerging → Progressing), 2 (Progressing → Established) or 3 (Established → Advanced).");
                }
                else if (!FromLevels.Contains(number))
                {
                    Problem($"{path}.fromLevel", $"{number} is not a step: steps start from level 1, 2 or 3 (there is no step beyond Advanced).");
                }
                else if (seen.Contains(number))
                {
                    Problem($"{path}.fromLevel", $"the step from level {number} ({StepName(number)}) appears twice.");
                }
                else
                {
                    seen.Add(number);
                    fromLevel = number;
                }
                if (RequiredArray(step, path, "actions") is { } actions)
                {
                    // Without a sure mechanism and level the expected codes are unknown; the codes are then checked by pattern only.
                    Actions(actions, $"{path}.actions", code, fromLevel, isEvidence: false);
                }
            }
            foreach (var missing in FromLevels.Where(level => !seen.Contains(level)))
            {
                Problem($"{mechanismPath}.steps", $"{(code is null ? "" : code + ": ")}the step from level {missing} ({StepName(missing)}) is missing; every mechanism has the steps from levels 1, 2 and 3.");
            }
            if (seen.Count == FromLevels.Count && !seen.SequenceEqual(FromLevels))
            {
                Problem($"{mechanismPath}.steps", "the steps come in order: from level 1, then 2, then 3.");
            }
        }

        private static string StepName(int fromLevel) =>
            $"{FrameworkValidator.LevelCodes[fromLevel - 1]} → {FrameworkValidator.LevelCodes[fromLevel]}";

        /// <summary>The actions of one step (or of evidence first, without mechanism and level).</summary>
        private void Actions(JsonArray actions, string path, string? mechanism, int? fromLevel, bool isEvidence)
        {
            if (actions.Count is < MinActions or > MaxActions)
            {
                Problem(path, $"{(isEvidence ? "evidence first has" : "a step has")} {MinActions} to {MaxActions} actions; this one has {actions.Count}.");
            }
            var fits = new List<Dictionary<PlanningContext, ContextFit>>();
            for (var i = 0; i < actions.Count; i++)
            {
                var expected = isEvidence || (mechanism is not null && fromLevel is not null) ? ActionCode(mechanism, fromLevel, i) : null;
                if (Action(actions[i], $"{path}[{i}]", expected, isEvidence) is { } contexts)
                {
                    fits.Add(contexts);
                }
            }
            if (fits.Count == 0)
            {
                return;
            }
            foreach (var context in Enum.GetValues<PlanningContext>()
                         .Where(context => fits.All(action => action.GetValueOrDefault(context, ContextFit.Adapt) == ContextFit.Avoid)))
            {
                Problem(path, $"every action here is marked Avoid for the context '{context}', which would leave nothing to recommend there; keep at least one action that suits it (Prefer, Adapt, or no note).");
            }
        }

        /// <summary>Checks one action; returns its fit per context (as far as it could be read) for the step's checks.</summary>
        private Dictionary<PlanningContext, ContextFit>? Action(JsonNode? node, string path, string? expectedCode, bool isEvidence)
        {
            if (Object(node, path, ["code", "text", "type", "effort", "horizonMonths", "capacities", "contexts"]) is not { } action)
            {
                return null;
            }
            Code(action, path, expectedCode, isEvidence);
            if (Text(action, path, "text", required: true, MaxActionTextLength) is { } english)
            {
                var key = Whitespace().Replace(english.Trim(), " ");
                if (!textPaths.TryAdd(key, path))
                {
                    Problem($"{path}.text.en", $"the same English text as {textPaths[key]}; each action says something different.");
                }
            }
            EnumValue<ActionType>(action, path, "type");
            EnumValue<Effort>(action, path, "effort");
            if (action["horizonMonths"] is not JsonValue horizon || !horizon.TryGetValue<int>(out var months))
            {
                Problem($"{path}.horizonMonths", $"required: a whole number of months from 1 to {MaxHorizonMonths}.");
            }
            else if (months is < 1 or > MaxHorizonMonths)
            {
                Problem($"{path}.horizonMonths", $"{months} months is outside 1 to {MaxHorizonMonths}.");
            }
            if (RequiredArray(action, path, "capacities") is { } capacities)
            {
                if (capacities.Count is 0 or > MaxCapacities)
                {
                    Problem($"{path}.capacities", $"name 1 to {MaxCapacities} capacities the action needs; this one has {capacities.Count}.");
                }
                for (var i = 0; i < capacities.Count; i++)
                {
                    TextNode(capacities[i], $"{path}.capacities[{i}]", MaxCapacityLength);
                }
            }
            return Contexts(action, path);
        }

        private void Code(JsonObject action, string path, string? expected, bool isEvidence)
        {
            if (RequiredString(action, path, "code") is not { } code)
            {
                return;
            }
            if (expected is not null && code != expected)
            {
                Problem($"{path}.code", isEvidence
                    ? $"'{code}' should be '{expected}': evidence-first codes are EV- and a letter, a, b, c, d in order."
                    : $"'{code}' should be '{expected}': the mechanism, a hyphen, the step's from-level and a letter, a, b, c, d in order.");
            }
            else if (expected is null && !ActionCodePattern().IsMatch(code))
            {
                Problem($"{path}.code", $"'{code}' is not an action code such as \"DS.1-2b\".");
            }
            if (!codePaths.TryAdd(code, path))
            {
                Problem($"{path}.code", $"duplicate code '{code}' (also at {codePaths[code]}).");
            }
        }

        private Dictionary<PlanningContext, ContextFit>? Contexts(JsonObject action, string actionPath)
        {
            if (RequiredArray(action, actionPath, "contexts") is not { } contexts)
            {
                return null;
            }
            if (contexts.Count is 0 or > MaxContexts)
            {
                Problem($"{actionPath}.contexts", $"say how the action changes in 1 to {MaxContexts} contexts; this one has {contexts.Count}.");
            }
            var fits = new Dictionary<PlanningContext, ContextFit>();
            var paths = new Dictionary<PlanningContext, string>();
            for (var i = 0; i < contexts.Count; i++)
            {
                var path = $"{actionPath}.contexts[{i}]";
                if (Object(contexts[i], path, ["context", "fit", "note"]) is not { } entry)
                {
                    continue;
                }
                var context = EnumValue<PlanningContext>(entry, path, "context");
                var fit = EnumValue<ContextFit>(entry, path, "fit");
                Text(entry, path, "note", required: true, MaxNoteLength);
                if (context is not { } known)
                {
                    continue;
                }
                if (!paths.TryAdd(known, path))
                {
                    Problem($"{path}.context", $"the context '{known}' appears twice in this action (also at {paths[known]}); give one note per context.");
                }
                else if (fit is { } given)
                {
                    fits[known] = given;
                }
            }
            return fits;
        }

        private T? EnumValue<T>(JsonObject parent, string path, string name) where T : struct, Enum
        {
            if (RequiredString(parent, path, name) is not { } text)
            {
                return null;
            }
            // Names only: Enum.TryParse would also take "3" or "low".
            if (Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
            {
                return Enum.Parse<T>(text);
            }
            Problem($"{path}.{name}", $"unknown {name} '{text}'; allowed: {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        }

        /// <summary>Checks a text property; returns its English when it is valid.</summary>
        private string? Text(JsonObject parent, string path, string name, bool required, int maxLength = int.MaxValue)
        {
            if (!parent.ContainsKey(name))
            {
                if (required)
                {
                    Problem($"{path}.{name}", "required: a text in English (\"en\"), with French (\"fr\") and Arabic (\"ar\") where translated.");
                }
                return null;
            }
            return TextNode(parent[name], $"{path}.{name}", maxLength);
        }

        /// <summary>A text by language: English required, French and Arabic optional (they fall back to English).</summary>
        private string? TextNode(JsonNode? node, string path, int maxLength)
        {
            if (node is not JsonObject text)
            {
                Problem(path, "must be a text by language, e.g. {\"en\": \"...\", \"fr\": \"...\", \"ar\": \"...\"}.");
                return null;
            }
            var valid = true;
            foreach (var (language, value) in text)
            {
                if (!Cultures.Supported.Contains(language, StringComparer.Ordinal))
                {
                    Problem($"{path}.{language}", $"unknown language '{language}'; allowed: {string.Join(", ", Cultures.Supported)}.");
                    valid = false;
                }
                else if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out _))
                {
                    Problem($"{path}.{language}", "must be a text.");
                    valid = false;
                }
            }
            if (text["en"] is not JsonValue en || !en.TryGetValue<string>(out var english) || string.IsNullOrWhiteSpace(english))
            {
                Problem($"{path}.en", "the English text is required.");
                return null;
            }
            if (english.Length > maxLength)
            {
                Problem($"{path}.en", string.Create(CultureInfo.InvariantCulture, $"{english.Length} characters; keep it to {maxLength}."));
                return null;
            }
            return valid ? english : null;
        }
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pathway.BrowserTests;

/// <summary>
/// Text a page shows without translating it: a localizer key shown as itself (a missing string, "Resources.Title"),
/// an enum value's name ("ImplementationAndReview"), or, in French and Arabic, an English interface string written
/// into the page instead of read from the localizer. Only strings of four words or more count as English interface
/// text, so a shared word (a name, "Description") or a content editor's English text is not taken for one. Codes a
/// person types ("Regulation") belong in <c>code</c> or under <c>translate="no"</c>, which the survey leaves out.
/// </summary>
internal static partial class Untranslated
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Strings = new(Load);

    public static IEnumerable<string> Find(string text, string language)
    {
        var english = Strings.Value["en"];
        var kept = Kept.Value[language];
        foreach (var match in KeyShaped().Matches(text).Concat(PascalCase().Matches(text)).Select(match => match.Value).Distinct())
        {
            if (!kept.Contains(match))
            {
                yield return match;
            }
        }
        if (language == "en")
        {
            yield break;
        }
        var translated = Strings.Value[language];
        foreach (var (key, value) in english)
        {
            foreach (var literal in Placeholder().Split(value))
            {
                var phrase = literal.Trim();
                if (phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4
                    && translated.GetValueOrDefault(key) is { } own && !own.Contains(phrase, StringComparison.Ordinal)
                    && text.Contains(phrase, StringComparison.Ordinal))
                {
                    yield return phrase;
                }
            }
        }
    }

    // Codes a translation writes on purpose (the open data dictionary names the values "DontKnow", "NotApplicable").
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Kept = new(() => Strings.Value.ToDictionary(
        pair => pair.Key,
        pair => pair.Value.Values.SelectMany(value => KeyShaped().Matches(value).Concat(PascalCase().Matches(value)))
            .Select(match => match.Value).ToHashSet(StringComparer.Ordinal)));

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Pathway.Web", "Resources");
        return new()
        {
            ["en"] = Read(Path.Combine(folder, "SharedResource.resx")),
            ["fr"] = Read(Path.Combine(folder, "SharedResource.fr.resx")),
            ["ar"] = Read(Path.Combine(folder, "SharedResource.ar.resx")),
        };
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);

    // "Connector.Title", "Moderation.InReview": a key the localizer did not find comes back as itself.
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]+(?:\.[A-Z][A-Za-z0-9]+)+\b")]
    private static partial Regex KeyShaped();

    // "JointRiskAssessment", "MinistryOfHealth": an enum written with ToString().
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}

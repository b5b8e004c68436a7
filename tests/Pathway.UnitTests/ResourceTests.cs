using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pathway.UnitTests;

/// <summary>The interface texts: SharedResource.resx (English) and its French and Arabic translations.</summary>
public partial class ResourceTests
{
    private const string Folder = "src/Pathway.Web/Resources";

    private static Dictionary<string, string> Load(string file)
    {
        var document = XDocument.Load(RepoFiles.PathOf($"{Folder}/{file}"));
        var entries = document.Root!.Elements("data")
            .Select(data => (Name: (string)data.Attribute("name")!, Value: (string?)data.Element("value") ?? ""))
            .ToList();
        var duplicates = entries.GroupBy(entry => entry.Name).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{file} defines {string.Join(", ", duplicates)} more than once.");
        return entries.ToDictionary(entry => entry.Name, entry => entry.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> English() => Load("SharedResource.resx");

    [Fact]
    public void The_English_resources_have_texts()
    {
        var english = English();

        Assert.NotEmpty(english);
        Assert.All(english, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{entry.Key} is empty in English."));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Every_English_key_is_translated_and_no_translation_lacks_an_English_key(string language)
    {
        var english = English();
        var translated = Load($"SharedResource.{language}.resx");

        var untranslated = english.Keys.Where(key => !translated.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        var extra = translated.Keys.Except(english.Keys).ToList();

        Assert.True(untranslated.Count == 0, $"Missing or empty in {language}: {string.Join(", ", untranslated)}");
        Assert.True(extra.Count == 0, $"In {language} but not in English: {string.Join(", ", extra)}");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Translations_use_the_same_placeholders_as_English(string language)
    {
        var translated = Load($"SharedResource.{language}.resx");

        var mismatches = English()
            .Where(entry => translated.ContainsKey(entry.Key))
            .Where(entry => !Placeholders(entry.Value).SetEquals(Placeholders(translated[entry.Key])))
            .Select(entry => $"{entry.Key}: \"{entry.Value}\" vs \"{translated[entry.Key]}\"")
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Arabic_texts_are_written_in_Arabic_script_unless_they_are_only_codes()
    {
        var notArabic = Load("SharedResource.ar.resx")
            .Where(entry => !ArabicLetter().IsMatch(entry.Value) && !OnlyCodesAndPlaceholders().IsMatch(entry.Value))
            .Select(entry => $"{entry.Key}: \"{entry.Value}\"")
            .ToList();

        Assert.True(notArabic.Count == 0, $"Not translated into Arabic:\n{string.Join("\n", notArabic)}");
    }

    [Fact]
    public void The_placeholder_check_sees_formats_and_order()
    {
        Assert.True(Placeholders("{1} of {0:N0}").SetEquals(["{0:N0}", "{1}"]));
        Assert.False(Placeholders("{0}").SetEquals(Placeholders("{0} {1}")));
        Assert.Matches(OnlyCodesAndPlaceholders(), "{0} / ISO3");
        Assert.DoesNotMatch(OnlyCodesAndPlaceholders(), "Save");
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(match => match.Value)];

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")]
    private static partial Regex ArabicLetter();

    /// <summary>Placeholders, upper-case codes (ISO3, WHO, AFR), digits and punctuation only.</summary>
    [GeneratedRegex(@"^(?:\{\d+(?:,-?\d+)?(?::[^}]*)?\}|[A-Z0-9]|[\s\p{P}\p{S}])*$")]
    private static partial Regex OnlyCodesAndPlaceholders();
}

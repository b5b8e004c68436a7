using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pathway.Web.Localization;

/// <summary>
/// Content text held per language (framework names, descriptors, country names). English is
/// required; a missing or empty translation falls back to English, so partial translations work.
/// Stored as one JSON column, so adding a language later needs no schema change.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    private readonly SortedDictionary<string, string> values;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values)
    {
        this.values = new(StringComparer.Ordinal);
        foreach (var (language, text) in values)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                this.values[language] = text;
            }
        }
    }

    public static LocalizedText English(string text) => new([new("en", text)]);

    /// <summary>A text in the three interface languages (demonstration and test content).</summary>
    public static LocalizedText Of(string en, string fr, string ar) => new([new("en", en), new("fr", fr), new("ar", ar)]);

    public IReadOnlyDictionary<string, string> Values => values;

    public string En => values.GetValueOrDefault("en", "");

    /// <summary>The text in the given language, else English.</summary>
    public string In(string language) =>
        values.TryGetValue(language, out var text) ? text : En;

    /// <summary>The text in the current UI culture's language, else English.</summary>
    public string Current => In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public bool Has(string language) => values.ContainsKey(language);

    /// <summary>The language <see cref="Current"/> is written in: the reader's, or "en" when it falls back (for a <c>lang</c> attribute).</summary>
    public string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var language && values.ContainsKey(language) ? language : "en";

    public override string ToString() => Current;

    public string ToJson() => JsonSerializer.Serialize(values);

    public static LocalizedText FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);

    public bool Equals(LocalizedText? other) =>
        other is not null && values.Count == other.values.Count
        && values.All(pair => other.values.TryGetValue(pair.Key, out var text) && text == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode() => En.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Reads and writes a text as <c>{"en": "...", "fr": "...", "ar": "..."}</c>.</summary>
public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        // Interface languages first, in their usual order (en, fr, ar), then any others.
        foreach (var (language, text) in value.Values.OrderBy(pair => Array.IndexOf(Cultures.Supported, pair.Key) is var i and >= 0 ? i : int.MaxValue)
                     .ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(language, text);
        }
        writer.WriteEndObject();
    }
}

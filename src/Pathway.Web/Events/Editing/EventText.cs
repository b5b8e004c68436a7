using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Editing;

/// <summary>
/// The small checks the events' inputs share: a text per language (English required), web addresses, enumeration
/// names and code lists. Errors are keyed by the input's field names, in the reader's language.
/// </summary>
internal static class EventText
{
    public const int TitleLength = 300;
    public const int MarkdownLength = 20_000;
    public const int ThemeLength = 200;
    public const int MessageLength = 4_000;

    private static readonly char[] ListSeparators = [',', ';', '\n'];

    /// <summary>A text per language from three fields named <c>{prefix}En</c>, <c>{prefix}Fr</c>, <c>{prefix}Ar</c>.</summary>
    public static LocalizedText? Localized(
        string prefix, string? en, string? fr, string? ar, bool required, int maxLength, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var (text, language, field) in new[] { (en, "en", prefix + "En"), (fr, "fr", prefix + "Fr"), (ar, "ar", prefix + "Ar") })
        {
            if (FieldText.Check(text, field, maxLength, required: false, l, errors) is { } value)
            {
                values.Add(new(language, value));
            }
        }
        if (string.IsNullOrWhiteSpace(en))
        {
            if (required || !string.IsNullOrWhiteSpace(fr) || !string.IsNullOrWhiteSpace(ar))
            {
                errors[prefix + "En"] = [l["Event.Error.EnglishRequired"]];
            }
            return null;
        }
        return values.Count == 0 ? null : new LocalizedText(values);
    }

    /// <summary>An absolute http or https address, or null when none is given; anything else is an error under <paramref name="field"/>.</summary>
    public static string? Url(string? text, string field, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var url = text?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || TextRules.HasRefused(url))
        {
            errors[field] = [l["Event.Error.Url"]];
            return null;
        }
        if (uri.AbsoluteUri.Length > Event.UrlLength)
        {
            errors[field] = [l["Connector.Error.TooLong", Event.UrlLength, uri.AbsoluteUri.Length]];
            return null;
        }
        return uri.AbsoluteUri;
    }

    /// <summary>An enumeration value by its exact name (any case); empty and unknown names are an error listing the allowed ones.</summary>
    public static T? Name<T>(string? text, string field, IStringLocalizer l, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (ResourceInput.ParseName<T>(text) is { } value)
        {
            return value;
        }
        errors[field] = [l["Event.Error.OneOf", string.Join(", ", Enum.GetNames<T>())]];
        return null;
    }

    public static string[] Split(string? text) =>
        (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Codes of one facet, each checked against the vocabulary; the first unknown one is named.</summary>
    public static void Tags(
        TagFacet facet, string? text, string field, Func<string, string?> canonical, List<ContentTag> tags,
        IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in Split(text))
        {
            if (FieldText.Check(value, field, ContentTag.ValueLength, required: false, l, errors) is null)
            {
                return;
            }
            if (canonical(value) is not { } known)
            {
                errors[field] = [l[$"Resource.Error.Unknown{facet}", value]];
                return;
            }
            if (seen.Add(known))
            {
                tags.Add(new ContentTag(facet, known));
            }
        }
    }

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}

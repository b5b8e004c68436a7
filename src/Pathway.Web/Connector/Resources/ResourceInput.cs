using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Resources;

/// <summary>A resource's fields once checked: what is stored.</summary>
public sealed record ResourceDraft(
    LocalizedText Title,
    LocalizedText Summary,
    ResourceType Type,
    IReadOnlyList<string> Languages,
    int Year,
    int? PublisherId,
    string? PublisherName,
    string? Url,
    string? Licence,
    IReadOnlyList<ContentTag> Tags);

/// <summary>
/// What a person sends to create or change a resource: the page's form, the API's body and a row of a CSV import all
/// become this, and it checks itself (<see cref="Check"/>), naming each field that is wrong. Lists (languages, tags)
/// travel as codes separated by commas or semicolons, the same in a form, a JSON body and a CSV cell.
/// </summary>
public sealed class ResourceInput
{
    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleAr { get; set; }

    /// <summary>Markdown.</summary>
    public string? SummaryEn { get; set; }
    public string? SummaryFr { get; set; }
    public string? SummaryAr { get; set; }

    /// <summary>A <see cref="ResourceType"/> name.</summary>
    public string? Type { get; set; }

    /// <summary>Language codes (en, fr, ar, es, ru, zh…).</summary>
    public string? Languages { get; set; }

    public int? Year { get; set; }

    /// <summary>An organisation of the directory; or <see cref="PublisherName"/> as free text.</summary>
    public int? PublisherId { get; set; }
    public string? PublisherName { get; set; }

    /// <summary>An absolute http or https address; a resource has a link, a file, or both.</summary>
    public string? Url { get; set; }

    public string? Licence { get; set; }

    /// <summary>Behaviour codes of the framework (DS, AS…).</summary>
    public string? Behaviours { get; set; }

    /// <summary>Mechanism codes of the framework (DS.1…).</summary>
    public string? Mechanisms { get; set; }

    /// <summary><see cref="Framework.InstrumentCategory"/> names.</summary>
    public string? Instruments { get; set; }

    /// <summary>ISO3 codes of Member States.</summary>
    public string? Countries { get; set; }

    /// <summary>WHO region codes.</summary>
    public string? Regions { get; set; }

    public string? FlagshipAreas { get; set; }
    public string? Topics { get; set; }

    /// <summary>The version the caller last saw (for an update); 0 or absent skips the check.</summary>
    public int Version { get; set; }

    /// <summary>Separators of list fields.</summary>
    private static readonly char[] ListSeparators = [',', ';'];

    /// <summary>
    /// Checks every field at once: the stored values, or null with the errors keyed by this class's property names
    /// in the reader's language. <paramref name="hasFile"/>: a file is (or will be) attached, so a link is optional.
    /// </summary>
    public ResourceDraft? Check(TagVocabulary vocabulary, int thisYear, bool hasFile, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var title = Localized(errors, l, nameof(TitleEn), (TitleEn, "en", nameof(TitleEn)), (TitleFr, "fr", nameof(TitleFr)), (TitleAr, "ar", nameof(TitleAr)), Resource.TitleLength);
        var summary = Localized(errors, l, nameof(SummaryEn), (SummaryEn, "en", nameof(SummaryEn)), (SummaryFr, "fr", nameof(SummaryFr)), (SummaryAr, "ar", nameof(SummaryAr)), Resource.SummaryLength);

        var type = ParseName<ResourceType>(Type);
        if (type is null)
        {
            errors[nameof(Type)] = [l["Resource.Error.Type", string.Join(", ", Enum.GetNames<ResourceType>())]];
        }

        var languages = Split(Languages).Select(code => code.ToLowerInvariant()).Distinct().ToList();
        if (languages.Count == 0)
        {
            errors[nameof(Languages)] = [l["Resource.Error.LanguagesRequired"]];
        }
        else if (languages.FirstOrDefault(code => !IsLanguage(code)) is { } unknown)
        {
            errors[nameof(Languages)] = [l["Resource.Error.Language", unknown]];
        }
        else if (LanguageList.Format(languages).Length > Resource.LanguagesLength)
        {
            errors[nameof(Languages)] = [l["Resource.Error.TooMany"]];
        }

        if (Year is not { } year || year < 1900 || year > thisYear + 1)
        {
            errors[nameof(Year)] = [l["Resource.Error.Year", 1900, thisYear + 1]];
        }

        var publisherName = Text(PublisherName, nameof(PublisherName), Resource.PublisherNameLength, errors, l);
        var licence = Text(Licence, nameof(Licence), Resource.LicenceLength, errors, l);
        var url = CheckUrl(hasFile, errors, l);

        var tags = new List<ContentTag>();
        CheckTags(TagFacet.Behaviour, Behaviours, nameof(Behaviours), code => vocabulary.Behaviour(code), tags, errors, l);
        CheckTags(TagFacet.Mechanism, Mechanisms, nameof(Mechanisms), code => vocabulary.Mechanism(code), tags, errors, l);
        CheckTags(TagFacet.Instrument, Instruments, nameof(Instruments), TagVocabulary.Instrument, tags, errors, l);
        CheckTags(TagFacet.Country, Countries, nameof(Countries), code => vocabulary.Country(code), tags, errors, l);
        CheckTags(TagFacet.Region, Regions, nameof(Regions), code => vocabulary.Region(code), tags, errors, l);
        CheckTags(TagFacet.FlagshipArea, FlagshipAreas, nameof(FlagshipAreas), TagVocabulary.FreeText, tags, errors, l);
        CheckTags(TagFacet.Topic, Topics, nameof(Topics), TagVocabulary.FreeText, tags, errors, l);
        if (tags.Count > Resource.MaxTags)
        {
            errors[nameof(Topics)] = [l["Resource.Error.TooManyTags", Resource.MaxTags]];
        }

        return errors.Count == 0
            ? new ResourceDraft(title!, summary!, type!.Value, languages, Year!.Value, PublisherId, publisherName, url, licence, tags)
            : null;
    }

    /// <summary>The input showing a stored resource (for the edit form).</summary>
    public static ResourceInput From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        string? Tags(TagFacet facet) =>
            string.Join(", ", resource.Tags.Where(tag => tag.Facet == facet).Select(tag => tag.Value)) is { Length: > 0 } joined ? joined : null;
        return new ResourceInput
        {
            TitleEn = resource.Title.En,
            TitleFr = resource.Title.Values.GetValueOrDefault("fr"),
            TitleAr = resource.Title.Values.GetValueOrDefault("ar"),
            SummaryEn = resource.Summary.En,
            SummaryFr = resource.Summary.Values.GetValueOrDefault("fr"),
            SummaryAr = resource.Summary.Values.GetValueOrDefault("ar"),
            Type = resource.Type.ToString(),
            Languages = string.Join(", ", resource.Languages),
            Year = resource.Year,
            PublisherId = resource.PublisherId,
            PublisherName = resource.PublisherName,
            Url = resource.Url,
            Licence = resource.Licence,
            Behaviours = Tags(TagFacet.Behaviour),
            Mechanisms = Tags(TagFacet.Mechanism),
            Instruments = Tags(TagFacet.Instrument),
            Countries = Tags(TagFacet.Country),
            Regions = Tags(TagFacet.Region),
            FlagshipAreas = Tags(TagFacet.FlagshipArea),
            Topics = Tags(TagFacet.Topic),
            Version = resource.Version,
        };
    }

    /// <summary>Whether a code names a language people write in (ISO 639-1, or 639-2 where there is no two-letter code).</summary>
    public static bool IsLanguage(string code) => KnownLanguages.Contains(code);

    private static readonly HashSet<string> KnownLanguages = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(culture => culture.TwoLetterISOLanguageName)
        .Where(code => code.Length is 2 or 3 && code != "iv")
        .ToHashSet(StringComparer.Ordinal);

    private static LocalizedText? Localized(
        Dictionary<string, string[]> errors, IStringLocalizer l, string englishField,
        (string? Text, string Language, string Field) english, (string? Text, string Language, string Field) french,
        (string? Text, string Language, string Field) arabic, int maxLength)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var (text, language, field) in new[] { english, french, arabic })
        {
            if (Text(text, field, maxLength, errors, l) is { } value)
            {
                values.Add(new(language, value));
            }
        }
        if (string.IsNullOrWhiteSpace(english.Text))
        {
            errors[englishField] = [l["Resource.Error.EnglishRequired"]];
            return null;
        }
        return new LocalizedText(values);
    }

    private static string? Text(string? text, string field, int maxLength, Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (TextRules.HasRefused(trimmed))
        {
            errors[field] = [l["Resource.Error.Control"]];
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors[field] = [l["Resource.Error.Length", maxLength, trimmed.Length]];
            return null;
        }
        return trimmed;
    }

    private string? CheckUrl(bool hasFile, Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        var url = Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            if (!hasFile)
            {
                errors[nameof(Url)] = [l["Resource.Error.LinkOrFile"]];
            }
            return null;
        }
        // Only absolute web addresses: javascript:, data:, file: and relative paths are refused.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || TextRules.HasRefused(url))
        {
            errors[nameof(Url)] = [l["Evidence.Error.UrlInvalid"]];
            return null;
        }
        if (uri.AbsoluteUri.Length > Resource.UrlLength)
        {
            errors[nameof(Url)] = [l["Evidence.Error.UrlLength", Resource.UrlLength]];
            return null;
        }
        return uri.AbsoluteUri;
    }

    private static void CheckTags(
        TagFacet facet, string? text, string field, Func<string, string?> canonical, List<ContentTag> tags,
        Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in Split(text))
        {
            if (TextRules.HasRefused(value))
            {
                errors[field] = [l["Resource.Error.Control"]];
                return;
            }
            if (value.Length > ContentTag.ValueLength)
            {
                errors[field] = [l["Resource.Error.Length", ContentTag.ValueLength, value.Length]];
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

    private static string[] Split(string? text) =>
        (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An enumeration value by its exact name (any case); numbers and unknown names are refused.</summary>
    internal static T? ParseName<T>(string? text)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(value => string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase));
    }
}

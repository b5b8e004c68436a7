using System.Net.Mail;
using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>A source as the API and the form send it: a title, with a link (http or https) and/or a citation.</summary>
public sealed class CaseStudySourceInput
{
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Citation { get; set; }
}

/// <summary>A contact person as the API and the form send it.</summary>
public sealed class CaseStudyContactInput
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
}

/// <summary>A case study's fields once checked: trimmed, parsed, within their limits.</summary>
public sealed record CaseStudyFields(
    string CountryIso3, int FromYear, int? ToYear,
    LocalizedText Title, LocalizedText Problem, LocalizedText WhatWasDone, LocalizedText Results, LocalizedText Lessons, LocalizedText DoneDifferently,
    IReadOnlyList<string> Mechanisms, IReadOnlyList<InstrumentCategory> Instruments, Guid? PartnershipId,
    IReadOnlyList<CaseStudySourceInput> Sources, IReadOnlyList<CaseStudyContactInput> Contacts);

/// <summary>
/// A case study as the API body and the page's form send it. Bodies are Markdown per language (en, fr, ar),
/// English required for the title, the problem and what was done. Every rule is checked here, once, for the
/// page and the API alike; the errors are keyed by property name (a language's own as <c>Title.fr</c>).
/// </summary>
public sealed class CaseStudyInput
{
    public const int MaxMechanisms = 20;
    public const int MaxSources = 20;
    public const int MaxContacts = 10;
    public const int FirstYear = 1950;

    public string? CountryIso3 { get; set; }
    public int? FromYear { get; set; }

    /// <summary>Empty while the work goes on.</summary>
    public int? ToYear { get; set; }

    public LocalizedText? Title { get; set; }
    public LocalizedText? Problem { get; set; }
    public LocalizedText? WhatWasDone { get; set; }
    public LocalizedText? Results { get; set; }
    public LocalizedText? Lessons { get; set; }
    public LocalizedText? DoneDifferently { get; set; }

    /// <summary>Framework mechanism codes the work served (e.g. DS.1); at least one.</summary>
    public List<string>? Mechanisms { get; set; }

    /// <summary>Instrument categories used (PolicyAndStrategy, Legislation, Regulation, ...).</summary>
    public List<string>? Instruments { get; set; }

    public Guid? PartnershipId { get; set; }
    public List<CaseStudySourceInput>? Sources { get; set; }
    public List<CaseStudyContactInput>? Contacts { get; set; }

    /// <summary>Only when creating from a plan: the round and the done plan item the case study is proposed from.</summary>
    public Guid? SourceAssessmentId { get; set; }

    /// <summary>Only when creating from a plan: the plan item (status Done) of <see cref="SourceAssessmentId"/>.</summary>
    public Guid? SourceActionItemId { get; set; }

    /// <summary>When changing one: the version the caller saw. A stale version is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>Every field at once; the checked fields, or null with the errors in the reader's language.</summary>
    public CaseStudyFields? Check(IReadOnlySet<string> mechanismCodes, int currentYear, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(mechanismCodes);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var country = Trimmed(CountryIso3)?.ToUpperInvariant();
        if (country is null || country.Length != 3 || !country.All(char.IsAsciiLetterUpper))
        {
            errors[nameof(CountryIso3)] = [l["CaseStudy.Error.Country"]];
        }
        if (FromYear is not { } from || from < FirstYear || from > currentYear)
        {
            errors[nameof(FromYear)] = [l["CaseStudy.Error.Year", FirstYear, currentYear]];
        }
        else if (ToYear is { } to && (to < from || to > currentYear))
        {
            errors[nameof(ToYear)] = [l["CaseStudy.Error.ToYear", from, currentYear]];
        }

        var title = Text(nameof(Title), Title, required: true, CaseStudy.TitleLength, errors, l);
        var problem = Text(nameof(Problem), Problem, required: true, RichText.MaxLength, errors, l);
        var done = Text(nameof(WhatWasDone), WhatWasDone, required: true, RichText.MaxLength, errors, l);
        var results = Text(nameof(Results), Results, required: false, RichText.MaxLength, errors, l);
        var lessons = Text(nameof(Lessons), Lessons, required: false, RichText.MaxLength, errors, l);
        var differently = Text(nameof(DoneDifferently), DoneDifferently, required: false, RichText.MaxLength, errors, l);

        var mechanisms = (Mechanisms ?? []).Select(Trimmed).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (mechanisms.Count == 0)
        {
            errors[nameof(Mechanisms)] = [l["CaseStudy.Error.MechanismRequired"]];
        }
        else if (mechanisms.Count > MaxMechanisms)
        {
            errors[nameof(Mechanisms)] = [l["CaseStudy.Error.TooMany", MaxMechanisms]];
        }
        else if (mechanisms.FirstOrDefault(code => !mechanismCodes.Contains(code)) is { } unknown)
        {
            errors[nameof(Mechanisms)] = [l["CaseStudy.Error.Mechanism", unknown]];
        }

        var instruments = new List<InstrumentCategory>();
        foreach (var name in (Instruments ?? []).Select(Trimmed).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (Enum.TryParse<InstrumentCategory>(name, ignoreCase: false, out var instrument) && Enum.IsDefined(instrument) && !int.TryParse(name, out _))
            {
                instruments.Add(instrument);
            }
            else
            {
                errors[nameof(Instruments)] = [l["CaseStudy.Error.Instrument", string.Join(", ", Enum.GetNames<InstrumentCategory>())]];
            }
        }

        var sources = CheckSources(errors, l);
        var contacts = CheckContacts(errors, l);
        if (errors.Count > 0)
        {
            return null;
        }
        return new CaseStudyFields(country!, FromYear!.Value, ToYear, title, problem, done, results, lessons, differently,
            mechanisms, instruments, PartnershipId, sources, contacts);
    }

    private List<CaseStudySourceInput> CheckSources(Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        var sources = (Sources ?? [])
            .Select(source => new CaseStudySourceInput { Title = Trimmed(source.Title), Link = Trimmed(source.Link), Citation = Trimmed(source.Citation) })
            .Where(source => source.Title is not null || source.Link is not null || source.Citation is not null)
            .ToList();
        if (sources.Count > MaxSources)
        {
            errors[nameof(Sources)] = [l["CaseStudy.Error.TooMany", MaxSources]];
            return [];
        }
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var field = $"{nameof(Sources)}[{i}]";
            if (source.Title is null)
            {
                errors[$"{field}.{nameof(CaseStudySourceInput.Title)}"] = [l["CaseStudy.Error.SourceTitle"]];
            }
            Length(errors, $"{field}.{nameof(CaseStudySourceInput.Title)}", source.Title, CaseStudySource.TitleLength, l);
            if (source.Link is null && source.Citation is null)
            {
                errors[$"{field}.{nameof(CaseStudySourceInput.Link)}"] = [l["CaseStudy.Error.SourceLinkOrCitation"]];
            }
            if (source.Link is not null && !IsWebLink(source.Link))
            {
                errors[$"{field}.{nameof(CaseStudySourceInput.Link)}"] = [l["CaseStudy.Error.Link"]];
            }
            Length(errors, $"{field}.{nameof(CaseStudySourceInput.Link)}", source.Link, CaseStudySource.LinkLength, l);
            Length(errors, $"{field}.{nameof(CaseStudySourceInput.Citation)}", source.Citation, CaseStudySource.CitationLength, l);
        }
        return sources;
    }

    private List<CaseStudyContactInput> CheckContacts(Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        var contacts = (Contacts ?? [])
            .Select(contact => new CaseStudyContactInput
            {
                Name = Trimmed(contact.Name), Role = Trimmed(contact.Role), Organisation = Trimmed(contact.Organisation), Email = Trimmed(contact.Email),
            })
            .Where(contact => contact.Name is not null || contact.Role is not null || contact.Organisation is not null || contact.Email is not null)
            .ToList();
        if (contacts.Count > MaxContacts)
        {
            errors[nameof(Contacts)] = [l["CaseStudy.Error.TooMany", MaxContacts]];
            return [];
        }
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var field = $"{nameof(Contacts)}[{i}]";
            if (contact.Name is null)
            {
                errors[$"{field}.{nameof(CaseStudyContactInput.Name)}"] = [l["CaseStudy.Error.ContactName"]];
            }
            Length(errors, $"{field}.{nameof(CaseStudyContactInput.Name)}", contact.Name, CaseStudy.NameLength, l);
            Length(errors, $"{field}.{nameof(CaseStudyContactInput.Role)}", contact.Role, CaseStudy.NameLength, l);
            Length(errors, $"{field}.{nameof(CaseStudyContactInput.Organisation)}", contact.Organisation, CaseStudyContact.OrganisationLength, l);
            if (contact.Email is not null && !IsEmail(contact.Email))
            {
                errors[$"{field}.{nameof(CaseStudyContactInput.Email)}"] = [l["CaseStudy.Error.Email"]];
            }
            Length(errors, $"{field}.{nameof(CaseStudyContactInput.Email)}", contact.Email, CaseStudyContact.EmailLength, l);
        }
        return contacts;
    }

    /// <summary>A text per language: only the interface languages, English required where asked, each within its length.</summary>
    private static LocalizedText Text(string field, LocalizedText? text, bool required, int maxLength, Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        var values = (text?.Values ?? new Dictionary<string, string>())
            .Select(pair => (Language: pair.Key, Text: pair.Value.Trim()))
            .Where(pair => pair.Text.Length > 0)
            .ToList();
        if (values.FirstOrDefault(pair => !Cultures.Supported.Contains(pair.Language)) is { Language: { } other })
        {
            errors[field] = [l["CaseStudy.Error.Language", other, string.Join(", ", Cultures.Supported)]];
        }
        if (required && !values.Any(pair => pair.Language == "en"))
        {
            errors[field] = [l["CaseStudy.Error.EnglishRequired"]];
        }
        foreach (var (language, value) in values.Where(pair => pair.Text.Length > maxLength))
        {
            errors[language == "en" ? field : $"{field}.{language}"] = [l["CaseStudy.Error.Length", maxLength]];
        }
        return new LocalizedText(values.Select(pair => KeyValuePair.Create(pair.Language, pair.Text)));
    }

    private static void Length(Dictionary<string, string[]> errors, string field, string? value, int maxLength, IStringLocalizer l)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors[field] = [l["CaseStudy.Error.Length", maxLength]];
        }
    }

    /// <summary>Only web links are kept: a link is shown as a link, so "javascript:" and the like must never be stored.</summary>
    public static bool IsWebLink(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsEmail(string value) =>
        !value.Any(char.IsWhiteSpace) && MailAddress.TryCreate(value, out var address) && address.Address == value;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

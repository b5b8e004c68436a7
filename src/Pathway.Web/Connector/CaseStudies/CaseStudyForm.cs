using System.Globalization;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>
/// The case study page's form as posted: plain field names (<c>title.fr</c>, <c>mechanism</c> once per ticked box,
/// <c>source.2.link</c>), read straight from the request, turned into the <see cref="CaseStudyInput"/> the API
/// takes too, so both are checked by the same rules.
/// </summary>
public sealed class CaseStudyForm
{
    public static readonly string[] Bodies = ["Title", "Problem", "WhatWasDone", "Results", "Lessons", "DoneDifferently"];

    public string? CountryIso3 { get; set; }
    public string? FromYear { get; set; }
    public string? ToYear { get; set; }
    public string? PartnershipId { get; set; }
    public string? SourceAssessmentId { get; set; }
    public string? SourceActionItemId { get; set; }
    public int Version { get; set; }

    /// <summary>Body → language → text.</summary>
    public Dictionary<string, Dictionary<string, string>> Texts { get; } = Bodies.ToDictionary(body => body, _ => new Dictionary<string, string>());

    public HashSet<string> Mechanisms { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Instruments { get; } = new(StringComparer.Ordinal);
    public List<CaseStudySourceInput> Sources { get; } = [];
    public List<CaseStudyContactInput> Contacts { get; } = [];

    public string Text(string body, string language) => Texts[body].GetValueOrDefault(language, "");

    public static CaseStudyForm From(CaseStudyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var form = new CaseStudyForm
        {
            CountryIso3 = input.CountryIso3,
            FromYear = input.FromYear?.ToString(CultureInfo.InvariantCulture),
            ToYear = input.ToYear?.ToString(CultureInfo.InvariantCulture),
            PartnershipId = input.PartnershipId?.ToString(),
            SourceAssessmentId = input.SourceAssessmentId?.ToString(),
            SourceActionItemId = input.SourceActionItemId?.ToString(),
            Version = input.Version,
        };
        LocalizedText?[] texts = [input.Title, input.Problem, input.WhatWasDone, input.Results, input.Lessons, input.DoneDifferently];
        for (var i = 0; i < Bodies.Length; i++)
        {
            foreach (var (language, text) in texts[i]?.Values ?? new Dictionary<string, string>())
            {
                form.Texts[Bodies[i]][language] = text;
            }
        }
        form.Mechanisms.UnionWith(input.Mechanisms ?? []);
        form.Instruments.UnionWith(input.Instruments ?? []);
        form.Sources.AddRange(input.Sources ?? []);
        form.Contacts.AddRange(input.Contacts ?? []);
        return form;
    }

    public static CaseStudyForm From(CaseStudyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return From(new CaseStudyInput
        {
            CountryIso3 = view.CountryIso3, FromYear = view.FromYear, ToYear = view.ToYear, Title = view.Title, Problem = view.Problem,
            WhatWasDone = view.WhatWasDone, Results = view.Results, Lessons = view.Lessons, DoneDifferently = view.DoneDifferently,
            Mechanisms = [.. view.Mechanisms], Instruments = [.. view.Instruments], PartnershipId = view.PartnershipId,
            Sources = [.. view.Sources.Select(s => new CaseStudySourceInput { Title = s.Title, Link = s.Link, Citation = s.Citation })],
            Contacts = [.. (view.Contacts ?? []).Select(c => new CaseStudyContactInput { Name = c.Name, Role = c.Role, Organisation = c.Organisation, Email = c.Email })],
            Version = view.Version,
        });
    }

    /// <summary>The posted fields; rows of sources and contacts left empty are dropped by the input's check.</summary>
    public static CaseStudyForm From(IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        string? Value(string name) => posted.TryGetValue(name, out var values) ? values.ToString() : null;
        var form = new CaseStudyForm
        {
            CountryIso3 = Value("countryIso3"),
            FromYear = Value("fromYear"),
            ToYear = Value("toYear"),
            PartnershipId = Value("partnershipId"),
            SourceAssessmentId = Value("sourceAssessmentId"),
            SourceActionItemId = Value("sourceActionItemId"),
            Version = int.TryParse(Value("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0,
        };
        foreach (var body in Bodies)
        {
            foreach (var language in Cultures.Supported)
            {
                if (Value($"{body}.{language}") is { Length: > 0 } text)
                {
                    form.Texts[body][language] = text;
                }
            }
        }
        form.Mechanisms.UnionWith(posted["mechanism"].OfType<string>());
        form.Instruments.UnionWith(posted["instrument"].OfType<string>());
        for (var i = 0; i < CaseStudyInput.MaxSources + 5 && posted.ContainsKey($"source.{i}.title"); i++)
        {
            form.Sources.Add(new CaseStudySourceInput { Title = Value($"source.{i}.title"), Link = Value($"source.{i}.link"), Citation = Value($"source.{i}.citation") });
        }
        for (var i = 0; i < CaseStudyInput.MaxContacts + 5 && posted.ContainsKey($"contact.{i}.name"); i++)
        {
            form.Contacts.Add(new CaseStudyContactInput
            {
                Name = Value($"contact.{i}.name"), Role = Value($"contact.{i}.role"), Organisation = Value($"contact.{i}.organisation"), Email = Value($"contact.{i}.email"),
            });
        }
        return form;
    }

    /// <summary>The input the API would send; a year or id that does not parse is kept as an error.</summary>
    public CaseStudyInput ToInput(Dictionary<string, string[]> errors, string yearError)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int? Year(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return year;
            }
            errors[field] = [yearError];
            return null;
        }
        LocalizedText Localized(string body) => new(Texts[body]);
        Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;
        return new CaseStudyInput
        {
            CountryIso3 = CountryIso3,
            FromYear = Year(FromYear, nameof(CaseStudyInput.FromYear)),
            ToYear = Year(ToYear, nameof(CaseStudyInput.ToYear)),
            Title = Localized("Title"),
            Problem = Localized("Problem"),
            WhatWasDone = Localized("WhatWasDone"),
            Results = Localized("Results"),
            Lessons = Localized("Lessons"),
            DoneDifferently = Localized("DoneDifferently"),
            Mechanisms = [.. Mechanisms],
            Instruments = [.. Instruments],
            PartnershipId = Id(PartnershipId),
            SourceAssessmentId = Id(SourceAssessmentId),
            SourceActionItemId = Id(SourceActionItemId),
            Sources = [.. Sources],
            Contacts = [.. Contacts],
            Version = Version,
        };
    }
}

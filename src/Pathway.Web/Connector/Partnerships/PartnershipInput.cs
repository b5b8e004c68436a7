using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>What a country team fills in to register or edit a partnership; the page's form and the API's body alike.</summary>
public sealed class PartnershipInput
{
    private List<string> mechanisms = [];
    private List<string> instruments = [];

    /// <summary>The partnership's country (on creation only; a country team's own country when left empty).</summary>
    public string? CountryIso3 { get; set; }

    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleAr { get; set; }
    public string? Description { get; set; }
    public ArrangementType Type { get; set; }
    public string? HealthArea { get; set; }
    public PartnershipSetting Setting { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? Value { get; set; }
    public string? Currency { get; set; }
    public bool IsPublic { get; set; }
    // A form posted without any box ticked binds null: read as none.
    public List<string> Mechanisms { get => mechanisms; set => mechanisms = value ?? []; }

    public List<string> Instruments { get => instruments; set => instruments = value ?? []; }

    /// <summary>The version the edit was made from (ignored on creation): a stale one is refused with 409.</summary>
    public int Version { get; set; }

    public LocalizedText Title => new([new("en", TitleEn?.Trim() ?? ""), new("fr", TitleFr?.Trim() ?? ""), new("ar", TitleAr?.Trim() ?? "")]);

    public string? CurrencyCode => string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant();

    /// <summary>Field errors, keyed by property name; empty when the input can be saved.</summary>
    public Dictionary<string, string[]> Check(IStringLocalizer l, IReadOnlySet<string> mechanismCodes)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(mechanismCodes);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(TitleEn))
        {
            errors[nameof(TitleEn)] = [l["Partnerships.Error.TitleRequired"]];
        }
        foreach (var (field, text) in new[] { (nameof(TitleEn), TitleEn), (nameof(TitleFr), TitleFr), (nameof(TitleAr), TitleAr) })
        {
            if (text?.Trim().Length > Partnership.TitleLength)
            {
                errors[field] = [l["Organisations.Field.Length", Partnership.TitleLength]];
            }
        }
        if (Description?.Length > RichText.MaxLength)
        {
            errors[nameof(Description)] = [l["Organisations.Field.Length", RichText.MaxLength]];
        }
        if (HealthArea?.Trim().Length > Partnership.HealthAreaLength)
        {
            errors[nameof(HealthArea)] = [l["Organisations.Field.Length", Partnership.HealthAreaLength]];
        }
        foreach (var (field, text) in new[] { (nameof(TitleEn), TitleEn), (nameof(TitleFr), TitleFr), (nameof(TitleAr), TitleAr), (nameof(Description), Description), (nameof(HealthArea), HealthArea) })
        {
            if (text is not null && TextRules.IndexOfRefused(text) is var at and >= 0 && !errors.ContainsKey(field))
            {
                errors[field] = [l["Organisations.Field.Character", TextRules.Describe(text[at])]];
            }
        }
        if (!Enum.IsDefined(Type))
        {
            errors[nameof(Type)] = [l["Partnerships.Error.Type"]];
        }
        if (!Enum.IsDefined(Setting))
        {
            errors[nameof(Setting)] = [l["Partnerships.Error.Setting"]];
        }
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors[nameof(EndDate)] = [l["Partnerships.Error.Dates"]];
        }
        if (Value is { } value && (value < 0 || value > Partnership.MaxValue))
        {
            errors[nameof(Value)] = [l["Partnerships.Error.Value", Partnership.MaxValue.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]];
        }
        if (Value is not null && CurrencyCode is null)
        {
            errors[nameof(Currency)] = [l["Partnerships.Error.CurrencyRequired"]];
        }
        else if (CurrencyCode is { } currency && !Currencies.IsKnown(currency))
        {
            errors[nameof(Currency)] = [l["Partnerships.Error.Currency"]];
        }
        var unknown = Mechanisms.Where(code => !mechanismCodes.Contains(code?.Trim() ?? "")).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(Mechanisms)] = [l["Partnerships.Error.Mechanisms", string.Join(", ", unknown.Select(code => TextRules.Truncate(code ?? "", 20)))]];
        }
        if (Instruments.Any(name => !Enum.TryParse<InstrumentCategory>(name, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(name[0])))
        {
            errors[nameof(Instruments)] = [l["Partnerships.Error.Instruments"]];
        }
        return errors;
    }

    /// <summary>The tags the input asks for: distinct mechanisms and instruments.</summary>
    public IEnumerable<(TagFacet Facet, string Value)> TagValues() =>
        Mechanisms.Select(code => code.Trim()).Distinct(StringComparer.Ordinal).Select(code => (TagFacet.Mechanism, code))
            .Concat(Instruments.Distinct(StringComparer.Ordinal).Select(name => (TagFacet.Instrument, name)));

    /// <summary>The form's values for an existing partnership.</summary>
    public static PartnershipInput From(PartnershipView partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return new()
        {
            CountryIso3 = partnership.CountryIso3,
            TitleEn = partnership.Title.En,
            TitleFr = partnership.Title.Values.GetValueOrDefault("fr"),
            TitleAr = partnership.Title.Values.GetValueOrDefault("ar"),
            Description = partnership.Description,
            Type = partnership.Type,
            HealthArea = partnership.HealthArea,
            Setting = partnership.Setting,
            StartDate = partnership.StartDate,
            EndDate = partnership.EndDate,
            Value = partnership.Value,
            Currency = partnership.Currency,
            IsPublic = partnership.IsPublic,
            Mechanisms = [.. partnership.Mechanisms],
            Instruments = [.. partnership.Instruments],
            Version = partnership.Version,
        };
    }
}

/// <summary>A due-diligence check to record.</summary>
public sealed class DueDiligenceInput
{
    public DateOnly? CheckedOn { get; set; }
    public string? CheckedBy { get; set; }
    public string? Scope { get; set; }
    public string? Finding { get; set; }
    public DueDiligenceOutcome Outcome { get; set; }

    public Dictionary<string, string[]> Check(IStringLocalizer l, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>();
        if (CheckedOn is null)
        {
            errors[nameof(CheckedOn)] = [l["Organisations.Field.Required"]];
        }
        else if (CheckedOn > today)
        {
            errors[nameof(CheckedOn)] = [l["Partnerships.Error.Future"]];
        }
        _ = FieldText.Check(CheckedBy, nameof(CheckedBy), DueDiligenceCheck.ByLength, true, l, errors);
        _ = FieldText.Check(Scope, nameof(Scope), DueDiligenceCheck.ScopeLength, true, l, errors);
        _ = FieldText.Check(Finding, nameof(Finding), DueDiligenceCheck.FindingLength, true, l, errors);
        if (!Enum.IsDefined(Outcome))
        {
            errors[nameof(Outcome)] = [l["Partnerships.Error.Outcome"]];
        }
        return errors;
    }
}

/// <summary>A risk to add to the log.</summary>
public sealed class RiskInput
{
    public string? Description { get; set; }
    public int Likelihood { get; set; } = 3;
    public int Impact { get; set; } = 3;
    public string? Mitigation { get; set; }
    public string? Owner { get; set; }
    public DateOnly? ReviewOn { get; set; }

    public Dictionary<string, string[]> Check(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>();
        _ = FieldText.Check(Description, nameof(Description), PartnershipRisk.DescriptionLength, true, l, errors);
        _ = FieldText.Check(Mitigation, nameof(Mitigation), PartnershipRisk.MitigationLength, false, l, errors);
        _ = FieldText.Check(Owner, nameof(Owner), PartnershipRisk.OwnerLength, false, l, errors);
        if (Likelihood is < PartnershipRisk.MinScore or > PartnershipRisk.MaxScore)
        {
            errors[nameof(Likelihood)] = [l["Partnerships.Error.Score"]];
        }
        if (Impact is < PartnershipRisk.MinScore or > PartnershipRisk.MaxScore)
        {
            errors[nameof(Impact)] = [l["Partnerships.Error.Score"]];
        }
        return errors;
    }
}

using Microsoft.Extensions.Localization;
using Pathway.Web.Connector.CaseStudies;

namespace Pathway.Web.Connector.Profiles;

/// <summary>A figure's checked values.</summary>
public sealed record ProfileFigureFields(
    ProfileIndicator Indicator, FacilityType? FacilityType, decimal? Value, string? Unit, string? Text, int Year, string Source, string? SourceLink);

/// <summary>
/// A figure as the API body and the page's form send it. Shares are percentages (0–100, two decimals at most),
/// facility counts whole numbers with their facility type, key laws text without a value; every figure has a
/// year and a source. Checked here once for the page and the API.
/// </summary>
public sealed class ProfileFigureInput
{
    public const int FirstYear = 1950;
    public const decimal MaxCount = 10_000_000m;

    /// <summary>PrivateShareOutpatient, PrivateShareInpatient, OutOfPocketShare, PrivateFacilities or KeyLaw.</summary>
    public string? Indicator { get; set; }

    /// <summary>Hospital, Clinic, Pharmacy, Laboratory or Other; only (and required) for PrivateFacilities.</summary>
    public string? FacilityType { get; set; }

    public decimal? Value { get; set; }

    /// <summary>Shares are always "%"; a count may say what it counts in (e.g. "per 100,000 people").</summary>
    public string? Unit { get; set; }

    public string? Text { get; set; }
    public int? Year { get; set; }
    public string? Source { get; set; }
    public string? SourceLink { get; set; }

    /// <summary>When editing a figure: the revision the caller saw (a newer one is a conflict).</summary>
    public int Revision { get; set; }

    public ProfileFigureFields? Check(int currentYear, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        ProfileIndicator? indicator = null;
        if (Enum.TryParse<ProfileIndicator>(Trimmed(Indicator), ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Indicator, out _))
        {
            indicator = parsed;
        }
        else
        {
            errors[nameof(Indicator)] = [l["CaseStudy.Error.Filter", string.Join(", ", Enum.GetNames<ProfileIndicator>())]];
        }

        FacilityType? facility = null;
        if (Trimmed(FacilityType) is { } facilityName)
        {
            if (Enum.TryParse<FacilityType>(facilityName, ignoreCase: false, out var type) && Enum.IsDefined(type) && !int.TryParse(facilityName, out _))
            {
                facility = type;
            }
            else
            {
                errors[nameof(FacilityType)] = [l["CaseStudy.Error.Filter", string.Join(", ", Enum.GetNames<FacilityType>())]];
            }
        }
        if (indicator == ProfileIndicator.PrivateFacilities && facility is null && !errors.ContainsKey(nameof(FacilityType)))
        {
            errors[nameof(FacilityType)] = [l["Profile.Error.FacilityType"]];
        }
        if (indicator is not null and not ProfileIndicator.PrivateFacilities)
        {
            facility = null;
        }

        var text = Trimmed(Text);
        var unit = Trimmed(Unit);
        switch (indicator)
        {
            case ProfileIndicator.KeyLaw:
                if (text is null)
                {
                    errors[nameof(Text)] = [l["Profile.Error.LawText"]];
                }
                if (Value is not null)
                {
                    errors[nameof(Value)] = [l["Profile.Error.LawValue"]];
                }
                unit = null;
                break;
            case ProfileIndicator.PrivateFacilities:
                if (Value is not { } count || count < 0 || count > MaxCount || decimal.Truncate(count) != count)
                {
                    errors[nameof(Value)] = [l["Profile.Error.Count", MaxCount.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]];
                }
                text = null;
                break;
            case not null:
                if (Value is not { } share || share < 0 || share > 100 || decimal.Round(share, 2) != share)
                {
                    errors[nameof(Value)] = [l["Profile.Error.Share"]];
                }
                unit = "%";
                text = null;
                break;
        }
        Length(errors, nameof(Text), text, ProfileFigure.TextLength, l);
        Length(errors, nameof(Unit), unit, ProfileFigure.UnitLength, l);

        if (Year is not { } year || year < FirstYear || year > currentYear)
        {
            errors[nameof(Year)] = [l["CaseStudy.Error.Year", FirstYear, currentYear]];
        }
        var source = Trimmed(Source);
        if (source is null)
        {
            errors[nameof(Source)] = [l["Profile.Error.Source"]];
        }
        Length(errors, nameof(Source), source, ProfileFigure.SourceLength, l);
        var link = Trimmed(SourceLink);
        if (link is not null && !CaseStudyInput.IsWebLink(link))
        {
            errors[nameof(SourceLink)] = [l["CaseStudy.Error.Link"]];
        }
        Length(errors, nameof(SourceLink), link, ProfileFigure.LinkLength, l);
        return errors.Count > 0 ? null : new ProfileFigureFields(indicator!.Value, facility, indicator == ProfileIndicator.KeyLaw ? null : Value, unit, text, Year!.Value, source!, link);
    }

    private static void Length(Dictionary<string, string[]> errors, string field, string? value, int maxLength, IStringLocalizer l)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors[field] = [l["CaseStudy.Error.Length", maxLength]];
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

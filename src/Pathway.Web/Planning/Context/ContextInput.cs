using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;

namespace Pathway.Web.Planning;

/// <summary>
/// What the team sends to describe a round's context (the API body and the page's form both become
/// this). Enumerations travel as their names, so an unknown value is a field error that says what is
/// allowed. Absent values take their plain meaning: not fragile, income group not stated, no private
/// share, unitary, no flagship areas.
/// </summary>
public sealed class ContextInput
{
    /// <summary>The first year a private-share figure may come from.</summary>
    public const int FirstYear = 1990;

    public bool? IsFragile { get; set; }

    /// <summary>Low, LowerMiddle, UpperMiddle or High; empty when not stated.</summary>
    public string? IncomeGroup { get; set; }

    /// <summary>Share of service delivery by private providers, 0–100; optional.</summary>
    public decimal? PrivateSharePercent { get; set; }

    /// <summary>Where the share comes from: required with a share, at most 300 characters.</summary>
    public string? PrivateShareSource { get; set; }

    /// <summary>The year the share describes, from 1990 to this year; only with a share.</summary>
    public int? PrivateShareYear { get; set; }

    /// <summary>Unitary (when absent) or Federal.</summary>
    public string? Governance { get; set; }

    /// <summary>Flagship areas by name, each at most once.</summary>
    public IReadOnlyList<string>? FlagshipAreas { get; set; }

    /// <summary>
    /// Checks every field at once against <paramref name="thisYear"/>. Returns the values when all are
    /// valid; otherwise null and the field errors (keyed by this class's property names) in the reader's language.
    /// </summary>
    public ContextValues? Check(IStringLocalizer localizer, int thisYear, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        errors = [];

        IncomeGroup? income = null;
        if (!string.IsNullOrWhiteSpace(IncomeGroup))
        {
            income = ConsensusInput.ParseName<IncomeGroup>(IncomeGroup);
            if (income is null)
            {
                errors[nameof(IncomeGroup)] = [localizer["Context.Error.IncomeGroup", Names<IncomeGroup>()]];
            }
        }

        var governance = GovernanceSystem.Unitary;
        if (!string.IsNullOrWhiteSpace(Governance))
        {
            if (ConsensusInput.ParseName<GovernanceSystem>(Governance) is { } parsed)
            {
                governance = parsed;
            }
            else
            {
                errors[nameof(Governance)] = [localizer["Context.Error.Governance", Names<GovernanceSystem>()]];
            }
        }

        // Stored with two decimals; rounded here so both databases keep the same value.
        var share = PrivateSharePercent is { } given ? Math.Round(given, 2, MidpointRounding.AwayFromZero) : (decimal?)null;
        if (share is < 0m or > 100m)
        {
            errors[nameof(PrivateSharePercent)] = [localizer["Context.Error.Share"]];
        }

        var source = PrivateShareSource?.Trim();
        source = string.IsNullOrEmpty(source) ? null : source;
        if (source?.Length > RoundContext.SourceLength)
        {
            errors[nameof(PrivateShareSource)] = [localizer["Context.Error.SourceLength", RoundContext.SourceLength, source.Length]];
        }
        else if (share is not null && source is null)
        {
            errors[nameof(PrivateShareSource)] = [localizer["Context.Error.SourceRequired"]];
        }
        else if (share is null && source is not null)
        {
            errors[nameof(PrivateShareSource)] = [localizer["Context.Error.WithoutShare"]];
        }

        if (PrivateShareYear is { } year)
        {
            if (year < FirstYear || year > thisYear)
            {
                errors[nameof(PrivateShareYear)] = [localizer["Context.Error.Year", FirstYear, thisYear]];
            }
            else if (share is null)
            {
                errors[nameof(PrivateShareYear)] = [localizer["Context.Error.WithoutShare"]];
            }
        }

        var areas = new List<FlagshipArea>();
        foreach (var name in FlagshipAreas ?? [])
        {
            if (ConsensusInput.ParseName<FlagshipArea>(name) is not { } area)
            {
                errors[nameof(FlagshipAreas)] = [localizer["Context.Error.Flagship", name ?? "", Names<FlagshipArea>()]];
                break;
            }
            if (areas.Contains(area))
            {
                errors[nameof(FlagshipAreas)] = [localizer["Context.Error.FlagshipTwice", area.ToString()]];
                break;
            }
            areas.Add(area);
        }

        return errors.Count == 0
            ? new ContextValues(IsFragile ?? false, income, share, source, PrivateShareYear, governance, [.. areas.Order()])
            : null;
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}

/// <summary>A checked context, ready to store; flagship areas in their list order.</summary>
public sealed record ContextValues(
    bool IsFragile,
    IncomeGroup? IncomeGroup,
    decimal? PrivateSharePercent,
    string? PrivateShareSource,
    int? PrivateShareYear,
    GovernanceSystem Governance,
    IReadOnlyList<FlagshipArea> FlagshipAreas);

/// <summary>Reading the numbers people type on the context page. Pure.</summary>
public static class ContextNumbers
{
    /// <summary>
    /// A share as typed in the reader's culture ("42,5" in French), else with a full stop ("42.5", as
    /// many type it whatever their language); a trailing % is allowed. No thousands separators: a share
    /// is at most 100, so "12,5" in English is refused rather than read as 125.
    /// </summary>
    public static bool TryReadShare(string? text, out decimal share)
    {
        var trimmed = text?.Trim().TrimEnd('%').Trim();
        const NumberStyles Style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        share = 0m;
        return !string.IsNullOrEmpty(trimmed)
            && (decimal.TryParse(trimmed, Style, CultureInfo.CurrentCulture, out share)
                || decimal.TryParse(trimmed, Style, CultureInfo.InvariantCulture, out share));
    }
}

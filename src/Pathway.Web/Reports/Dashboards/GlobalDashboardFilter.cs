using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>
/// The global dashboard's filters as they arrive in the query string (page and API alike): region,
/// behaviour, mechanism, year. <see cref="Check"/> turns them into a <see cref="GlobalSelection"/> or a
/// failure whose errors are keyed by the parameter's name.
/// </summary>
public sealed record GlobalDashboardFilter(string? Region, string? Behaviour, string? Mechanism, string? Year)
{
    /// <summary>The first year a published round may count for.</summary>
    public const int FirstYear = 2000;

    /// <summary>How many years ahead of today a round's planned end may lie.</summary>
    public const int YearsAhead = 5;

    public Outcome<GlobalSelection> Check(IReadOnlyCollection<string> regionCodes, FrameworkTree framework, int currentYear, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(regionCodes);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var region = Trimmed(Region)?.ToUpperInvariant();
        if (region is not null && !regionCodes.Contains(region, StringComparer.Ordinal))
        {
            errors["region"] = [localizer["Dashboards.Error.Region", Region!, string.Join(", ", regionCodes)]];
        }

        var behaviour = Trimmed(Behaviour)?.ToUpperInvariant();
        var behaviourView = behaviour is null ? null
            : framework.Behaviours.FirstOrDefault(b => string.Equals(b.Code, behaviour, StringComparison.OrdinalIgnoreCase));
        if (behaviour is not null && behaviourView is null)
        {
            errors["behaviour"] = [localizer["Dashboards.Error.Behaviour", Behaviour!, string.Join(", ", framework.Behaviours.Select(b => b.Code))]];
        }

        var mechanism = Trimmed(Mechanism)?.ToUpperInvariant();
        var mechanismOwner = mechanism is null ? null
            : framework.Behaviours.FirstOrDefault(b => b.Mechanisms.Any(m => string.Equals(m.Code, mechanism, StringComparison.OrdinalIgnoreCase)));
        if (mechanism is not null && mechanismOwner is null)
        {
            errors["mechanism"] = [localizer["Dashboards.Error.Mechanism", Mechanism!]];
        }
        else if (mechanismOwner is not null && behaviourView is not null && mechanismOwner.Code != behaviourView.Code)
        {
            errors["mechanism"] = [localizer["Dashboards.Error.MechanismOfBehaviour", mechanism!, behaviourView.Code]];
        }

        int? year = null;
        var lastYear = currentYear + YearsAhead;
        if (Trimmed(Year) is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= FirstYear && parsed <= lastYear)
            {
                year = parsed;
            }
            else
            {
                errors["year"] = [localizer["Dashboards.Error.Year", Year!,
                    FirstYear.ToString(CultureInfo.CurrentCulture), lastYear.ToString(CultureInfo.CurrentCulture)]];
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(localizer["Dashboards.Error.Title"], localizer["Dashboards.Error.Detail", string.Join(", ", errors.Keys)], errors);
        }
        var mechanismView = mechanismOwner?.Mechanisms.First(m => string.Equals(m.Code, mechanism, StringComparison.OrdinalIgnoreCase));
        var measureBehaviour = mechanismOwner ?? behaviourView;
        return new GlobalSelection(region, behaviourView, mechanismView, measureBehaviour ?? (framework.Behaviours.Count > 0 ? framework.Behaviours[0] : null), year, framework);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Checked filters. The map shows <see cref="Mechanism"/>'s agreed level when one is chosen, else the band of
/// <see cref="MapBehaviour"/>'s score (the chosen behaviour, else the framework's first).
/// </summary>
public sealed record GlobalSelection(
    string? Region, BehaviourView? Behaviour, MechanismView? Mechanism, BehaviourView? MapBehaviour, int? Year, FrameworkTree Framework);

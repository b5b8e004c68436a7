using Microsoft.Extensions.Localization;

namespace Pathway.Web.Planning;

/// <summary>The one refusal of a planning write, shared by the context, target and priority services.</summary>
internal static class PlanEditing
{
    /// <summary>
    /// Why the caller may not change this round's decision support (the answers of
    /// <see cref="PlanningRounds.OpenForEditAsync"/>), or null when they may. The services check it
    /// themselves so a page cannot write by opening the round for reading only.
    /// </summary>
    public static Failure? Refusal(PlanningRound round, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(localizer);
        if (!round.Can.IsTeam)
        {
            return Failure.Forbidden(localizer["Planning.Error.Title"], localizer["Planning.Error.NotTeam"]);
        }
        return round.Can.IsOpen ? null : Failure.Invalid(localizer["Planning.Error.Title"], localizer["Planning.Error.NotOpen"]);
    }

    /// <summary>A mechanism of the round by code, in any case, as the form or the API body gives it.</summary>
    public static PlanningMechanism? Find(PlanningRound round, string? code)
    {
        var trimmed = code?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : round.Mechanisms.FirstOrDefault(m => string.Equals(m.Code, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The message for a code the round's framework does not have, with an example of one it has.</summary>
    public static string UnknownMechanism(PlanningRound round, string code, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(localizer);
        var example = round.Mechanisms.Count > 0 ? round.Mechanisms[0].Code : "";
        return localizer["Targets.Error.Unknown", code, round.Round.FrameworkVersion, example];
    }

    /// <summary>The agreed level's number and name, as messages and pages show it ("2 (Progressing)").</summary>
    public static string LevelText(PlanningRound round, int level)
    {
        var name = round.Framework.Levels.FirstOrDefault(l => l.Level == level)?.Name.Current;
        var number = level.ToString(System.Globalization.CultureInfo.CurrentCulture);
        return name is null ? number : $"{number} ({name})";
    }
}

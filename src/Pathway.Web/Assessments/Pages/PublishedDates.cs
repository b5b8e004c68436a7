using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Assessments.Pages;

/// <summary>How the public pages write a release's date and what it contains.</summary>
public static class PublishedDates
{
    /// <summary>The sign-off day in the reader's language (the day in UTC, as recorded).</summary>
    public static string Date(DateTimeOffset at) => DateText.Date(at);

    /// <summary>"Behaviour profile, mechanism levels" — the parts a release made public.</summary>
    public static string Contents(IStringLocalizer localizer, PublicationChoices choices)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(choices);
        List<string> parts = [];
        if (choices.BehaviourProfile)
        {
            parts.Add(localizer["Publish.Choice.BehaviourProfile"]);
        }
        if (choices.MechanismLevels)
        {
            parts.Add(localizer["Publish.Choice.MechanismLevels"]);
        }
        if (choices.Rationales)
        {
            parts.Add(localizer["Publish.Choice.Rationales"]);
        }
        if (choices.PublicEvidence)
        {
            parts.Add(localizer["Publish.Choice.PublicEvidence"]);
        }
        return parts.Count == 0 ? localizer["Publish.Nothing"] : string.Join(localizer["Scoring.ListSeparator"].Value, parts);
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports;

/// <summary>
/// What the open data is, where it comes from, the demonstration flag, the licence and how to cite it: the
/// same notes on the page, in the workbook's notes sheet and in the data dictionary's heading.
/// </summary>
public static class OpenDataNotes
{
    /// <summary>The notes as (heading, text) pairs in the current UI language.</summary>
    public static IReadOnlyList<(string Heading, string Text)> For(IStringLocalizer l, string siteAddress, DateTimeOffset retrievedAt)
    {
        ArgumentNullException.ThrowIfNull(l);
        return
        [
            (l["OpenData.Notes.WhatHeading"], l["OpenData.Notes.What"]),
            (l["OpenData.Notes.SourceHeading"], l["OpenData.Notes.Source"]),
            (l["OpenData.Notes.RevisionsHeading"], l["OpenData.Notes.Revisions"]),
            (l["OpenData.Notes.DemonstrationHeading"], l["OpenData.Notes.Demonstration"]),
            (l["OpenData.Notes.ScoresHeading"], l["OpenData.Notes.Scores"]),
            (l["OpenData.Notes.LicenceHeading"], l["OpenData.Notes.Licence"]),
            (l["OpenData.Notes.CitationHeading"], l["OpenData.Notes.Citation", siteAddress.TrimEnd('/') + "/open-data",
                DateText.Date(retrievedAt, CultureInfo.CurrentCulture)]),
        ];
    }
}

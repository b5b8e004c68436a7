using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>How case study facts read on pages, in the reader's culture.</summary>
public static class CaseStudyText
{
    /// <summary>"2019–2022", "since 2021", or the one year.</summary>
    public static string Period(int from, int? to, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var first = from.ToString(CultureInfo.CurrentCulture);
        return to switch
        {
            null => l["CaseStudy.Since", first],
            { } last when last == from => first,
            { } last => l["CaseStudy.PeriodRange", first, last.ToString(CultureInfo.CurrentCulture)],
        };
    }
}

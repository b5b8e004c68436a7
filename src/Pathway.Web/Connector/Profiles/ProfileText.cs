using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Connector.Profiles;

/// <summary>A figure's value as read: a share as "38.5 %", a count with its unit, a law as its text; in the reader's culture.</summary>
public static class ProfileText
{
    public static string Value(FigureVersionView version, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(l);
        if (version.Value is not { } value)
        {
            return version.Text ?? "";
        }
        var number = value.ToString(decimal.Truncate(value) == value ? "N0" : "N2", CultureInfo.CurrentCulture);
        return version.Unit switch
        {
            "%" => l["Profile.Percent", number],
            null or "" => number,
            { } unit => $"{number} {unit}",
        };
    }
}

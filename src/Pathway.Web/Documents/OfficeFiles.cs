using System.Globalization;
using DocumentFormat.OpenXml.Packaging;

namespace Pathway.Web.Documents;

/// <summary>What every Word document and workbook Pathway writes says about itself.</summary>
internal static class OfficeFiles
{
    /// <summary>The language tag a file carries: a regional one, as Word's and Excel's proofing tools expect.</summary>
    public static string LanguageTag(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "en" => "en-GB",
        "fr" => "fr-FR",
        "ar" => "ar-SA",
        _ => culture.Name,
    };

    /// <summary>The package's core properties: title, subject, language, Pathway as the author and, when known, when it was made.</summary>
    public static void Describe(OpenXmlPackage package, string title, string subject, string language, DateTimeOffset? created = null)
    {
        package.PackageProperties.Title = ExportCells.XmlSafe(title);
        package.PackageProperties.Subject = ExportCells.XmlSafe(subject);
        package.PackageProperties.Creator = "Pathway";
        package.PackageProperties.Language = language;
        if (created is { } moment)
        {
            package.PackageProperties.Created = moment.UtcDateTime;
        }
    }
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pathway.Web.Documents;

/// <summary>A paragraph style of a Pathway document: size in half-points, spacing in twentieths of a point, outline level for headings.</summary>
internal sealed record WordStyle(string Id, string Name, int HalfPoints, bool Bold, int Before, int After, int? Outline = null);

/// <summary>
/// The frame every Pathway Word document shares: an A4 page with 2 cm margins, Calibri for Latin text and
/// Arial for Arabic, the language on every run, Word 2013+ compatibility, and the section that carries the
/// header, the footer and, in Arabic, the right-to-left page.
/// </summary>
internal static class WordParts
{
    // A4 with 2 cm margins: 21 cm − 4 cm of text width, in twentieths of a point.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int Margin = 1134;
    public const int TextWidth = PageWidth - (2 * Margin);

    // Latin text in Calibri; Arabic (the complex script) in Arial, which carries Arabic on Windows and macOS.
    private const string LatinFont = "Calibri";
    private const string ArabicFont = "Arial";

    /// <summary>The main part with its styles (Normal, then <paramref name="styles"/>) and settings.</summary>
    public static MainDocumentPart Start(WordprocessingDocument document, string language, params WordStyle[] styles)
    {
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language, styles);
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
        return main;
    }

    /// <summary>The body's closing section: A4, margins, the footer (and header when there is one), right to left when asked.</summary>
    public static SectionProperties Section(string? headerId, string footerId, bool rightToLeft)
    {
        var section = new SectionProperties();
        if (headerId is not null)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
        }
        section.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });
        if (rightToLeft)
        {
            section.Append(new BiDi());
        }
        return section;
    }

    private static Styles Styles(string language, IEnumerable<WordStyle> styles)
    {
        var sheet = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = LatinFont, ComplexScript = ArabicFont },
                    new FontSize { Val = "20" },
                    new FontSizeComplexScript { Val = "20" },
                    new Languages { Val = language, EastAsia = language, Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        sheet.Append(styles.Select(Paragraph));
        return sheet;
    }

    private static Style Paragraph(WordStyle style)
    {
        var paragraph = new StyleParagraphProperties
        {
            KeepNext = style.Outline is null ? null : new KeepNext(),
            SpacingBetweenLines = new SpacingBetweenLines { Before = Invariant(style.Before), After = Invariant(style.After) },
            OutlineLevel = style.Outline is { } level ? new OutlineLevel { Val = level } : null,
        };
        var run = new StyleRunProperties
        {
            Bold = style.Bold ? new Bold() : null,
            BoldComplexScript = style.Bold ? new BoldComplexScript() : null,
            Color = style.Bold ? new Color { Val = "1F3864" } : null,
            FontSize = new FontSize { Val = Invariant(style.HalfPoints) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = Invariant(style.HalfPoints) },
        };
        return new Style(new StyleName { Val = style.Name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(), paragraph, run)
        { Type = StyleValues.Paragraph, StyleId = style.Id };
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// The assessment report as a DOCX: A4, the running header (round, status, "demonstration data" when so)
/// on every page, page numbers in the footer, each section from a new page, charts as native Word charts
/// with alt text, the heat map as a shaded table. Bilingual: each section's charts once, then a
/// two-column table with English in one column and the other language (right to left for Arabic) in the other.
/// </summary>
public static class ReportDocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - (2 * Margin);
    private const string LatinFont = "Calibri";
    private const string ArabicFont = "Arial";

    public static byte[] Write(ReportEdition edition, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(localizer);
        var primary = edition.Primary;
        var text = new ReportText(localizer, primary.Culture);
        var tag = Tag(primary.Culture);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = ExportCells.XmlSafe(primary.Title);
            document.PackageProperties.Subject = ExportCells.XmlSafe(primary.RunningHeader);
            document.PackageProperties.Creator = "Pathway";
            document.PackageProperties.Language = tag;

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(tag);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
            var blocks = new ReportDocxBlocks(primary.RightToLeft);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(blocks.Paragraph("Header", blocks.Run(primary.RunningHeader, bold: primary.IsDemonstration, halfPoints: 16)));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(PageNumbers(blocks, text["Export.Docx.Page"]));

            var charts = new ReportDocxCharts(main, tag, primary.RightToLeft);
            var body = new Body();
            body.Append(blocks.Paragraph("Title", blocks.Run(edition.Bilingual ? $"{edition.English!.Title} / {edition.Other!.Title}" : primary.Title)));
            for (var s = 0; s < primary.Sections.Count; s++)
            {
                if (edition.Bilingual)
                {
                    Bilingual(body, edition, s, blocks, charts, localizer);
                }
                else
                {
                    Single(body, primary.Sections[s], s, blocks, charts, text);
                }
            }
            body.Append(Section(main.GetIdOfPart(header), main.GetIdOfPart(footer), primary.RightToLeft));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static void Single(Body body, ReportSection section, int index, ReportDocxBlocks blocks, ReportDocxCharts charts, ReportText text)
    {
        body.Append(Heading(blocks, section.Title, index));
        foreach (var block in section.Blocks)
        {
            body.Append(Chart(block, blocks, charts, text) ?? blocks.Text(block, TextWidth));
        }
    }

    /// <summary>The section's charts once (from the primary edition), then its text in two columns: English, then the other language.</summary>
    private static void Bilingual(Body body, ReportEdition edition, int index, ReportDocxBlocks blocks, ReportDocxCharts charts, IStringLocalizer localizer)
    {
        var english = edition.English!.Sections[index];
        var other = edition.Other!.Sections[index];
        body.Append(Heading(blocks, $"{english.Title} / {other.Title}", index));
        var primaryText = new ReportText(localizer, edition.Primary.Culture);
        foreach (var block in edition.Primary.Sections[index].Blocks)
        {
            if (Chart(block, blocks, charts, primaryText) is { } drawn)
            {
                body.Append(drawn);
            }
        }
        var column = TextWidth / 2;
        var left = new ReportDocxBlocks(edition.English.RightToLeft);
        var right = new ReportDocxBlocks(edition.Other.RightToLeft);
        var table = blocks.EmptyTable([column, column]);
        table.Append(new TableRow(new TableRowProperties(new TableHeader()),
            ReportDocxBlocks.Cell(column, [left.Paragraph("Heading2", left.Run(english.Title))], null),
            ReportDocxBlocks.Cell(column, [right.Paragraph("Heading2", right.Run(other.Title))], null)));
        table.Append(new TableRow(
            ReportDocxBlocks.Cell(column, english.Blocks.Where(IsText).SelectMany(block => left.Text(block, column - 200)), null),
            ReportDocxBlocks.Cell(column, other.Blocks.Where(IsText).SelectMany(block => right.Text(block, column - 200)), null)));
        body.Append(table);
    }

    private static bool IsText(ReportBlock block) => block is not (ReportRadar or ReportBars or ReportHeatMap);

    /// <summary>A chart block drawn (with its data table after a radar); null for a text block.</summary>
    private static IEnumerable<OpenXmlElement>? Chart(ReportBlock block, ReportDocxBlocks blocks, ReportDocxCharts charts, ReportText text) => block switch
    {
        ReportRadar radar => [charts.Radar(radar)],
        ReportBars bars => [charts.Bars(bars)],
        ReportHeatMap heatMap => [blocks.Caption(heatMap.Title), blocks.HeatMap(heatMap, TextWidth, state => StateMark(state, text))],
        _ => null,
    };

    private static string StateMark(MechanismAnswerState state, ReportText text) => text[$"Scoring.Answer.{state}"];

    /// <summary>A section heading; every section after the first starts a new page.</summary>
    private static Paragraph Heading(ReportDocxBlocks blocks, string title, int index)
    {
        var paragraph = blocks.Paragraph("Heading1", blocks.Run(title));
        if (index > 0)
        {
            paragraph.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        }
        return paragraph;
    }

    private static Paragraph PageNumbers(ReportDocxBlocks blocks, string pattern)
    {
        var paragraph = blocks.Paragraph("Footer");
        paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Center };
        foreach (var part in System.Text.RegularExpressions.Regex.Split(pattern, @"(\{[01]\})").Where(part => part.Length > 0))
        {
            paragraph.Append(part switch
            {
                "{0}" => Field("PAGE"),
                "{1}" => Field("NUMPAGES"),
                _ => blocks.Run(part),
            });
        }
        return paragraph;
    }

    private static SimpleField Field(string name) => new(new Run(new Text("1"))) { Instruction = $" {name} \\* MERGEFORMAT " };

    private static SectionProperties Section(string headerId, string footerId, bool rightToLeft)
    {
        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });
        if (rightToLeft)
        {
            section.Append(new BiDi());
        }
        return section;
    }

    private static string Tag(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "en" => "en-GB",
        "fr" => "fr-FR",
        "ar" => "ar-SA",
        _ => culture.Name,
    };

    private static Styles Styles(string language)
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold, int before, int after, int? outline = null)
        {
            var paragraph = new StyleParagraphProperties
            {
                KeepNext = outline is null ? null : new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) },
                OutlineLevel = outline is { } level ? new OutlineLevel { Val = level } : null,
            };
            var run = new StyleRunProperties
            {
                Bold = bold ? new Bold() : null,
                BoldComplexScript = bold ? new BoldComplexScript() : null,
                Color = bold ? new Color { Val = "1F3864" } : null,
                FontSize = new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) },
            };
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(), paragraph, run)
            { Type = StyleValues.Paragraph, StyleId = id };
        }

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = LatinFont, ComplexScript = ArabicFont },
                    new FontSize { Val = "20" },
                    new FontSizeComplexScript { Val = "20" },
                    new Languages { Val = language, EastAsia = language, Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", 40, bold: true, before: 0, after: 200),
            Paragraph("Heading1", "heading 1", 30, bold: true, before: 0, after: 160, outline: 0),
            Paragraph("Heading2", "heading 2", 22, bold: true, before: 200, after: 60, outline: 1),
            Paragraph("Caption", "caption", 18, bold: true, before: 120, after: 60),
            Paragraph("Header", "header", 16, bold: false, before: 0, after: 0),
            Paragraph("Footer", "footer", 16, bold: false, before: 0, after: 0));
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Pathway.Web.Documents;
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

    private const int TextWidth = WordParts.TextWidth;

    private static readonly WordStyle[] Styles =
    [
        new("Title", "Title", 40, Bold: true, Before: 0, After: 200),
        new("Heading1", "heading 1", 30, Bold: true, Before: 0, After: 160, Outline: 0),
        new("Heading2", "heading 2", 22, Bold: true, Before: 200, After: 60, Outline: 1),
        new("Caption", "caption", 18, Bold: true, Before: 120, After: 60),
        new("Header", "header", 16, Bold: false, Before: 0, After: 0),
        new("Footer", "footer", 16, Bold: false, Before: 0, After: 0),
    ];

    public static byte[] Write(ReportEdition edition, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(localizer);
        var primary = edition.Primary;
        var text = new ReportText(localizer, primary.Culture);
        var tag = OfficeFiles.LanguageTag(primary.Culture);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            OfficeFiles.Describe(document, primary.Title, primary.RunningHeader, tag);
            var main = WordParts.Start(document, tag, Styles);
            var blocks = new ReportDocxBlocks(primary.RightToLeft);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(blocks.Paragraph("Header", blocks.Run(primary.RunningHeader, bold: primary.IsDemonstration, halfPoints: 16)));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(blocks.PageNumbers(text["Export.Docx.Page"]));

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
            body.Append(WordParts.Section(main.GetIdOfPart(header), main.GetIdOfPart(footer), primary.RightToLeft));
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
        var table = blocks.Table([column, column]);
        table.Append(new TableRow(new TableRowProperties(new TableHeader()),
            left.Cell(column, [left.Paragraph("Heading2", left.Run(english.Title))]),
            right.Cell(column, [right.Paragraph("Heading2", right.Run(other.Title))])));
        table.Append(new TableRow(
            left.Cell(column, english.Blocks.Where(IsText).SelectMany(block => left.Text(block, column - 200))),
            right.Cell(column, other.Blocks.Where(IsText).SelectMany(block => right.Text(block, column - 200)))));
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
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Pathway.Web.Components.Charts;
using Pathway.Web.Documents;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// Writes report blocks as Word paragraphs and tables in one language and direction (paragraphs, runs and
/// tables from <see cref="WordBlocks"/>, as the plan's DOCX). A bilingual report uses one per column.
/// </summary>
internal sealed class ReportDocxBlocks(bool rightToLeft) : WordBlocks(rightToLeft)
{
    /// <summary>The blocks that are text (charts and the heat map are drawn apart), within <paramref name="width"/> twentieths of a point.</summary>
    public IEnumerable<OpenXmlElement> Text(ReportBlock block, int width) => block switch
    {
        ReportHeading heading => [Paragraph("Heading2", Run(heading.Text))],
        ReportParagraph paragraph => [Paragraph(null, Run(paragraph.Text, italic: paragraph.Note, halfPoints: paragraph.Note ? 18 : null))],
        ReportFacts facts => facts.Facts.Select(Fact),
        ReportTable table => [Caption(table.Caption), Table(table, width)],
        _ => [],
    };

    public Paragraph Fact(ReportFact fact) => Fact(fact.Label + ":", fact.Value);

    public Paragraph Caption(string text) => Paragraph("Caption", Run(text, bold: true, halfPoints: 18));

    public Table Table(ReportTable table, int width)
    {
        var columns = Math.Max(1, table.Headers.Count);
        // The first column (names) gets a larger share.
        var first = columns == 1 ? width : width * 2 / (columns + 1);
        var rest = columns == 1 ? 0 : (width - first) / (columns - 1);
        var widths = Enumerable.Range(0, columns).Select(i => i == 0 ? first : rest).ToArray();
        var result = Table(widths);
        result.Append(HeaderRow(widths, table.Headers, halfPoints: 18));
        foreach (var row in table.Rows)
        {
            var tableRow = new TableRow();
            for (var i = 0; i < columns; i++)
            {
                var cell = i < row.Count ? row[i] : new ReportCell("");
                tableRow.Append(Cell(widths[i], [TableText(cell.Text, bold: false)], cell.Level is { } level and >= 1 and <= 4 ? Fill(ChartPalette.Level(level)) : null));
            }
            result.Append(tableRow);
        }
        return result;
    }

    /// <summary>The heat map as a table: a row per behaviour, a cell per mechanism shaded by its level, its code and level (or answer) written in it.</summary>
    public Table HeatMap(ReportHeatMap heatMap, int width, Func<MechanismAnswerState, string> stateName)
    {
        var columns = Math.Max(1, heatMap.Rows.Max(row => (int?)row.Cells.Count) ?? 1);
        var label = width / 4;
        var cellWidth = (width - label) / columns;
        var widths = new[] { label }.Concat(Enumerable.Repeat(cellWidth, columns)).ToArray();
        var table = Table(widths);
        foreach (var row in heatMap.Rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            tableRow.Append(Cell(widths[0], [TableText(row.BehaviourName, bold: true)]));
            for (var i = 0; i < columns; i++)
            {
                if (i >= row.Cells.Count)
                {
                    tableRow.Append(Cell(cellWidth, [TableText("", bold: false)]));
                    continue;
                }
                var cell = row.Cells[i];
                var rated = cell.State == MechanismAnswerState.Rated && cell.Level is >= 1 and <= 4;
                var look = rated ? ChartPalette.Level(cell.Level!.Value) : ChartPalette.NoData;
                var mark = rated ? cell.Level!.Value.ToString(CultureInfo.InvariantCulture) : stateName(cell.State);
                tableRow.Append(Cell(cellWidth, [TableText(cell.MechanismCode, bold: true, look.Text), TableText(mark, bold: false, look.Text, small: !rated)], Fill(look)));
            }
            table.Append(tableRow);
        }
        return table;
    }

    private static string Fill(ChartLook look) => ChartPalette.Hex(look.Fill);

    /// <summary>A cell's text at the report's table size (9 pt, 7 pt when small), in a palette colour when given.</summary>
    private Paragraph TableText(string value, bool bold, string? colour = null, bool small = false) =>
        CellParagraph(value, bold, halfPoints: small ? 14 : 18, colour: colour is null ? null : ChartPalette.Hex(colour));
}

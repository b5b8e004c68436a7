using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Pathway.Web.Components.Charts;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// Writes report blocks as Word paragraphs and tables in one language and direction: right-to-left
/// paragraphs and tables for Arabic, Arabic runs marked so, Latin runs inside Arabic held between
/// left-to-right marks (as the plan's DOCX does). A bilingual report uses one per column.
/// </summary>
internal sealed class ReportDocxBlocks(bool rightToLeft)
{
    public const string NoValue = "—";

    public bool RightToLeft => rightToLeft;

    /// <summary>The blocks that are text (charts and the heat map are drawn apart), within <paramref name="width"/> twentieths of a point.</summary>
    public IEnumerable<OpenXmlElement> Text(ReportBlock block, int width) => block switch
    {
        ReportHeading heading => [Paragraph("Heading2", Run(heading.Text))],
        ReportParagraph paragraph => [Paragraph(null, Run(paragraph.Text, italic: paragraph.Note, halfPoints: paragraph.Note ? 18 : null))],
        ReportFacts facts => facts.Facts.Select(Fact),
        ReportTable table => [Caption(table.Caption), Table(table, width)],
        _ => [],
    };

    public Paragraph Fact(ReportFact fact) =>
        Paragraph(null, Run(fact.Label + ":", bold: true), Run(" "), Run(fact.Value));

    public Paragraph Caption(string text) => Paragraph("Caption", Run(text, bold: true, halfPoints: 18));

    public Table Table(ReportTable table, int width)
    {
        var columns = Math.Max(1, table.Headers.Count);
        // The first column (names) gets a larger share.
        var first = columns == 1 ? width : width * 2 / (columns + 1);
        var rest = columns == 1 ? 0 : (width - first) / (columns - 1);
        var widths = Enumerable.Range(0, columns).Select(i => i == 0 ? first : rest).ToArray();
        var result = EmptyTable(widths);
        result.Append(HeaderRow(widths, table.Headers));
        foreach (var row in table.Rows)
        {
            var tableRow = new TableRow();
            for (var i = 0; i < columns; i++)
            {
                var cell = i < row.Count ? row[i] : new ReportCell("");
                tableRow.Append(Cell(widths[i], [CellParagraph(cell.Text, bold: false)], cell.Level is { } level and >= 1 and <= 4 ? ChartPalette.Level(level) : null));
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
        var table = EmptyTable(widths);
        foreach (var row in heatMap.Rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            tableRow.Append(Cell(widths[0], [CellParagraph(row.BehaviourName, bold: true)], null));
            for (var i = 0; i < columns; i++)
            {
                if (i >= row.Cells.Count)
                {
                    tableRow.Append(Cell(cellWidth, [CellParagraph("", bold: false)], null));
                    continue;
                }
                var cell = row.Cells[i];
                var rated = cell.State == MechanismAnswerState.Rated && cell.Level is >= 1 and <= 4;
                var look = rated ? ChartPalette.Level(cell.Level!.Value) : ChartPalette.NoData;
                var mark = rated ? cell.Level!.Value.ToString(CultureInfo.InvariantCulture) : stateName(cell.State);
                tableRow.Append(Cell(cellWidth, [CellParagraph(cell.MechanismCode, bold: true, look.Text), CellParagraph(mark, bold: false, look.Text, small: !rated)], look));
            }
            table.Append(tableRow);
        }
        return table;
    }

    public Table EmptyTable(int[] widths)
    {
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }),
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (rightToLeft)
        {
            properties.BiDiVisual = new BiDiVisual();
        }
        return new Table(properties, new TableGrid(widths.Select(width => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })));
    }

    private TableRow HeaderRow(int[] widths, IReadOnlyList<string> headers)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            row.Append(Cell(widths[i], [CellParagraph(i < headers.Count ? headers[i] : "", bold: true)], new ChartLook("#d9e2f3", "", null, "")));
        }
        return row;
    }

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, ChartLook? shade)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade is not null)
        {
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = ChartPalette.Hex(shade.Fill) };
        }
        var cell = new TableCell(properties);
        var elements = content.ToList();
        cell.Append(elements);
        // A cell must end with a paragraph.
        if (elements.Count == 0 || elements[^1] is not DocumentFormat.OpenXml.Wordprocessing.Paragraph)
        {
            cell.Append(new Paragraph());
        }
        return cell;
    }

    private Paragraph CellParagraph(string value, bool bold, string? colour = null, bool small = false)
    {
        var paragraph = Paragraph(null, Run(value, bold, halfPoints: small ? 14 : 18, colour: colour));
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "20", After = "20" };
        return paragraph;
    }

    public Paragraph Paragraph(string? style, params Run[] runs)
    {
        var properties = new ParagraphProperties
        {
            ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style },
            BiDi = rightToLeft ? new BiDi() : null,
        };
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A run of text; line breaks become Word line breaks; Arabic runs are marked right to left.</summary>
    public Run Run(string value, bool bold = false, bool italic = false, int? halfPoints = null, string? colour = null)
    {
        var safe = ExportCells.XmlSafe(value);
        var rightToLeftLetters = ExportCells.HasRightToLeftLetters(safe);
        var markLeftToRight = rightToLeft && !rightToLeftLetters;
        var properties = new RunProperties
        {
            Bold = bold ? new Bold() : null,
            BoldComplexScript = bold ? new BoldComplexScript() : null,
            Italic = italic ? new Italic() : null,
            ItalicComplexScript = italic ? new ItalicComplexScript() : null,
            Color = colour is { Length: > 0 } ? new Color { Val = ChartPalette.Hex(colour) } : null,
            FontSize = halfPoints is { } size ? new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) } : null,
            FontSizeComplexScript = halfPoints is { } sizeCs ? new FontSizeComplexScript { Val = sizeCs.ToString(CultureInfo.InvariantCulture) } : null,
            RightToLeftText = rightToLeftLetters ? new RightToLeftText() : null,
        };
        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }
        var lines = safe.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            var line = markLeftToRight && lines[i].Any(char.IsLetter) ? $"\u200E{lines[i]}\u200E" : lines[i];
            run.Append(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }
}

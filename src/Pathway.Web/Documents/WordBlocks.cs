using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pathway.Web.Documents;

/// <summary>
/// Paragraphs, runs and tables in one language's direction, for every Pathway Word document: in a
/// right-to-left language paragraphs and tables run right to left; whatever the language, a run holding
/// Arabic (or Hebrew) letters is marked right to left, so Word shapes it with the complex-script font.
/// A document writer derives from it and adds its own blocks.
/// </summary>
internal partial class WordBlocks(bool rightToLeft)
{
    private const string Border = "A6A6A6";
    private const string HeaderFill = "D9E2F3";

    public bool RightToLeft => rightToLeft;

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

    /// <summary>
    /// A run of user or interface text; line breaks become Word line breaks, Arabic runs are marked right
    /// to left. In a right-to-left document, Latin-only text is held between left-to-right marks, so its
    /// leading and trailing punctuation stays where a reader of that text expects it.
    /// <paramref name="colour"/> is a hex RGB such as "1F3864".
    /// </summary>
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
            Color = colour is { Length: > 0 } ? new Color { Val = colour } : null,
            FontSize = halfPoints is { } size ? new FontSize { Val = Invariant(size) } : null,
            FontSizeComplexScript = halfPoints is { } sizeCs ? new FontSizeComplexScript { Val = Invariant(sizeCs) } : null,
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

    /// <summary>"Label: value" with the label in bold; the label comes with its punctuation, as the language writes it.</summary>
    public Paragraph Fact(string label, string? value) =>
        Paragraph(null, Run(label, bold: true), Run(" "), Run(value ?? ""));

    /// <summary>"Page 3 of 12" in the footer style, with Word's PAGE and NUMPAGES fields in place of {0} and {1}.</summary>
    public Paragraph PageNumbers(string pattern)
    {
        var paragraph = Paragraph("Footer");
        paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Center };
        foreach (var part in Placeholder().Split(pattern).Where(part => part.Length > 0))
        {
            paragraph.Append(part switch
            {
                "{0}" => Field("PAGE"),
                "{1}" => Field("NUMPAGES"),
                _ => Run(part),
            });
        }
        return paragraph;
    }

    private static SimpleField Field(string name) => new(new Run(new Text("1"))) { Instruction = $" {name} \\* MERGEFORMAT " };

    /// <summary>A table of fixed column widths (twentieths of a point) with thin grey borders, right to left when the language is.</summary>
    public Table Table(int[] widths)
    {
        var properties = new TableProperties(
            new TableWidth { Width = Invariant(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = Border },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = Border },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = Border },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = Border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = Border },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = Border }),
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (rightToLeft)
        {
            properties.BiDiVisual = new BiDiVisual();
        }
        return new Table(properties, new TableGrid(widths.Select(width => new GridColumn { Width = Invariant(width) })));
    }

    /// <summary>The header row: shaded, bold, repeated at the top of each page, never split; a missing header leaves its cell empty.</summary>
    public TableRow HeaderRow(int[] widths, IReadOnlyList<string> headers, int? halfPoints = null)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            row.Append(Cell(widths[i], [CellParagraph(i < headers.Count ? headers[i] : "", bold: true, halfPoints: halfPoints)], HeaderFill));
        }
        return row;
    }

    /// <summary>A cell of a width, shaded with <paramref name="fill"/> (hex RGB) when given; it ends with a paragraph, as Word requires.</summary>
    public TableCell Cell(int width, IEnumerable<OpenXmlElement> content, string? fill = null)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Invariant(width), Type = TableWidthUnitValues.Dxa });
        if (fill is not null)
        {
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill };
        }
        var cell = new TableCell(properties);
        var elements = content.ToList();
        cell.Append(elements);
        if (elements.Count == 0 || elements[^1] is not DocumentFormat.OpenXml.Wordprocessing.Paragraph)
        {
            cell.Append(Paragraph(null));
        }
        return cell;
    }

    /// <summary>A paragraph inside a table cell: a single run, with less space around it than body text.</summary>
    public Paragraph CellParagraph(string value, bool bold = false, bool italic = false, int? halfPoints = null, string? colour = null)
    {
        var paragraph = Paragraph(null, Run(value, bold, italic, halfPoints, colour));
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "20", After = "20" };
        return paragraph;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\{[01]\})")]
    private static partial Regex Placeholder();
}

using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// The plan as a document a ministry can table at a meeting: title and facts (country, round,
/// framework, endorsement or "draft — not endorsed"), a summary by status, then per behaviour and
/// mechanism the agreed level, the target and a table of its actions; page numbers in the footer.
/// In Arabic every paragraph and table runs right to left, Arabic runs are marked so, and the
/// complex-script font and language are set.
/// </summary>
public static partial class PlanDocxWriter
{
    // A4 with 2 cm margins: 21 cm − 4 cm of text width, in twentieths of a point.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - (2 * Margin);

    // Latin text in Calibri; Arabic (the complex script) in Arial, which carries Arabic on Windows and macOS.
    private const string LatinFont = "Calibri";
    private const string ArabicFont = "Arial";

    // Widths of the item table's columns (what, who, dates, resources and budget, status) as shares of the text width.
    private static readonly int[] ItemColumns = [.. new[] { 34, 18, 15, 18, 15 }.Select(share => TextWidth * share / 100)];

    public static byte[] Write(PlanExport export, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ExportText(localizer, export);
        var language = text.LanguageTag;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var title = text.Format("Export.Title", export.CountryName);
            document.PackageProperties.Title = ExportCells.XmlSafe(title);
            document.PackageProperties.Subject = ExportCells.XmlSafe(export.RoundTitle);
            document.PackageProperties.Creator = "Pathway";
            document.PackageProperties.Language = language;
            document.PackageProperties.Created = export.ExportedAt.UtcDateTime;

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));
            var footer = main.AddNewPart<FooterPart>();
            var writer = new Writer(text);
            footer.Footer = new Footer(writer.PageNumbers());

            var body = new Body();
            writer.Content(export, title, body);
            body.Append(Section(main.GetIdOfPart(footer), text.RightToLeft));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static SectionProperties Section(string footerId, bool rightToLeft)
    {
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });
        if (rightToLeft)
        {
            section.Append(new BiDi());
        }
        return section;
    }

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
            Paragraph("Title", "Title", 40, bold: true, before: 0, after: 120),
            Paragraph("Heading1", "heading 1", 30, bold: true, before: 360, after: 120, outline: 0),
            Paragraph("Heading2", "heading 2", 24, bold: true, before: 240, after: 80, outline: 1),
            Paragraph("Footer", "footer", 16, bold: false, before: 0, after: 0));
    }

    /// <summary>Builds paragraphs and tables in the export's language and direction.</summary>
    private sealed partial class Writer(ExportText text)
    {
        private readonly bool rightToLeft = text.RightToLeft;

        public void Content(PlanExport export, string title, Body body)
        {
            var plan = export.Plan;
            body.Append(Paragraph("Title", Run(title)));
            body.Append(Fact(text["Export.About.Country"], export.CountryName));
            body.Append(Fact(text["Export.About.Round"], export.RoundTitle));
            body.Append(Fact(text["Export.About.FrameworkVersion"], export.FrameworkVersion));
            body.Append(Fact(text["Export.About.Horizon"], text.Horizon(plan.Horizon)));
            if (plan.Status == PlanStatus.Endorsed)
            {
                body.Append(Fact(text["Export.About.PlanStatus"],
                    text.Format("Export.Docx.Endorsed", plan.EndorsedByName ?? NoValue, text.Moment(plan.EndorsedAt))));
                if (!string.IsNullOrWhiteSpace(plan.EndorsementNote))
                {
                    body.Append(Fact(text["Export.About.EndorsementNote"], plan.EndorsementNote));
                }
                if (plan.ChangesSinceEndorsement > 0)
                {
                    body.Append(Paragraph(null, Run(text.Format("Export.Docx.ChangesSinceEndorsement", text.Number(plan.ChangesSinceEndorsement)), italic: true)));
                }
            }
            else
            {
                body.Append(Fact(text["Export.About.PlanStatus"], text["Export.NotEndorsed"]));
            }
            body.Append(Fact(text["Export.About.ExportedAt"], text.Moment(export.ExportedAt)));

            body.Append(Paragraph("Heading1", Run(text["Export.Docx.Summary"])));
            var overdue = plan.Items.Count(item => item.IsOverdue);
            body.Append(Paragraph(null, Run(text.Format("Export.Docx.SummaryLine", text.Number(plan.Items.Count), text.Number(overdue)))));
            body.Append(SummaryTable(plan.Items, overdue));

            if (plan.Items.Count == 0)
            {
                body.Append(Paragraph(null, Run(text["Export.Docx.NoItems"], italic: true)));
                return;
            }
            var byCode = plan.Items.ToLookup(item => item.MechanismCode, StringComparer.Ordinal);
            foreach (var behaviour in export.Mechanisms.Where(m => byCode.Contains(m.Code)).GroupBy(m => m.BehaviourCode, StringComparer.Ordinal))
            {
                body.Append(Paragraph("Heading1", Run(behaviour.First().BehaviourName)));
                foreach (var mechanism in behaviour)
                {
                    body.Append(Paragraph("Heading2", Run(text.Format("Export.Docx.Mechanism", mechanism.Code, mechanism.Name))));
                    var target = mechanism.TargetLevel is { } level ? text.Level(level) : text["Export.Target.None"];
                    body.Append(Paragraph(null, Run(text.Format("Export.Docx.LevelToTarget", text.Answer(mechanism.Agreed), target))));
                    body.Append(ItemTable(byCode[mechanism.Code]));
                }
            }
            var unknown = plan.Items.Where(item => export.MechanismOf(item.MechanismCode) is null).ToLookup(item => item.MechanismCode, StringComparer.Ordinal);
            if (unknown.Count > 0)
            {
                body.Append(Paragraph("Heading1", Run(text["Export.Docx.OtherMechanisms"])));
                foreach (var items in unknown)
                {
                    body.Append(Paragraph("Heading2", Run(items.Key)));
                    body.Append(ItemTable(items));
                }
            }
        }

        /// <summary>"Page 3 of 12" with Word's PAGE and NUMPAGES fields in place of {0} and {1}.</summary>
        public Paragraph PageNumbers()
        {
            var paragraph = Paragraph("Footer");
            paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Center };
            foreach (var part in Placeholder().Split(text["Export.Docx.Page"]).Where(part => part.Length > 0))
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

        private static SimpleField Field(string name) =>
            new(new Run(new Text("1"))) { Instruction = $" {name} \\* MERGEFORMAT " };

        private Paragraph Fact(string label, string? value) =>
            Paragraph(null, Run(text.Format("Export.Docx.Label", label), bold: true), Run(" "), Run(value ?? ""));

        private Table SummaryTable(IReadOnlyList<ActionItemView> items, int overdue)
        {
            var widths = new[] { TextWidth * 40 / 100, TextWidth * 15 / 100 };
            var table = Table(widths);
            table.Append(HeaderRow(widths, text["Export.Docx.Col.Status"], text["Export.Docx.Col.Count"]));
            foreach (var status in Enum.GetValues<ActionStatus>())
            {
                table.Append(Row(widths, [Cell(text.Status(status))], [Cell(text.Number(items.Count(item => item.Status == status)))]));
            }
            table.Append(Row(widths, [Cell(text["Export.Docx.Overdue"], bold: true)], [Cell(text.Number(overdue), bold: true)]));
            table.Append(Row(widths, [Cell(text["Export.Docx.Total"], bold: true)], [Cell(text.Number(items.Count), bold: true)]));
            return table;
        }

        private Table ItemTable(IEnumerable<ActionItemView> items)
        {
            var table = Table(ItemColumns);
            table.Append(HeaderRow(ItemColumns,
                text["Export.Docx.Col.What"], text["Export.Docx.Col.Who"], text["Export.Docx.Col.When"],
                text["Export.Docx.Col.Resources"], text["Export.Docx.Col.Status"]));
            foreach (var item in items)
            {
                List<Paragraph> what = [Cell(item.What)];
                if (item.Type is { } type)
                {
                    what.Add(Cell(text.Type(type), small: true));
                }
                if (item.FromLevel is { } from && item.ToLevel is { } to)
                {
                    what.Add(Cell(text.Format("Export.Docx.Step", text.Level(from), text.Level(to)), small: true));
                }
                if (item.CarriedOver)
                {
                    what.Add(Cell(text["Export.Docx.CarriedOver"], small: true));
                }

                List<Paragraph> who = [.. new[] { item.ResponsibleOrganisation, item.ResponsiblePerson }
                    .Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => Cell(name!))];
                List<Paragraph> when = [Cell(item.Start is null && item.Due is null
                    ? NoValue
                    : text.Format("Export.Docx.Dates", Dash(text.Date(item.Start)), Dash(text.Date(item.Due))))];

                List<Paragraph> resources = [];
                if (!string.IsNullOrWhiteSpace(item.Resources))
                {
                    resources.Add(Cell(item.Resources));
                }
                if (item.Budget is { } budget)
                {
                    resources.Add(Cell(text.Format("Export.Docx.Budget", text.Money(budget), item.Currency ?? "")));
                }

                List<Paragraph> status = [Cell(text.Status(item.Status), bold: true)];
                if (item.IsOverdue)
                {
                    status.Add(Cell(text["Export.Docx.Overdue"], bold: true));
                }
                if (item.CompletedOn is { } completed)
                {
                    status.Add(Cell(text.Format("Export.Docx.CompletedOn", text.Date(completed)), small: true));
                }
                if (text.LatestNote(item) is { Length: > 0 } note)
                {
                    status.Add(Cell(note, small: true, italic: true));
                }
                table.Append(Row(ItemColumns, what, who, when, resources, status));
            }
            return table;
        }

        private const string NoValue = "—";

        private static string Dash(string value) => value.Length == 0 ? NoValue : value;

        private Table Table(int[] widths)
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

        /// <summary>The header row: shaded, bold, repeated at the top of each page, never split.</summary>
        private TableRow HeaderRow(int[] widths, params string[] headers)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
            for (var i = 0; i < headers.Length; i++)
            {
                var cell = TableCell(widths[i], [Cell(headers[i], bold: true)]);
                cell.TableCellProperties!.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" };
                row.Append(cell);
            }
            return row;
        }

        /// <summary>A body row; it may break across pages, as a long action would not fit on one.</summary>
        private TableRow Row(int[] widths, params List<Paragraph>[] cells)
        {
            var row = new TableRow();
            for (var i = 0; i < cells.Length; i++)
            {
                row.Append(TableCell(widths[i], cells[i]));
            }
            return row;
        }

        private TableCell TableCell(int width, List<Paragraph> paragraphs)
        {
            var cell = new TableCell(new TableCellProperties(
                new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            // A cell needs at least one paragraph.
            cell.Append(paragraphs.Count > 0 ? paragraphs : [Paragraph(null)]);
            return cell;
        }

        private Paragraph Cell(string value, bool bold = false, bool small = false, bool italic = false)
        {
            var paragraph = Paragraph(null, Run(value, bold, italic, small ? 16 : null));
            paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "20", After = "20" };
            return paragraph;
        }

        private Paragraph Paragraph(string? style, params Run[] runs)
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
        /// </summary>
        private Run Run(string value, bool bold = false, bool italic = false, int? halfPoints = null)
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

        [GeneratedRegex(@"(\{[01]\})")]
        private static partial Regex Placeholder();
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Pathway.Web.Documents;

namespace Pathway.Web.Planning;

/// <summary>
/// The plan as a document a ministry can table at a meeting: title and facts (country, round,
/// framework, endorsement or "draft — not endorsed"), a summary by status, then per behaviour and
/// mechanism the agreed level, the target and a table of its actions; page numbers in the footer.
/// Page, styles and direction (right to left in Arabic) come from <see cref="WordParts"/> and <see cref="WordBlocks"/>.
/// </summary>
public static class PlanDocxWriter
{
    private const int TextWidth = WordParts.TextWidth;

    private static readonly WordStyle[] Styles =
    [
        new("Title", "Title", 40, Bold: true, Before: 0, After: 120),
        new("Heading1", "heading 1", 30, Bold: true, Before: 360, After: 120, Outline: 0),
        new("Heading2", "heading 2", 24, Bold: true, Before: 240, After: 80, Outline: 1),
        new("Footer", "footer", 16, Bold: false, Before: 0, After: 0),
    ];

    // Widths of the item table's columns (what, who, dates, resources and budget, status) as shares of the text width.
    private static readonly int[] ItemColumns = [.. new[] { 34, 18, 15, 18, 15 }.Select(share => TextWidth * share / 100)];

    public static byte[] Write(PlanExport export, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ExportText(localizer, export);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var title = text.Format("Export.Title", export.CountryName);
            OfficeFiles.Describe(document, title, export.RoundTitle, text.LanguageTag, export.ExportedAt);
            var main = WordParts.Start(document, text.LanguageTag, Styles);
            var footer = main.AddNewPart<FooterPart>();
            var writer = new Writer(text);
            footer.Footer = new Footer(writer.PageNumbers(text["Export.Docx.Page"]));

            var body = new Body();
            writer.Content(export, title, body);
            body.Append(WordParts.Section(null, main.GetIdOfPart(footer), text.RightToLeft));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>Builds paragraphs and tables in the export's language and direction.</summary>
    private sealed class Writer(ExportText text) : WordBlocks(text.RightToLeft)
    {
        public void Content(PlanExport export, string title, Body body)
        {
            var plan = export.Plan;
            body.Append(Paragraph("Title", Run(title)));
            body.Append(About(text["Export.About.Country"], export.CountryName));
            body.Append(About(text["Export.About.Round"], export.RoundTitle));
            body.Append(About(text["Export.About.FrameworkVersion"], export.FrameworkVersion));
            body.Append(About(text["Export.About.Horizon"], text.Horizon(plan.Horizon)));
            if (plan.Status == PlanStatus.Endorsed)
            {
                body.Append(About(text["Export.About.PlanStatus"],
                    text.Format("Export.Docx.Endorsed", plan.EndorsedByName ?? NoValue, text.Moment(plan.EndorsedAt))));
                if (!string.IsNullOrWhiteSpace(plan.EndorsementNote))
                {
                    body.Append(About(text["Export.About.EndorsementNote"], plan.EndorsementNote));
                }
                if (plan.ChangesSinceEndorsement > 0)
                {
                    body.Append(Paragraph(null, Run(text.Format("Export.Docx.ChangesSinceEndorsement", text.Number(plan.ChangesSinceEndorsement)), italic: true)));
                }
            }
            else
            {
                body.Append(About(text["Export.About.PlanStatus"], text["Export.NotEndorsed"]));
            }
            body.Append(About(text["Export.About.ExportedAt"], text.Moment(export.ExportedAt)));

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

        /// <summary>A fact of the cover, its label punctuated as the language writes it.</summary>
        private Paragraph About(string label, string? value) => Fact(text.Format("Export.Docx.Label", label), value);

        private Table SummaryTable(IReadOnlyList<ActionItemView> items, int overdue)
        {
            var widths = new[] { TextWidth * 40 / 100, TextWidth * 15 / 100 };
            var table = Table(widths);
            table.Append(HeaderRow(widths, [text["Export.Docx.Col.Status"], text["Export.Docx.Col.Count"]]));
            foreach (var status in Enum.GetValues<ActionStatus>())
            {
                table.Append(Row(widths, [CellText(text.Status(status))], [CellText(text.Number(items.Count(item => item.Status == status)))]));
            }
            table.Append(Row(widths, [CellText(text["Export.Docx.Overdue"], bold: true)], [CellText(text.Number(overdue), bold: true)]));
            table.Append(Row(widths, [CellText(text["Export.Docx.Total"], bold: true)], [CellText(text.Number(items.Count), bold: true)]));
            return table;
        }

        private Table ItemTable(IEnumerable<ActionItemView> items)
        {
            var table = Table(ItemColumns);
            table.Append(HeaderRow(ItemColumns,
            [
                text["Export.Docx.Col.What"], text["Export.Docx.Col.Who"], text["Export.Docx.Col.When"],
                text["Export.Docx.Col.Resources"], text["Export.Docx.Col.Status"],
            ]));
            foreach (var item in items)
            {
                List<Paragraph> what = [CellText(item.What)];
                if (item.Type is { } type)
                {
                    what.Add(CellText(text.Type(type), small: true));
                }
                if (item.FromLevel is { } from && item.ToLevel is { } to)
                {
                    what.Add(CellText(text.Format("Export.Docx.Step", text.Level(from), text.Level(to)), small: true));
                }
                if (item.CarriedOver)
                {
                    what.Add(CellText(text["Export.Docx.CarriedOver"], small: true));
                }

                List<Paragraph> who = [.. new[] { item.ResponsibleOrganisation, item.ResponsiblePerson }
                    .Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => CellText(name!))];
                List<Paragraph> when = [CellText(item.Start is null && item.Due is null
                    ? NoValue
                    : text.Format("Export.Docx.Dates", Dash(text.Date(item.Start)), Dash(text.Date(item.Due))))];

                List<Paragraph> resources = [];
                if (!string.IsNullOrWhiteSpace(item.Resources))
                {
                    resources.Add(CellText(item.Resources));
                }
                if (item.Budget is { } budget)
                {
                    resources.Add(CellText(text.Format("Export.Docx.Budget", text.Money(budget), item.Currency ?? "")));
                }

                List<Paragraph> status = [CellText(text.Status(item.Status), bold: true)];
                if (item.IsOverdue)
                {
                    status.Add(CellText(text["Export.Docx.Overdue"], bold: true));
                }
                if (item.CompletedOn is { } completed)
                {
                    status.Add(CellText(text.Format("Export.Docx.CompletedOn", text.Date(completed)), small: true));
                }
                if (text.LatestNote(item) is { Length: > 0 } note)
                {
                    status.Add(CellText(note, small: true, italic: true));
                }
                table.Append(Row(ItemColumns, what, who, when, resources, status));
            }
            return table;
        }

        private const string NoValue = "—";

        private static string Dash(string value) => value.Length == 0 ? NoValue : value;

        /// <summary>A body row; it may break across pages, as a long action would not fit on one.</summary>
        private TableRow Row(int[] widths, params List<Paragraph>[] cells)
        {
            var row = new TableRow();
            for (var i = 0; i < cells.Length; i++)
            {
                row.Append(Cell(widths[i], cells[i]));
            }
            return row;
        }

        /// <summary>A line of a cell; small lines are the details under the main one.</summary>
        private Paragraph CellText(string value, bool bold = false, bool small = false, bool italic = false) =>
            CellParagraph(value, bold, italic, small ? 16 : null);
    }
}

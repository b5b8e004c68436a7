using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using Pathway.Web.Documents;
using static Pathway.Web.Documents.WorkbookParts;

namespace Pathway.Web.Planning;

/// <summary>
/// The plan as a workbook: "Plan" (one row per item, typed dates and numbers, bold frozen header,
/// filter), "Columns" (what each column holds) and "About" (round, country, framework, endorsement).
/// Sheets read right to left in Arabic.
/// </summary>
public static class PlanXlsxWriter
{
    public static byte[] Write(PlanExport export, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ExportText(localizer, export);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            OfficeFiles.Describe(document, text.Format("Export.Title", export.CountryName), export.RoundTitle, text.LanguageTag, export.ExportedAt);
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Stylesheet();
            var strings = new SharedStrings();

            var planName = SheetName(text["Export.Sheet.Plan"]);
            var sheets = new Sheets(
                AddSheet(workbookPart, PlanSheet(export, text, strings), planName, 1),
                AddSheet(workbookPart, ColumnsSheet(text, strings), SheetName(text["Export.Sheet.Columns"]), 2),
                AddSheet(workbookPart, AboutSheet(export, text, strings), SheetName(text["Export.Sheet.About"]), 3));
            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0 }),
                sheets,
                new DefinedNames(
                    FilterRange(planName, PlanColumn.All.Count, export.Plan.Items.Count + 1),
                    // The header row repeats on every printed page.
                    new DefinedName($"{Quoted(planName)}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table();
        }
        return stream.ToArray();
    }

    private static Sheet AddSheet(WorkbookPart workbookPart, Worksheet worksheet, string name, uint id)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        return new Sheet { Name = name, SheetId = id, Id = workbookPart.GetIdOfPart(part) };
    }

    private static Worksheet PlanSheet(PlanExport export, ExportText text, SharedStrings strings)
    {
        var columns = PlanColumn.All;
        var data = new SheetData(TextRow(1, WorkbookStyles.Header, strings, columns.Select(column => column.Header(text))));
        uint rowIndex = 1;
        foreach (var row in PlanColumn.Rows(export))
        {
            rowIndex++;
            var cells = new Row { RowIndex = rowIndex };
            for (var i = 0; i < columns.Count; i++)
            {
                if (ValueCell(columns[i].Kind, columns[i].Value(row, text), strings) is { } cell)
                {
                    cell.CellReference = ColumnName(i + 1) + rowIndex.ToString(CultureInfo.InvariantCulture);
                    cells.Append(cell);
                }
            }
            data.Append(cells);
        }
        var range = $"A1:{ColumnName(columns.Count)}{rowIndex.ToString(CultureInfo.InvariantCulture)}";
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = range },
            FrozenHeader(text.RightToLeft, selected: true),
            RowFormat(),
            Widths(columns.Select(column => column.Width)),
            data,
            new AutoFilter { Reference = range },
            Margins(),
            new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
    }

    private static Worksheet ColumnsSheet(ExportText text, SharedStrings strings)
    {
        var data = new SheetData(TextRow(1, WorkbookStyles.Header, strings, [text["Export.Columns.Column"], text["Export.Columns.Meaning"]]));
        uint rowIndex = 1;
        foreach (var column in PlanColumn.All)
        {
            rowIndex++;
            data.Append(new Row(
                TextCell(column.Header(text), strings, WorkbookStyles.Text, "A", rowIndex),
                TextCell(column.Help(text), strings, WorkbookStyles.Wrapped, "B", rowIndex))
            { RowIndex = rowIndex });
        }
        return new Worksheet(
            FrozenHeader(text.RightToLeft, selected: false),
            RowFormat(),
            Widths([28, 90]),
            data,
            Margins());
    }

    private static Worksheet AboutSheet(PlanExport export, ExportText text, SharedStrings strings)
    {
        var plan = export.Plan;
        var facts = new List<(string Label, object? Value)>
        {
            (text["Export.About.Country"], export.CountryName),
            (text["Export.About.Round"], export.RoundTitle),
            (text["Export.About.FrameworkVersion"], export.FrameworkVersion),
            (text["Export.About.Horizon"], text.Horizon(plan.Horizon)),
            (text["Export.About.PlanStatus"], text.PlanStatus(plan.Status)),
            (text["Export.About.EndorsedBy"], plan.Status == PlanStatus.Endorsed ? plan.EndorsedByName : text["Export.NotEndorsed"]),
            (text["Export.About.EndorsedAt"], plan.Status == PlanStatus.Endorsed ? plan.EndorsedAt?.UtcDateTime : null),
            (text["Export.About.EndorsementNote"], plan.EndorsementNote),
            (text["Export.About.ChangesSinceEndorsement"], plan.Status == PlanStatus.Endorsed ? plan.ChangesSinceEndorsement : null),
            (text["Export.About.Items"], plan.Items.Count),
            (text["Export.About.Overdue"], plan.Items.Count(item => item.IsOverdue)),
            (text["Export.About.ExportedAt"], export.ExportedAt.UtcDateTime),
        };
        var data = new SheetData(TextRow(1, WorkbookStyles.Header, strings, [text.Format("Export.Title", export.CountryName)]));
        uint rowIndex = 2;
        foreach (var (label, value) in facts)
        {
            rowIndex++;
            var row = TextRow(rowIndex, WorkbookStyles.Header, strings, [label]);
            var cell = value switch
            {
                DateTime moment => new Cell { CellValue = new CellValue(moment.ToOADate()), StyleIndex = WorkbookStyles.Moment },
                int count => new Cell { CellValue = new CellValue(count), StyleIndex = WorkbookStyles.WholeNumber },
                _ => ValueCell(ColumnKind.LongText, value, strings),
            };
            if (cell is not null)
            {
                cell.CellReference = "B" + rowIndex.ToString(CultureInfo.InvariantCulture);
                row.Append(cell);
            }
            data.Append(row);
        }
        return new Worksheet(
            PlainView(text.RightToLeft),
            RowFormat(),
            Widths([34, 70]),
            data,
            Margins());
    }

    /// <summary>A typed cell for a column value; null when there is nothing to show.</summary>
    private static Cell? ValueCell(ColumnKind kind, object? value, SharedStrings strings) => value switch
    {
        null or "" => null,
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = WorkbookStyles.Date },
        decimal amount => new Cell { CellValue = new CellValue(amount), StyleIndex = WorkbookStyles.Money },
        int number => new Cell { CellValue = new CellValue(number), StyleIndex = WorkbookStyles.WholeNumber },
        _ => StringCell((string)value, strings, kind == ColumnKind.LongText),
    };

    /// <summary>
    /// Text that looks like a formula carries the quote-prefix flag: the apostrophe Excel itself stores
    /// when someone types '=…, so the text is shown as typed and never becomes a formula on edit.
    /// </summary>
    private static Cell StringCell(string value, SharedStrings strings, bool wrap) =>
        new() { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(value)), StyleIndex = WorkbookStyles.ForText(value, wrap) };

    private static PageMargins Margins() => new() { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 };
}

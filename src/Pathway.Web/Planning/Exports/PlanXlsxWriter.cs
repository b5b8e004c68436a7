using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// The plan as a workbook: "Plan" (one row per item, typed dates and numbers, bold frozen header,
/// filter), "Columns" (what each column holds) and "About" (round, country, framework, endorsement).
/// Sheets read right to left in Arabic.
/// </summary>
public static class PlanXlsxWriter
{
    // Cell formats, in the order of the stylesheet's cellXfs below.
    private const uint Header = 1;
    private const uint Plain = 2;
    private const uint PlainAsText = 3;
    private const uint Wrapped = 4;
    private const uint WrappedAsText = 5;
    private const uint DateCell = 6;
    private const uint MoneyCell = 7;
    private const uint WholeNumber = 8;
    private const uint MomentCell = 9;

    // Built-in number formats: 14 is the reader's short date, 4 is #,##0.00, 1 is 0.
    private const uint ShortDateFormat = 14;
    private const uint MoneyFormat = 4;
    private const uint IntegerFormat = 1;
    private const uint MomentFormat = 164;

    public static byte[] Write(PlanExport export, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ExportText(localizer, export);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = ExportCells.XmlSafe(text.Format("Export.Title", export.CountryName));
            document.PackageProperties.Subject = ExportCells.XmlSafe(export.RoundTitle);
            document.PackageProperties.Creator = "Pathway";
            document.PackageProperties.Language = text.LanguageTag;
            document.PackageProperties.Created = export.ExportedAt.UtcDateTime;

            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new SharedStrings();

            var planName = SheetName(text["Export.Sheet.Plan"]);
            var planRows = export.Plan.Items.Count + 1;
            var lastColumn = ColumnName(PlanColumn.All.Count);
            var sheets = new Sheets(
                AddSheet(workbookPart, PlanSheet(export, text, strings), planName, 1),
                AddSheet(workbookPart, ColumnsSheet(text, strings), SheetName(text["Export.Sheet.Columns"]), 2),
                AddSheet(workbookPart, AboutSheet(export, text, strings), SheetName(text["Export.Sheet.About"]), 3));
            var quoted = "'" + planName.Replace("'", "''", StringComparison.Ordinal) + "'";
            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView { ActiveTab = 0 }),
                sheets,
                new DefinedNames(
                    // Excel keeps the filter's range under this hidden name; the header row repeats on every printed page.
                    new DefinedName($"{quoted}!$A$1:${lastColumn}${planRows}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                    new DefinedName($"{quoted}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
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
        var data = new SheetData(HeaderRow(columns.Select(column => column.Header(text)), strings));
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
            FrozenHeaderView(text, selected: true),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths(columns.Select(column => column.Width)),
            data,
            new AutoFilter { Reference = range },
            Margins(),
            new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
    }

    private static Worksheet ColumnsSheet(ExportText text, SharedStrings strings)
    {
        var data = new SheetData(HeaderRow([text["Export.Columns.Column"], text["Export.Columns.Meaning"]], strings));
        uint rowIndex = 1;
        foreach (var column in PlanColumn.All)
        {
            rowIndex++;
            data.Append(new Row(
                TextCell(column.Header(text), strings, Plain, "A", rowIndex),
                TextCell(column.Help(text), strings, Wrapped, "B", rowIndex))
            { RowIndex = rowIndex });
        }
        return new Worksheet(
            FrozenHeaderView(text, selected: false),
            new SheetFormatProperties { DefaultRowHeight = 15 },
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
        var data = new SheetData(new Row(TextCell(text.Format("Export.Title", export.CountryName), strings, Header, "A", 1)) { RowIndex = 1 });
        uint rowIndex = 2;
        foreach (var (label, value) in facts)
        {
            rowIndex++;
            var row = new Row(TextCell(label, strings, Header, "A", rowIndex)) { RowIndex = rowIndex };
            var cell = value switch
            {
                DateTime moment => new Cell { CellValue = new CellValue(moment.ToOADate()), StyleIndex = MomentCell },
                int count => new Cell { CellValue = new CellValue(count), StyleIndex = WholeNumber },
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
            new SheetViews(new SheetView { WorkbookViewId = 0, RightToLeft = text.RightToLeft }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths([34, 70]),
            data,
            Margins());
    }

    private static Row HeaderRow(IEnumerable<string> headers, SharedStrings strings)
    {
        var row = new Row { RowIndex = 1 };
        var index = 0;
        foreach (var header in headers)
        {
            row.Append(TextCell(header, strings, Header, ColumnName(++index), 1));
        }
        return row;
    }

    /// <summary>A typed cell for a column value; null when there is nothing to show.</summary>
    private static Cell? ValueCell(ColumnKind kind, object? value, SharedStrings strings) => value switch
    {
        null or "" => null,
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = DateCell },
        decimal amount => new Cell { CellValue = new CellValue(amount), StyleIndex = MoneyCell },
        int number => new Cell { CellValue = new CellValue(number), StyleIndex = WholeNumber },
        _ => StringCell((string)value, strings, kind == ColumnKind.LongText),
    };

    /// <summary>
    /// Text that looks like a formula carries the quote-prefix flag: the apostrophe Excel itself stores
    /// when someone types '=…, so the text is shown as typed and never becomes a formula on edit.
    /// </summary>
    private static Cell StringCell(string value, SharedStrings strings, bool wrap)
    {
        var formula = ExportCells.LooksLikeFormula(value);
        var style = wrap ? (formula ? WrappedAsText : Wrapped) : (formula ? PlainAsText : Plain);
        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(value)), StyleIndex = style };
    }

    /// <summary>A cell of the export's own words (headers, labels, explanations).</summary>
    private static Cell TextCell(string value, SharedStrings strings, uint style, string column, uint row) =>
        new()
        {
            CellReference = column + row.ToString(CultureInfo.InvariantCulture),
            DataType = CellValues.SharedString,
            CellValue = new CellValue(strings.IndexOf(value)),
            StyleIndex = style,
        };

    private static SheetViews FrozenHeaderView(ExportText text, bool selected) =>
        new(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
            TabSelected = selected,
            RightToLeft = text.RightToLeft,
        });

    private static Columns Widths(IEnumerable<double> widths) =>
        new(widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true }));

    private static PageMargins Margins() => new() { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 };

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim('\'');
        return TextRules.Truncate(clean, 31, ellipsis: "");
    }

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }
        return name;
    }

    private static Stylesheet Styles()
    {
        static CellFormat Format(uint numberFormat = 0, uint font = 0, bool wrap = false, bool quote = false) =>
            new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null })
            {
                NumberFormatId = numberFormat,
                FontId = font,
                FillId = 0,
                BorderId = 0,
                FormatId = 0,
                ApplyNumberFormat = numberFormat != 0 ? true : null,
                ApplyFont = font != 0 ? true : null,
                ApplyAlignment = true,
                QuotePrefix = quote ? true : null,
            };

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = MomentFormat, FormatCode = "yyyy-mm-dd hh:mm \"UTC\"" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
            { Count = 2 },
            // The first two fills are reserved by the format (none and gray125).
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(font: 1, wrap: true),
                Format(),
                Format(quote: true),
                Format(wrap: true),
                Format(wrap: true, quote: true),
                Format(numberFormat: ShortDateFormat),
                Format(numberFormat: MoneyFormat),
                Format(numberFormat: IntegerFormat),
                Format(numberFormat: MomentFormat))
            { Count = 10 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>The workbook's shared strings, each stored once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> values = [];
        private uint references;

        public int IndexOf(string value)
        {
            references++;
            var safe = ExportCells.XmlSafe(value);
            if (!index.TryGetValue(safe, out var position))
            {
                position = values.Count;
                values.Add(safe);
                index[safe] = position;
            }
            return position;
        }

        public SharedStringTable Table() =>
            new(values.Select(value => new SharedStringItem(new Text(value) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = references,
                UniqueCount = (uint)values.Count,
            };
    }
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pathway.Web.Documents;

/// <summary>
/// The pieces every Pathway workbook builds its sheets from: sheet and column names Excel accepts, the
/// frozen header view (right to left in Arabic), column widths, the filter's defined name and text cells
/// in the shared strings. They are elements, so a sheet held in memory and a sheet streamed row by row
/// with <see cref="OpenXmlWriter"/> use them alike.
/// </summary>
internal static class WorkbookParts
{
    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\.</summary>
    public static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim('\'');
        return TextRules.Truncate(clean, 31, ellipsis: "");
    }

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>The sheet's name as a formula refers to it: quoted, its quotes doubled.</summary>
    public static string Quoted(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The hidden name under which Excel keeps the range of the first sheet's filter.</summary>
    public static DefinedName FilterRange(string sheetName, int columns, int rows) =>
        new($"{Quoted(sheetName)}!$A$1:${ColumnName(columns)}${rows.ToString(CultureInfo.InvariantCulture)}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = 0,
            Hidden = true,
        };

    /// <summary>A view with the header row frozen and the cursor below it.</summary>
    public static SheetViews FrozenHeader(bool rightToLeft, bool selected) =>
        new(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
            TabSelected = selected,
            RightToLeft = rightToLeft,
        });

    /// <summary>A view with nothing frozen, for sheets of notes.</summary>
    public static SheetViews PlainView(bool rightToLeft) => new(new SheetView { WorkbookViewId = 0, RightToLeft = rightToLeft });

    public static SheetFormatProperties RowFormat() => new() { DefaultRowHeight = 15 };

    /// <summary>Column widths in characters, the first width for column A.</summary>
    public static Columns Widths(IEnumerable<double> widths) =>
        new(widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true }));

    /// <summary>A text cell at a column letter and row, held in the shared strings.</summary>
    public static Cell TextCell(string value, SharedStrings strings, uint style, string column, uint row) =>
        new()
        {
            CellReference = column + row.ToString(CultureInfo.InvariantCulture),
            DataType = CellValues.SharedString,
            CellValue = new CellValue(strings.IndexOf(value)),
            StyleIndex = style,
        };

    /// <summary>A row of text cells from column A, all in one style.</summary>
    public static Row TextRow(uint index, uint style, SharedStrings strings, IEnumerable<string> texts)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var text in texts)
        {
            row.Append(TextCell(text, strings, style, ColumnName(++column), index));
        }
        return row;
    }
}

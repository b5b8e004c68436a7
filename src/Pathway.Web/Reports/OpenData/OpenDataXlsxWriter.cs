using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using Pathway.Web.Planning;

namespace Pathway.Web.Reports;

/// <summary>
/// The open data as a workbook, streamed: a data sheet (stable column names, typed cells, frozen header,
/// filter), a data dictionary (each column's name, type, meaning and API field) and the notes (source,
/// demonstration rows, licence, citation). The package is assembled part by part in a forward-only ZIP and
/// each sheet is written row by row with <see cref="OpenXmlWriter"/>, passed on to the response every chunk:
/// the whole world's results never sit in memory. (The SDK's own package needs a seekable stream, which
/// would hold the whole sheet.)
/// </summary>
public sealed class OpenDataXlsxWriter(IStringLocalizer l)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Cell formats, in the order of the stylesheet's cellXfs.
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint TextAsTypedStyle = 3;
    private const uint WrappedStyle = 4;
    private const uint IntegerStyle = 5;
    private const uint DecimalStyle = 6;
    private const uint MomentStyle = 7;
    private const uint MomentFormat = 164;

    // A row has tens of cells and the world has tens of thousands of rows: the writer reuses its elements,
    // attribute arrays and column letters rather than allocating them per cell.
    private static readonly string[] ColumnNames = [.. Enumerable.Range(1, OpenDataColumn.All.Count).Select(ColumnName)];
    private static readonly string[] StyleNames = [.. Enumerable.Range(0, 8).Select(style => style.ToString(CultureInfo.InvariantCulture))];
    private readonly Row rowElement = new();
    private readonly Cell cellElement = new();
    private readonly CellValue valueElement = new();
    private readonly OpenXmlAttribute[] rowAttributes = new OpenXmlAttribute[1];
    private readonly OpenXmlAttribute[] numberAttributes = new OpenXmlAttribute[2];
    private readonly OpenXmlAttribute[] typedAttributes = new OpenXmlAttribute[3];

    private readonly Dictionary<string, int> stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];
    private int stringReferences;

    /// <summary>Writes the workbook to <paramref name="destination"/> (the response body), asynchronously, chunk by chunk.</summary>
    public async Task WriteAsync(
        Stream destination, IAsyncEnumerable<OpenDataResult> rows, IReadOnlyList<(string Heading, string Text)> notes, string filterText,
        DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(notes);
        var rightToLeft = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
        var sheetNames = new[] { SheetName(l["OpenData.Sheet.Data"]), SheetName(l["OpenData.Sheet.Dictionary"]), SheetName(l["OpenData.Sheet.Notes"]) };
        await using var chunks = new ChunkedResponseStream(destination);
        using (var zip = new ZipArchive(chunks, ZipArchiveMode.Create, leaveOpen: true))
        {
            var count = 0;
            using (var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            using (var sheet = OpenXmlWriter.Create(entry))
            {
                sheet.WriteStartDocument();
                sheet.WriteStartElement(new Worksheet());
                sheet.WriteElement(FrozenHeader(rightToLeft, selected: true));
                sheet.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
                sheet.WriteElement(Widths(OpenDataColumn.All.Select(column => column.Type == OpenDataType.Text ? 30d : 16d)));
                sheet.WriteStartElement(new SheetData());
                WriteRow(sheet, 1, OpenDataColumn.All.Select(column => (object?)column.Name), header: true);
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    count++;
                    WriteRow(sheet, (uint)count + 1, OpenDataColumn.All.Select(column => column.Value(row)), header: false);
                    await chunks.PassOnAsync(all: false, cancellationToken);
                }
                sheet.WriteEndElement();
                sheet.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(OpenDataColumn.All.Count)}{count + 1}" });
                sheet.WriteEndElement();
            }
            WritePart(zip, "xl/worksheets/sheet2.xml", DictionarySheet(rightToLeft));
            WritePart(zip, "xl/worksheets/sheet3.xml", NotesSheet(notes, filterText, count, exportedAt, rightToLeft));
            WritePart(zip, "xl/sharedStrings.xml", new SharedStringTable(strings.Select(value =>
                new SharedStringItem(new Text(value) { Space = SpaceProcessingModeValues.Preserve })))
            { Count = (uint)stringReferences, UniqueCount = (uint)strings.Count });
            WritePart(zip, "xl/styles.xml", Styles());
            WritePart(zip, "xl/workbook.xml", Workbook(sheetNames, count));
            WritePackageParts(zip);
        }
        await chunks.PassOnAsync(all: true, cancellationToken);
    }

    private void WriteRow(OpenXmlWriter sheet, uint rowIndex, IEnumerable<object?> values, bool header)
    {
        var rowText = rowIndex.ToString(CultureInfo.InvariantCulture);
        rowAttributes[0] = new("r", "", rowText);
        sheet.WriteStartElement(rowElement, rowAttributes);
        var column = 0;
        foreach (var value in values)
        {
            if (Cell(value, header) is { } cell)
            {
                var attributes = cell.Type is null ? numberAttributes : typedAttributes;
                attributes[0] = new("r", "", ColumnNames[column] + rowText);
                attributes[1] = new("s", "", StyleNames[cell.Style]);
                if (cell.Type is { } type)
                {
                    attributes[2] = new("t", "", type);
                }
                sheet.WriteStartElement(cellElement, attributes);
                sheet.WriteStartElement(valueElement);
                sheet.WriteString(cell.Value);
                sheet.WriteEndElement();
                sheet.WriteEndElement();
            }
            column++;
        }
        sheet.WriteEndElement();
    }

    /// <summary>A typed cell: numbers and moments as numbers, yes/no as a boolean, everything else a shared string; nothing for null.</summary>
    private (string Value, uint Style, string? Type)? Cell(object? value, bool header) => value switch
    {
        null => null,
        int number => (number.ToString(CultureInfo.InvariantCulture), IntegerStyle, null),
        decimal number => (number.ToString(CultureInfo.InvariantCulture), DecimalStyle, null),
        bool flag => (flag ? "1" : "0", TextStyle, "b"),
        DateTimeOffset moment => (moment.UtcDateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture), MomentStyle, null),
        Guid id => (Shared(id.ToString()).ToString(CultureInfo.InvariantCulture), TextStyle, "s"),
        string text => (Shared(text).ToString(CultureInfo.InvariantCulture),
            header ? HeaderStyle : ExportCells.LooksLikeFormula(text) ? TextAsTypedStyle : TextStyle, "s"),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "No cell type for this value."),
    };

    private int Shared(string value)
    {
        stringReferences++;
        var safe = ExportCells.XmlSafe(value);
        if (!stringIndex.TryGetValue(safe, out var position))
        {
            position = strings.Count;
            strings.Add(safe);
            stringIndex[safe] = position;
        }
        return position;
    }

    private Worksheet DictionarySheet(bool rightToLeft)
    {
        var data = new SheetData(TextRow(1, HeaderStyle,
            l["OpenData.Dictionary.Column"], l["OpenData.Dictionary.Type"], l["OpenData.Dictionary.Meaning"], l["OpenData.Dictionary.ApiField"]));
        uint index = 1;
        foreach (var column in OpenDataColumn.All)
        {
            data.Append(TextRow(++index, TextStyle, column.Name, l[column.TypeKey], l[column.MeaningKey], column.JsonName));
        }
        return new Worksheet(FrozenHeader(rightToLeft, selected: false), new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths([24, 22, 90, 22]), data);
    }

    private Worksheet NotesSheet(IReadOnlyList<(string Heading, string Text)> notes, string filterText, int count, DateTimeOffset exportedAt, bool rightToLeft)
    {
        var data = new SheetData(TextRow(1, HeaderStyle, l["OpenData.Title"]));
        uint index = 2;
        foreach (var (heading, text) in notes.Append((l["OpenData.Notes.FiltersHeading"], filterText)))
        {
            data.Append(TextRow(++index, WrappedStyle, heading, text));
        }
        var rowsRow = TextRow(++index, WrappedStyle, l["OpenData.Notes.RowsHeading"]);
        rowsRow.Append(new Cell { CellReference = "B" + index, CellValue = new CellValue(count), StyleIndex = IntegerStyle });
        data.Append(rowsRow);
        var momentRow = TextRow(++index, WrappedStyle, l["OpenData.Notes.ExportedHeading"]);
        momentRow.Append(new Cell { CellReference = "B" + index, CellValue = new CellValue(exportedAt.UtcDateTime.ToOADate()), StyleIndex = MomentStyle });
        data.Append(momentRow);
        return new Worksheet(new SheetViews(new SheetView { WorkbookViewId = 0, RightToLeft = rightToLeft }),
            new SheetFormatProperties { DefaultRowHeight = 15 }, Widths([28, 100]), data);
    }

    private Row TextRow(uint index, uint style, params string[] texts)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < texts.Length; i++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(i + 1) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.SharedString,
                CellValue = new CellValue(Shared(texts[i])),
                StyleIndex = style,
            });
        }
        return row;
    }

    private static SheetViews FrozenHeader(bool rightToLeft, bool selected) =>
        new(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
            TabSelected = selected,
            RightToLeft = rightToLeft,
        });

    private static Columns Widths(IEnumerable<double> widths) =>
        new(widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true }));

    private static Workbook Workbook(string[] sheetNames, int count)
    {
        var quoted = "'" + sheetNames[0].Replace("'", "''", StringComparison.Ordinal) + "'";
        var lastColumn = ColumnName(OpenDataColumn.All.Count);
        return new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)i + 1, Id = "rId" + (i + 1) })),
            new DefinedNames(
                // Excel keeps the filter's range under this hidden name.
                new DefinedName($"{quoted}!$A$1:${lastColumn}${count + 1}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
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
            new NumberingFormats(new NumberingFormat { NumberFormatId = MomentFormat, FormatCode = "yyyy-mm-dd hh:mm:ss \"UTC\"" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
            { Count = 2 },
            // The first two fills are reserved by the format (none and gray125).
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(font: 1, wrap: true),
                Format(),
                Format(quote: true),
                Format(wrap: true),
                Format(numberFormat: 1),
                Format(numberFormat: 2),
                Format(numberFormat: MomentFormat))
            { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }

    /// <summary>The package's own parts: content types and the relationships from the package and the workbook to the parts.</summary>
    private static void WritePackageParts(ZipArchive zip)
    {
        WriteXml(zip, "[Content_Types].xml", xml =>
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartElement("Types", ns);
            Default(xml, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, ns, "xml", "application/xml");
            Override(xml, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            for (var i = 1; i <= 3; i++)
            {
                Override(xml, ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
            Override(xml, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            Override(xml, ns, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
            xml.WriteEndElement();
        });
        WriteXml(zip, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationshipNs);
            Relationship(xml, "rId1", RelationshipNs + "/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        WriteXml(zip, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationshipNs);
            for (var i = 1; i <= 3; i++)
            {
                Relationship(xml, "rId" + i, RelationshipNs + "/worksheet", $"worksheets/sheet{i}.xml");
            }
            Relationship(xml, "rId4", RelationshipNs + "/styles", "styles.xml");
            Relationship(xml, "rId5", RelationshipNs + "/sharedStrings", "sharedStrings.xml");
            xml.WriteEndElement();
        });

        static void Default(XmlWriter xml, string ns, string extension, string type)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string ns, string part, string type)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Relationship(XmlWriter xml, string id, string type, string target)
        {
            xml.WriteStartElement("Relationship", PackageRelationshipNs);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
    }

    private static void WriteXml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(entry,
            new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

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
}

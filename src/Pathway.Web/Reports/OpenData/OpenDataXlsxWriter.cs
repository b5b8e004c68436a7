using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using Pathway.Web.Documents;
using static Pathway.Web.Documents.WorkbookParts;

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

    // A row has tens of cells and the world has tens of thousands of rows: the writer reuses its elements,
    // attribute arrays and column letters rather than allocating them per cell.
    private static readonly string[] ColumnNames = [.. Enumerable.Range(1, OpenDataColumn.All.Count).Select(ColumnName)];
    private static readonly string[] StyleNames = [.. Enumerable.Range(0, WorkbookStyles.Count).Select(style => style.ToString(CultureInfo.InvariantCulture))];
    private readonly Row rowElement = new();
    private readonly Cell cellElement = new();
    private readonly CellValue valueElement = new();
    private readonly OpenXmlAttribute[] rowAttributes = new OpenXmlAttribute[1];
    private readonly OpenXmlAttribute[] numberAttributes = new OpenXmlAttribute[2];
    private readonly OpenXmlAttribute[] typedAttributes = new OpenXmlAttribute[3];

    private readonly SharedStrings strings = new();

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
                sheet.WriteElement(RowFormat());
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
            WritePart(zip, "xl/sharedStrings.xml", strings.Table());
            WritePart(zip, "xl/styles.xml", WorkbookStyles.Stylesheet());
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
        int number => (number.ToString(CultureInfo.InvariantCulture), WorkbookStyles.WholeNumber, null),
        decimal number => (number.ToString(CultureInfo.InvariantCulture), WorkbookStyles.DecimalNumber, null),
        bool flag => (flag ? "1" : "0", WorkbookStyles.Text, "b"),
        DateTimeOffset moment => (moment.UtcDateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture), WorkbookStyles.PreciseMoment, null),
        Guid id => (strings.IndexOf(id.ToString()).ToString(CultureInfo.InvariantCulture), WorkbookStyles.Text, "s"),
        string text => (strings.IndexOf(text).ToString(CultureInfo.InvariantCulture),
            header ? WorkbookStyles.Header : WorkbookStyles.ForText(text, wrap: false), "s"),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "No cell type for this value."),
    };

    private Worksheet DictionarySheet(bool rightToLeft)
    {
        var data = new SheetData(TextRow(1, WorkbookStyles.Header, strings,
            [l["OpenData.Dictionary.Column"], l["OpenData.Dictionary.Type"], l["OpenData.Dictionary.Meaning"], l["OpenData.Dictionary.ApiField"]]));
        uint index = 1;
        foreach (var column in OpenDataColumn.All)
        {
            data.Append(TextRow(++index, WorkbookStyles.Text, strings, [column.Name, l[column.TypeKey], l[column.MeaningKey], column.JsonName]));
        }
        return new Worksheet(FrozenHeader(rightToLeft, selected: false), RowFormat(), Widths([24, 22, 90, 22]), data);
    }

    private Worksheet NotesSheet(IReadOnlyList<(string Heading, string Text)> notes, string filterText, int count, DateTimeOffset exportedAt, bool rightToLeft)
    {
        var data = new SheetData(TextRow(1, WorkbookStyles.Header, strings, [l["OpenData.Title"]]));
        uint index = 2;
        foreach (var (heading, text) in notes.Append((l["OpenData.Notes.FiltersHeading"], filterText)))
        {
            data.Append(TextRow(++index, WorkbookStyles.Wrapped, strings, [heading, text]));
        }
        var rowsRow = TextRow(++index, WorkbookStyles.Wrapped, strings, [l["OpenData.Notes.RowsHeading"]]);
        rowsRow.Append(new Cell { CellReference = "B" + index, CellValue = new CellValue(count), StyleIndex = WorkbookStyles.WholeNumber });
        data.Append(rowsRow);
        var momentRow = TextRow(++index, WorkbookStyles.Wrapped, strings, [l["OpenData.Notes.ExportedHeading"]]);
        momentRow.Append(new Cell { CellReference = "B" + index, CellValue = new CellValue(exportedAt.UtcDateTime.ToOADate()), StyleIndex = WorkbookStyles.PreciseMoment });
        data.Append(momentRow);
        return new Worksheet(PlainView(rightToLeft), RowFormat(), Widths([28, 100]), data);
    }

    private static Workbook Workbook(string[] sheetNames, int count)
    {
        return new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)i + 1, Id = "rId" + (i + 1) })),
            new DefinedNames(FilterRange(sheetNames[0], OpenDataColumn.All.Count, count + 1)));
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
}

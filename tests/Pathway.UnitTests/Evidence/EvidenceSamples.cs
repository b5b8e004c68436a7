using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pathway.UnitTests.Evidence;

/// <summary>Real, minimal files of each kind, built in memory.</summary>
internal static class EvidenceSamples
{
    /// <summary>A one-page PDF with a correct cross-reference table.</summary>
    public static byte[] Pdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 RGBA PNG: signature, IHDR, IDAT, IEND with correct CRCs.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>
    /// An 8×8 grey baseline JPEG: one quantisation table, one-symbol Huffman tables, and a scan whose
    /// single block is "DC difference 0, end of block".
    /// </summary>
    public static byte[] Jpeg()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 }; // SOI
        // APP0 JFIF 1.01, no density, no thumbnail.
        jpeg.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        // DQT: table 0, 8-bit, all ones.
        jpeg.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        jpeg.AddRange(Enumerable.Repeat((byte)1, 64));
        // SOF0: 8-bit, 8×8, one component (id 1, 1×1 sampling, table 0).
        jpeg.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]);
        // DHT: DC table 0 and AC table 0, each one code of length 1 (symbol 0: "category 0" / "end of block").
        byte[] oneCode = [0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x14, 0x00]);
        jpeg.AddRange(oneCode);
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x14, 0x10]);
        jpeg.AddRange(oneCode);
        // SOS: one component, tables 0/0, full spectral range.
        jpeg.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        // Scan: bits 0 (DC category 0) and 0 (EOB), padded with ones.
        jpeg.Add(0x3F);
        jpeg.AddRange([0xFF, 0xD9]); // EOI
        return [.. jpeg];
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>Report</title></head><body><script>alert(1)</script></body></html>");

    /// <summary>The start of a Windows executable: MZ header, DOS stub message, PE offset.</summary>
    public static byte[] Exe()
    {
        var exe = new byte[256];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        exe[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        "This program cannot be run in DOS mode."u8.CopyTo(exe.AsSpan(0x4E));
        return exe;
    }

    /// <summary>The header of an OLE compound file: what .doc, .xls and password-protected .docx are.</summary>
    public static byte[] LegacyOffice()
    {
        var doc = new byte[512];
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.CopyTo(doc, 0);
        return doc;
    }

    public const string Rels = "application/vnd.openxmlformats-package.relationships+xml";
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string ExcelMacroMain = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    public const string Worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    public static string ContentTypes(params (string Part, string Type)[] overrides) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
        + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
        + $"""<Default Extension="rels" ContentType="{Rels}"/><Default Extension="xml" ContentType="application/xml"/>"""
        + string.Concat(overrides.Select(o => $"""<Override PartName="{o.Part}" ContentType="{o.Type}"/>"""))
        + "</Types>";

    private static string PackageRels(string target) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
        + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + $"""<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/>"""
        + "</Relationships>";

    /// <summary>The parts of a minimal Word document; tests add, drop or change parts before zipping.</summary>
    public static Dictionary<string, string> DocxParts(string mainContentType = WordMain) => new()
    {
        ["[Content_Types].xml"] = ContentTypes(("/word/document.xml", mainContentType)),
        ["_rels/.rels"] = PackageRels("word/document.xml"),
        ["word/document.xml"] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
            + """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"""
            + "<w:body><w:p><w:r><w:t>Minutes of the national dialogue</w:t></w:r></w:p></w:body></w:document>",
    };

    /// <summary>The parts of a minimal Excel workbook with one empty sheet.</summary>
    public static Dictionary<string, string> XlsxParts(string mainContentType = ExcelMain) => new()
    {
        ["[Content_Types].xml"] = ContentTypes(("/xl/workbook.xml", mainContentType), ("/xl/worksheets/sheet1.xml", Worksheet)),
        ["_rels/.rels"] = PackageRels("xl/workbook.xml"),
        ["xl/workbook.xml"] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
            + """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"""
            + """<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""",
        ["xl/_rels/workbook.xml.rels"] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
            + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"""
            + "</Relationships>",
        ["xl/worksheets/sheet1.xml"] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
            + """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>""",
    };

    public static byte[] Docx() => Zip(DocxParts());

    public static byte[] Xlsx() => Zip(XlsxParts());

    public static byte[] Zip(IEnumerable<KeyValuePair<string, string>> parts) =>
        Zip(parts.Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))));

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>
/// A seekable stream of any length that holds <paramref name="prefix"/> followed by zeros, without
/// allocating the length; counts the bytes read so tests can show what inspection touched.
/// </summary>
internal sealed class SparseStream(long length, byte[] prefix) : Stream
{
    private long position;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Clamp(length - position, 0, buffer.Length);
        for (var i = 0; i < count; i++)
        {
            var at = position + i;
            buffer[i] = at < prefix.Length ? prefix[at] : (byte)0;
        }

        position += count;
        BytesRead += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream that can only be read forward, like a raw request body.</summary>
internal sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
{
    public override bool CanSeek => false;
}

using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pathway.Web.Assessments.Evidence;

/// <summary>What a PDF's scan found.</summary>
internal enum PdfScan
{
    Clean,
    /// <summary>Script, or an action that starts a program, sends data or opens an embedded file.</summary>
    ActiveContent,
    /// <summary>Its object streams unpack to more than <see cref="PdfActiveContent.MaxUnpackedBytes"/>.</summary>
    UnpacksTooLarge,
}

/// <summary>
/// Finds what a PDF reader would run: the action and script names of the PDF specification, in the file
/// and inside its compressed object streams (where a catalogue's <c>/OpenAction</c> can hide), with
/// <c>#xx</c>-escaped names decoded. An <c>/OpenAction</c> or <c>/AA</c> that only goes to a page is a
/// destination and passes; one that runs script or a program names <c>/JavaScript</c>, <c>/JS</c> or
/// <c>/Launch</c> and is refused.
/// </summary>
internal static class PdfActiveContent
{
    /// <summary>What the object streams of one file may unpack to; reading stops there, whatever they declare.</summary>
    public const int MaxUnpackedBytes = 64 * 1024 * 1024;

    // Script; starting a program or opening an embedded file; sending or importing data; rich media (Flash).
    private static readonly HashSet<string> ActiveNames =
        ["JS", "JavaScript", "Launch", "GoToE", "SubmitForm", "ImportData", "RichMedia"];

    private static readonly SearchValues<byte> Delimiters = SearchValues.Create("()<>[]{}/% \t\r\n\f\0"u8);

    public static PdfScan Scan(Stream pdf)
    {
        var length = checked((int)pdf.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            pdf.Position = 0;
            pdf.ReadExactly(buffer, 0, length);
            var budget = MaxUnpackedBytes;
            return Scan(buffer.AsSpan(0, length), ref budget, nested: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static PdfScan Scan(ReadOnlySpan<byte> bytes, ref int budget, bool nested)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            var slash = bytes[at..].IndexOf((byte)'/');
            if (slash < 0)
            {
                break;
            }
            var start = at + slash + 1;
            var end = bytes[start..].IndexOfAny(Delimiters);
            end = end < 0 ? bytes.Length : start + end;
            var name = Name(bytes[start..end]);
            at = end;
            if (ActiveNames.Contains(name))
            {
                return PdfScan.ActiveContent;
            }
            if (!nested && name == "ObjStm" && Unpack(bytes, end, ref budget) is { } unpacked)
            {
                if (unpacked.Result != PdfScan.Clean)
                {
                    return unpacked.Result;
                }
                var inner = Scan(unpacked.Bytes, ref budget, nested: true);
                if (inner != PdfScan.Clean)
                {
                    return inner;
                }
            }
        }
        return PdfScan.Clean;
    }

    /// <summary>A name's characters with <c>#xx</c> escapes decoded (<c>/J#61vaScript</c> is <c>/JavaScript</c>).</summary>
    private static string Name(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'#') < 0)
        {
            return Encoding.Latin1.GetString(raw);
        }
        var decoded = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                decoded.Append((char)byte.Parse(raw.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                decoded.Append((char)raw[i]);
            }
        }
        return decoded.ToString();
    }

    private static bool IsHex(byte value) => char.IsAsciiHexDigit((char)value);

    /// <summary>
    /// The object stream whose dictionary named /ObjStm before <paramref name="from"/>, inflated, reading at
    /// most what the budget has left; null when no stream follows or it is not Flate-compressed data.
    /// </summary>
    private static (PdfScan Result, byte[] Bytes)? Unpack(ReadOnlySpan<byte> bytes, int from, ref int budget)
    {
        var keyword = bytes[from..].IndexOf("stream"u8);
        if (keyword < 0)
        {
            return null;
        }
        var data = from + keyword + "stream".Length;
        while (data < bytes.Length && bytes[data] is (byte)'\r' or (byte)'\n')
        {
            data++;
        }
        var end = bytes[data..].IndexOf("endstream"u8);
        var compressed = bytes[data..(end < 0 ? bytes.Length : data + end)].ToArray();
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = inflate.Read(chunk)) > 0)
            {
                if (read > budget)
                {
                    return (PdfScan.UnpacksTooLarge, []);
                }
                budget -= read;
                output.Write(chunk, 0, read);
            }
            return (PdfScan.Clean, output.ToArray());
        }
        catch (InvalidDataException)
        {
            // Not Flate data (another filter, or damaged): nothing readable to scan, as a reader would find too.
            return null;
        }
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pathway.Web.Assessments.Evidence;

/// <summary>What a ZIP file turned out to be.</summary>
internal enum OfficePackageKind
{
    Docx,
    Xlsx,
    MacroEnabledWord,
    MacroEnabledExcel,
    /// <summary>A readable ZIP that is not a Word or Excel document (plain archive, PowerPoint, ODF...).</summary>
    OtherZip,
    /// <summary>Unreadable, truncated, inconsistent or implausibly large directory.</summary>
    Corrupt,
    /// <summary>Unpacks to more than the stated limits (a "zip bomb"), by its declared or its actual sizes.</summary>
    UnpacksTooLarge,
}

/// <summary>
/// Tells a .docx from an .xlsx from any other ZIP. Zip-bomb safe: the entry count is read from the end
/// record and capped before the central directory is parsed; a Word or Excel file is refused when its
/// entries declare more than <see cref="MaxUnpackedBytes"/> in all or one compresses more than
/// <see cref="MaxRatio"/> to one; and since declarations can lie, its entries are then unpacked with a
/// counter that stops at the declared size and at the limit, so whoever opens the file later unpacks no more.
/// </summary>
internal static class OfficePackage
{
    /// <summary>More parts than any real document has; also bounds the memory the directory costs.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>What all the parts of one file may unpack to: 200 MB (ten times the largest upload).</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    /// <summary>
    /// The most one part may compress, unpacked to packed; real document XML stays well under it, a bomb's
    /// parts go to about 1,000. Parts smaller than <see cref="RatioFloorBytes"/> are not judged by ratio.
    /// </summary>
    public const int MaxRatio = 100;

    /// <summary>Below this unpacked size a part's ratio cannot hurt anyone (a tiny, very regular XML part).</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>A [Content_Types].xml listing 10,000 parts is about 1.5 MB.</summary>
    public const int MaxContentTypesBytes = 2 * 1024 * 1024;

    private const string ContentTypesPart = "[Content_Types].xml";
    private const string WordMainPart = "word/document.xml";
    private const string ExcelMainPart = "xl/workbook.xml";
    private const string VbaProjectPart = "vbaProject.bin";

    private const uint EndRecordSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndRecordSignature = 0x06064b50;
    private const int EndRecordSize = 22;
    private const int Zip64LocatorSize = 20;
    private const int Zip64EndRecordSize = 56;

    /// <summary>Inspects a seekable stream that holds a whole ZIP file from position 0.</summary>
    public static OfficePackageKind Inspect(Stream zip)
    {
        try
        {
            var declaredEntries = DeclaredEntryCount(zip);
            if (declaredEntries is null or > MaxEntries)
            {
                return OfficePackageKind.Corrupt;
            }

            zip.Position = 0;
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);

            // Reads the central directory only; ZipArchive refuses a directory longer than the end record declared.
            ZipArchiveEntry? contentTypes = null;
            bool word = false, excel = false, vba = false;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName;
                if (name.Equals(ContentTypesPart, StringComparison.OrdinalIgnoreCase))
                {
                    contentTypes = entry;
                }
                else if (name.Equals(WordMainPart, StringComparison.OrdinalIgnoreCase))
                {
                    word = true;
                }
                else if (name.Equals(ExcelMainPart, StringComparison.OrdinalIgnoreCase))
                {
                    excel = true;
                }
                else if (entry.Name.Equals(VbaProjectPart, StringComparison.OrdinalIgnoreCase))
                {
                    vba = true;
                }
            }

            if (!word && !excel)
            {
                return OfficePackageKind.OtherZip;
            }

            if ((word && excel) || contentTypes is null)
            {
                return OfficePackageKind.Corrupt;
            }

            var macros = vba || DeclaresMacros(contentTypes);
            if (UnpacksTooLarge(zip, archive.Entries))
            {
                return OfficePackageKind.UnpacksTooLarge;
            }

            return (word, macros) switch
            {
                (true, false) => OfficePackageKind.Docx,
                (true, true) => OfficePackageKind.MacroEnabledWord,
                (false, false) => OfficePackageKind.Xlsx,
                (false, true) => OfficePackageKind.MacroEnabledExcel,
            };
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            // Bad headers, bad deflate data, encrypted or unsupported compression, truncation.
            return OfficePackageKind.Corrupt;
        }
    }

    /// <summary>
    /// Whether the parts declare too much, or unpack to more than they declare. The second is counted on the
    /// raw deflate data of each part (from its local header), because .NET's own reader stops at the declared
    /// size and so cannot see the lie that another program opening the file would unpack.
    /// </summary>
    private static bool UnpacksTooLarge(Stream zip, IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        long declared = 0;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            if (declared > MaxUnpackedBytes
                || (entry.Length > RatioFloorBytes && entry.Length > MaxRatio * Math.Max(entry.CompressedLength, 1)))
            {
                return true;
            }
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var part in DeflatedParts(zip))
        {
            zip.Position = part.DataOffset;
            using var inflate = new DeflateStream(new BoundedStream(zip, part.CompressedLength), CompressionMode.Decompress, leaveOpen: true);
            long read = 0;
            int chunk;
            while ((chunk = inflate.Read(buffer)) > 0)
            {
                read += chunk;
                total += chunk;
                if (read > part.DeclaredLength || total > MaxUnpackedBytes)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private readonly record struct DeflatedPart(long DataOffset, long CompressedLength, long DeclaredLength);

    /// <summary>The deflated parts as the central directory lists them (Zip64 parts are left to .NET's checks).</summary>
    private static List<DeflatedPart> DeflatedParts(Stream zip)
    {
        var parts = new List<DeflatedPart>();
        var tail = new byte[(int)Math.Min(zip.Length, EndRecordSize + ushort.MaxValue)];
        zip.Position = zip.Length - tail.Length;
        zip.ReadExactly(tail);
        var at = tail.AsSpan().LastIndexOf("PK\x05\x06"u8);
        if (at < 0)
        {
            return parts;
        }
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 12));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 16));
        if (directoryOffset + (long)directorySize > zip.Length)
        {
            return parts;
        }
        var directory = new byte[directorySize];
        zip.Position = directoryOffset;
        zip.ReadExactly(directory);
        Span<byte> local = stackalloc byte[30];
        for (var record = 0; record + 46 <= directory.Length;)
        {
            var header = directory.AsSpan(record);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50)
            {
                break;
            }
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            var uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            record += 46 + BinaryPrimitives.ReadUInt16LittleEndian(header[28..])
                + BinaryPrimitives.ReadUInt16LittleEndian(header[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if (method != 8 || compressed == uint.MaxValue || uncompressed == uint.MaxValue || offset == uint.MaxValue
                || offset + 30L > zip.Length)
            {
                continue;
            }
            zip.Position = offset;
            zip.ReadExactly(local);
            var data = offset + 30L + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
            if (data + compressed <= zip.Length)
            {
                parts.Add(new DeflatedPart(data, compressed, uncompressed));
            }
        }
        return parts;
    }

    /// <summary>Reads at most <paramref name="length"/> bytes of the inner stream from its current position.</summary>
    private sealed class BoundedStream(Stream inner, long length) : Stream
    {
        private long left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, (int)Math.Min(count, left));
            left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// Whether [Content_Types].xml declares macro-enabled or VBA parts (docm, xlsm, dotm, xltm, xlam...).
    /// Throws <see cref="InvalidDataException"/> when the part is larger than a real one could be.
    /// </summary>
    private static bool DeclaresMacros(ZipArchiveEntry contentTypes)
    {
        if (contentTypes.Length > MaxContentTypesBytes)
        {
            throw new InvalidDataException("[Content_Types].xml is implausibly large.");
        }

        // The declared length can lie: read at most one byte more than the bound, whatever it says.
        var buffer = new byte[Math.Min(contentTypes.Length, MaxContentTypesBytes) + 1];
        using var stream = contentTypes.Open();
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read > MaxContentTypesBytes || (read == buffer.Length && stream.ReadByte() >= 0))
        {
            throw new InvalidDataException("[Content_Types].xml is longer than its entry declares.");
        }

        // OPC allows UTF-8 or UTF-16, told apart by the byte order mark.
        using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var xml = reader.ReadToEnd();
        return xml.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
            || xml.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The entry count the end-of-central-directory record (or its Zip64 form) declares, or null when
    /// there is no end record (a truncated or non-ZIP file). Reads at most the last 64 KB and 56 bytes.
    /// </summary>
    private static long? DeclaredEntryCount(Stream zip)
    {
        var length = zip.Length;
        if (length < EndRecordSize)
        {
            return null;
        }

        // The end record is the last thing in the file, followed only by a comment of up to 64 KB;
        // read enough before it to also hold the Zip64 locator.
        var tail = new byte[(int)Math.Min(length, EndRecordSize + ushort.MaxValue + Zip64LocatorSize)];
        zip.Position = length - tail.Length;
        zip.ReadExactly(tail);

        var end = -1;
        for (var i = tail.Length - EndRecordSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndRecordSignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return null;
        }

        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var locator = end - Zip64LocatorSize;
        if (entries != ushort.MaxValue || locator < 0
            || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) != Zip64LocatorSignature)
        {
            return entries;
        }

        var zip64End = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8));
        if (zip64End > (ulong)(length - Zip64EndRecordSize))
        {
            return null;
        }

        Span<byte> record = stackalloc byte[Zip64EndRecordSize];
        zip.Position = (long)zip64End;
        zip.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndRecordSignature)
        {
            return null;
        }

        var total = BinaryPrimitives.ReadUInt64LittleEndian(record[32..]);
        return total > long.MaxValue ? long.MaxValue : (long)total;
    }
}

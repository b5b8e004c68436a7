using System.Globalization;
using System.Text;

namespace Pathway.Web.Assessments.Evidence;

/// <summary>
/// Decides whether an uploaded evidence file is acceptable by its content, before anything is stored.
/// Pure: no I/O beyond reading the given stream, no clock, no configuration.
/// </summary>
/// <remarks>
/// <para>Detection, by the first bytes:</para>
/// <list type="bullet">
/// <item>PDF: <c>%PDF-</c> at offset 0, without script or actions that start programs (<see cref="PdfActiveContent"/>). PDF readers tolerate the header anywhere in the first 1,024 bytes,
/// but that tolerance is what PDF/HTML and PDF/ZIP polyglots rely on; every real PDF producer writes it
/// at offset 0, so we require it there.</item>
/// <item>PNG: the 8-byte signature <c>89 50 4E 47 0D 0A 1A 0A</c>. JPEG: <c>FF D8 FF</c>.</item>
/// <item>DOCX / XLSX: a ZIP (<c>PK 03 04</c>) holding <c>[Content_Types].xml</c> and <c>word/document.xml</c>
/// or <c>xl/workbook.xml</c>, without macros; see <see cref="OfficePackage"/>.</item>
/// <item>Everything else (.doc/.xls, HTML, SVG, text, executables, other archives) is
/// <see cref="EvidenceFileRefusal.UnknownType"/>.</item>
/// </list>
/// <para>The file name never decides the type. It is used to refuse a file whose extension claims another
/// type than its content (<see cref="EvidenceFileRefusal.Disguised"/>) and to build the download name.
/// A name with no extension claims nothing. When the content is unknown, the refusal is
/// <see cref="EvidenceFileRefusal.UnknownType"/> whatever the name says (HTML named report.pdf is
/// UnknownType, not Disguised): Disguised is kept for content we would otherwise accept.</para>
/// <para>Formats are recognised, not validated: a PNG with a broken body passes. Files are always served as
/// attachments with their canonical MIME type and <c>nosniff</c>, which is the protection against content
/// a browser might execute.</para>
/// </remarks>
public static class EvidenceFileCheck
{
    /// <summary>The largest accepted file: 20 MB (20 × 1,048,576 bytes). A file of exactly this size is accepted.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Download names are cut to this many UTF-8 bytes, extension included (file systems allow 255).</summary>
    public const int MaxDownloadNameBytes = 200;

    /// <summary>The stem used when the original name has nothing usable left.</summary>
    public const string FallbackName = "evidence";

    private const string Allowed = "a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file";
    private const double BytesPerMegabyte = 1024 * 1024;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// Inspects a whole file held in a seekable stream (an <c>IFormFile.OpenReadStream()</c>, a
    /// <see cref="MemoryStream"/>), from position 0. Reads the first bytes; a PDF whole, to find script
    /// and actions; for ZIP files the end record and the central directory, and for Word and Excel files
    /// their parts, unpacked with a counter that stops at the limits.
    /// The stream is left open at position 0, ready to be copied into storage.
    /// </summary>
    /// <param name="content">The file; must be readable and seekable (its length is the file size).</param>
    /// <param name="fileName">The name the client sent, if any; only used to detect disguise and name the download.</param>
    /// <exception cref="ArgumentException">The stream cannot read or seek: a programming error, not bad input.</exception>
    public static EvidenceFileCheckResult Inspect(Stream content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("Evidence files are inspected from a readable, seekable stream.", nameof(content));
        }

        try
        {
            return InspectFromStart(content, fileName);
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Inspects a file already in memory, without copying it.</summary>
    public static EvidenceFileCheckResult Inspect(byte[] content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Inspect(stream, fileName);
    }

    /// <summary>
    /// A name that is safe to offer as a download: the last path segment only, without control,
    /// invisible-formatting (bidi override) or reserved characters, Unicode letters kept (Arabic, French),
    /// at most <see cref="MaxDownloadNameBytes"/> UTF-8 bytes, and always ending in the extension of
    /// <paramref name="type"/> (any other extension is replaced).
    /// </summary>
    public static string SafeDownloadName(string? original, EvidenceFileType type)
    {
        var extension = EvidenceFileFormat.Of(type).Extension;
        var name = Clean(LastSegment(original)).TrimEnd(' ', '.');
        var stem = ClaimedExtension(name) is { } claimed ? name[..^(claimed.Length + 1)] : name;
        stem = stem.Trim(' ', '.');
        if (IsWindowsDeviceName(stem))
        {
            stem = "_" + stem;
        }

        stem = Cut(stem, MaxDownloadNameBytes - Encoding.UTF8.GetByteCount(extension)).TrimEnd(' ', '.');
        return (stem.Length == 0 ? FallbackName : stem) + extension;
    }

    private static EvidenceFileCheckResult InspectFromStart(Stream content, string? fileName)
    {
        var length = content.Length;
        if (length == 0)
        {
            return EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.Empty,
                $"The file is empty. Upload {Allowed} of at most {Megabytes(MaxBytes / BytesPerMegabyte)}.");
        }

        if (length > MaxBytes)
        {
            // Rounded to the nearest tenth, but never shown as the limit itself (20 MB + 1 byte reads 20.1 MB).
            var size = Math.Max(Math.Round(length / BytesPerMegabyte, 1, MidpointRounding.AwayFromZero), MaxBytes / BytesPerMegabyte + 0.1);
            return EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.TooLarge,
                $"The file is {Megabytes(size)}; files may be at most {Megabytes(MaxBytes / BytesPerMegabyte)}.");
        }

        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        head = head[..content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];

        var claimed = ClaimedExtension(Clean(LastSegment(fileName)));
        EvidenceFileFormat format;
        if (head.StartsWith(PdfSignature))
        {
            switch (PdfActiveContent.Scan(content))
            {
                case PdfScan.ActiveContent:
                    return EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.PdfActiveContent,
                        "This PDF contains script or an action that runs when it is opened, which is not accepted. "
                        + "Print it to a new PDF (\"Save as PDF\") and upload that copy.");
                case PdfScan.UnpacksTooLarge:
                    return UnpacksTooLarge();
            }
            format = EvidenceFileFormat.Pdf;
        }
        else if (head.StartsWith(PngSignature))
        {
            format = EvidenceFileFormat.Png;
        }
        else if (head.StartsWith(JpegSignature))
        {
            format = EvidenceFileFormat.Jpeg;
        }
        else if (head.StartsWith(ZipSignature))
        {
            switch (OfficePackage.Inspect(content))
            {
                case OfficePackageKind.Docx:
                    format = EvidenceFileFormat.Docx;
                    break;
                case OfficePackageKind.Xlsx:
                    format = EvidenceFileFormat.Xlsx;
                    break;
                case OfficePackageKind.MacroEnabledWord:
                    return MacroEnabled("Word", EvidenceFileFormat.Docx);
                case OfficePackageKind.MacroEnabledExcel:
                    return MacroEnabled("Excel", EvidenceFileFormat.Xlsx);
                case OfficePackageKind.UnpacksTooLarge:
                    return UnpacksTooLarge();
                case OfficePackageKind.OtherZip:
                    return UnknownType(claimed, " It is a ZIP archive or another ZIP-based format; upload the documents it contains one by one.");
                default:
                    return EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.CorruptOfficeFile,
                        "This file looks like a Word or Excel file but is damaged or incomplete, so it cannot be read. "
                        + "Open it in Word or Excel, save it again as .docx or .xlsx, and upload the new copy.");
            }
        }
        else if (head.StartsWith(OleSignature))
        {
            return UnknownType(claimed, " Older Word and Excel files (.doc, .xls) and password-protected Office files are not accepted: "
                + "save it as .docx or .xlsx without a password and upload that.");
        }
        else
        {
            return UnknownType(claimed, "");
        }

        if (claimed is not null && !format.IsNamedBy(claimed))
        {
            return EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.Disguised,
                $"This file's name ends in .{claimed}, but its content is {format.Description}. "
                + $"Rename it to end in {format.Extension}, or upload the file you meant to.");
        }

        return EvidenceFileCheckResult.Accept(format, SafeDownloadName(fileName, format.Type));
    }

    private static EvidenceFileCheckResult UnknownType(string? claimed, string hint)
    {
        // The claimed extension is at most ten ASCII letters and digits, so it is safe to echo.
        var named = claimed is null ? "" : $", although its name ends in .{claimed}";
        return EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.UnknownType,
            $"This file's content is not {Allowed}{named}.{hint}");
    }

    private static EvidenceFileCheckResult UnpacksTooLarge() =>
        EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.UnpacksTooLarge,
            $"This file unpacks to far more than its size (over {Megabytes(OfficePackage.MaxUnpackedBytes / BytesPerMegabyte)} in all, "
            + $"or a part packed more than {OfficePackage.MaxRatio} to 1), as files built to overload a computer do. "
            + "Save the document again from Word, Excel or your PDF reader and upload the new copy.");

    private static EvidenceFileCheckResult MacroEnabled(string application, EvidenceFileFormat allowed) =>
        EvidenceFileCheckResult.Refuse(EvidenceFileRefusal.MacroEnabledOfficeFile,
            $"This {application} file contains macros, which are not accepted. "
            + $"Save it in {application} as {allowed.Description} without macros and upload that.");

    /// <summary>Megabytes (of 1,048,576 bytes) to one decimal, whole numbers without one: "23.4 MB", "20 MB".</summary>
    private static string Megabytes(double megabytes) =>
        megabytes.ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The part after the last / or \ (browsers and old clients may send a full path).</summary>
    private static string LastSegment(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        return name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
    }

    /// <summary>
    /// The extension a name claims (without the dot), or null. Only a short ASCII word with a letter counts,
    /// so "Minutes 12.03.2024" or "Dr. Smith report" claim nothing. Trailing dots and spaces are ignored,
    /// as Windows ignores them.
    /// </summary>
    private static string? ClaimedExtension(string name)
    {
        name = name.TrimEnd(' ', '.');
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var extension = name[(dot + 1)..];
        return extension.Length is > 0 and <= 10
            && extension.All(char.IsAsciiLetterOrDigit)
            && extension.Any(char.IsAsciiLetter)
            ? extension
            : null;
    }

    /// <summary>
    /// Keeps letters, marks, digits, punctuation and symbols of any script; turns controls and line breaks
    /// into spaces; drops invisible formatting (bidi overrides used to fake extensions) except the joiners
    /// Arabic-script names need; replaces characters reserved in file names with _; collapses spaces; NFC.
    /// </summary>
    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.SpaceSeparator:
                    AppendSpace(builder);
                    break;
                case UnicodeCategory.Format when rune.Value is not (0x200C or 0x200D):
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.OtherNotAssigned:
                    break;
                default:
                    if (rune == Rune.ReplacementChar)
                    {
                        // What EnumerateRunes yields for a lone surrogate.
                        break;
                    }

                    if (rune.IsAscii && "<>:\"/\\|?*".Contains((char)rune.Value, StringComparison.Ordinal))
                    {
                        builder.Append('_');
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }

    /// <summary>CON, PRN, AUX, NUL, COM1–9, LPT1–9 (before the first dot) cannot be saved on Windows.</summary>
    private static bool IsWindowsDeviceName(string stem)
    {
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        var device = (dot < 0 ? stem : stem[..dot]).TrimEnd().ToUpperInvariant();
        return device is "CON" or "PRN" or "AUX" or "NUL"
            || (device.Length == 4 && (device.StartsWith("COM", StringComparison.Ordinal) || device.StartsWith("LPT", StringComparison.Ordinal))
                && device[3] is >= '1' and <= '9');
    }

    /// <summary>The longest prefix of whole text elements (a letter with its marks, an emoji) within the byte budget.</summary>
    private static string Cut(string text, int maxUtf8Bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxUtf8Bytes)
        {
            return text;
        }

        var length = 0;
        var bytes = 0;
        while (length < text.Length)
        {
            var element = StringInfo.GetNextTextElementLength(text, length);
            var elementBytes = Encoding.UTF8.GetByteCount(text.AsSpan(length, element));
            if (bytes + elementBytes > maxUtf8Bytes)
            {
                break;
            }

            bytes += elementBytes;
            length += element;
        }

        return text[..length];
    }
}

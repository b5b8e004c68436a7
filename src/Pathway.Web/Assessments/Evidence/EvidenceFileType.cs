namespace Pathway.Web.Assessments.Evidence;

/// <summary>The kinds of file accepted as evidence, decided by content, never by name.</summary>
public enum EvidenceFileType
{
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
}

/// <summary>What an accepted evidence file is served as: its MIME type and the extension of its download name.</summary>
public sealed record EvidenceFileFormat(EvidenceFileType Type, string ContentType, string Extension, string Description)
{
    public static readonly EvidenceFileFormat Pdf =
        new(EvidenceFileType.Pdf, "application/pdf", ".pdf", "a PDF");

    public static readonly EvidenceFileFormat Docx =
        new(EvidenceFileType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "a Word document (.docx)");

    public static readonly EvidenceFileFormat Xlsx =
        new(EvidenceFileType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "an Excel workbook (.xlsx)");

    public static readonly EvidenceFileFormat Png =
        new(EvidenceFileType.Png, "image/png", ".png", "a PNG image");

    public static readonly EvidenceFileFormat Jpeg =
        new(EvidenceFileType.Jpeg, "image/jpeg", ".jpg", "a JPEG image");

    /// <summary>The format of a stored file's type, for serving it (<c>Content-Type</c> and download name).</summary>
    public static EvidenceFileFormat Of(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => Pdf,
        EvidenceFileType.Docx => Docx,
        EvidenceFileType.Xlsx => Xlsx,
        EvidenceFileType.Png => Png,
        EvidenceFileType.Jpeg => Jpeg,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an evidence file type."),
    };

    /// <summary>Whether a file name's extension (without the dot, any case) is an honest name for this type.</summary>
    internal bool IsNamedBy(string extension) => Type switch
    {
        // JPEG has several extensions in common use; the others have one.
        EvidenceFileType.Jpeg => extension.ToUpperInvariant() is "JPG" or "JPEG" or "JPE" or "JFIF",
        _ => string.Equals("." + extension, Extension, StringComparison.OrdinalIgnoreCase),
    };
}

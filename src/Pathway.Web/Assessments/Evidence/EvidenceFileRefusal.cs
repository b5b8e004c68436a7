namespace Pathway.Web.Assessments.Evidence;

/// <summary>Why an uploaded evidence file was refused. Stable codes: the API returns them and pages translate them.</summary>
public enum EvidenceFileRefusal
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file is larger than <see cref="EvidenceFileCheck.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The content is none of the accepted types (whatever the name says).</summary>
    UnknownType,

    /// <summary>The content is an accepted type, but the name's extension claims a different one.</summary>
    Disguised,

    /// <summary>A ZIP-based file that looks like Word or Excel but cannot be read as one.</summary>
    CorruptOfficeFile,

    /// <summary>A Word or Excel file that carries macros (.docm, .xlsm and the like).</summary>
    MacroEnabledOfficeFile,

    /// <summary>A Word, Excel or PDF file whose packed parts unpack to more than the stated limits (a "zip bomb").</summary>
    UnpacksTooLarge,

    /// <summary>A PDF with script (/JavaScript, /JS) or an action that starts a program, sends data or opens an embedded file.</summary>
    PdfActiveContent,
}

using System.Diagnostics.CodeAnalysis;

namespace Pathway.Web.Assessments.Evidence;

/// <summary>
/// The verdict on an uploaded evidence file: accepted with its <see cref="Format"/> and a safe
/// <see cref="DownloadName"/>, or refused with a <see cref="Refusal"/> code and an English
/// <see cref="Message"/> that says what is wrong and what is allowed.
/// </summary>
public sealed class EvidenceFileCheckResult
{
    private EvidenceFileCheckResult(EvidenceFileFormat? format, string? downloadName, EvidenceFileRefusal? refusal, string? message)
    {
        Format = format;
        DownloadName = downloadName;
        Refusal = refusal;
        Message = message;
    }

    [MemberNotNullWhen(true, nameof(Format), nameof(DownloadName))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(Message))]
    public bool IsAccepted => Format is not null;

    /// <summary>Type, MIME type and extension of an accepted file; null when refused.</summary>
    public EvidenceFileFormat? Format { get; }

    /// <summary>The name to serve an accepted file under, cleaned and with the extension of its real type.</summary>
    public string? DownloadName { get; }

    public EvidenceFileRefusal? Refusal { get; }

    public string? Message { get; }

    internal static EvidenceFileCheckResult Accept(EvidenceFileFormat format, string downloadName) =>
        new(format, downloadName, null, null);

    internal static EvidenceFileCheckResult Refuse(EvidenceFileRefusal refusal, string message) =>
        new(null, null, refusal, message);

    public override string ToString() =>
        IsAccepted ? $"Accepted {Format.Type} as {DownloadName}" : $"Refused {Refusal}: {Message}";
}

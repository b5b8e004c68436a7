using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.Web.Connector.Resources;

/// <summary>A file sent with a resource, not yet read: its stream, the name the client gave and the length it declared.</summary>
public sealed record ResourceUpload(Stream Content, string? FileName, long? Length)
{
    /// <summary>The upload of a form's file field, or null when none was chosen (a browser then sends an empty, nameless part).</summary>
    public static ResourceUpload? From(IFormFile? file) =>
        file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            ? null
            : new ResourceUpload(file.OpenReadStream(), file.FileName, file.Length);
}

/// <summary>A checked file, ready to store.</summary>
public sealed record CheckedFile(byte[] Content, EvidenceFileType Type, string DownloadName);

/// <summary>
/// Checks a resource's file exactly as evidence is checked (<see cref="EvidenceFileCheck"/>: by content, size and type,
/// never by name), reading no more than the limit plus one byte.
/// </summary>
public static class ResourceFiles
{
    /// <summary>The field file errors are reported under (the API's form field is "file").</summary>
    public const string FileField = "File";

    /// <summary>What an upload request may carry: one file at the limit plus the form's other fields.</summary>
    public const long MaxUploadRequestBytes = EvidenceFileCheck.MaxBytes + (1024 * 1024);

    public static readonly int MaxMegabytes = (int)(EvidenceFileCheck.MaxBytes / (1024 * 1024));

    private const int CopyBufferBytes = 81_920;

    public static async Task<CheckedFile?> CheckAsync(ResourceUpload upload, Dictionary<string, string[]> errors, IStringLocalizer l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(errors);
        if (upload.Length > EvidenceFileCheck.MaxBytes)
        {
            errors[FileField] = [RefusalMessage(EvidenceFileRefusal.TooLarge, l)];
            return null;
        }
        var content = await ReadAtMostAsync(upload.Content, EvidenceFileCheck.MaxBytes + 1, cancellationToken);
        if (content.LongLength > EvidenceFileCheck.MaxBytes)
        {
            errors[FileField] = [RefusalMessage(EvidenceFileRefusal.TooLarge, l)];
            return null;
        }
        var check = EvidenceFileCheck.Inspect(content, upload.FileName);
        if (!check.IsAccepted)
        {
            errors[FileField] = [RefusalMessage(check.Refusal.Value, l)];
            return null;
        }
        var name = check.DownloadName.Length > Resource.FileNameLength ? check.DownloadName[^Resource.FileNameLength..] : check.DownloadName;
        return new CheckedFile(content, check.Format.Type, name);
    }

    /// <summary>The reader's-language message for a refused file, saying what is allowed (the evidence wording).</summary>
    public static string RefusalMessage(EvidenceFileRefusal refusal, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"Evidence.Refusal.{refusal}", MaxMegabytes.ToString(CultureInfo.CurrentCulture),
            (OfficePackage.MaxUnpackedBytes / (1024 * 1024)).ToString("N0", CultureInfo.CurrentCulture),
            OfficePackage.MaxRatio.ToString("N0", CultureInfo.CurrentCulture)];
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[CopyBufferBytes];
        while (buffer.Length < limit)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken);
            if (read == 0)
            {
                break;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments.Evidence;

/// <summary>Side steps of adding evidence: checking a link's address and reading an upload without holding more than the limit.</summary>
internal static class EvidenceInput
{
    private const int CopyBufferBytes = 81_920;

    /// <summary>The address as stored (absolute http or https, at most the column's length), or null with an error on Url.</summary>
    public static string? CheckUrl(string? url, Dictionary<string, string[]> errors, IStringLocalizer l)
    {
        if (string.IsNullOrEmpty(url))
        {
            errors[nameof(NewEvidence.Url)] = [l["Evidence.Error.UrlRequired"]];
            return null;
        }
        // Only absolute web addresses: javascript:, data:, file: and relative paths are refused.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || url.Any(char.IsControl))
        {
            errors[nameof(NewEvidence.Url)] = [l["Evidence.Error.UrlInvalid"]];
            return null;
        }
        var stored = uri.AbsoluteUri;
        if (stored.Length > EvidenceItem.UrlLength)
        {
            errors[nameof(NewEvidence.Url)] = [l["Evidence.Error.UrlLength", EvidenceItem.UrlLength]];
            return null;
        }
        return stored;
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes; a longer stream yields exactly <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadAtMostAsync(Stream stream, long? declared, long limit, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }
        // Sized to the declared length, so an honest upload is held once, without a final copy.
        var capacity = (int)Math.Min(limit, declared is > 0 ? declared.Value : CopyBufferBytes);
        using var buffer = new MemoryStream(capacity);
        var chunk = new byte[CopyBufferBytes];
        while (buffer.Length < limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Pathway.Web.Assessments;

/// <summary>
/// Serving evidence files: always as a download under the stored content type, never sniffed or cached
/// by shared caches. The page-side route (sign-in cookie) lives here; the API's is in <see cref="EvidenceApi"/>.
/// </summary>
public static class EvidenceDownloads
{
    /// <summary>The page-side address of a file, as the evidence pages link to it.</summary>
    public static string PageHref(Guid roundId, Guid evidenceId) => $"/assessments/{roundId}/evidence/{evidenceId}/file";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // The default policy signs people in with the cookie: anonymous visitors are sent to the login page.
        routes.MapGet("/assessments/{id:guid}/evidence/{evidenceId:guid}/file", DownloadAsync)
            .RequireAuthorization()
            .WithName("DownloadEvidenceFilePage")
            .ExcludeFromDescription();
        return routes;
    }

    /// <summary>404 for a round the caller cannot see, an item of another round, or a link (the not-found page, for people).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, Guid evidenceId, HttpResponse response, RoundDirectory rounds, EvidenceLocker locker, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out _))
        {
            return TypedResults.NotFound();
        }
        var file = await locker.OpenFileAsync(round, evidenceId, cancellationToken);
        return file.Value is { } download ? Serve(response, download) : TypedResults.NotFound();
    }

    /// <summary>
    /// The file as an attachment: <c>Content-Disposition: attachment</c> with the UTF-8 name (and an ASCII
    /// fallback), <c>X-Content-Type-Options: nosniff</c>, <c>Cache-Control: private, no-store</c>.
    /// </summary>
    public static FileContentHttpResult Serve(HttpResponse response, EvidenceDownload download)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(download);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(download.FileName);
        var headers = response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        return TypedResults.File(download.Content, download.ContentType);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Pathway.Web.Assessments;

/// <summary>
/// Public downloads of evidence files a country published: anonymous, and only for a file that a
/// public release of the round lists (and that is still marked public). Anything else is a plain 404.
/// </summary>
public static class PublishedDownloads
{
    /// <summary>The public address of a published evidence file.</summary>
    public static string Href(Guid roundId, Guid evidenceId) => $"/published/{roundId}/evidence/{evidenceId}/file";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/published/{id:guid}/evidence/{evidenceId:guid}/file", DownloadAsync)
            .AllowAnonymous()
            .WithName("DownloadPublishedEvidenceFile")
            .ExcludeFromDescription();
        return routes;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, Guid evidenceId, HttpResponse response, Publisher publisher, CancellationToken cancellationToken)
    {
        var file = await publisher.OpenPublicFileAsync(id, evidenceId, cancellationToken);
        return file is null ? TypedResults.NotFound() : EvidenceDownloads.Serve(response, file);
    }
}

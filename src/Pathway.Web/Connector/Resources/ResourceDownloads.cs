using Microsoft.AspNetCore.Http.HttpResults;
using Pathway.Web.Assessments;

namespace Pathway.Web.Connector.Resources;

/// <summary>The page-side download of a resource's file (the sign-in cookie, when any, decides what an author or editor sees).</summary>
public static class ResourceDownloads
{
    public static IEndpointRouteBuilder MapResourceDownloads(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/resources/{id:guid}/file", DownloadAsync).AllowAnonymous()
            .WithName("DownloadResourceFilePage").ExcludeFromDescription();
        return routes;
    }

    /// <summary>404 for a resource the caller may not see or without a file (the not-found page, for people).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, HttpResponse response, ResourceLibrary library, CancellationToken cancellationToken)
    {
        var file = await library.OpenFileAsync(id, cancellationToken);
        return file.Value is { } download ? EvidenceDownloads.Serve(response, download) : TypedResults.NotFound();
    }
}

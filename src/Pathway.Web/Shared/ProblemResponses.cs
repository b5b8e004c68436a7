using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Pathway.Web;

/// <summary>
/// The problems a round operation can answer, declared once per route group so OpenAPI lists them: 404 for
/// everything under a round (it may not exist, or be hidden from the caller), 400 (invalid input or a move the
/// round's state refuses) and 403 (not the caller's to do) for every write. An operation that takes a version
/// token adds 409 itself with <c>ProducesProblem(StatusCodes.Status409Conflict)</c>.
/// </summary>
public static class ProblemResponses
{
    public static RouteGroupBuilder DeclaringRoundProblems(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.Parameters.Any(parameter => parameter.Name == "id"))
            {
                Declare(endpoint, StatusCodes.Status404NotFound);
            }
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(methods => methods.HttpMethods).Any(method => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)))
            {
                Declare(endpoint, StatusCodes.Status400BadRequest);
                Declare(endpoint, StatusCodes.Status403Forbidden);
            }
        });
        return group;
    }

    private static void Declare(EndpointBuilder endpoint, int status)
    {
        if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(declared => declared.StatusCode == status))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}

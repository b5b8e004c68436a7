namespace Pathway.Web.Assessments;

/// <summary>STUB — to be written.</summary>
internal static class AuditApi
{
    public static void Map(IEndpointRouteBuilder routes) => ArgumentNullException.ThrowIfNull(routes);
}

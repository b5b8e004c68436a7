using Microsoft.AspNetCore.Authorization;

namespace Pathway.Web.Operations;

/// <summary>
/// Headers on every response. The pages carry no inline script or style, so the policy can
/// forbid both; nothing may frame the site. API answers other than open data are never stored in a cache.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // A handler's own no-store (a file download's "private, no-store") is kept as it is.
                if (context.Request.Path.StartsWithSegments("/api") && !IsPublicRead(context)
                    && !headers.CacheControl.ToString().Contains("no-store", StringComparison.Ordinal))
                {
                    // Rounds, plans, files and tokens must not stay in a shared or browser cache.
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });

    /// <summary>The open-data API (framework, catalogue, countries, published rounds): anonymous reads, which may be cached.</summary>
    private static bool IsPublicRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}

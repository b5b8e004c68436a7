using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts.Events;

namespace Pathway.Web.Accounts;

/// <summary>Requests allowed per client address in each window (<c>RateLimits:SignIn:*</c>, <c>RateLimits:Api:*</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public Limit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public Limit Api { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>Event registrations (the public form and the API) per client address: against robots filling the lists.</summary>
    public Limit Register { get; set; } = new() { PermitLimit = 20, WindowSeconds = 600 };

    public sealed class Limit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }
    }
}

/// <summary>
/// ASP.NET Core's rate limiter, per client address: a tight limit on sign-in posts (page and API)
/// against password guessing, a wider one on the rest of the API against scraping. A refusal is a
/// 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPathwayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = AccountLog.ClientOf(context) ?? "unknown";
                if (IsSignIn(context.Request))
                {
                    return Window("sign-in:" + client, limits.SignIn);
                }
                if (IsRegistration(context.Request))
                {
                    return Window("register:" + client, limits.Register);
                }
                return context.Request.Path.StartsWithSegments("/api")
                    ? Window("api:" + client, limits.Api)
                    : RateLimitPartition.GetNoLimiter("pages");
            });
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/account/login") || request.Path.StartsWithSegments("/api/auth/login"));

    /// <summary>A post of the event registration form (<c>/events/{id}/register</c>) or API (<c>/api/events/{id}/registrations</c>).</summary>
    private static bool IsRegistration(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || request.Path.Value is not { } path)
        {
            return false;
        }
        var segments = path.Trim('/').Split('/');
        return segments switch
        {
            ["events", var id, "register"] => Guid.TryParse(id, out _),
            ["api", "events", var id, "registrations"] => Guid.TryParse(id, out _),
            _ => false,
        };
    }

    private static RateLimitPartition<string> Window(string key, RateLimitOptions.Limit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = l["RateLimit.Title"],
                Detail = l["RateLimit.Detail"],
            },
        });
    }
}

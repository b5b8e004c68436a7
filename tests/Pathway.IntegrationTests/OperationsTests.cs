using System.Net;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

public class OperationsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_endpoint_reports_healthy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Liveness_and_readiness_answer_healthy(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/framework/1/ds")]
    [InlineData("/account/login")]
    [InlineData("/admin/users")]
    [InlineData("/no-such-page")]
    [InlineData("/api/frameworks")]
    [InlineData("/api/whatever")]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/favicon.svg")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = factory.CreatePageClient();

        using var response = await client.GetAsync(url, Ct);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("Referrer-Policy"))));
    }

    [Fact]
    public async Task Culture_cookie_is_http_only_and_same_site()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.GetAsync("/?culture=fr", Ct);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith(".Pathway.Culture=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

public class OpenApiTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    [Fact]
    public async Task OpenApi_document_describes_the_public_endpoints()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/frameworks/{version}", paths);
        Assert.Contains("/api/countries", paths);
        Assert.Contains("/api/auth/login", paths);
        Assert.DoesNotContain("/account/logout", paths);
    }
}

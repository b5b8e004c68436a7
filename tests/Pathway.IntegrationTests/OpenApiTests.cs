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

    /// <summary>
    /// Every problem a round operation can answer is in the document: 404 under a round (it may not exist or
    /// be hidden), 400 and 403 for every write, 409 for every write that carries a version token.
    /// </summary>
    [Fact]
    public async Task OpenApi_document_lists_the_problems_each_round_operation_can_return()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var missing = new List<string>();
        var checkedOperations = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject().Where(path => path.Name.StartsWith("/api/assessments", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                checkedOperations++;
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Select(status => status.Name).ToHashSet();
                var expected = new List<string>();
                if (path.Name.Contains("{id}", StringComparison.Ordinal))
                {
                    expected.Add("404");
                }
                if (operation.Name != "get")
                {
                    expected.AddRange(["400", "403"]);
                }
                if (TakesVersion(root, operation.Value))
                {
                    expected.Add("409");
                }
                missing.AddRange(expected.Where(status => !responses.Contains(status)).Select(status => $"{operation.Name.ToUpperInvariant()} {path.Name}: {status}"));
            }
        }
        Assert.True(checkedOperations > 30, $"Only {checkedOperations} round operations in the document.");
        Assert.True(missing.Count == 0, "Undocumented problems: " + string.Join("; ", missing));
    }

    /// <summary>Whether the operation's JSON body is one object with a "version" property.</summary>
    private static bool TakesVersion(JsonElement root, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return false;
        }
        // A list body is a batch: its conflicts are answered per item inside a 200, not as a 409.
        var schema = Resolve(root, json.GetProperty("schema"));
        return schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("version", out _);
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            schema = root.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Microsoft.EntityFrameworkCore;

namespace Pathway.IntegrationTests;

public class FrameworkApiTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static readonly string[] BehaviourCodes = ["DS", "AS", "BU", "ES", "NT", "FR"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        return await HttpAssert.JsonAsync(response);
    }

    [Fact]
    public async Task Versions_list_version_1_with_six_behaviours_and_28_mechanisms()
    {
        var versions = await GetJsonAsync("/api/frameworks");

        var first = Assert.Single(versions.EnumerateArray(), version => version.GetProperty("version").GetString() == "1");
        Assert.Equal(6, first.GetProperty("behaviours").GetInt32());
        Assert.Equal(28, first.GetProperty("mechanisms").GetInt32());
        Assert.Equal("Published", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Version_1_has_the_six_behaviours_in_order_each_with_mechanisms_of_four_described_levels()
    {
        var framework = await GetJsonAsync("/api/frameworks/1");

        Assert.Equal("1", framework.GetProperty("version").GetString());
        Assert.Equal("en", framework.GetProperty("language").GetString());
        Assert.Equal([1, 2, 3, 4], framework.GetProperty("levels").EnumerateArray().Select(level => level.GetProperty("level").GetInt32()));
        var behaviours = framework.GetProperty("behaviours").EnumerateArray().ToList();
        Assert.Equal(BehaviourCodes, behaviours.Select(behaviour => behaviour.GetProperty("code").GetString()));
        Assert.Equal(28, behaviours.Sum(behaviour => behaviour.GetProperty("mechanisms").GetArrayLength()));
        foreach (var behaviour in behaviours)
        {
            var code = behaviour.GetProperty("code").GetString();
            Assert.False(string.IsNullOrWhiteSpace(behaviour.GetProperty("name").GetString()));
            var mechanisms = behaviour.GetProperty("mechanisms").EnumerateArray().ToList();
            Assert.InRange(mechanisms.Count, 3, 5);
            foreach (var mechanism in mechanisms)
            {
                Assert.StartsWith(code + ".", mechanism.GetProperty("code").GetString(), StringComparison.Ordinal);
                var levels = mechanism.GetProperty("levels").EnumerateArray().ToList();
                Assert.Equal([1, 2, 3, 4], levels.Select(level => level.GetProperty("level").GetInt32()));
                Assert.All(levels, level =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(level.GetProperty("descriptor").GetString()));
                    Assert.NotEqual(0, level.GetProperty("evidenceExamples").GetArrayLength());
                    Assert.All(level.GetProperty("evidenceExamples").EnumerateArray(),
                        example => Assert.False(string.IsNullOrWhiteSpace(example.GetString())));
                });
            }
        }
    }

    [Fact]
    public async Task French_request_returns_French_text()
    {
        var english = await GetJsonAsync("/api/frameworks/1");
        var french = await GetJsonAsync("/api/frameworks/1?lang=fr");

        Assert.Equal("fr", french.GetProperty("language").GetString());
        var englishNames = BehaviourNames(english);
        var frenchNames = BehaviourNames(french);
        Assert.All(englishNames.Zip(frenchNames), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal("Conduire la stratégie", frenchNames[0]);
        Assert.NotEqual(FirstDescriptor(english), FirstDescriptor(french));
    }

    [Fact]
    public async Task Arabic_request_returns_Arabic_text()
    {
        var arabic = await GetJsonAsync("/api/frameworks/1?lang=ar");

        Assert.Equal("ar", arabic.GetProperty("language").GetString());
        Assert.All(BehaviourNames(arabic), name => Assert.Contains(name, character => character is >= '\u0600' and <= '\u06FF'));
        Assert.Contains(FirstDescriptor(arabic), character => character is >= '\u0600' and <= '\u06FF');
    }

    [Fact]
    public async Task Unsupported_language_is_a_400_problem_naming_lang()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/frameworks/1?lang=de", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out var messages));
        Assert.Contains("de", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_version_is_a_404_problem()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/frameworks/no-such-version", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-version", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_version_document_is_a_404_problem()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/frameworks/no-such-version/document", Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Document_round_trips_through_the_validator_with_the_stored_content_hash()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/frameworks/1/document", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync(Ct);

        var (document, problems) = FrameworkValidator.Parse(json);

        Assert.Empty(problems);
        Assert.NotNull(document);
        Assert.Equal("1", document.Version);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PathwayDb>().FrameworkVersions
            .Where(version => version.Version == "1").Select(version => version.ContentHash).SingleAsync(Ct);
        Assert.Equal(stored, document.ContentHash());
    }

    [Fact]
    public async Task Document_of_version_1_has_the_content_of_the_shipped_file()
    {
        using var client = factory.CreateClient();
        var exported = FrameworkValidator.Parse(await client.GetStringAsync("/api/frameworks/1/document", Ct)).Document;
        var shipped = FrameworkValidator.Parse(await File.ReadAllTextAsync(ShippedFramework.Path, Ct)).Document;

        Assert.NotNull(exported);
        Assert.NotNull(shipped);
        Assert.Equal(shipped.ContentHash(), exported.ContentHash());
    }

    private static List<string> BehaviourNames(JsonElement framework) =>
        [.. framework.GetProperty("behaviours").EnumerateArray().Select(behaviour => behaviour.GetProperty("name").GetString()!)];

    private static string FirstDescriptor(JsonElement framework) =>
        framework.GetProperty("behaviours")[0].GetProperty("mechanisms")[0].GetProperty("levels")[0].GetProperty("descriptor").GetString()!;
}

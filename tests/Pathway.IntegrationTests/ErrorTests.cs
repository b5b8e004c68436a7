using System.Net;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

/// <summary>API callers get problem details; people get the not-found page.</summary>
public class ErrorTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_api_path_is_a_404_problem()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/whatever", Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_page_is_a_404_with_the_not_found_page()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/no-such-page", Ct);

        var html = await HttpAssert.HtmlAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_behaviour_page_is_a_404_with_the_not_found_page()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/framework/1/zz", Ct);

        var html = await HttpAssert.HtmlAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_framework_version_page_is_a_404()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/framework/no-such-version", Ct);

        var html = await HttpAssert.HtmlAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_page_speaks_the_readers_language()
    {
        using var client = factory.CreatePageClient();
        using var choose = await client.GetAsync("/?culture=fr", Ct);
        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);

        using var response = await client.GetAsync("/no-such-page", Ct);

        var html = await HttpAssert.HtmlAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_page_honours_the_culture_in_the_address()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/no-such-page?culture=fr", Ct);

        var html = await HttpAssert.HtmlAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_page_is_right_to_left_in_Arabic()
    {
        using var client = factory.CreatePageClient();
        using var choose = await client.GetAsync("/?culture=ar", Ct);
        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);

        using var response = await client.GetAsync("/framework/1/zz", Ct);

        var html = await HttpAssert.HtmlAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
    }
}

using System.Net;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

/// <summary>
/// The "download started" signal behind the pages' progress status: a file asked for with a token the page's script
/// made answers with a short-lived cookie named after it; anything else sets no cookie. The download links say, in
/// the reader's language, what the status will show.
/// </summary>
public class DownloadStartedSignalTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_asked_for_with_a_token_answers_with_a_short_lived_started_cookie_for_the_page_script()
    {
        using var client = factory.CreateClient();
        const string token = "0123456789abcdef01234567";

        using var response = await client.GetAsync($"/api/open-data/results.csv?download-token={token}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"download-started-{token}=1;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=120", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("0123456789ABCDEF0123")]
    [InlineData("0123456789abcdef%0d%0aSet-Cookie:x=1")]
    public async Task A_missing_or_malformed_token_sets_no_cookie(string token)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/open-data/results.csv?download-token={token}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("en", "Preparing your file…")]
    [InlineData("fr", "Préparation de votre fichier…")]
    [InlineData("ar", "جارٍ تجهيز ملفك…")]
    public async Task The_open_data_downloads_are_marked_with_the_status_text_in_the_readers_language(string language, string text)
    {
        using var client = factory.CreatePageClient();

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/open-data?culture={language}", Ct)));

        Assert.Equal(2, html.Split($"data-busy=\"{text}\"").Length - 1);
        Assert.Contains("<script src=\"busy.", html, StringComparison.Ordinal);
    }
}

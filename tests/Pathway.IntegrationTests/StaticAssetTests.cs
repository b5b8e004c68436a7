using System.Net;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

/// <summary>
/// Light pages: the stylesheets and icon a page links are fingerprinted, compressed and cached for
/// good, so a first visit to the home page moves under 60 KB and a repeat visit under 15 KB (sizes of
/// what is sent, headers included, as a browser asking for Brotli or gzip receives it).
/// </summary>
public partial class StaticAssetTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const int FirstVisitLimit = 60 * 1024;
    private const int RepeatVisitLimit = 15 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Linked_static_files_are_compressed_and_cached_for_good(string language)
    {
        using var client = factory.CreateClient();
        var html = await DecompressedAsync(client, $"/?culture={language}");

        var assets = Assets(html);
        Assert.Contains(assets, asset => asset.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await SendAsync(client, asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cache = response.Headers.CacheControl;
            Assert.True(cache is { MaxAge.TotalDays: >= 365 } && cache.Extensions.Any(e => e.Name == "immutable"),
                $"{asset} is cached as \"{cache}\", not for good.");
            Assert.True(response.Content.Headers.ContentEncoding.Any(encoding => encoding is "br" or "gzip"),
                $"{asset} is sent uncompressed.");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task The_home_page_moves_under_60_KB_on_a_first_visit_and_under_15_KB_on_a_repeat_visit(string language)
    {
        using var client = factory.CreateClient();
        using var page = await SendAsync(client, $"/?culture={language}");
        var pageBytes = await WeightAsync(page);
        var html = await DecompressedAsync(client, $"/?culture={language}");

        var first = pageBytes;
        var repeat = pageBytes;
        foreach (var asset in Assets(html))
        {
            using var response = await SendAsync(client, asset);
            first += await WeightAsync(response);
            // A file cached for good is not asked for again.
            if (response.Headers.CacheControl is not { MaxAge.TotalSeconds: > 0 })
            {
                repeat += await WeightAsync(response);
            }
        }

        Assert.True(first < FirstVisitLimit, $"A first visit moves {first} bytes ({language}).");
        Assert.True(repeat < RepeatVisitLimit, $"A repeat visit moves {repeat} bytes ({language}).");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return await client.SendAsync(request, Ct);
    }

    private static async Task<string> DecompressedAsync(HttpClient client, string path) =>
        await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);

    /// <summary>The body as sent (the test client does not decompress) and its headers.</summary>
    private static async Task<int> WeightAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadAsByteArrayAsync(Ct)).Length;
        var headers = response.Headers.Concat(response.Content.Headers)
            .Sum(header => header.Key.Length + 4 + header.Value.Sum(value => value.Length + 2));
        return body + headers + 20;
    }

    private static List<string> Assets(string html) =>
        [.. AssetLink().Matches(html).Select(match => "/" + match.Groups[1].Value.TrimStart('/'))];

    [GeneratedRegex("""<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#?]+)""")]
    private static partial Regex AssetLink();
}

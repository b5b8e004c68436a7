using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pathway.IntegrationTests.Infrastructure;

public static partial class HttpAssert
{
    public const string ProblemJson = "application/problem+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 OK, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    public static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    /// <summary>The form validation messages a page shows, for assertions and failure reports.</summary>
    public static IReadOnlyList<string> ValidationMessages(string html) =>
        [.. ValidationMessagePattern().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups["text"].Value).Trim())];

    /// <summary>Asserts a redirect, reporting the page's validation messages when the form was refused instead.</summary>
    public static async Task<string> RedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode} {response.StatusCode}; the page says: " +
                string.Join(" | ", ValidationMessages(html)));
        }
        return Location(response)!;
    }

    // Blazor's ValidationMessage renders class="validation-message", or only the classes the page gives it (text-danger here).
    [GeneratedRegex(@"<div\b[^>]*\bclass=""[^""]*\b(?:validation-message|text-danger)\b[^""]*""[^>]*>(?<text>.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ValidationMessagePattern();
}

using System.Net;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests.Reports;

/// <summary>Issue 10 §7: the home page and the menu name only what exists (the Country Connector since issue 11).</summary>
public partial class HomePageTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    [Fact]
    public async Task Every_link_on_the_home_page_answers_and_nothing_promises_what_does_not_exist()
    {
        using var client = factory.CreatePageClient();
        var html = await HttpAssert.HtmlAsync(await client.GetAsync("/", Ct));
        var links = Link().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value))
            .Where(href => !href.StartsWith("/_", StringComparison.Ordinal) && !href.Contains('.', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.Contains("/dashboards", links);
        Assert.Contains("/dashboards/countries", links);
        Assert.Contains("/open-data", links);
        Assert.Contains("/published", links);
        Assert.Contains("/connector", links);
        var broken = new List<string>();
        foreach (var href in links)
        {
            using var response = await client.GetAsync(href, Ct);
            // A page for signed-in people sends visitors to sign in; anything else must be there.
            var signInFirst = response.StatusCode == HttpStatusCode.Redirect
                && HttpAssert.Location(response)?.Contains("/account/login", StringComparison.Ordinal) == true;
            if (response.StatusCode != HttpStatusCode.OK && !signInFirst)
            {
                broken.Add($"{href}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(broken);
        // Events came with issue 12: the home page names them and links to the listing.
        Assert.Contains("href=\"/events\"", html, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

/// <summary>Server-rendered pages: language and direction, the framework pages, antiforgery.</summary>
public partial class PageTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static readonly string[] EnglishBehaviours =
        ["Deliver strategy", "Align structures", "Build understanding", "Enable stakeholders", "Nurture trust", "Foster relations"];

    private static readonly string[] FrenchBehaviours =
        ["Conduire la stratégie", "Aligner les structures", "Développer la compréhension", "Habiliter les parties prenantes", "Cultiver la confiance", "Favoriser les relations"];

    private static readonly string[] LevelNames = ["Emerging", "Progressing", "Established", "Advanced"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return await HttpAssert.HtmlAsync(response);
    }

    /// <summary>The page's text with character references decoded (the renderer encodes non-ASCII letters).</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task Home_page_is_English_left_to_right_with_the_disclaimer()
    {
        using var client = factory.CreatePageClient();

        var html = await GetPageAsync(client, "/");

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("is not a WHO product", Text(html), StringComparison.Ordinal);
        Assert.Matches(BootstrapLtr(), html);
        Assert.DoesNotMatch(BootstrapRtl(), html);
    }

    [Fact]
    public async Task Arabic_is_chosen_by_query_remembered_by_cookie_and_right_to_left()
    {
        using var client = factory.CreatePageClient();

        using var arabic = await client.GetAsync("/?culture=ar", Ct);
        var html = await HttpAssert.HtmlAsync(arabic);

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Matches(BootstrapRtl(), html);
        Assert.Contains("ليست منتجًا لمنظمة الصحة العالمية", Text(html), StringComparison.Ordinal);
        Assert.Contains(arabic.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".Pathway.Culture=", StringComparison.Ordinal));

        var next = await GetPageAsync(client, "/framework");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", next, StringComparison.Ordinal);
        Assert.Contains("تنفيذ الاستراتيجية", Text(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Framework_page_lists_the_six_behaviours()
    {
        using var client = factory.CreatePageClient();

        var html = Text(await GetPageAsync(client, "/framework"));

        Assert.All(EnglishBehaviours, name => Assert.Contains(name, html, StringComparison.Ordinal));
        Assert.Contains("/framework/1/ds", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behaviour_page_shows_its_mechanisms_and_four_levels()
    {
        using var client = factory.CreatePageClient();

        var html = Text(await GetPageAsync(client, "/framework/1/ds"));

        Assert.Contains("DS.1", html, StringComparison.Ordinal);
        Assert.Contains("Deliver strategy", html, StringComparison.Ordinal);
        Assert.All(LevelNames, level => Assert.Contains(level, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Behaviour_code_in_the_address_is_not_case_sensitive()
    {
        using var client = factory.CreatePageClient();

        var html = Text(await GetPageAsync(client, "/framework/1/DS"));

        Assert.Contains("DS.1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task French_framework_page_shows_French_text()
    {
        using var client = factory.CreatePageClient();

        var html = await GetPageAsync(client, "/framework?culture=fr");

        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.All(FrenchBehaviours, name => Assert.Contains(name, Text(html), StringComparison.Ordinal));
        Assert.DoesNotContain("Deliver strategy", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_rejected()
    {
        var user = await factory.CreateUserAsync(Pathway.Web.Accounts.Roles.Administrator);
        using var client = factory.CreatePageClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        using var response = await client.PostAsync("/account/login", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(cookie => cookie.StartsWith(".Pathway.Session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_page_with_a_wrong_password_shows_a_message_and_gives_no_session()
    {
        var user = await factory.CreateUserAsync(Pathway.Web.Accounts.Roles.Reviewer);
        using var client = factory.CreatePageClient();
        var form = HtmlForm.Find(await GetPageAsync(client, "/account/login"), "login")
            .With("Input.Email", user.Email)
            .With("Input.Password", "Wrong-Password-2026");

        using var response = await client.PostAsync("/account/login", form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(cookie => cookie.StartsWith(".Pathway.Session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_redirects_only_to_local_return_addresses()
    {
        var user = await factory.CreateUserAsync(Pathway.Web.Accounts.Roles.Reviewer);
        using var client = factory.CreatePageClient();
        var form = HtmlForm.Find(await GetPageAsync(client, "/account/login?returnUrl=//evil.example/"), "login")
            .With("Input.Email", user.Email)
            .With("Input.Password", user.Password);

        using var response = await client.PostAsync("/account/login?returnUrl=//evil.example/", form.ToContent(), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", HttpAssert.Location(response), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"css/bootstrap\.rtl\.trimmed\.[a-z0-9]+\.css")]
    private static partial Regex BootstrapRtl();

    [GeneratedRegex(@"css/bootstrap\.trimmed\.[a-z0-9]+\.css")]
    private static partial Regex BootstrapLtr();
}

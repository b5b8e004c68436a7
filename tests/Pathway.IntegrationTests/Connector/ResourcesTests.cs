using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Search;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Connector;

/// <summary>Resources of the knowledge hub (issue 11 §1): moderation, who sees what, files, rendering, search staging.</summary>
public sealed class ResourcesTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid resource body for the API, tagged with <paramref name="mechanism"/>.</summary>
    public static object Body(string title, string mechanism = "DS.1", string? url = "https://example.org/guide") => new
    {
        titleEn = title,
        summaryEn = "A **short** summary.",
        type = "Guidance",
        languages = "en, fr",
        year = 2024,
        url,
        mechanisms = mechanism,
        countries = "EGY",
    };

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/resources", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, string to) =>
        client.PostAsJsonAsync($"/api/resources/{id}/moves", new { to }, Ct);

    [Fact]
    public async Task Moderation_moves_follow_the_table_and_unpublished_resources_are_404_outside_author_and_editors()
    {
        var author = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var colleague = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var authorApi = await factory.CreateApiClientAsync(author);
        using var colleagueApi = await factory.CreateApiClientAsync(colleague);
        using var strangerApi = await factory.CreateApiClientAsync(stranger);
        using var editorApi = await factory.CreateApiClientAsync(editor);
        using var anonymous = factory.CreateClient();

        var title = $"Moderated guide {TestAccounts.UniqueSuffix()}";
        var id = await CreateAsync(authorApi, Body(title));
        var url = $"/api/resources/{id}";

        // A draft: its author and editors only; for everyone else exactly as an unknown id.
        foreach (var client in new[] { anonymous, strangerApi, colleagueApi })
        {
            using var hidden = await client.GetAsync(url, Ct);
            var problem = await HttpAssert.ProblemAsync(hidden, HttpStatusCode.NotFound);
            using var unknown = await client.GetAsync($"/api/resources/{Guid.NewGuid()}", Ct);
            Assert.Equal(problem.GetProperty("detail").GetString(), (await HttpAssert.ProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        }
        Assert.Equal("Draft", (await HttpAssert.JsonAsync(await authorApi.GetAsync(url, Ct))).GetProperty("state").GetString());
        Assert.Equal(title, (await HttpAssert.JsonAsync(await editorApi.GetAsync(url, Ct))).GetProperty("title").GetProperty("en").GetString());
        using (var page = await factory.CreatePageClient().GetAsync($"/resources/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        // The author may not publish; another country's person cannot even find it; the author sends it for review.
        await HttpAssert.ProblemAsync(await MoveAsync(authorApi, id, "Published"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await MoveAsync(strangerApi, id, "InReview"), HttpStatusCode.NotFound);
        using (var signIn = await MoveAsync(anonymous, id, "InReview"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }
        Assert.Equal("InReview", (await HttpAssert.JsonAsync(await MoveAsync(authorApi, id, "InReview"))).GetProperty("state").GetString());
        await HttpAssert.ProblemAsync(await MoveAsync(editorApi, id, "Withdrawn"), HttpStatusCode.BadRequest);

        // The editors are told, the author is not; nothing is in the search index yet.
        await using (var db = factory.OpenSystemDb())
        {
            var told = await db.Db.Notices.Where(n => n.Kind == NoticeKind.ContentInReview && n.RoundTitle == title).Select(n => n.RecipientId).ToListAsync(Ct);
            Assert.Contains(editor.Id, told);
            Assert.DoesNotContain(author.Id, told);
            Assert.False(await db.Db.SearchEntries.AnyAsync(e => e.Kind == SearchKind.Resource && e.Key == id.ToString(), Ct));
        }
        using (var queue = await factory.CreateSignedInClientAsync(editor))
        {
            Assert.Contains(title, await queue.GetStringAsync("/connector/review", Ct), StringComparison.Ordinal);
        }

        // Published: everyone reads it, and search finds it; withdrawn: gone again for everyone outside.
        Assert.Equal("Published", (await HttpAssert.JsonAsync(await MoveAsync(editorApi, id, "Published"))).GetProperty("state").GetString());
        Assert.Equal(title, (await HttpAssert.JsonAsync(await anonymous.GetAsync(url, Ct))).GetProperty("title").GetProperty("en").GetString());
        await using (var db = factory.OpenSystemDb())
        {
            var entry = await db.Db.SearchEntries.SingleAsync(e => e.Kind == SearchKind.Resource && e.Key == id.ToString(), Ct);
            Assert.Equal(SearchAudience.Public, entry.Audience);
            Assert.Contains(" Mechanism:DS.1 ", entry.Tags, StringComparison.Ordinal);
        }
        Assert.Equal("Withdrawn", (await HttpAssert.JsonAsync(await MoveAsync(editorApi, id, "Withdrawn"))).GetProperty("state").GetString());
        await HttpAssert.ProblemAsync(await anonymous.GetAsync(url, Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await authorApi.PutAsJsonAsync(url, Body(title), Ct), HttpStatusCode.Forbidden);
        await using (var db = factory.OpenSystemDb())
        {
            Assert.False(await db.Db.SearchEntries.AnyAsync(e => e.Kind == SearchKind.Resource && e.Key == id.ToString(), Ct));
        }
    }

    [Fact]
    public async Task People_outside_a_country_team_cannot_write_resources_and_a_stale_update_is_a_conflict()
    {
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        using var reviewerApi = await factory.CreateApiClientAsync(reviewer);
        await HttpAssert.ProblemAsync(await reviewerApi.PostAsJsonAsync("/api/resources", Body("Not mine to write"), Ct), HttpStatusCode.Forbidden);

        var author = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var authorApi = await factory.CreateApiClientAsync(author);
        var id = await CreateAsync(authorApi, Body("Versioned guide"));
        var changed = JsonSerializer.SerializeToElement(Body("Versioned guide, second edition"));
        using (var first = await authorApi.PutAsJsonAsync($"/api/resources/{id}", Merge(changed, 1), Ct))
        {
            Assert.Equal(2, (await HttpAssert.JsonAsync(first)).GetProperty("version").GetInt32());
        }
        await HttpAssert.ProblemAsync(await authorApi.PutAsJsonAsync($"/api/resources/{id}", Merge(changed, 1), Ct), HttpStatusCode.Conflict);

        // Field errors are named; nothing is written.
        using var refused = await authorApi.PostAsJsonAsync("/api/resources", new { titleEn = "", type = "Pamphlet", year = 1700, url = "javascript:alert(1)", mechanisms = "ZZ.9" }, Ct);
        var errors = (await HttpAssert.ProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "TitleEn", "Type", "Year", "Url", "Mechanisms", "Languages" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    private static Dictionary<string, object?> Merge(JsonElement body, int version)
    {
        var values = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        values["version"] = version;
        return values;
    }

    [Fact]
    public async Task Script_in_title_summary_and_tags_renders_inert_and_summary_links_are_nofollow()
    {
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var api = await factory.CreateApiClientAsync(editor);
        var id = await CreateAsync(api, new
        {
            titleEn = "<script>alert('title')</script>Unsafe title",
            summaryEn = "<script>alert('body')</script> <img src=x onerror=alert(1)> [bad](javascript:alert(2)) [good](https://example.org/good)",
            type = "Report",
            languages = "en",
            year = 2023,
            url = "https://example.org/report",
            topics = "<script>alert('tag')</script>",
        });
        await HttpAssert.JsonAsync(await MoveAsync(api, id, "Published"));

        var html = await HttpAssert.HtmlAsync(await factory.CreatePageClient().GetAsync($"/resources/{id}", Ct));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;Unsafe title", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/good\" rel=\"nofollow noopener\">good</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/report\" rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_are_checked_by_content_and_served_as_attachments()
    {
        var author = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var api = await factory.CreateApiClientAsync(author);
        var id = await CreateAsync(api, Body("Guide with a file"));

        using (var disguised = new MultipartFormDataContent { { File(AccessWorld.PngFile, "image/png"), "file", "report.pdf" } })
        {
            var problem = await HttpAssert.ProblemAsync(await api.PutAsync($"/api/resources/{id}/file", disguised, Ct), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("File", out _), problem.ToString());
        }
        using (var html = new MultipartFormDataContent { { File("<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf"), "file", "notes.pdf" } })
        {
            await HttpAssert.ProblemAsync(await api.PutAsync($"/api/resources/{id}/file", html, Ct), HttpStatusCode.BadRequest);
        }
        using (var good = new MultipartFormDataContent { { File(AccessWorld.PngFile, "image/png"), "file", "chart.png" } })
        {
            var stored = await HttpAssert.JsonAsync(await api.PutAsync($"/api/resources/{id}/file", good, Ct));
            Assert.Equal($"/api/resources/{id}/file", stored.GetProperty("fileUrl").GetString());
        }

        using var download = await api.GetAsync($"/api/resources/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(AccessWorld.PngFile, await download.Content.ReadAsByteArrayAsync(Ct));

        // The draft's file is not served to anyone else.
        using var anonymous = await factory.CreatePageClient().GetAsync($"/resources/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    [Fact]
    public async Task A_resource_is_written_sent_for_review_and_published_from_the_pages()
    {
        var author = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(author);
        var title = $"Page-made guide {TestAccounts.UniqueSuffix()}";

        var form = HtmlForm.Find(await client.GetStringAsync("/resources/new", Ct), "resource-edit")
            .With("Input.TitleEn", title).With("Input.SummaryEn", "Made on a page.").With("Input.Type", "Tool")
            .With("Input.Languages", "en, ar").With("Input.Year", "2025").With("Input.Url", "https://example.org/tool")
            .With("Input.Mechanisms", "BU.2");
        using var refused = await client.PostAsync("/resources/new", form.With("Input.Year", "1500").ToContent(), Ct);
        Assert.Contains("1900", await HttpAssert.HtmlAsync(refused), StringComparison.Ordinal);

        var location = PathOf(await HttpAssert.RedirectAsync(await client.PostAsync("/resources/new", form.With("Input.Year", "2025").ToContent(), Ct)));
        Assert.Matches("^/resources/[0-9a-f-]{36}\\?done=saved$", location);
        var detail = location.Split('?')[0];
        var page = await client.GetStringAsync(detail, Ct);
        Assert.Contains(title, page, StringComparison.Ordinal);

        Assert.Contains("value=\"InReview\"", page, StringComparison.Ordinal);
        var move = Pressing(HtmlForm.Find(page, "resource-move"), "InReview");
        Assert.Equal($"{detail}?done=moved", PathOf(await HttpAssert.RedirectAsync(await client.PostAsync(detail, move, Ct))));
        var sent = await client.GetStringAsync(detail, Ct);
        Assert.DoesNotContain("value=\"Published\"", sent, StringComparison.Ordinal);

        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var editorClient = await factory.CreateSignedInClientAsync(editor);
        var publish = Pressing(HtmlForm.Find(await editorClient.GetStringAsync(detail, Ct), "resource-move"), "Published");
        await HttpAssert.RedirectAsync(await editorClient.PostAsync(detail, publish, Ct));
        var list = await factory.CreatePageClient().GetStringAsync("/resources?mechanism=BU.2&language=ar", Ct);
        Assert.Contains(title, list, StringComparison.Ordinal);
    }

    /// <summary>The form as a browser sends it when the button with that value is pressed.</summary>
    private static FormUrlEncodedContent Pressing(HtmlForm form, string button) =>
        new(form.Fields.Append(new("To", button)));

    private static string PathOf(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location;

    [Fact]
    public async Task The_mechanism_page_lists_only_published_resources_tagged_with_it()
    {
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var api = await factory.CreateApiClientAsync(editor);
        var suffix = TestAccounts.UniqueSuffix();
        var published = await CreateAsync(api, Body($"Published for NT.2 {suffix}", "NT.2"));
        await HttpAssert.JsonAsync(await MoveAsync(api, published, "Published"));
        await CreateAsync(api, Body($"Draft for NT.2 {suffix}", "NT.2"));
        var other = await CreateAsync(api, Body($"Published for NT.3 {suffix}", "NT.3"));
        await HttpAssert.JsonAsync(await MoveAsync(api, other, "Published"));

        var html = await HttpAssert.HtmlAsync(await factory.CreatePageClient().GetAsync("/framework/1/nt/nt.2", Ct));
        Assert.Contains($"Published for NT.2 {suffix}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Draft for NT.2 {suffix}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Published for NT.3 {suffix}", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/resources?mechanism=NT.2\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/framework/1/nt#m-NT.2\"", html, StringComparison.Ordinal);

        var behaviour = await factory.CreatePageClient().GetStringAsync("/framework/1/nt", Ct);
        Assert.Contains("href=\"/framework/1/nt/nt.2\"", behaviour, StringComparison.Ordinal);
        using var unknown = await factory.CreatePageClient().GetAsync("/framework/1/nt/nt.99", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

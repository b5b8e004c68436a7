using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Search;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Case studies on both databases: the moderation states (who sees what, who moves it, editors told of a
/// submission, the search entry only while published), filter and sort by evidence strength, contact people
/// kept from anonymous callers, and Markdown rendered inert. Each test writes case studies of its own country.
/// </summary>
public class CaseStudyTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] OneMechanism = ["DS.1"];

    public static object Body(string country, string title, string mechanism = "DS.1", string? problem = null, object[]? sources = null,
        object[]? contacts = null, int version = 0, string[]? instruments = null) => new
        {
            countryIso3 = country,
            fromYear = 2019,
            toYear = 2022,
            title = new { en = title, fr = $"{title} (fr)" },
            problem = new { en = problem ?? "Private clinics were neither paid nor inspected." },
            whatWasDone = new { en = "The county signed service contracts." },
            results = new { en = "Facility births rose." },
            mechanisms = new[] { mechanism },
            instruments = instruments ?? ["FinancingAndPurchasing"],
            sources = sources ?? [new { title = "Evaluation report", citation = "County evaluation, 2023." }],
            contacts = contacts ?? [],
            version,
        };

    public static async Task<JsonElement> CreateAsync(HttpClient api, object body)
    {
        using var response = await api.PostAsJsonAsync("/api/case-studies", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Created by the country's focal point, graded and published by an editor: the published case study.</summary>
    public static async Task<JsonElement> PublishedAsync(HttpClient author, HttpClient editor, object body, string grade)
    {
        var created = await CreateAsync(author, body);
        var id = created.GetProperty("id").GetGuid();
        var graded = await SendAsync(editor, HttpMethod.Put, $"/api/case-studies/{id}/grade", new { strength = grade, version = created.GetProperty("version").GetInt32() });
        return await SendAsync(editor, HttpMethod.Post, $"/api/case-studies/{id}/moves", new { to = "Published", version = graded.GetProperty("version").GetInt32() });
    }

    [Fact]
    public async Task A_case_study_moves_from_draft_through_review_to_published_and_withdrawn_seen_only_by_its_people_until_published()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "TZA");
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "TZA");
        var otherCountry = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "UGA");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var author = await factory.CreateApiClientAsync(focalPoint);
        using var colleague = await factory.CreateApiClientAsync(contributor);
        using var outsider = await factory.CreateApiClientAsync(otherCountry);
        using var editing = await factory.CreateApiClientAsync(editor);
        using var anonymous = factory.CreateClient();

        var created = await CreateAsync(author, Body("TZA", "Contracting clinics in two districts"));
        var id = created.GetProperty("id").GetGuid();
        var url = $"/api/case-studies/{id}";
        Assert.Equal("Draft", created.GetProperty("state").GetString());

        // A draft: its country's people and editors read it; anyone else is told it does not exist.
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editing.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/case-studies/{id}", Ct)).StatusCode);

        // The author cannot publish; submitting tells the editors.
        await SendAsync(author, HttpMethod.Post, $"{url}/moves", new { to = "Published", version = 0 }, HttpStatusCode.Forbidden);
        var submitted = await SendAsync(author, HttpMethod.Post, $"{url}/moves", new { to = "InReview", version = 0 });
        Assert.Equal("InReview", submitted.GetProperty("state").GetString());
        await using (var scope = factory.OpenSystemDb())
        {
            var key = $"CaseStudy:{id:N}:";
            Assert.True(await scope.Db.Notices.AnyAsync(n => n.RecipientId == editor.Id && n.Kind == NoticeKind.ContentInReview && n.Key.Contains(key), Ct));
            Assert.False(await scope.Db.Notices.AnyAsync(n => n.RecipientId == focalPoint.Id && n.Kind == NoticeKind.ContentInReview, Ct));
        }
        var queue = await (await editing.GetAsync("/api/case-studies?state=InReview&country=TZA", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(id.ToString(), queue, StringComparison.Ordinal);

        // In review the author no longer edits; an editor publishes only once the evidence is graded.
        await SendAsync(author, HttpMethod.Put, url, Body("TZA", "Changed", version: 1), HttpStatusCode.Forbidden);
        await SendAsync(editing, HttpMethod.Post, $"{url}/moves", new { to = "Published", version = 1 }, HttpStatusCode.BadRequest);
        await SendAsync(author, HttpMethod.Put, $"{url}/grade", new { strength = "Evaluated", version = 1 }, HttpStatusCode.Forbidden);
        var graded = await SendAsync(editing, HttpMethod.Put, $"{url}/grade", new { strength = "Evaluated", version = 1 });
        Assert.Equal("Evaluated", graded.GetProperty("grade").GetProperty("strength").GetString());
        await SendAsync(editing, HttpMethod.Post, $"{url}/moves", new { to = "Published", version = 1 }, HttpStatusCode.Conflict);
        var published = await SendAsync(editing, HttpMethod.Post, $"{url}/moves", new { to = "Published", version = 2 });
        Assert.Equal("Published", published.GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync(url, Ct)).StatusCode);
        await SendAsync(outsider, HttpMethod.Post, $"{url}/moves", new { to = "Withdrawn", version = 3 }, HttpStatusCode.Forbidden);
        var page = await HttpAssert.HtmlAsync(await factory.CreateClient().GetAsync($"/case-studies/{id}", Ct));
        Assert.Contains("Contracting clinics in two districts", page, StringComparison.Ordinal);
        Assert.Contains("data-evidence=\"Evaluated\"", page, StringComparison.Ordinal);
        await using (var scope = factory.OpenSystemDb())
        {
            var entry = await scope.Db.SearchEntries.SingleAsync(e => e.Kind == SearchKind.CaseStudy && e.Key == id.ToString(), Ct);
            Assert.Equal(SearchAudience.Public, entry.Audience);
            Assert.Equal(3, entry.Weight);
        }

        // Withdrawn: gone from the public, and from search.
        await SendAsync(editing, HttpMethod.Post, $"{url}/moves", new { to = "Withdrawn", version = 3 });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(url, Ct)).StatusCode);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.False(await scope.Db.SearchEntries.AnyAsync(e => e.Kind == SearchKind.CaseStudy && e.Key == id.ToString(), Ct));
        }
    }

    [Fact]
    public async Task The_list_filters_by_evidence_at_least_and_sorts_strongest_first()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "ZMB");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var author = await factory.CreateApiClientAsync(focalPoint);
        using var editing = await factory.CreateApiClientAsync(editor);
        await PublishedAsync(author, editing, Body("ZMB", "Descriptive story", "ES.1"), "Descriptive");
        await PublishedAsync(author, editing, Body("ZMB", "Peer-reviewed story", "ES.2"), "PeerReviewed");
        await PublishedAsync(author, editing, Body("ZMB", "Monitored story", "ES.1", instruments: ["Regulation"]), "Monitored");

        using var anonymous = factory.CreateClient();
        var atLeast = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/case-studies?country=ZMB&evidence=Monitored&sort=Evidence", Ct));
        Assert.Equal(["Peer-reviewed story", "Monitored story"],
            atLeast.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetProperty("en").GetString()).ToArray());
        var all = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/case-studies?country=ZMB&sort=Evidence", Ct));
        Assert.Equal(["PeerReviewed", "Monitored", "Descriptive"],
            all.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("evidence").GetString()).ToArray());
        var byMechanism = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/case-studies?country=ZMB&mechanism=ES.1&instrument=Regulation", Ct));
        Assert.Equal(1, byMechanism.GetProperty("total").GetInt32());
        var byBehaviour = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/case-studies?country=ZMB&behaviour=ES&region=AFR", Ct));
        Assert.Equal(3, byBehaviour.GetProperty("total").GetInt32());

        var problem = await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/case-studies?evidence=Strong", Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("evidence", out _));

        var page = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/case-studies?country=ZMB&evidence=Monitored&sort=Evidence", Ct));
        Assert.True(page.IndexOf("Peer-reviewed story", StringComparison.Ordinal) < page.IndexOf("Monitored story", StringComparison.Ordinal));
        Assert.DoesNotContain("Descriptive story", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_people_are_shown_to_signed_in_people_only()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "MWI");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        var reader = await factory.CreateUserAsync(Roles.CountryContributor, country: "BWA");
        using var author = await factory.CreateApiClientAsync(focalPoint);
        using var editing = await factory.CreateApiClientAsync(editor);
        var email = $"amina-{TestAccounts.UniqueSuffix()}@example.org";
        var published = await PublishedAsync(author, editing,
            Body("MWI", "Contacts story", contacts: [new { name = "Amina Phiri", role = "Programme lead", organisation = "Ministry of Health", email }]), "Descriptive");
        var id = published.GetProperty("id").GetGuid();

        using var anonymous = factory.CreateClient();
        var anonymousJson = await (await anonymous.GetAsync($"/api/case-studies/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(email, anonymousJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina Phiri", anonymousJson, StringComparison.Ordinal);
        var anonymousPage = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/case-studies/{id}", Ct));
        Assert.DoesNotContain(email, anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina Phiri", anonymousPage, StringComparison.Ordinal);

        using var signedInApi = await factory.CreateApiClientAsync(reader);
        var signedInJson = await HttpAssert.JsonAsync(await signedInApi.GetAsync($"/api/case-studies/{id}", Ct));
        Assert.Equal(email, signedInJson.GetProperty("contacts")[0].GetProperty("email").GetString());
        using var signedInPage = await factory.CreateSignedInClientAsync(reader);
        Assert.Contains(email, await HttpAssert.HtmlAsync(await signedInPage.GetAsync($"/case-studies/{id}", Ct)), StringComparison.Ordinal);

        await using var scope = factory.OpenSystemDb();
        var entry = await scope.Db.SearchEntries.SingleAsync(e => e.Kind == SearchKind.CaseStudy && e.Key == id.ToString(), Ct);
        Assert.DoesNotContain("amina", entry.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Script_in_any_body_renders_inert_and_unsafe_links_are_refused()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "NAM");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var author = await factory.CreateApiClientAsync(focalPoint);
        using var editing = await factory.CreateApiClientAsync(editor);

        var refused = await SendAsync(author, HttpMethod.Post, "/api/case-studies",
            Body("NAM", "Bad link", sources: [new { title = "Trap", link = "javascript:alert(1)" }]), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("Sources[0].Link", out _));
        var noEnglish = await SendAsync(author, HttpMethod.Post, "/api/case-studies",
            new { countryIso3 = "NAM", fromYear = 2020, title = new { fr = "Seulement en français" }, mechanisms = OneMechanism }, HttpStatusCode.BadRequest);
        Assert.True(noEnglish.GetProperty("errors").TryGetProperty("Title", out _));
        Assert.True(noEnglish.GetProperty("errors").TryGetProperty("Problem", out _));

        var published = await PublishedAsync(author, editing, Body("NAM", "Script story",
            problem: "Before <script>alert('x')</script> after [click](javascript:alert(2)) <img src=x onerror=alert(3)> **bold**"), "Anecdotal");
        var html = await HttpAssert.HtmlAsync(await factory.CreateClient().GetAsync($"/case-studies/{published.GetProperty("id").GetGuid()}", Ct));
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        // Raw HTML is shown as text (escaped), never as a tag.
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
    }
}

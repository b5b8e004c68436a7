using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// One evidence item supporting several mechanisms (issue 9 §1.6): ticked at upload, changed later through
/// "Also supports…" (page and PUT .../mechanisms), listed under each mechanism wherever evidence is shown.
/// </summary>
public class EvidenceLinksTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Pdf()
    {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + $"% {Guid.NewGuid():N}\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(text);
    }

    private async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    /// <summary>Uploads a PDF through the API with the given form fields for its mechanisms.</summary>
    private async Task<JsonElement> UploadAsync(TestRound round, TestUser user, string title, params (string Field, string Value)[] mechanisms)
    {
        using var client = await ApiClientAsync(user);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Report"), "type" },
            { new StringContent(title), "title" },
        };
        foreach (var (field, value) in mechanisms)
        {
            content.Add(new StringContent(value), field);
        }
        var part = new ByteArrayContent(Pdf());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "file", "report.pdf");
        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 Created, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static Task<HttpResponseMessage> PutMechanismsAsync(HttpClient client, Guid roundId, Guid evidenceId, params string[] codes) =>
        client.PutAsJsonAsync($"/api/assessments/{roundId}/evidence/{evidenceId}/mechanisms", new { mechanismCodes = codes }, Ct);

    /// <summary>The item's mechanisms as stored, in code order.</summary>
    private async Task<List<string>> LinksOfAsync(Guid evidenceId)
    {
        await using var scope = factory.OpenSystemDb();
        return (await scope.Db.EvidenceLinks.IgnoreQueryFilters().AsNoTracking()
            .Where(link => link.EvidenceItemId == evidenceId).Select(link => link.MechanismCode).ToListAsync(Ct))
            .Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<AuditEntry>> LinkAuditAsync(TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(entry => entry.AssessmentId == round.Id && entry.Entity == nameof(EvidenceLink)).ToListAsync(Ct);
    }

    private static string Sorted(params string[] codes) => string.Join(",", codes.Order(StringComparer.Ordinal));

    private static string Codes(JsonElement item) => string.Join(",", item.GetProperty("mechanismCodes").EnumerateArray().Select(code => code.GetString()));

    // ---- At upload ----

    [Fact]
    public async Task One_page_upload_ticked_for_two_mechanisms_is_stored_once_and_listed_under_each()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var (first, third) = (round.MechanismCodes[0], round.MechanismCodes[2]);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var form = HtmlForm.Find(await client.GetStringAsync($"/assessments/{round.Id}/evidence?mechanism={first}", Ct), "evidence-file");
        var content = new MultipartFormDataContent();
        List<KeyValuePair<string, string>> chosen =
        [
            new(form.NameOf($"file-m-{first}"), first), new(form.NameOf($"file-m-{third}"), third),
            new(form.NameOf("file-type"), "Minutes"), new(form.NameOf("file-title"), "Joint committee minutes"),
        ];
        var fields = form.Fields.Where(pair => !chosen.Any(given => given.Key == pair.Key)).Concat(chosen).ToList();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        var part = new ByteArrayContent(Pdf());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "file", "minutes.pdf");

        using var response = await client.PostAsync($"/assessments/{round.Id}/evidence", content, Ct);

        await HttpAssert.RedirectAsync(response);
        await using var scope = factory.OpenSystemDb();
        var item = await scope.Db.Evidence.IgnoreQueryFilters().AsNoTracking().Include(e => e.Links).SingleAsync(e => e.AssessmentId == round.Id, Ct);
        Assert.Equal(Sorted(first, third), Sorted([.. item.Links.Select(link => link.MechanismCode)]));
        Assert.Equal(1, await scope.Db.EvidenceFiles.IgnoreQueryFilters().CountAsync(f => f.Id == item.FileId, Ct));
        var html = await client.GetStringAsync($"/assessments/{round.Id}/evidence", Ct);
        Assert.Contains($"id=\"evidence-{first}-{item.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"evidence-{third}-{item.Id}\"", html, StringComparison.Ordinal);
        using var api = await ApiClientAsync(round.Observer);
        var listed = await HttpAssert.JsonAsync(await api.GetAsync($"/api/assessments/{round.Id}/evidence?mechanism={third}", Ct));
        Assert.Equal($"{first},{third}", Codes(Assert.Single(listed.EnumerateArray())));
    }

    [Fact]
    public async Task The_api_takes_codes_repeated_comma_separated_and_in_the_old_single_field_in_framework_order()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = round.MechanismCodes;

        var item = await UploadAsync(round, round.Facilitator, "Annual report",
            ("mechanismCodes", codes[3]), ("mechanismCodes", $"{codes[1].ToLowerInvariant()}, {codes[0]}"), ("mechanismCode", codes[1]));

        Assert.Equal($"{codes[0]},{codes[1]},{codes[3]}", Codes(item));
        Assert.Equal(codes[0], item.GetProperty("mechanismCode").GetString());
        Assert.Equal(Sorted(codes[0], codes[1], codes[3]), string.Join(",", await LinksOfAsync(item.GetProperty("id").GetGuid())));
    }

    // ---- Later, through the API ----

    [Fact]
    public async Task Putting_the_full_list_links_and_unlinks_in_one_request_and_each_change_is_audited_in_words()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var codes = round.MechanismCodes;
        var item = await UploadAsync(round, round.PrivateRespondent, "Licensing decree", ("mechanismCode", codes[0]));
        var evidenceId = item.GetProperty("id").GetGuid();
        using var client = await ApiClientAsync(round.PublicRespondent);

        using var response = await PutMechanismsAsync(client, round.Id, evidenceId, codes[5], codes[2]);

        var updated = await HttpAssert.JsonAsync(response);
        Assert.Equal($"{codes[2]},{codes[5]}", Codes(updated));
        Assert.Equal(Sorted(codes[2], codes[5]), string.Join(",", await LinksOfAsync(evidenceId)));
        var trail = await LinkAuditAsync(round);
        Assert.Equal(2, trail.Count(entry => entry.Action == AuditAction.Added && entry.ActorId == round.PublicRespondent.Id));
        var removed = Assert.Single(trail, entry => entry.Action == AuditAction.Removed);
        Assert.Equal($"{codes[0]}: Licensing decree", removed.Label);

        using var audit = await ApiClientAsync(round.FocalPoint);
        var page = await HttpAssert.JsonAsync(await audit.GetAsync($"/api/assessments/{round.Id}/audit?entity=EvidenceLink", Ct));
        var entry = page.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("action").GetString() == "Removed");
        Assert.Equal("Evidence for a mechanism", entry.GetProperty("entityName").GetString());
        var field = entry.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "EvidenceItemId");
        Assert.Equal("Evidence", field.GetProperty("fieldName").GetString());
        Assert.Equal("Licensing decree", field.GetProperty("beforeText").GetString());
    }

    [Fact]
    public async Task An_unknown_code_is_refused_naming_it_and_nothing_is_written()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = round.MechanismCodes;
        var item = await UploadAsync(round, round.Facilitator, "Budget law", ("mechanismCode", codes[0]));
        var evidenceId = item.GetProperty("id").GetGuid();
        using var client = await ApiClientAsync(round.Facilitator);

        using var response = await PutMechanismsAsync(client, round.Id, evidenceId, codes[1], "ZZ.9");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("ZZ.9", problem.GetProperty("errors").GetProperty("MechanismCodes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(codes[0], Assert.Single(await LinksOfAsync(evidenceId)));
        Assert.Equal(AuditAction.Added, Assert.Single(await LinkAuditAsync(round)).Action);
    }

    [Fact]
    public async Task Removing_the_last_mechanism_is_refused_with_the_way_to_withdraw_the_item()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var item = await UploadAsync(round, round.Facilitator, "Budget law", ("mechanismCode", round.MechanismCodes[0]));
        var evidenceId = item.GetProperty("id").GetGuid();
        using var client = await ApiClientAsync(round.Facilitator);

        using var response = await PutMechanismsAsync(client, round.Id, evidenceId);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("remove the evidence", problem.GetProperty("errors").GetProperty("MechanismCodes")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(await LinksOfAsync(evidenceId));
    }

    [Fact]
    public async Task Another_country_cannot_see_or_link_the_evidence_and_another_round_does_not_reach_it()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var other = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var item = await UploadAsync(round, round.Facilitator, "Budget law", ("mechanismCode", round.MechanismCodes[0]));
        var evidenceId = item.GetProperty("id").GetGuid();
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var strangerApi = await ApiClientAsync(stranger);
        using var strangerPage = await factory.CreateSignedInClientAsync(stranger);
        using var otherApi = await ApiClientAsync(other.Facilitator);

        using var put = await PutMechanismsAsync(strangerApi, round.Id, evidenceId, round.MechanismCodes[1]);
        using var page = await strangerPage.GetAsync($"/assessments/{round.Id}/evidence/{evidenceId}/mechanisms", Ct);
        using var elsewhere = await PutMechanismsAsync(otherApi, other.Id, evidenceId, round.MechanismCodes[1]);

        await HttpAssert.ProblemAsync(put, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        await HttpAssert.ProblemAsync(elsewhere, HttpStatusCode.NotFound);
        Assert.Equal(round.MechanismCodes[0], Assert.Single(await LinksOfAsync(evidenceId)));
    }

    [Fact]
    public async Task Only_those_who_may_add_evidence_link_it_and_a_submitted_round_refuses()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var item = await UploadAsync(round, round.Facilitator, "Budget law", ("mechanismCode", round.MechanismCodes[0]));
        var evidenceId = item.GetProperty("id").GetGuid();
        using var observer = await ApiClientAsync(round.Observer);
        using var observerPage = await factory.CreateSignedInClientAsync(round.Observer);

        using var refused = await PutMechanismsAsync(observer, round.Id, evidenceId, round.MechanismCodes[1]);
        var html = await HttpAssert.HtmlAsync(await observerPage.GetAsync($"/assessments/{round.Id}/evidence/{evidenceId}/mechanisms", Ct));
        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        using var facilitator = await ApiClientAsync(round.Facilitator);
        using var closed = await PutMechanismsAsync(facilitator, round.Id, evidenceId, round.MechanismCodes[1]);

        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("evidence-mechanisms", html, StringComparison.Ordinal);
        Assert.Contains("Budget law", html, StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(closed, HttpStatusCode.Conflict);
        Assert.Single(await LinksOfAsync(evidenceId));
    }

    // ---- Later, through the page ----

    [Fact]
    public async Task The_also_supports_page_saves_every_ticked_mechanism_in_one_post_and_refuses_none()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = round.MechanismCodes;
        var item = await UploadAsync(round, round.PrivateRespondent, "Facility census", ("mechanismCode", codes[0]));
        var evidenceId = item.GetProperty("id").GetGuid();
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var href = $"/assessments/{round.Id}/evidence/{evidenceId}/mechanisms";
        Assert.Contains($"href=\"{href}\"", await client.GetStringAsync($"/assessments/{round.Id}/evidence", Ct), StringComparison.Ordinal);
        var form = HtmlForm.Find(await client.GetStringAsync(href, Ct), "evidence-mechanisms");
        Assert.Equal(codes[0], form.Fields[form.NameOf($"mechanisms-{codes[0]}")]);
        var name = form.NameOf($"mechanisms-{codes[0]}");
        var others = form.Fields.Where(pair => pair.Key != name).ToList();

        using var saved = await client.PostAsync(href, new FormUrlEncodedContent([.. others, new(name, codes[3]), new(name, codes[7])]), Ct);
        using var none = await client.PostAsync(href, new FormUrlEncodedContent(others), Ct);

        Assert.Contains("done=linked", await HttpAssert.RedirectAsync(saved), StringComparison.Ordinal);
        var refused = await HttpAssert.HtmlAsync(none);
        Assert.Contains("remove the evidence", Assert.Single(HttpAssert.ValidationMessages(refused)), StringComparison.Ordinal);
        Assert.Equal(Sorted(codes[3], codes[7]), string.Join(",", await LinksOfAsync(evidenceId)));
    }

    // ---- Wherever evidence is shown, and removed ----

    [Fact]
    public async Task The_reviewer_view_shows_the_item_under_each_mechanism_it_supports()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var codes = round.MechanismCodes;
        var item = await UploadAsync(round, round.Facilitator, "National health accounts", ("mechanismCodes", $"{codes[0]},{codes[4]}"));
        var evidenceId = item.GetProperty("id").GetGuid();
        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Reviewer, region: "EMR"));

        var html = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/review", Ct));

        Assert.Contains($"id=\"evidence-{codes[0]}-{evidenceId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"evidence-{codes[4]}-{evidenceId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"evidence-{codes[1]}-{evidenceId}\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split($"href=\"{EvidenceDownloads.PageHref(round.Id, evidenceId)}\"").Length - 1);
    }

    [Fact]
    public async Task Public_evidence_is_published_under_each_mechanism_it_supports_and_downloads_once()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = round.MechanismCodes;
        var item = await UploadAsync(round, round.Facilitator, "Public procurement rules", ("mechanismCodes", $"{codes[1]},{codes[6]}"), ("isPublic", "true"));
        var evidenceId = item.GetProperty("id").GetGuid();
        await factory.MoveRoundAsync(round, AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var anonymous = factory.CreatePageClient();

        await focalPoint.MoveOkAsync(round, "Published",
            publish: new { behaviourProfile = true, mechanismLevels = false, rationales = false, publicEvidence = true });

        var release = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/published/{round.Id}", Ct));
        var published = release.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("id").GetGuid() == evidenceId).ToList();
        Assert.Equal(Sorted(codes[1], codes[6]), Sorted([.. published.Select(e => e.GetProperty("mechanism").GetString()!)]));
        var page = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}", Ct));
        Assert.Equal(2, page.Split("Public procurement rules").Length - 1);
        using var file = await anonymous.GetAsync(PublishedDownloads.Href(round.Id, evidenceId), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Fact]
    public async Task Removing_an_item_removes_all_its_links_and_its_one_file_and_audits_each()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = round.MechanismCodes;
        var item = await UploadAsync(round, round.Facilitator, "Budget law", ("mechanismCodes", codes[0]), ("mechanismCodes", codes[1]));
        var evidenceId = item.GetProperty("id").GetGuid();
        Guid? fileId;
        await using (var before = factory.OpenSystemDb())
        {
            fileId = await before.Db.Evidence.IgnoreQueryFilters().Where(e => e.Id == evidenceId).Select(e => e.FileId).SingleAsync(Ct);
        }
        using var client = await ApiClientAsync(round.Facilitator);

        using var response = await client.DeleteAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await LinksOfAsync(evidenceId));
        await using var scope = factory.OpenSystemDb();
        Assert.Equal(0, await scope.Db.Evidence.IgnoreQueryFilters().CountAsync(e => e.AssessmentId == round.Id, Ct));
        Assert.NotNull(fileId);
        Assert.Equal(0, await scope.Db.EvidenceFiles.IgnoreQueryFilters().CountAsync(f => f.Id == fileId, Ct));
        Assert.Equal(2, (await LinkAuditAsync(round)).Count(entry => entry.Action == AuditAction.Removed));
    }
}

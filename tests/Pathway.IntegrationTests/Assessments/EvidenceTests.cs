using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Evidence: links and files per mechanism, through the page and /api/assessments/{id}/evidence, on both databases.</summary>
public class EvidenceTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const int Megabyte = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ---- Files made in the test ----

    /// <summary>A small but real PDF, different each time.</summary>
    private static byte[] Pdf(int padding = 0)
    {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + $"% {Guid.NewGuid():N}\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        var bytes = Encoding.ASCII.GetBytes(text);
        if (padding == 0)
        {
            return bytes;
        }
        var padded = new byte[bytes.Length + padding];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        return padded;
    }

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    private static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    // ---- Helpers ----

    private async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static MultipartFormDataContent ApiForm(
        string mechanismCode, string title, string type = "Report", string? url = null, byte[]? file = null, string fileName = "report.pdf",
        string? date = null, string? issuer = null, bool? isPublic = null)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(mechanismCode), "mechanismCode" },
            { new StringContent(type), "type" },
            { new StringContent(title), "title" },
        };
        if (date is not null)
        {
            content.Add(new StringContent(date), "date");
        }
        if (issuer is not null)
        {
            content.Add(new StringContent(issuer), "issuer");
        }
        if (isPublic is not null)
        {
            content.Add(new StringContent(isPublic.Value ? "true" : "false"), "isPublic");
        }
        if (url is not null)
        {
            content.Add(new StringContent(url), "url");
        }
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", fileName);
        }
        return content;
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 Created, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Uploads a file through the API as the given person and returns the created item.</summary>
    private async Task<JsonElement> UploadAsync(TestRound round, TestUser user, byte[] file, string fileName = "report.pdf", string? code = null)
    {
        using var client = await ApiClientAsync(user);
        using var content = ApiForm(code ?? round.MechanismCodes[0], "Health facility licensing report", file: file, fileName: fileName);
        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);
        return await CreatedAsync(response);
    }

    private async Task<List<EvidenceItem>> EvidenceOfAsync(TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Evidence.IgnoreQueryFilters().AsNoTracking().Include(e => e.Links).Where(e => e.AssessmentId == round.Id).ToListAsync(Ct);
    }

    private async Task<int> FileCountAsync(Guid? fileId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.EvidenceFiles.IgnoreQueryFilters().CountAsync(f => f.Id == fileId, Ct);
    }

    private static void AssertServedAsAttachment(HttpResponseMessage response, string contentType, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", disposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.Private, "Cache-Control should be private.");
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control should be no-store.");
    }

    /// <summary>
    /// The page's upload form posted as a browser would (multipart): its own fields, the antiforgery
    /// token and the form name (_handler) included, with the given values and file.
    /// </summary>
    private static MultipartFormDataContent PageUpload(HtmlForm form, byte[]? file, string fileName, params (string Name, string Value)[] values)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Posted(form, values))
        {
            content.Add(new StringContent(value), name);
        }
        var part = new ByteArrayContent(file ?? []);
        part.Headers.ContentType = new MediaTypeHeaderValue(file is null ? "application/octet-stream" : "application/pdf");
        content.Add(part, "file", fileName);
        return content;
    }

    /// <summary>
    /// The form's fields as a browser posts them, with <paramref name="values"/> in place of the fields they
    /// name; a name given several times (ticked checkboxes) is posted several times.
    /// </summary>
    private static List<KeyValuePair<string, string>> Posted(HtmlForm form, params (string Name, string Value)[] values)
    {
        var given = values.Select(value => value.Name).ToHashSet(StringComparer.Ordinal);
        return [.. form.Fields.Where(pair => !given.Contains(pair.Key)), .. values.Select(value => KeyValuePair.Create(value.Name, value.Value))];
    }

    /// <summary>The mechanism checkboxes of an add form ("link" or "file") ticked for these codes, under the names the page gave them.</summary>
    private static (string Name, string Value)[] Ticked(HtmlForm form, string formId, params string[] codes) =>
        [.. codes.Select(code => (form.NameOf($"{formId}-m-{code}"), code))];

    private static string EvidencePage(TestRound round, string? code = null) =>
        $"/assessments/{round.Id}/evidence" + (code is null ? "" : $"?mechanism={Uri.EscapeDataString(code)}");

    // ---- Upload and download ----

    [Fact]
    public async Task Facilitator_uploads_a_pdf_through_the_api_and_downloads_the_same_bytes_as_an_attachment()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var pdf = Pdf();
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm(round.MechanismCodes[0], "Licensing law 2019", type: "law", file: pdf, fileName: "licensing law.pdf",
            date: "2019-06-30", issuer: "Ministry of Health", isPublic: true);

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var item = await CreatedAsync(response);
        Assert.Equal("Law", item.GetProperty("type").GetString());
        Assert.Equal("Pdf", item.GetProperty("fileType").GetString());
        Assert.Equal("licensing law.pdf", item.GetProperty("fileName").GetString());
        Assert.Equal(pdf.Length, item.GetProperty("fileSize").GetInt64());
        Assert.Equal("2019-06-30", item.GetProperty("date").GetString());
        Assert.True(item.GetProperty("isPublic").GetBoolean());
        var fileUrl = item.GetProperty("fileUrl").GetString()!;

        using var download = await client.GetAsync(fileUrl, Ct);
        AssertServedAsAttachment(download, "application/pdf", "licensing law.pdf");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));

        var stored = Assert.Single(await EvidenceOfAsync(round));
        await using var scope = factory.OpenSystemDb();
        var file = await scope.Db.EvidenceFiles.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == stored.FileId, Ct);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.Sha256);
    }

    [Fact]
    public async Task Respondent_uploads_a_pdf_through_the_page_and_downloads_it_from_the_page()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var code = round.MechanismCodes[2];
        var pdf = Pdf();
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var form = HtmlForm.Find(await client.GetStringAsync(EvidencePage(round, code), Ct), "evidence-file");
        Assert.Equal(code, form.Fields[form.NameOf($"file-m-{code}")]);

        using var content = PageUpload(form, pdf, "Supervision minutes.pdf",
            (form.NameOf("file-type"), "Minutes"), (form.NameOf("file-title"), "Supervision committee minutes"),
            (form.NameOf("file-date"), "2024-02-15"), (form.NameOf("file-public"), "true"));
        using var response = await client.PostAsync(EvidencePage(round, code), content, Ct);

        var location = await HttpAssert.RedirectAsync(response);
        Assert.Contains("done=added", location, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct)));
        Assert.Contains("Supervision committee minutes", html, StringComparison.Ordinal);
        var item = Assert.Single(await EvidenceOfAsync(round));
        Assert.Equal(code, Assert.Single(item.Links).MechanismCode);
        Assert.Equal(EvidenceType.Minutes, item.Type);
        Assert.True(item.IsPublic);
        Assert.Equal(new DateOnly(2024, 2, 15), item.Date);
        var href = EvidenceDownloads.PageHref(round.Id, item.Id);
        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);

        using var download = await client.GetAsync(href, Ct);
        AssertServedAsAttachment(download, "application/pdf", "Supervision minutes.pdf");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Facilitator_adds_a_link_through_the_page_and_sees_it_listed_under_its_mechanism()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var code = round.MechanismCodes[1];
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await client.GetStringAsync(EvidencePage(round), Ct), "evidence-link")
            .Fill("link-type", "Regulation")
            .Fill("link-title", "Private clinic standards")
            .Fill("link-issuer", "Health regulator")
            .Fill("link-url", "https://example.org/standards?year=2023");

        using var response = await client.PostAsync(EvidencePage(round), new FormUrlEncodedContent(Posted(form, Ticked(form, "link", code))), Ct);

        var location = await HttpAssert.RedirectAsync(response);
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct)));
        Assert.Contains("Private clinic standards", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/standards?year=2023\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"m-{code}\"", html, StringComparison.Ordinal);
        var item = Assert.Single(await EvidenceOfAsync(round));
        Assert.Equal("https://example.org/standards?year=2023", item.Url);
        Assert.Null(item.FileId);
        Assert.False(item.IsPublic);
    }

    [Fact]
    public async Task The_list_filters_by_mechanism_and_never_carries_file_bytes()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        await UploadAsync(round, round.Facilitator, Pdf(), code: round.MechanismCodes[0]);
        await UploadAsync(round, round.PrivateRespondent, Pdf(), code: round.MechanismCodes[3]);
        using var client = await ApiClientAsync(round.Observer);

        var all = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}/evidence", Ct));
        var one = await HttpAssert.JsonAsync(await client.GetAsync(
            $"/api/assessments/{round.Id}/evidence?mechanism={round.MechanismCodes[3].ToLowerInvariant()}", Ct));

        Assert.Equal(2, all.GetArrayLength());
        var item = Assert.Single(one.EnumerateArray());
        Assert.Equal(round.MechanismCodes[3], item.GetProperty("mechanismCode").GetString());
        Assert.False(item.TryGetProperty("content", out _));
        Assert.False(item.GetProperty("canRemove").GetBoolean());
        using var unknown = await client.GetAsync($"/api/assessments/{round.Id}/evidence?mechanism=ZZ.9", Ct);
        await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest);
    }

    // ---- Files refused ----

    [Theory]
    [InlineData("png", "Disguised")]
    [InlineData("exe", "UnknownType")]
    public async Task A_pdf_that_is_really_another_type_is_refused_through_the_api_with_a_message_saying_what_is_allowed(string kind, string refusal)
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm(round.MechanismCodes[0], "Scanned decree", file: kind == "png" ? Png() : Exe(), fileName: "decree.pdf");

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("File")[0].GetString()!;
        Assert.Contains(".docx", message, StringComparison.Ordinal);
        Assert.Contains(refusal == "Disguised" ? ".pdf" : "PDF", message, StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task A_french_caller_is_told_why_a_file_is_refused_in_french()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.Facilitator);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        using var content = ApiForm(round.MechanismCodes[0], "Décret", file: Png(), fileName: "decret.pdf");

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Renommez-le", problem.GetProperty("errors").GetProperty("File")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_executable_named_pdf_is_refused_on_the_page_with_the_message_beside_the_file_field()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await client.GetStringAsync(EvidencePage(round), Ct), "evidence-file");

        using var content = PageUpload(form, Exe(), "budget.pdf",
            Ticked(form, "file", round.MechanismCodes[0])[0], (form.NameOf("file-type"), "Report"),
            (form.NameOf("file-title"), "Budget execution report"));
        using var response = await client.PostAsync(EvidencePage(round), content, Ct);

        var html = await HttpAssert.HtmlAsync(response);
        var message = Assert.Single(HttpAssert.ValidationMessages(html));
        Assert.Contains("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG", message, StringComparison.Ordinal);
        Assert.Contains("Budget execution report", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task A_file_just_over_20_MB_is_refused_with_the_limit_and_nothing_is_saved()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var pdf = Pdf();
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm(round.MechanismCodes[0], "Census annex", file: Pdf(20 * Megabyte - pdf.Length + 1));

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("20 MB", problem.GetProperty("errors").GetProperty("File")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task An_upload_far_over_the_limit_is_refused_as_too_large_before_it_is_read()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm(round.MechanismCodes[0], "Census tables", file: Pdf(25 * Megabyte));

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("20 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task On_the_page_a_file_over_20_MB_is_refused_beside_the_field_and_a_far_larger_upload_is_not_read()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var pdf = Pdf();
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await client.GetStringAsync(EvidencePage(round), Ct), "evidence-file");
        (string, string)[] fields =
        [
            Ticked(form, "file", round.MechanismCodes[0])[0], (form.NameOf("file-type"), "Dataset"),
            (form.NameOf("file-title"), "Facility census"),
        ];

        using var over = PageUpload(form, Pdf(20 * Megabyte - pdf.Length + 1), "census.pdf", fields);
        using var refused = await client.PostAsync(EvidencePage(round), over, Ct);
        using var huge = PageUpload(form, Pdf(23 * Megabyte), "census.pdf", fields);
        using var unread = await client.PostAsync(EvidencePage(round), huge, Ct);

        var message = Assert.Single(HttpAssert.ValidationMessages(await HttpAssert.HtmlAsync(refused)));
        Assert.Contains("20 MB", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unread.StatusCode);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task A_file_of_exactly_20_MB_is_accepted()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var pdf = Pdf();

        var item = await UploadAsync(round, round.Facilitator, Pdf(20 * Megabyte - pdf.Length));

        Assert.Equal(20 * Megabyte, item.GetProperty("fileSize").GetInt64());
    }

    // ---- Links refused ----

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/reports/annual.pdf")]
    [InlineData("ftp://example.org/report.pdf")]
    public async Task A_link_that_is_not_an_absolute_web_address_is_refused(string url)
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm(round.MechanismCodes[0], "Policy note", url: url);

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("https://", problem.GetProperty("errors").GetProperty("Url")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task A_javascript_link_is_refused_on_the_page_beside_the_address_field()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var form = HtmlForm.Find(await client.GetStringAsync(EvidencePage(round), Ct), "evidence-link")
            .Fill("link-type", "Policy")
            .Fill("link-title", "Policy note")
            .Fill("link-url", "javascript:alert(1)");

        using var response = await client.PostAsync(EvidencePage(round), new FormUrlEncodedContent(Posted(form, Ticked(form, "link", round.MechanismCodes[0]))), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        var message = Assert.Single(HttpAssert.ValidationMessages(html));
        Assert.Contains("https://", message, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task Missing_fields_and_an_unknown_mechanism_are_reported_field_by_field()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm("ZZ.9", "", type: "Rumour", url: "https://example.org", date: "31/12/2024");

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("Law", errors.GetProperty("Type")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", errors.GetProperty("Date")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));

        using var second = ApiForm("ZZ.9", "", url: "https://example.org");
        using var again = await client.PostAsync($"/api/assessments/{round.Id}/evidence", second, Ct);
        errors = (await HttpAssert.ProblemAsync(again, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("ZZ.9", errors.GetProperty("MechanismCodes")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("Title", out _));
    }

    [Fact]
    public async Task A_link_and_a_file_together_are_refused()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.Facilitator);
        using var content = ApiForm(round.MechanismCodes[0], "Both", url: "https://example.org/a.pdf", file: Pdf());

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Url", out _));
        Assert.Empty(await EvidenceOfAsync(round));
    }

    // ---- Who sees what ----

    [Fact]
    public async Task Another_countrys_focal_point_gets_404_for_the_list_and_the_file_everywhere()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var item = await UploadAsync(round, round.Facilitator, Pdf());
        var evidenceId = item.GetProperty("id").GetGuid();
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var api = await ApiClientAsync(stranger);
        using var page = await factory.CreateSignedInClientAsync(stranger);

        using var list = await api.GetAsync($"/api/assessments/{round.Id}/evidence", Ct);
        using var file = await api.GetAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}/file", Ct);
        using var remove = await api.DeleteAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}", Ct);
        using var pageList = await page.GetAsync(EvidencePage(round), Ct);
        using var pageFile = await page.GetAsync(EvidenceDownloads.PageHref(round.Id, evidenceId), Ct);

        await HttpAssert.ProblemAsync(list, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(file, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(remove, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, pageList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageFile.StatusCode);
        Assert.DoesNotContain("%PDF", await pageFile.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await EvidenceOfAsync(round));
    }

    [Fact]
    public async Task Anonymous_visitors_get_no_bytes_from_either_file_address()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var item = await UploadAsync(round, round.Facilitator, Pdf());
        var evidenceId = item.GetProperty("id").GetGuid();
        using var client = factory.CreatePageClient();

        using var page = await client.GetAsync(EvidenceDownloads.PageHref(round.Id, evidenceId), Ct);
        using var api = await client.GetAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}/file", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/login", HttpAssert.Location(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.DoesNotContain("%PDF", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_is_not_served_under_another_rounds_address()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var other = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var item = await UploadAsync(round, round.Facilitator, Pdf());
        var evidenceId = item.GetProperty("id").GetGuid();
        using var client = await ApiClientAsync(other.FocalPoint);
        using var page = await factory.CreateSignedInClientAsync(other.FocalPoint);

        using var api = await client.GetAsync($"/api/assessments/{other.Id}/evidence/{evidenceId}/file", Ct);
        using var pageFile = await page.GetAsync(EvidenceDownloads.PageHref(other.Id, evidenceId), Ct);

        await HttpAssert.ProblemAsync(api, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, pageFile.StatusCode);
    }

    [Fact]
    public async Task An_observer_lists_and_downloads_but_cannot_add_and_sees_no_forms()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var pdf = Pdf();
        var item = await UploadAsync(round, round.Facilitator, pdf);
        using var api = await ApiClientAsync(round.Observer);
        using var page = await factory.CreateSignedInClientAsync(round.Observer);

        using var download = await api.GetAsync(item.GetProperty("fileUrl").GetString(), Ct);
        using var content = ApiForm(round.MechanismCodes[0], "Observer note", url: "https://example.org/note");
        using var add = await api.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);
        var html = await HttpAssert.HtmlAsync(await page.GetAsync(EvidencePage(round), Ct));

        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        await HttpAssert.ProblemAsync(add, HttpStatusCode.Forbidden);
        Assert.Contains("Health facility licensing report", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-file", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-remove", html, StringComparison.Ordinal);
    }

    // ---- Workflow ----

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.Submitted)]
    public async Task Adding_evidence_is_refused_while_the_round_does_not_take_it(AssessmentStatus status)
    {
        var round = await factory.CreateRoundAsync("EGY", status);
        using var client = await ApiClientAsync(round.FocalPoint);
        using var content = ApiForm(round.MechanismCodes[0], "Late report", file: Pdf());

        using var response = await client.PostAsync($"/api/assessments/{round.Id}/evidence", content, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("rating is open", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var html = await HttpAssert.HtmlAsync(await page.GetAsync(EvidencePage(round), Ct));
        Assert.DoesNotContain("evidence-file", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_evidence_deletes_the_item_and_its_file_and_is_audited()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var item = await UploadAsync(round, round.PrivateRespondent, Pdf());
        var evidenceId = item.GetProperty("id").GetGuid();
        var fileId = Assert.Single(await EvidenceOfAsync(round)).FileId;
        using var client = await ApiClientAsync(round.PrivateRespondent);

        using var response = await client.DeleteAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await EvidenceOfAsync(round));
        Assert.Equal(0, await FileCountAsync(fileId));
        await using var scope = factory.OpenSystemDb();
        var trail = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(entry => entry.AssessmentId == round.Id && entry.EntityId == evidenceId).ToListAsync(Ct);
        Assert.Contains(trail, entry => entry.Action == AuditAction.Added && entry.ActorId == round.PrivateRespondent.Id);
        var removed = Assert.Single(trail, entry => entry.Action == AuditAction.Removed);
        Assert.Equal(round.PrivateRespondent.Id, removed.ActorId);
        Assert.Contains(removed.Changes, change => change.Field == "Title" && change.Before == "Health facility licensing report");
        using var gone = await client.GetAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}/file", Ct);
        await HttpAssert.ProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_respondent_cannot_remove_someone_elses_evidence_but_a_facilitator_can_through_the_page()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var item = await UploadAsync(round, round.PublicRespondent, Pdf());
        var evidenceId = item.GetProperty("id").GetGuid();
        using var respondent = await ApiClientAsync(round.PrivateRespondent);

        using var refused = await respondent.DeleteAsync($"/api/assessments/{round.Id}/evidence/{evidenceId}", Ct);

        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Single(await EvidenceOfAsync(round));

        using var page = await factory.CreateSignedInClientAsync(round.Facilitator);
        var html = await page.GetStringAsync(EvidencePage(round), Ct);
        Assert.Contains($"name=\"RemoveId\" value=\"{evidenceId}\"", html, StringComparison.Ordinal);
        var form = HtmlForm.Find(html, "evidence-remove").Fields.Append(new("RemoveId", evidenceId.ToString())).ToList();
        using var response = await page.PostAsync(EvidencePage(round), new FormUrlEncodedContent(form), Ct);

        Assert.Contains("done=removed", await HttpAssert.RedirectAsync(response), StringComparison.Ordinal);
        Assert.Empty(await EvidenceOfAsync(round));

        using var again = await page.PostAsync(EvidencePage(round), new FormUrlEncodedContent(form), Ct);
        Assert.Contains("This evidence does not exist", await HttpAssert.HtmlAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_cannot_be_removed_once_the_round_is_submitted()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var item = await UploadAsync(round, round.Facilitator, Pdf());
        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        using var client = await ApiClientAsync(round.Facilitator);

        using var response = await client.DeleteAsync($"/api/assessments/{round.Id}/evidence/{item.GetProperty("id").GetGuid()}", Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Single(await EvidenceOfAsync(round));
    }
}

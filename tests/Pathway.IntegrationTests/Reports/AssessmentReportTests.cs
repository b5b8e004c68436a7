using System.Net;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Assessments.Evidence;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// The assessment report, internal and public, as a print page and a DOCX, on both databases: the files
/// validate and hold the round's values and native charts, the public version holds only what was
/// published, and the internal one stays inside the round's team.
/// </summary>
public class AssessmentReportTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string PublicTitle = "Private hospitals licensing act";
    private const string PrivateTitle = "Confidential inspection notes";
    private const string Rationale = "Agreed in the test workshop.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AddEvidenceAsync(TestRound round, string title, bool isPublic)
    {
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {title}\n%%EOF\n");
        var file = new EvidenceFile { CountryIso3 = round.Country, Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };
        await using var scope = factory.OpenSystemDb();
        scope.Db.Evidence.Add(new EvidenceItem
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            Links = { TestEvidence.Supports(round.Id, round.Country, round.MechanismCodes[0]) },
            Type = EvidenceType.Law,
            Title = title,
            IsPublic = isPublic,
            FileId = file.Id,
            File = file,
            FileName = "evidence.pdf",
            FileType = EvidenceFileType.Pdf,
            FileSize = content.Length,
            AddedAt = TimeProvider.System.GetUtcNow(),
        });
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<TestRound> ValidatedRoundAsync(string country = "EGY")
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.RatingOpen);
        await AddEvidenceAsync(round, PublicTitle, isPublic: true);
        await AddEvidenceAsync(round, PrivateTitle, isPublic: false);
        await factory.MoveRoundAsync(round, AssessmentStatus.Validated);
        return round;
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static void AssertValid(OpenXmlPackage document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, Ct).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}")));
    }

    private static async Task<byte[]> DocxAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static string Text(WordprocessingDocument document) => document.MainDocumentPart!.Document!.Body!.InnerText;

    [Fact]
    public async Task The_internal_docx_validates_and_holds_the_rounds_values_and_native_charts_with_alt_text()
    {
        var round = await ValidatedRoundAsync();
        using var api = await factory.ApiAsync(round.FocalPoint);

        var bytes = await DocxAsync(await api.GetAsync($"/api/assessments/{round.Id}/report.docx?lang=en", Ct));

        using var document = Open(bytes);
        AssertValid(document);
        var text = Text(document);
        Assert.Contains("Assessment report: Egypt", text, StringComparison.Ordinal);
        Assert.Contains("Test round", text, StringComparison.Ordinal);
        Assert.Contains("2 · Progressing", text, StringComparison.Ordinal);
        Assert.Contains(Rationale, text, StringComparison.Ordinal);
        Assert.Contains(PublicTitle, text, StringComparison.Ordinal);
        Assert.Contains(PrivateTitle, text, StringComparison.Ordinal);
        Assert.Contains(round.PublicRespondent.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Validated, revision 1", text, StringComparison.Ordinal);
        var main = document.MainDocumentPart!;
        var charts = main.ChartParts.ToList();
        Assert.Equal(2, charts.Count);
        Assert.Single(charts, part => part.ChartSpace!.Descendants<C.RadarChart>().Any());
        var bars = Assert.Single(charts, part => part.ChartSpace!.Descendants<C.BarChart>().Any());
        Assert.Equal(5, bars.ChartSpace!.Descendants<C.BarChartSeries>().Count());
        var radar = charts.Single(part => part.ChartSpace!.Descendants<C.RadarChart>().Any());
        Assert.Equal(6, radar.ChartSpace!.Descendants<C.NumericPoint>().Count());
        Assert.All(radar.ChartSpace!.Descendants<C.NumericPoint>(), point => Assert.Equal("2", point.NumericValue!.Text));
        var drawings = main.Document!.Descendants<DW.DocProperties>().ToList();
        Assert.Equal(2, drawings.Count);
        Assert.All(drawings, drawing => Assert.False(string.IsNullOrWhiteSpace(drawing.Description?.Value)));
        Assert.Contains("Validated", Assert.Single(main.HeaderParts).Header!.InnerText, StringComparison.Ordinal);
        Assert.True(main.Document.Descendants<W.PageBreakBefore>().Count() >= 5, "Each section should start a new page.");
    }

    [Fact]
    public async Task The_internal_print_page_has_the_running_header_sections_charts_and_links()
    {
        var round = await ValidatedRoundAsync();
        using var page = await factory.CreateSignedInClientAsync(round.Facilitator);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync($"/assessments/{round.Id}/report", Ct)));

        Assert.Contains("class=\"report-running-header\"", html, StringComparison.Ordinal);
        Assert.Contains("Validated · revision 1", html, StringComparison.Ordinal);
        Assert.True(Regex(html, "class=\"report-section ") >= 8, "Every section is its own print section.");
        Assert.Contains("class=\"radar-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"heatmap-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"bar-chart\"", html, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{round.Id}/report.docx", html, StringComparison.Ordinal);
        Assert.Contains(round.PrivateRespondent.Email, html, StringComparison.OrdinalIgnoreCase);
        var results = await HttpAssert.HtmlAsync(await page.GetAsync($"/assessments/{round.Id}/results", Ct));
        Assert.Contains($"/assessments/{round.Id}/report", results, StringComparison.Ordinal);
        using var download = await page.GetAsync($"/assessments/{round.Id}/report.docx", Ct);
        using var document = Open(await DocxAsync(download));
        AssertValid(document);
    }

    [Fact]
    public async Task The_public_report_holds_only_what_was_published()
    {
        var round = await ValidatedRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published",
            publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = true });
        using var anonymous = factory.CreatePageClient();

        using var document = Open(await DocxAsync(await anonymous.GetAsync($"/api/published/{round.Id}/report.docx?lang=en", Ct)));
        AssertValid(document);
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}/report", Ct)));

        foreach (var content in new[] { Text(document), html })
        {
            Assert.Contains("Assessment report: Egypt", content, StringComparison.Ordinal);
            Assert.Contains("2 · Progressing", content, StringComparison.Ordinal);
            Assert.Contains(PublicTitle, content, StringComparison.Ordinal);
            Assert.DoesNotContain(PrivateTitle, content, StringComparison.Ordinal);
            Assert.DoesNotContain(Rationale, content, StringComparison.Ordinal);
            Assert.DoesNotContain("Medium", content, StringComparison.Ordinal);
            foreach (var person in new[] { round.FocalPoint, round.Facilitator, round.PublicRespondent, round.PrivateRespondent, round.Observer })
            {
                Assert.DoesNotContain(person.Email, content, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotContain("Participation", content, StringComparison.Ordinal);
            Assert.DoesNotContain("Public and private sides", content, StringComparison.Ordinal);
            Assert.DoesNotContain("Action plan", content, StringComparison.Ordinal);
        }
        Assert.Equal(2, document.MainDocumentPart!.ChartParts.Count());
        var published = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}", Ct));
        Assert.Contains($"/published/{round.Id}/report", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_report_without_the_profile_or_levels_leaves_them_out()
    {
        var round = await ValidatedRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);
        using var anonymous = factory.CreatePageClient();

        using var document = Open(await DocxAsync(await anonymous.GetAsync($"/published/{round.Id}/report.docx", Ct)));

        AssertValid(document);
        var text = Text(document);
        Assert.DoesNotContain("Mechanism levels", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Agreed answers by mechanism", text, StringComparison.Ordinal);
        var chart = Assert.Single(document.MainDocumentPart!.ChartParts);
        Assert.NotEmpty(chart.ChartSpace!.Descendants<C.RadarChart>());
    }

    [Fact]
    public async Task An_unpublished_round_has_no_public_report()
    {
        var round = await ValidatedRoundAsync();
        using var anonymous = factory.CreatePageClient();

        foreach (var address in new[] { $"/published/{round.Id}/report", $"/published/{round.Id}/report.docx", $"/api/published/{round.Id}/report.docx" })
        {
            using var response = await anonymous.GetAsync(address, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address}: {(int)response.StatusCode}");
        }
        var body = await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/published/{round.Id}/report.docx", Ct), HttpStatusCode.NotFound);
        Assert.DoesNotContain(round.Id.ToString(), body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_countrys_user_gets_404_for_the_internal_report_and_anonymous_visitors_sign_in()
    {
        var round = await ValidatedRoundAsync();
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var strangerApi = await factory.ApiAsync(stranger);
        using var strangerPage = await factory.CreateSignedInClientAsync(stranger);
        using var anonymous = factory.CreatePageClient();

        await HttpAssert.ProblemAsync(await strangerApi.GetAsync($"/api/assessments/{round.Id}/report.docx", Ct), HttpStatusCode.NotFound);
        foreach (var address in new[] { $"/assessments/{round.Id}/report", $"/assessments/{round.Id}/report.docx" })
        {
            using var response = await strangerPage.GetAsync(address, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address}: {(int)response.StatusCode}");
            using var visitor = await anonymous.GetAsync(address, Ct);
            Assert.Contains("/account/login", HttpAssert.Location(visitor) ?? "", StringComparison.OrdinalIgnoreCase);
        }
        using var unauthenticatedApi = await factory.CreateClient().GetAsync($"/api/assessments/{round.Id}/report.docx", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticatedApi.StatusCode);
    }

    [Fact]
    public async Task A_bilingual_report_has_english_beside_arabic_or_french_section_by_section()
    {
        var round = await ValidatedRoundAsync();
        using var api = await factory.ApiAsync(round.FocalPoint);
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);

        using var document = Open(await DocxAsync(await api.GetAsync($"/api/assessments/{round.Id}/report.docx?lang=en&bilingual=ar", Ct)));
        AssertValid(document);
        var text = Text(document);
        Assert.Contains("Agreed answer", text, StringComparison.Ordinal);
        Assert.Contains("الإجابة المتفق عليها", text, StringComparison.Ordinal);
        Assert.Contains("Methodology", text, StringComparison.Ordinal);
        Assert.Contains("المنهجية", text, StringComparison.Ordinal);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Descendants<W.Paragraph>(), paragraph => paragraph.ParagraphProperties?.BiDi is not null && paragraph.InnerText.Contains("المنهجية", StringComparison.Ordinal));
        Assert.Contains(body.Descendants<W.Run>(), run => run.RunProperties?.RightToLeftText is not null);
        Assert.Equal(2, document.MainDocumentPart.ChartParts.Count());

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync($"/assessments/{round.Id}/report?bilingual=fr", Ct)));
        Assert.Contains("Agreed answer", html, StringComparison.Ordinal);
        Assert.Contains("Réponse convenue", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);

        var problem = await HttpAssert.ProblemAsync(await api.GetAsync($"/api/assessments/{round.Id}/report.docx?bilingual=de", Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("bilingual", out _));
    }

    [Fact]
    public async Task A_demonstration_round_says_so_on_the_cover_and_the_running_header()
    {
        var round = await ValidatedRoundAsync();
        await using (var scope = factory.OpenSystemDb())
        {
            var assessment = await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == round.Id, Ct);
            scope.Db.Entry(assessment).Property(a => a.IsDemonstration).CurrentValue = true;
            await scope.Db.SaveChangesAsync(Ct);
        }
        using var api = await factory.ApiAsync(round.FocalPoint);
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);

        using var document = Open(await DocxAsync(await api.GetAsync($"/api/assessments/{round.Id}/report.docx?lang=en", Ct)));
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync($"/assessments/{round.Id}/report", Ct)));

        Assert.Contains("Demonstration data", Assert.Single(document.MainDocumentPart!.HeaderParts).Header!.InnerText, StringComparison.Ordinal);
        Assert.Contains("Demonstration data:", Text(document), StringComparison.Ordinal);
        Assert.Contains("report-demo-mark", html, StringComparison.Ordinal);
        Assert.Contains("Demonstration data:", html, StringComparison.Ordinal);
    }

    private static int Regex(string html, string text) => System.Text.RegularExpressions.Regex.Count(html, System.Text.RegularExpressions.Regex.Escape(text));
}

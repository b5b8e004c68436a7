using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// Plan exports (XLSX, DOCX, CSV) through the page address (sign-in cookie) and the API (bearer token),
/// on both databases: the files open and validate, and a round the caller cannot see is a 404.
/// </summary>
public class PlanExportTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string FirstAction = "Publish the private sector annex, \"with costing\"";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static string ApiHref(TestRound round, string format) => $"/api/assessments/{round.Id}/plan/export/{format}";

    /// <summary>A validated round with an endorsed plan of a few items, written directly as the plan pages would have.</summary>
    private async Task<TestRound> RoundWithPlanAsync(string country = "EGY")
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.Validated);
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var now = DateTimeOffset.UtcNow;
        var plan = new ActionPlan
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            CreatedAt = now,
            Status = PlanStatus.Endorsed,
            EndorsedById = round.FocalPoint.Id,
            EndorsedByName = "Dr Amal Hassan",
            EndorsedAt = now,
            EndorsementNote = "Endorsed by the steering committee.",
        };
        db.ActionPlans.Add(plan);
        ActionItem Item(string code, string what, ActionStatus status, decimal? budget, DateOnly? due) => new()
        {
            AssessmentId = round.Id,
            ActionPlanId = plan.Id,
            CountryIso3 = round.Country,
            MechanismCode = code,
            What = what,
            Type = ActionType.PolicyOrStrategy,
            ResponsibleOrganisation = "Ministry of Health",
            ResponsiblePerson = "Head of planning",
            Start = new DateOnly(2026, 1, 15),
            Due = due,
            Resources = "Two staff",
            Budget = budget,
            Currency = budget is null ? null : "EGP",
            FromLevel = 2,
            ToLevel = 3,
            Status = status,
            CompletedOn = status == ActionStatus.Done ? new DateOnly(2026, 3, 1) : null,
            CreatedAt = now,
        };
        var first = Item(round.MechanismCodes[0], FirstAction, ActionStatus.OnTrack, 150_000m, new DateOnly(2030, 12, 31));
        db.ActionItems.AddRange(
            first,
            Item(round.MechanismCodes[0], "=cmd|' /C calc'!A0", ActionStatus.NotStarted, null, null),
            Item(round.MechanismCodes[1], "Train the regulator's inspectors", ActionStatus.Done, 20_000m, new DateOnly(2026, 3, 31)),
            Item(round.MechanismCodes[2], "Set up the dialogue platform", ActionStatus.Delayed, null, new DateOnly(2026, 2, 1)));
        db.ProgressNotes.Add(new ProgressNote
        {
            AssessmentId = round.Id,
            ActionItemId = first.Id,
            CountryIso3 = round.Country,
            On = new DateOnly(2026, 2, 1),
            Status = ActionStatus.OnTrack,
            Text = "Drafting started.",
            AuthorName = "Focal point",
            At = now,
        });
        await db.SaveChangesAsync(Ct);
        return round;
    }

    private static void AssertAttachment(HttpResponseMessage response, string format, string contentType)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode} {response.StatusCode}.");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches($@"^plan-EGY-\d{{4}}-\d{{2}}-\d{{2}}\.{format}$", disposition.FileName!.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    private static void AssertValid(OpenXmlPackage document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, Ct).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"{error.Path?.XPath}: {error.Description}")));
    }

    private static void AssertFile(string format, byte[] bytes, string expectedText)
    {
        switch (format)
        {
            case "xlsx":
                using (var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
                {
                    AssertValid(workbook);
                    var strings = workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText;
                    Assert.Contains(expectedText, strings, StringComparison.Ordinal);
                    Assert.Equal(3, workbook.WorkbookPart.WorksheetParts.Count());
                }
                break;
            case "docx":
                using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
                {
                    AssertValid(document);
                    Assert.Contains(expectedText, document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
                }
                break;
            default:
                Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
                var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
                Assert.Contains(expectedText.Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal);
                // Header plus four items, each on one line here (no line breaks in these texts).
                Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.Contains(",'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
                break;
        }
    }

    [Theory]
    [InlineData("xlsx", PlanExports.XlsxType)]
    [InlineData("docx", PlanExports.DocxType)]
    [InlineData("csv", "text/csv")]
    public async Task Each_format_downloads_from_the_page_and_the_API_and_opens_as_a_valid_file(string format, string contentType)
    {
        var round = await RoundWithPlanAsync();
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);
        using var api = await ApiAsync(round.Observer);

        using var fromPage = await page.GetAsync(PlanExportApi.PageHref(round.Id, format), Ct);
        using var fromApi = await api.GetAsync(ApiHref(round, format), Ct);

        AssertAttachment(fromPage, format, contentType);
        AssertAttachment(fromApi, format, contentType);
        AssertFile(format, await fromPage.Content.ReadAsByteArrayAsync(Ct), FirstAction);
        AssertFile(format, await fromApi.Content.ReadAsByteArrayAsync(Ct), FirstAction);
    }

    [Fact]
    public async Task A_round_without_a_plan_exports_an_empty_plan()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.FocalPoint);

        using var xlsx = await api.GetAsync(ApiHref(round, "xlsx"), Ct);
        using var docx = await api.GetAsync(ApiHref(round, "docx"), Ct);

        AssertAttachment(xlsx, "xlsx", PlanExports.XlsxType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)), false);
        AssertValid(workbook);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        AssertValid(document);
        Assert.Contains("Draft — not endorsed", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_in_the_language_asked_for_or_the_readers_own()
    {
        var round = await RoundWithPlanAsync();
        using var api = await ApiAsync(round.FocalPoint);
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);

        using var arabic = await api.GetAsync(ApiHref(round, "csv") + "?lang=ar", Ct);
        using var french = await page.GetAsync(PlanExportApi.PageHref(round.Id, "csv") + "?culture=fr", Ct);
        using var unknown = await api.GetAsync(ApiHref(round, "csv") + "?lang=de", Ct);

        Assert.StartsWith("السلوك,", Encoding.UTF8.GetString(await arabic.Content.ReadAsByteArrayAsync(Ct))[1..], StringComparison.Ordinal);
        Assert.StartsWith("Comportement,", Encoding.UTF8.GetString(await french.Content.ReadAsByteArrayAsync(Ct))[1..], StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_arabic_document_runs_right_to_left()
    {
        var round = await RoundWithPlanAsync();
        using var api = await ApiAsync(round.FocalPoint);

        using var docx = await api.GetAsync(ApiHref(round, "docx") + "?lang=ar", Ct);
        using var xlsx = await api.GetAsync(ApiHref(round, "xlsx") + "?lang=ar", Ct);

        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        AssertValid(document);
        Assert.All(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(),
            paragraph => Assert.NotNull(paragraph.ParagraphProperties?.BiDi));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)), false);
        AssertValid(workbook);
        Assert.All(workbook.WorkbookPart!.WorksheetParts,
            part => Assert.True(part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.SheetView>().Single().RightToLeft?.Value));
    }

    [Fact]
    public async Task Another_countrys_focal_point_gets_404_from_both_addresses()
    {
        var round = await RoundWithPlanAsync();
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var api = await ApiAsync(stranger);
        using var page = await factory.CreateSignedInClientAsync(stranger);

        foreach (var format in new[] { "xlsx", "docx", "csv" })
        {
            using var fromApi = await api.GetAsync(ApiHref(round, format), Ct);
            using var fromPage = await page.GetAsync(PlanExportApi.PageHref(round.Id, format), Ct);

            await HttpAssert.ProblemAsync(fromApi, HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.NotFound, fromPage.StatusCode);
            Assert.Null(fromPage.Content.Headers.ContentDisposition);
            Assert.DoesNotContain(FirstAction, await fromPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_get_no_file()
    {
        var round = await RoundWithPlanAsync();
        using var client = factory.CreatePageClient();

        using var page = await client.GetAsync(PlanExportApi.PageHref(round.Id, "xlsx"), Ct);
        using var api = await client.GetAsync(ApiHref(round, "xlsx"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/login", HttpAssert.Location(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(page.Content.Headers.ContentDisposition);
        Assert.Null(api.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task An_unknown_format_is_a_404_page_and_an_API_validation_problem()
    {
        var round = await RoundWithPlanAsync();
        using var api = await ApiAsync(round.FocalPoint);
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);

        using var fromApi = await api.GetAsync(ApiHref(round, "pdf"), Ct);
        using var fromPage = await page.GetAsync(PlanExportApi.PageHref(round.Id, "pdf"), Ct);

        var problem = await HttpAssert.ProblemAsync(fromApi, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
        Assert.Equal(HttpStatusCode.NotFound, fromPage.StatusCode);
    }

    [Fact]
    public async Task The_API_download_is_described_in_OpenAPI()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("\"/api/assessments/{id}/plan/export/{format}\"", document, StringComparison.Ordinal);
        Assert.Contains(PlanExports.XlsxType, document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/assessments/{id}/plan/export/{format}\"", document, StringComparison.Ordinal);
    }
}

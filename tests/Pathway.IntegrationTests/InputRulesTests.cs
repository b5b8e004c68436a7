using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests;

/// <summary>
/// One rule for every text a request brings (<c>TextRules</c>): NUL and the other C0 controls except tab,
/// CR and LF are refused with a 400 naming the field, on both databases, in query strings, route values,
/// page forms, multipart uploads and JSON bodies, signed in or not, and nothing is stored.
/// </summary>
public class InputRulesTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // PageForm: a form posted to a page is refused with a 400 and nothing stored, but the answer does not yet name the field.
    private sealed record Case(string Name, string Field, Func<Task<HttpResponseMessage>> Send, bool PageForm = false);

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static object RoundBody(string title) =>
        new { title, scope = "National", purpose = "TakeStock", plannedStart = "2026-03-01", plannedEnd = "2026-06-30" };

    [Fact]
    public async Task Nul_in_every_kind_of_input_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var round = await factory.CreateRoundAsync("NPL", AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        using var anonymous = factory.CreateClient();
        using var pages = await factory.CreateSignedInClientAsync(round.FocalPoint);
        using var api = await ApiAsync(round.FocalPoint);
        var loginPage = await factory.CreatePageClient().GetStringAsync("/account/login", Ct);
        var newRound = HtmlForm.Find(await pages.GetStringAsync("/assessments/new", Ct), "new-round");

        var cases = new List<Case>
        {
            new("anonymous open-data query", "country", () => anonymous.GetAsync("/api/published?country=%00", Ct)),
            new("anonymous reference query", "region", () => anonymous.GetAsync("/api/countries?region=%00", Ct)),
            new("anonymous page query", "country", () => anonymous.GetAsync("/published?country=%00", Ct)),
            new("API sign-in JSON", "email", () => anonymous.PostAsJsonAsync("/api/auth/login",
                new { email = "someone\u0000@example.org", password = "whatever-it-is-42" }, Ct)),
            new("sign-in page form", "Input.Email", () => factory.CreatePageClient().PostAsync("/account/login",
                HtmlForm.Find(loginPage, "login").With("Input.Email", "someone\u0000@example.org").With("Input.Password", "x").ToContent(), Ct), PageForm: true),
            new("signed-in API query", "mechanism", () => api.GetAsync($"/api/assessments/{round.Id}/evidence?mechanism=%00", Ct)),
            // A NUL in the path never reaches the site (the server refuses it as a bad request line); another control does.
            new("route value", "mechanismCode", () => api.GetAsync($"/api/assessments/{round.Id}/mechanisms/A%01/recommendations", Ct)),
            new("round JSON", "title", () => api.PostAsJsonAsync("/api/assessments", RoundBody("Review\u0000 2026"), Ct)),
            new("round JSON, another control", "title", () => api.PostAsJsonAsync("/api/assessments", RoundBody("Review\u0001 2026"), Ct)),
            new("round JSON, a short escape", "title", () => api.PostAsJsonAsync("/api/assessments", RoundBody("Review\b 2026"), Ct)),
            new("consensus JSON", "rationale", () => api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}",
                new { state = "Rated", level = 3, rationale = "Agreed\u0000.", confidence = "High", method = "Consensus", version = 0 }, Ct)),
            new("round page form", newRound.NameOf("title"), () => pages.PostAsync("/assessments/new",
                newRound.Fill("title", "Review\u0000 2026").Fill("start", "2026-04-01").Fill("end", "2026-05-15").ToContent(), Ct), PageForm: true),
            new("evidence multipart upload", "title", () => api.PostAsync($"/api/assessments/{round.Id}/evidence", Upload(code, "Report\u0000"), Ct)),
        };

        var failures = new List<string>();
        var serverErrors = 0;
        var named = 0;
        foreach (var test in cases)
        {
            using var response = await test.Send();
            var body = await response.Content.ReadAsStringAsync(Ct);
            serverErrors += (int)response.StatusCode >= 500 ? 1 : 0;
            if (response.StatusCode != HttpStatusCode.BadRequest || !(test.PageForm || Names(response, body, test.Field)))
            {
                failures.Add($"{test.Name}: {(int)response.StatusCode} {body}");
            }
            named += Names(response, body, test.Field) ? 1 : 0;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{factory.Database}: {cases.Count} inputs with a control character, {serverErrors} gave 5xx, {cases.Count - failures.Count} gave 400, {named} naming the field.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        await using var scope = factory.OpenSystemDb();
        Assert.Equal(1, await scope.Db.Assessments.IgnoreQueryFilters().CountAsync(a => a.CreatedById == round.FocalPoint.Id, Ct));
        Assert.Equal(0, await scope.Db.Evidence.IgnoreQueryFilters().CountAsync(e => e.AssessmentId == round.Id, Ct));
        Assert.Equal(0, await scope.Db.ConsensusRatings.IgnoreQueryFilters().CountAsync(c => c.AssessmentId == round.Id, Ct));
    }

    [Fact]
    public async Task Tabs_and_line_breaks_pass_and_are_stored_as_sent()
    {
        var round = await factory.CreateRoundAsync("BTN", AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);
        const string Rationale = "First point.\r\nSecond point:\tthe inspectorate covers most hospitals.";

        using var response = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}",
            new { state = "Rated", level = 3, rationale = Rationale, confidence = "High", method = "Consensus", version = 0 }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.ConsensusRatings.IgnoreQueryFilters().SingleAsync(c => c.AssessmentId == round.Id, Ct);
        Assert.Equal(Rationale, stored.Rationale);
    }

    private static MultipartFormDataContent Upload(string code, string title)
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent(code), "mechanismCode" },
            { new StringContent("Report"), "type" },
            { new StringContent(title), "title" },
            { file, "file", "report.pdf" },
        };
    }

    /// <summary>An API answer names the field under "errors"; a page answer says its name in words.</summary>
    private static bool Names(HttpResponseMessage response, string body, string field)
    {
        if (response.Content.Headers.ContentType?.MediaType == HttpAssert.ProblemJson)
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                && problem.RootElement.GetProperty("detail").GetString()!.Contains("U+0", StringComparison.Ordinal);
        }
        return body.Contains($"“{field}”", StringComparison.Ordinal) && body.Contains("U+0", StringComparison.Ordinal);
    }
}

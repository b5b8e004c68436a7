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

    private sealed record Case(string Name, string Field, Func<Task<HttpResponseMessage>> Send);

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
                HtmlForm.Find(loginPage, "login").With("Input.Email", "someone\u0000@example.org").With("Input.Password", "x").ToContent(), Ct)),
            new("signed-in API query", "mechanism", () => api.GetAsync($"/api/assessments/{round.Id}/evidence?mechanism=%00", Ct)),
            // A NUL in the path never reaches the site (the server refuses it as a bad request line); another control does.
            new("route value", "mechanismCode", () => api.GetAsync($"/api/assessments/{round.Id}/mechanisms/A%01/recommendations", Ct)),
            new("round JSON", "title", () => api.PostAsJsonAsync("/api/assessments", RoundBody("Review\u0000 2026"), Ct)),
            new("round JSON, another control", "title", () => api.PostAsJsonAsync("/api/assessments", RoundBody("Review\u0001 2026"), Ct)),
            new("round JSON, a short escape", "title", () => api.PostAsJsonAsync("/api/assessments", RoundBody("Review\b 2026"), Ct)),
            new("consensus JSON", "rationale", () => api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}",
                new { state = "Rated", level = 3, rationale = "Agreed\u0000.", confidence = "High", method = "Consensus", version = 0 }, Ct)),
            new("round page form", newRound.NameOf("title"), () => pages.PostAsync("/assessments/new",
                newRound.Fill("title", "Review\u0000 2026").Fill("start", "2026-04-01").Fill("end", "2026-05-15").ToContent(), Ct)),
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
            if (response.StatusCode != HttpStatusCode.BadRequest || !Names(response, body, test.Field))
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

    /// <summary>
    /// A browser sends a NUL typed or pasted into a page's field as <c>%00</c>, which ASP.NET's form reader
    /// refuses without saying where; the answer still names the field, in the reader's language.
    /// </summary>
    [Fact]
    public async Task Escaped_nul_in_any_page_form_is_a_400_naming_the_field_and_nothing_is_written()
    {
        var consensus = await factory.CreateRoundAsync("NPL", AssessmentStatus.Consensus);
        var rating = await factory.CreateRoundAsync("NPL", AssessmentStatus.RatingOpen);
        var validated = await factory.CreateRoundAsync("NPL", AssessmentStatus.Validated);
        var code = consensus.MechanismCodes[0];
        var behaviour = code.Split('.')[0].ToLowerInvariant();
        using var focal = await factory.CreateSignedInClientAsync(consensus.FocalPoint);
        using var respondent = await factory.CreateSignedInClientAsync(rating.PublicRespondent);
        using var planner = await factory.CreateSignedInClientAsync(validated.FocalPoint);
        using var visitor = factory.CreatePageClient();
        var round = $"/assessments/{consensus.Id}";
        var plan = $"/assessments/{validated.Id}/plan";
        using (var start = await planner.PostAsync(plan, HtmlForm.Find(await planner.GetStringAsync(plan, Ct), "plan-start").ToContent(), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        // Each form as the page drew it, one field holding a NUL; the sign-in page read in Arabic.
        async Task<Case> PageForm(string name, HttpClient client, string url, string form, string id)
        {
            var found = HtmlForm.Find(await client.GetStringAsync(url, Ct), form);
            var field = found.NameOf(id);
            return new(name, field, () => client.PostAsync(url, found.With(field, "Written with a NUL\u0000 inside").ToContent(), Ct));
        }
        var signIn = HtmlForm.Find(await visitor.GetStringAsync("/account/login?culture=ar", Ct), "login");
        var cases = new List<Case>
        {
            new("sign-in, in Arabic", "Input.Email", () => visitor.PostAsync("/account/login",
                signIn.With("Input.Email", "someone\u0000@example.org").With("Input.Password", "whatever-it-is-42").ToContent(), Ct)),
            await PageForm("new round", focal, "/assessments/new", "new-round", "title"),
            await PageForm("participant", focal, $"{round}/participants", "add-participant", "add-name"),
            await PageForm("consensus on a mechanism", focal, $"{round}/consensus/{code}", "consensus", "rationale"),
            await PageForm("consensus on a behaviour", focal, $"{round}/consensus/behaviour/{behaviour}", "consensus-behaviour", "m0-rationale"),
            new("rating comment", RatingInput.CommentField(code), async () =>
            {
                var url = $"/assessments/{rating.Id}/rate/{behaviour}";
                var form = HtmlForm.Find(await respondent.GetStringAsync(url, Ct), "rate-behaviour").Fields.ToDictionary();
                form[RatingInput.AnswerField(code)] = "2";
                form[RatingInput.CommentField(code)] = "A comment\u0000";
                return await respondent.PostAsync(url, new FormUrlEncodedContent(form), Ct);
            }),
            await PageForm("context", planner, $"/assessments/{validated.Id}/context", "context", "source"),
            await PageForm("plan item", planner, $"{plan}/items/new?mechanism={Uri.EscapeDataString(code)}", "plan-item", "item-what"),
        };

        var failures = new List<string>();
        var named = 0;
        foreach (var test in cases)
        {
            using var response = await test.Send();
            var body = await response.Content.ReadAsStringAsync(Ct);
            var names = response.StatusCode == HttpStatusCode.BadRequest && Names(response, body, test.Field);
            named += names ? 1 : 0;
            if (!names)
            {
                failures.Add($"{test.Name}: {(int)response.StatusCode} {response.Content.Headers.ContentType} \"{body}\"");
            }
            if (test.Name.EndsWith("in Arabic", StringComparison.Ordinal) && !body.Contains("نص غير مقبول", StringComparison.Ordinal))
            {
                failures.Add($"{test.Name}: not in Arabic: \"{body}\"");
            }
        }
        Assert.True(failures.Count == 0,
            $"{factory.Database}: of {cases.Count} page forms posted with a NUL, {named} named the field.\n{string.Join("\n", failures)}");

        await using var scope = factory.OpenSystemDb();
        var rounds = new[] { consensus.Id, rating.Id, validated.Id };
        Assert.Equal(3, await scope.Db.Assessments.IgnoreQueryFilters().CountAsync(a => a.CountryIso3 == "NPL" && rounds.Contains(a.Id), Ct));
        Assert.Equal(0, await scope.Db.Assessments.IgnoreQueryFilters().CountAsync(a => a.CreatedById == consensus.FocalPoint.Id && !rounds.Contains(a.Id), Ct));
        Assert.Equal(0, await scope.Db.Participants.IgnoreQueryFilters().CountAsync(p => p.AssessmentId == consensus.Id && p.DisplayName.Contains("NUL"), Ct));
        Assert.Equal(0, await scope.Db.ConsensusRatings.IgnoreQueryFilters().CountAsync(c => c.AssessmentId == consensus.Id, Ct));
        Assert.Equal(0, await scope.Db.Ratings.IgnoreQueryFilters().CountAsync(r => r.AssessmentId == rating.Id, Ct));
        Assert.Equal(0, await scope.Db.RoundContexts.IgnoreQueryFilters().CountAsync(c => c.AssessmentId == validated.Id, Ct));
        Assert.Equal(0, await scope.Db.ActionItems.IgnoreQueryFilters().CountAsync(i => i.AssessmentId == validated.Id, Ct));
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

    /// <summary>An API answer names the field under "errors"; a page answer says its name in words, quoted as its language quotes.</summary>
    private static bool Names(HttpResponseMessage response, string body, string field)
    {
        if (response.Content.Headers.ContentType?.MediaType == HttpAssert.ProblemJson)
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                && problem.RootElement.GetProperty("detail").GetString()!.Contains("U+0", StringComparison.Ordinal);
        }
        return (body.Contains($"“{field}”", StringComparison.Ordinal) || body.Contains($"«{field}»", StringComparison.Ordinal))
            && body.Contains("U+0", StringComparison.Ordinal);
    }
}

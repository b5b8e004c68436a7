using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Assessment rounds: the list, opening a round (page and API), reading one, and the workspace.</summary>
public class RoundsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string FormName = "new-round";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where a redirect goes, as a path and query (the server may answer with an absolute address).</summary>
    private static async Task<string> RedirectPathAsync(HttpResponseMessage response)
    {
        var location = new Uri(await HttpAssert.RedirectAsync(response), UriKind.RelativeOrAbsolute);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static object Body(
        string? title = "National assessment 2026", string? scope = "National", string? scopeDetail = null, string? purpose = "TakeStock",
        string? plannedStart = "2026-03-01", string? plannedEnd = "2026-06-30", string? frameworkVersion = null, string? countryIso3 = null) =>
        new { countryIso3, title, scope, scopeDetail, purpose, plannedStart, plannedEnd, frameworkVersion };

    private async Task<List<Assessment>> RoundsCreatedByAsync(TestUser user)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Assessments.IgnoreQueryFilters().AsNoTracking().Include(a => a.FrameworkVersion)
            .Where(a => a.CreatedById == user.Id).ToListAsync(Ct);
    }

    private async Task<string> NewestVersionAsync()
    {
        using var client = factory.CreateClient();
        var versions = await HttpAssert.JsonAsync(await client.GetAsync("/api/frameworks", Ct));
        return versions.EnumerateArray().First().GetProperty("version").GetString()!;
    }

    // ---- Opening a round ----

    [Fact]
    public async Task Focal_point_opens_a_round_through_the_page_and_lands_on_its_workspace()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(focalPoint);
        var title = $"Supply chain review {TestAccounts.UniqueSuffix()}";
        var page = await HttpAssert.HtmlAsync(await client.GetAsync("/assessments/new", Ct));
        var form = HtmlForm.Find(page, FormName)
            .Fill("title", title)
            .With("Input.Scope", "Thematic")
            .Fill("scope-detail", "Medicines supply chain")
            .With("Input.Purpose", "DefineActions")
            .Fill("start", "2026-04-01")
            .Fill("end", "2026-05-15");

        using var response = await client.PostAsync("/assessments/new", form.ToContent(), Ct);

        var location = await RedirectPathAsync(response);
        var round = Assert.Single(await RoundsCreatedByAsync(focalPoint));
        Assert.Equal($"/assessments/{round.Id}", location);
        Assert.Equal("EGY", round.CountryIso3);
        Assert.Equal(title, round.Title);
        Assert.Equal(AssessmentScope.Thematic, round.Scope);
        Assert.Equal("Medicines supply chain", round.ScopeDetail);
        Assert.Equal(AssessmentPurpose.DefineActions, round.Purpose);
        Assert.Equal(new DateOnly(2026, 4, 1), round.PlannedStart);
        Assert.Equal(new DateOnly(2026, 5, 15), round.PlannedEnd);
        Assert.Equal(AssessmentStatus.Draft, round.Status);
        Assert.Equal(await NewestVersionAsync(), round.FrameworkVersion!.Version);

        var workspace = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct)));
        Assert.Contains(title, workspace, StringComparison.Ordinal);
        Assert.Contains("Add the people who will rate", workspace, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/participants\"", workspace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_round_form_shows_a_refusal_beside_the_field_and_saves_nothing()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(focalPoint);
        var form = HtmlForm.Find(await client.GetStringAsync("/assessments/new", Ct), FormName)
            .Fill("title", "")
            .With("Input.Scope", "Subnational")
            .Fill("start", "2026-05-01")
            .Fill("end", "2026-04-01");

        using var response = await client.PostAsync("/assessments/new", form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        var messages = HttpAssert.ValidationMessages(html);
        Assert.Contains(messages, m => m.StartsWith("Give the round a title", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Name the subnational area", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("The planned end cannot be before the planned start", StringComparison.Ordinal));
        Assert.Empty(await RoundsCreatedByAsync(focalPoint));
    }

    [Fact]
    public async Task A_contributor_is_told_who_opens_rounds_instead_of_getting_the_form()
    {
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(contributor);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync("/assessments/new", Ct)));

        Assert.Contains("Only a country's focal point", html, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => HtmlForm.Find(html, FormName));
    }

    [Fact]
    public async Task Focal_point_opens_a_round_through_the_api_and_gets_it_back_with_its_location()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await ApiAsync(focalPoint);
        var version = await NewestVersionAsync();

        using var response = await client.PostAsJsonAsync("/api/assessments",
            Body(title: "Upper Egypt round", scope: "subnational", scopeDetail: "Upper Egypt", purpose: "IdentifyNeeds", frameworkVersion: version), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var round = JsonDocument.Parse(text).RootElement;
        var id = round.GetProperty("id").GetGuid();
        Assert.Equal($"/api/assessments/{id}", HttpAssert.Location(response));
        Assert.Equal("EGY", round.GetProperty("countryIso3").GetString());
        Assert.Equal("Subnational", round.GetProperty("scope").GetString());
        Assert.Equal("Upper Egypt", round.GetProperty("scopeDetail").GetString());
        Assert.Equal("IdentifyNeeds", round.GetProperty("purpose").GetString());
        Assert.Equal("Draft", round.GetProperty("status").GetString());
        Assert.Equal(version, round.GetProperty("frameworkVersion").GetString());
        Assert.Equal("2026-03-01", round.GetProperty("plannedStart").GetString());
        var permissions = round.GetProperty("permissions");
        Assert.True(permissions.GetProperty("manage").GetBoolean());
        Assert.True(permissions.GetProperty("manageParticipants").GetBoolean());
        Assert.Equal(["RatingOpen"], permissions.GetProperty("moves").EnumerateArray().Select(m => m.GetString()));

        var read = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{id}", Ct));
        Assert.Equal("Upper Egypt round", read.GetProperty("title").GetString());
        var list = await HttpAssert.JsonAsync(await client.GetAsync("/api/assessments?country=egy", Ct));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
    }

    public static TheoryData<string, object, string> BadRounds => new()
    {
        { "missing title", Body(title: "  "), "title" },
        { "subnational without an area", Body(scope: "Subnational", scopeDetail: null), "scopeDetail" },
        { "thematic without a theme", Body(scope: "Thematic", scopeDetail: ""), "scopeDetail" },
        { "end before start", Body(plannedStart: "2026-06-01", plannedEnd: "2026-05-31"), "plannedEnd" },
        { "unknown framework version", Body(frameworkVersion: "99.9-nope"), "frameworkVersion" },
        { "unknown scope", Body(scope: "Galactic"), "scope" },
        { "unknown purpose", Body(purpose: "Ranking"), "purpose" },
        { "title too long", Body(title: new string('x', Assessment.TitleLength + 1)), "title" },
    };

    [Theory]
    [MemberData(nameof(BadRounds))]
    public async Task A_bad_round_is_refused_with_a_field_error_and_nothing_is_saved(string because, object body, string field)
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await ApiAsync(focalPoint);

        using var response = await client.PostAsJsonAsync("/api/assessments", body, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{because}: expected an error on {field}, got {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Empty(await RoundsCreatedByAsync(focalPoint));
    }

    [Fact]
    public async Task A_contributor_cannot_open_a_round()
    {
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = await ApiAsync(contributor);

        using var response = await client.PostAsJsonAsync("/api/assessments", Body(), Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("focal point", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RoundsCreatedByAsync(contributor));
    }

    [Fact]
    public async Task A_focal_point_cannot_open_a_round_for_another_country()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await ApiAsync(focalPoint);

        using var response = await client.PostAsJsonAsync("/api/assessments", Body(countryIso3: "KEN"), Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(await RoundsCreatedByAsync(focalPoint));
    }

    [Fact]
    public async Task An_administrator_opens_a_round_for_the_country_they_name()
    {
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        using var client = await ApiAsync(administrator);

        using var missing = await client.PostAsJsonAsync("/api/assessments", Body(), Ct);
        var problem = await HttpAssert.ProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("countryIso3", out _));

        using var response = await client.PostAsJsonAsync("/api/assessments", Body(countryIso3: "ken"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("KEN", Assert.Single(await RoundsCreatedByAsync(administrator)).CountryIso3);
    }

    // ---- Reading rounds ----

    [Fact]
    public async Task Another_countrys_focal_point_gets_404_for_the_round_and_does_not_see_it_listed()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var other = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var client = await ApiAsync(other);

        using var response = await client.GetAsync($"/api/assessments/{round.Id}", Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        var list = await HttpAssert.JsonAsync(await client.GetAsync("/api/assessments?country=EGY", Ct));
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == round.Id);
        using var pages = await factory.CreateSignedInClientAsync(other);
        using var workspace = await pages.GetAsync($"/assessments/{round.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, workspace.StatusCode);
    }

    [Fact]
    public async Task A_respondent_reads_the_round_with_their_role_and_what_they_may_do()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiAsync(round.PublicRespondent);

        var body = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}", Ct));

        Assert.Equal("RatingOpen", body.GetProperty("status").GetString());
        Assert.Equal("Respondent", body.GetProperty("myRole").GetString());
        var permissions = body.GetProperty("permissions");
        Assert.True(permissions.GetProperty("rate").GetBoolean());
        Assert.False(permissions.GetProperty("manage").GetBoolean());
        Assert.False(permissions.GetProperty("seeAudit").GetBoolean());
        Assert.Empty(permissions.GetProperty("moves").EnumerateArray());
    }

    [Fact]
    public async Task A_reviewer_does_not_see_a_draft_round_but_sees_it_once_submitted()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        using var client = await ApiAsync(reviewer);

        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/assessments/{round.Id}", Ct), HttpStatusCode.NotFound);

        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        var body = await HttpAssert.JsonAsync(await client.GetAsync($"/api/assessments/{round.Id}", Ct));
        Assert.True(body.GetProperty("permissions").GetProperty("review").GetBoolean());
        Assert.Contains("Validated", body.GetProperty("permissions").GetProperty("moves").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_rounds_page_lists_the_countrys_rounds_with_my_role_and_offers_a_new_round_to_the_focal_point()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        string title;
        await using (var scope = factory.OpenSystemDb())
        {
            title = await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id).Select(a => a.Title).SingleAsync(Ct);
        }

        using var respondent = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await respondent.GetAsync("/assessments?country=EGY", Ct)));
        var row = RowOf(html, title);
        Assert.Contains($"href=\"/assessments/{round.Id}\"", row, StringComparison.Ordinal);
        Assert.Contains("Rating open", row, StringComparison.Ordinal);
        Assert.Contains("Respondent", row, StringComparison.Ordinal);
        Assert.Contains("Egypt", row, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/assessments/new\"", html, StringComparison.Ordinal);

        using var focalPoint = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var mine = await HttpAssert.HtmlAsync(await focalPoint.GetAsync("/assessments", Ct));
        Assert.Contains("href=\"/assessments/new\"", mine, StringComparison.Ordinal);
        Assert.Contains("Not a participant", RowOf(WebUtility.HtmlDecode(mine), title), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_with_no_rounds_is_told_what_happens_next()
    {
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "TCD");
        using var client = await factory.CreateSignedInClientAsync(contributor);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync("/assessments", Ct)));

        Assert.Contains("Your country's focal point opens rounds", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rounds_list_needs_a_sign_in()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.GetAsync("/assessments", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", HttpAssert.Location(response), StringComparison.Ordinal);
    }

    // ---- The workspace ----

    [Fact]
    public async Task A_respondent_sees_what_is_left_to_rate_per_behaviour_and_only_their_tabs()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        await using (var scope = factory.OpenSystemDb())
        {
            var me = await scope.Db.Participants.IgnoreQueryFilters()
                .Where(p => p.AssessmentId == round.Id && p.UserId == round.PublicRespondent.Id).Select(p => p.Id).SingleAsync(Ct);
            var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = me, MechanismCode = round.MechanismCodes[0] };
            rating.Record(Pathway.Web.Scoring.IndividualAnswer.Rated(2), null, DateTimeOffset.UtcNow);
            scope.Db.Ratings.Add(rating);
            await scope.Db.SaveChangesAsync(Ct);
        }
        var behaviour = round.MechanismCodes[0].Split('.')[0];
        var inFirst = round.MechanismCodes.Count(code => code.StartsWith(behaviour + ".", StringComparison.Ordinal));
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}", Ct)));

        Assert.Contains($"href=\"/assessments/{round.Id}/rate/{behaviour.ToLowerInvariant()}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Rate {inFirst - 1} mechanism", html, StringComparison.Ordinal);
        Assert.Contains($"1 of {inFirst}", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/rate\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/assessments/{round.Id}/audit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/assessments/{round.Id}/publish\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\" href=\"/assessments/" + round.Id + "\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("respondents have rated every mechanism", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_sees_consensus_progress_the_respondents_finished_and_the_status_history()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        await using (var scope = factory.OpenSystemDb())
        {
            var rounds = scope.Db.StatusChanges;
            rounds.Add(new StatusChange
            {
                AssessmentId = round.Id, CountryIso3 = round.Country, From = AssessmentStatus.Draft, To = AssessmentStatus.RatingOpen,
                Revision = 1, ActorName = "Amina Facilitator", Comment = "Workshop in Cairo next week", At = DateTimeOffset.UtcNow.AddDays(-3),
            });
            await scope.Db.SaveChangesAsync(Ct);
        }
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}", Ct)));

        Assert.Contains($"Record consensus for {round.MechanismCodes.Count} mechanisms", html, StringComparison.Ordinal);
        Assert.Contains("0 of 2 respondents have rated every mechanism", html, StringComparison.Ordinal);
        Assert.Contains("Draft → Rating open", html, StringComparison.Ordinal);
        Assert.Contains("Amina Facilitator", html, StringComparison.Ordinal);
        Assert.Contains("Workshop in Cairo next week", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/audit\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/consensus\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workspace_speaks_french_and_arabic()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var french = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}?culture=fr", Ct)));
        Assert.Contains("Ce qu'il me reste à faire", french, StringComparison.Ordinal);
        var arabic = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}?culture=ar", Ct)));
        Assert.Contains("ما تبقى عليّ", arabic, StringComparison.Ordinal);
    }

    /// <summary>The table row that holds the given text.</summary>
    private static string RowOf(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not on the page.");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }
}

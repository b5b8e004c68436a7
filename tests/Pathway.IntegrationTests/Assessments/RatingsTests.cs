using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Individual ratings: the rating pages and /api/assessments/{id}/my-ratings, on both databases.</summary>
public class RatingsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string FormName = "rate-behaviour";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiClientAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static string[] CodesOf(TestRound round, string behaviour) =>
        [.. round.MechanismCodes.Where(code => code.StartsWith(behaviour + ".", StringComparison.Ordinal))];

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, TestRound round, string code, object body) =>
        client.PutAsJsonAsync($"/api/assessments/{round.Id}/my-ratings/{code}", body, Ct);

    private async Task<List<Rating>> RatingsOfAsync(TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Ratings.IgnoreQueryFilters().AsNoTracking().Include(r => r.Participant)
            .Where(r => r.AssessmentId == round.Id).ToListAsync(Ct);
    }

    /// <summary>The behaviour form as the page rendered it, with answers and comments set as a browser would post them.</summary>
    private static FormUrlEncodedContent Post(HtmlForm form, string then, params (string Name, string Value)[] values)
    {
        var fields = form.Fields.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }
        fields["then"] = then;
        return new FormUrlEncodedContent(fields);
    }

    private static string Answer(string code) => RatingInput.AnswerField(code);

    private static string Comment(string code) => RatingInput.CommentField(code);

    // ---- The page ----

    [Fact]
    public async Task Respondent_saves_a_behaviour_through_the_page_and_finds_the_answers_checked_after_the_redirect()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = CodesOf(round, "DS");
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var url = $"/assessments/{round.Id}/rate/ds";
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct)), FormName);

        using var response = await client.PostAsync(url,
            Post(form, "stay", (Answer(codes[0]), "3"), (Comment(codes[0]), "Licensing law exists but is not enforced."), (Answer(codes[1]), "DontKnow")), Ct);

        Assert.Equal($"http://localhost{url}?saved=DS", await HttpAssert.RedirectAsync(response));
        var ratings = await RatingsOfAsync(round);
        Assert.Equal(2, ratings.Count);
        Assert.All(ratings, rating => Assert.Equal(round.PublicRespondent.Id, rating.Participant!.UserId));
        var first = Assert.Single(ratings, r => r.MechanismCode == codes[0]);
        Assert.Equal(IndividualAnswer.Rated(3), first.Answer);
        Assert.Equal("Licensing law exists but is not enforced.", first.Comment);
        Assert.Equal(IndividualAnswer.DontKnow, Assert.Single(ratings, r => r.MechanismCode == codes[1]).Answer);

        var again = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?saved=DS", Ct)));
        var reloaded = HtmlForm.Find(again, FormName);
        Assert.Equal("3", reloaded.Fields[Answer(codes[0])]);
        Assert.Equal("DontKnow", reloaded.Fields[Answer(codes[1])]);
        Assert.Equal("Licensing law exists but is not enforced.", reloaded.Fields[Comment(codes[0])]);
        Assert.False(reloaded.Fields.ContainsKey(Answer(codes[2])));
        Assert.Contains($"2 of {round.MechanismCodes.Count} answered", again, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_and_next_goes_to_the_next_behaviour_and_the_last_one_returns_to_the_overview()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var first = $"/assessments/{round.Id}/rate/ds";
        var form = HtmlForm.Find(await client.GetStringAsync(first, Ct), FormName);

        using var response = await client.PostAsync(first, Post(form, "next", (Answer(CodesOf(round, "DS")[0]), "2")), Ct);

        Assert.Equal($"http://localhost/assessments/{round.Id}/rate/as?saved=DS", await HttpAssert.RedirectAsync(response));

        var last = $"/assessments/{round.Id}/rate/fr";
        var lastForm = HtmlForm.Find(await client.GetStringAsync(last, Ct), FormName);
        using var lastResponse = await client.PostAsync(last, Post(lastForm, "next", (Answer(CodesOf(round, "FR")[0]), "NotApplicable")), Ct);
        Assert.Equal($"http://localhost/assessments/{round.Id}/rate?saved=true", await HttpAssert.RedirectAsync(lastResponse));
        Assert.Equal(2, (await RatingsOfAsync(round)).Count);
    }

    [Fact]
    public async Task A_behaviour_form_with_one_invalid_item_saves_none_and_shows_what_was_entered()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = CodesOf(round, "DS");
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var url = $"/assessments/{round.Id}/rate/ds";
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), FormName);

        using var response = await client.PostAsync(url,
            Post(form, "stay", (Answer(codes[0]), "3"), (Comment(codes[0]), "Kept on refusal"), (Answer(codes[1]), "7")), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Empty(await RatingsOfAsync(round));
        var message = Assert.Single(HttpAssert.ValidationMessages(html));
        Assert.Contains("\"7\" is not an answer", message, StringComparison.Ordinal);
        Assert.Contains("Don't know", message, StringComparison.Ordinal);
        var shown = HtmlForm.Find(html, FormName);
        Assert.Equal("3", shown.Fields[Answer(codes[0])]);
        Assert.Equal("Kept on refusal", shown.Fields[Comment(codes[0])]);
        Assert.Contains($"id=\"ea-{codes[1]}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_without_an_answer_or_a_comment_too_long_is_refused_beside_its_mechanism_and_nothing_is_saved()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = CodesOf(round, "AS");
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var url = $"/assessments/{round.Id}/rate/as";
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), FormName);

        using var response = await client.PostAsync(url, Post(form, "stay",
            (Answer(codes[0]), "4"),
            (Comment(codes[1]), "A comment with no answer"),
            (Answer(codes[2]), "1"), (Comment(codes[2]), new string('x', Rating.CommentLength + 1))), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Empty(await RatingsOfAsync(round));
        Assert.Equal(2, HttpAssert.ValidationMessages(html).Count);
        Assert.Contains($"id=\"ea-{codes[1]}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"ec-{codes[2]}\"", html, StringComparison.Ordinal);
        Assert.Equal("A comment with no answer", HtmlForm.Find(html, FormName).Fields[Comment(codes[1])]);
    }

    [Fact]
    public async Task Unanswered_items_on_a_behaviour_form_keep_their_earlier_answer()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var codes = CodesOf(round, "BU");
        using var api = await ApiClientAsync(round.PublicRespondent);
        using (var put = await PutAsync(api, round, codes[1], new { level = 2, comment = "Earlier" }))
        {
            await HttpAssert.JsonAsync(put);
        }
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var url = $"/assessments/{round.Id}/rate/bu";
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), FormName)
            .Without(Answer(codes[1])).Without(Comment(codes[1]));

        using var response = await client.PostAsync(url, Post(form, "stay", (Answer(codes[0]), "4")), Ct);

        await HttpAssert.RedirectAsync(response);
        var ratings = await RatingsOfAsync(round);
        Assert.Equal(2, ratings.Count);
        var kept = Assert.Single(ratings, r => r.MechanismCode == codes[1]);
        Assert.Equal(IndividualAnswer.Rated(2), kept.Answer);
        Assert.Equal("Earlier", kept.Comment);
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.Consensus)]
    public async Task The_page_is_read_only_and_refuses_a_post_when_rating_is_not_open(AssessmentStatus status)
    {
        var round = await factory.CreateRoundAsync("EGY", status);
        var code = CodesOf(round, "DS")[0];
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var url = $"/assessments/{round.Id}/rate/ds";

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));

        Assert.Contains("<fieldset disabled", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"then\"", html, StringComparison.Ordinal);
        Assert.Contains(status == AssessmentStatus.Draft ? "Rating has not opened yet" : "Rating is closed", html, StringComparison.Ordinal);

        using var response = await client.PostAsync(url, Post(HtmlForm.Find(html, FormName), "stay", (Answer(code), "3")), Ct);
        var refused = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(response));
        Assert.Contains("role=\"alert\"", refused, StringComparison.Ordinal);
        Assert.Empty(await RatingsOfAsync(round));
    }

    [Fact]
    public async Task The_overview_shows_progress_per_behaviour_and_links_to_each()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var api = await ApiClientAsync(round.PublicRespondent);
        foreach (var code in CodesOf(round, "DS"))
        {
            using var put = await PutAsync(api, round, code, new { level = 3 });
            await HttpAssert.JsonAsync(put);
        }
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/rate", Ct)));

        var ds = CodesOf(round, "DS").Length;
        Assert.Contains($"{ds} of {round.MechanismCodes.Count} answered", html, StringComparison.Ordinal);
        Assert.Contains($"{ds} of {ds} answered", html, StringComparison.Ordinal);
        Assert.Contains($"0 of {CodesOf(round, "AS").Length} answered", html, StringComparison.Ordinal);
        foreach (var behaviour in new[] { "ds", "as", "bu", "es", "nt", "fr" })
        {
            Assert.Contains($"href=\"/assessments/{round.Id}/rate/{behaviour}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("role=\"progressbar\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_of_a_closed_round_says_so_and_shows_my_saved_answers()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var code = CodesOf(round, "ES")[0];
        using var api = await ApiClientAsync(round.PublicRespondent);
        using (var put = await PutAsync(api, round, code, new { level = 4, comment = "Strong regulator" }))
        {
            await HttpAssert.JsonAsync(put);
        }
        await factory.MoveRoundAsync(round, AssessmentStatus.Consensus);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/rate", Ct)));

        Assert.Contains("Rating is closed", html, StringComparison.Ordinal);
        Assert.Contains("Strong regulator", html, StringComparison.Ordinal);
        Assert.Contains("Level 4", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rating_page_is_served_in_Arabic_right_to_left()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/rate/ds?culture=ar", Ct)));

        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("حفظ", html, StringComparison.Ordinal);
        Assert.Contains("لا أعرف", html, StringComparison.Ordinal);
        HtmlForm.Find(html, FormName);
    }

    [Fact]
    public async Task An_unknown_behaviour_or_an_invisible_round_is_not_found_on_the_pages()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var respondent = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        using var other = await factory.CreateSignedInClientAsync(stranger);

        using var unknownBehaviour = await respondent.GetAsync($"/assessments/{round.Id}/rate/zz", Ct);
        using var otherCountry = await other.GetAsync($"/assessments/{round.Id}/rate/ds", Ct);
        using var otherIndex = await other.GetAsync($"/assessments/{round.Id}/rate", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownBehaviour.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCountry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherIndex.StatusCode);
    }

    // ---- The API ----

    [Fact]
    public async Task Respondent_saves_through_the_API_and_reads_back_only_their_own_ratings()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var code = round.MechanismCodes[0];
        using var mine = await ApiClientAsync(round.PublicRespondent);
        using var theirs = await ApiClientAsync(round.PrivateRespondent);

        using var saved = await PutAsync(mine, round, code, new { answer = "Rated", level = 3, comment = "Mostly in place" });
        using var other = await PutAsync(theirs, round, code, new { answer = "DontKnow" });
        using var otherSecond = await PutAsync(theirs, round, round.MechanismCodes[1], new { level = 1 });

        var body = await HttpAssert.JsonAsync(saved);
        Assert.Equal(code, body.GetProperty("mechanismCode").GetString());
        Assert.Equal("Rated", body.GetProperty("answer").GetString());
        Assert.Equal(3, body.GetProperty("level").GetInt32());
        Assert.Equal("Mostly in place", body.GetProperty("comment").GetString());
        await HttpAssert.JsonAsync(other);
        await HttpAssert.JsonAsync(otherSecond);

        using var list = await mine.GetAsync($"/api/assessments/{round.Id}/my-ratings", Ct);
        var only = Assert.Single((await HttpAssert.JsonAsync(list)).EnumerateArray());
        Assert.Equal(code, only.GetProperty("mechanismCode").GetString());
        Assert.Equal(3, only.GetProperty("level").GetInt32());

        using var theirList = await theirs.GetAsync($"/api/assessments/{round.Id}/my-ratings", Ct);
        var their = (await HttpAssert.JsonAsync(theirList)).EnumerateArray().ToList();
        Assert.Equal([code, round.MechanismCodes[1]], their.Select(r => r.GetProperty("mechanismCode").GetString()));
        Assert.Equal("DontKnow", their[0].GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, their[0].GetProperty("level").ValueKind);
    }

    [Fact]
    public async Task Saving_twice_updates_the_one_row_and_the_audit_trail_records_both()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var code = round.MechanismCodes[2];
        using var client = await ApiClientAsync(round.PublicRespondent);

        using (var first = await PutAsync(client, round, code, new { level = 2 }))
        {
            await HttpAssert.JsonAsync(first);
        }
        using var second = await PutAsync(client, round, code.ToLowerInvariant(), new { answer = "notapplicable", comment = "Not relevant here" });

        var body = await HttpAssert.JsonAsync(second);
        Assert.Equal("NotApplicable", body.GetProperty("answer").GetString());
        var rating = Assert.Single(await RatingsOfAsync(round));
        Assert.Equal(code, rating.MechanismCode);
        Assert.Equal(IndividualAnswer.NotApplicable, rating.Answer);
        Assert.Null(rating.Level);

        await using var scope = factory.OpenSystemDb();
        var audit = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AssessmentId == round.Id && a.Entity == "Rating").OrderBy(a => a.At).ToListAsync(Ct);
        Assert.Equal([AuditAction.Added, AuditAction.Changed], audit.Select(a => a.Action));
        Assert.All(audit, entry => Assert.Equal(rating.Id, entry.EntityId));
        Assert.All(audit, entry => Assert.Equal(round.PublicRespondent.Id, entry.ActorId));
        Assert.Contains(audit[1].Changes, change => change.Field == "State" && change.Before == "Rated" && change.After == "NotApplicable");
    }

    [Fact]
    public async Task Saving_the_same_answer_again_changes_nothing_in_the_audit_trail()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var code = round.MechanismCodes[0];
        using var client = await ApiClientAsync(round.PublicRespondent);

        for (var i = 0; i < 2; i++)
        {
            using var put = await PutAsync(client, round, code, new { level = 3, comment = "Same" });
            await HttpAssert.JsonAsync(put);
        }

        await using var scope = factory.OpenSystemDb();
        var audit = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AssessmentId == round.Id && a.Entity == "Rating").ToListAsync(Ct);
        Assert.Equal(AuditAction.Added, Assert.Single(audit).Action);
    }

    [Fact]
    public async Task Concurrent_saves_by_the_same_person_end_as_one_row_without_an_error()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var code = round.MechanismCodes[3];
        var token = await factory.GetBearerTokenAsync(round.PublicRespondent);

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await PutAsync(client, round, code, new { level = 1 + (i % 4) });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));

        Assert.All(responses, response => Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {response.Body}"));
        Assert.Single(await RatingsOfAsync(round));
    }

    [Theory]
    [InlineData("{\"level\":5}", "level", "from 1 (")]
    [InlineData("{\"level\":0}", "level", "There is no level 0")]
    [InlineData("{\"answer\":\"DontKnow\",\"level\":2}", "level", "carries no level")]
    [InlineData("{\"answer\":\"Rated\"}", "level", "needs a level")]
    [InlineData("{\"answer\":\"Maybe\"}", "answer", "DontKnow or NotApplicable")]
    [InlineData("{\"answer\":\"Rated,DontKnow\"}", "answer", "is not an answer")]
    [InlineData("{}", "answer", "Give an answer")]
    public async Task A_bad_answer_is_refused_with_what_is_allowed_and_nothing_is_saved(string json, string field, string expected)
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.PublicRespondent);

        using var response = await client.PutAsync($"/api/assessments/{round.Id}/my-ratings/{round.MechanismCodes[0]}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(await RatingsOfAsync(round));
    }

    [Fact]
    public async Task An_unknown_mechanism_code_or_a_comment_too_long_is_refused_and_nothing_is_saved()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(round.PublicRespondent);

        using var unknown = await PutAsync(client, round, "XX.9", new { level = 2 });
        using var tooLong = await PutAsync(client, round, round.MechanismCodes[0], new { level = 2, comment = new string('c', Rating.CommentLength + 1) });

        var problem = await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("mechanismCode")[0].GetString();
        Assert.Contains("\"XX.9\" is not a mechanism", message, StringComparison.Ordinal);
        Assert.Contains(round.MechanismCodes[0], message, StringComparison.Ordinal);
        var commentProblem = await HttpAssert.ProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.True(commentProblem.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Empty(await RatingsOfAsync(round));
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft, "Draft")]
    [InlineData(AssessmentStatus.Consensus, "Consensus")]
    [InlineData(AssessmentStatus.Published, "Published")]
    public async Task Rating_a_round_that_is_not_open_is_refused_with_its_status(AssessmentStatus status, string expected)
    {
        var round = await factory.CreateRoundAsync("EGY", status);
        using var client = await ApiClientAsync(round.PublicRespondent);

        using var response = await PutAsync(client, round, round.MechanismCodes[0], new { level = 2 });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(expected, problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Contains("Rating open", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RatingsOfAsync(round));
    }

    [Fact]
    public async Task Observer_facilitator_and_focal_point_cannot_rate()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);

        foreach (var user in new[] { round.Observer, round.Facilitator, round.FocalPoint })
        {
            using var client = await ApiClientAsync(user);
            using var response = await PutAsync(client, round, round.MechanismCodes[0], new { level = 2 });
            await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);

            using var list = await client.GetAsync($"/api/assessments/{round.Id}/my-ratings", Ct);
            Assert.Equal(0, (await HttpAssert.JsonAsync(list)).GetArrayLength());
        }
        Assert.Empty(await RatingsOfAsync(round));
    }

    [Fact]
    public async Task A_person_of_another_country_gets_not_found()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var otherRound = await factory.CreateRoundAsync("KEN", AssessmentStatus.RatingOpen);
        using var client = await ApiClientAsync(otherRound.PublicRespondent);

        using var put = await PutAsync(client, round, round.MechanismCodes[0], new { level = 2 });
        using var get = await client.GetAsync($"/api/assessments/{round.Id}/my-ratings", Ct);
        using var missing = await client.GetAsync($"/api/assessments/{Guid.NewGuid()}/my-ratings", Ct);

        await HttpAssert.ProblemAsync(put, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(get, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Empty(await RatingsOfAsync(round));
    }

    [Fact]
    public async Task The_API_refuses_a_cookie_session_and_an_anonymous_caller()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        using var anonymous = factory.CreateClient();
        using var pageClient = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        using var noToken = await PutAsync(anonymous, round, round.MechanismCodes[0], new { level = 2 });
        using var cookie = await PutAsync(pageClient, round, round.MechanismCodes[0], new { level = 2 });

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
        Assert.Empty(await RatingsOfAsync(round));
    }
}

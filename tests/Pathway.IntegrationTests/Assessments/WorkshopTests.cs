using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// Issue 9 §1: a round as a workshop runs it — a behaviour's mechanisms agreed in one post, the guard rails on
/// opening consensus (unfinished respondents, meeting-only rounds), and draft rounds deleted or rounds archived.
/// </summary>
public class WorkshopTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Rationale = "The licensing law is in force and inspections cover most private hospitals.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Item(string code, int? level = 3, string? rationale = Rationale, int version = 0, string? state = "Rated",
        string? confidence = "High", string? method = "Consensus") =>
        new { mechanismCode = code, state, level, rationale, confidence, method, version };

    private async Task<ConsensusRating?> StoredAsync(TestRound round, string code)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ConsensusRatings.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(c => c.AssessmentId == round.Id && c.MechanismCode == code, Ct);
    }

    private async Task RateAsync(TestRound round, TestUser respondent, IEnumerable<string> codes)
    {
        await using var scope = factory.OpenSystemDb();
        var participantId = await scope.Db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == round.Id && p.UserId == respondent.Id).Select(p => p.Id).SingleAsync(Ct);
        foreach (var code in codes)
        {
            var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = participantId, MechanismCode = code };
            rating.Record(IndividualAnswer.Rated(2), null, DateTimeOffset.UtcNow);
            scope.Db.Ratings.Add(rating);
        }
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<string> FirstBehaviourAsync(TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Behaviours.AsNoTracking()
            .Where(b => b.Mechanisms.Any(m => m.Code == round.MechanismCodes[0]))
            .Select(b => b.Code).FirstAsync(Ct);
    }

    private async Task<List<string>> MechanismsOfAsync(string behaviourCode, TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        var codes = await scope.Db.Behaviours.AsNoTracking()
            .Where(b => b.Code == behaviourCode)
            .SelectMany(b => b.Mechanisms).Select(m => m.Code).ToListAsync(Ct);
        return [.. round.MechanismCodes.Where(codes.Contains)];
    }

    // ---- §1.1 consensus of several mechanisms in one request -------------------------------------------

    [Fact]
    public async Task Bulk_save_writes_the_others_when_one_mechanism_conflicts_and_names_it_with_the_stored_value()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var (a, b, c) = (round.MechanismCodes[0], round.MechanismCodes[1], round.MechanismCodes[2]);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using (var first = await focalPoint.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{b}",
            new { state = "Rated", level = 4, rationale = "Stored first.", confidence = "Low", method = "Vote", version = 0 }, Ct))
        {
            await HttpAssert.JsonAsync(first);
        }

        using var response = await facilitator.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus",
            new[] { Item(a, level: 1), Item(b, level: 2), Item(c, level: 3) }, Ct);

        var body = await HttpAssert.JsonAsync(response);
        Assert.Equal(2, body.GetProperty("savedCount").GetInt32());
        Assert.Equal(1, body.GetProperty("notSavedCount").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([a, b, c], results.Select(r => r.GetProperty("mechanismCode").GetString()));
        Assert.Equal(["Saved", "Conflict", "Saved"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(1, results[0].GetProperty("saved").GetProperty("version").GetInt32());
        var current = results[1].GetProperty("current");
        Assert.Equal(4, current.GetProperty("level").GetInt32());
        Assert.Equal("Stored first.", current.GetProperty("rationale").GetString());
        Assert.Equal(1, (await StoredAsync(round, a))!.Level);
        Assert.Equal(4, (await StoredAsync(round, b))!.Level);
        Assert.Equal(3, (await StoredAsync(round, c))!.Level);
    }

    [Fact]
    public async Task Bulk_save_refuses_an_invalid_mechanism_by_field_saves_the_valid_one_and_writes_nothing_for_empty_or_unchanged_ones()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var (a, b, c) = (round.MechanismCodes[0], round.MechanismCodes[1], round.MechanismCodes[2]);
        using var api = await factory.ApiAsync(round.Facilitator);

        using var response = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus",
            new[] { Item(a, rationale: " ", level: 7), Item(b), Item(c, level: null, rationale: null, state: null, confidence: null, method: null) }, Ct);

        var results = (await HttpAssert.JsonAsync(response)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["Invalid", "Saved", "Unchanged"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(["Level", "Rationale"], results[0].GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Null(await StoredAsync(round, a));
        Assert.NotNull(await StoredAsync(round, b));
        Assert.Null(await StoredAsync(round, c));

        // The same answer sent again at its version is not a new version.
        using var again = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus", new[] { Item(b, version: 1) }, Ct);
        Assert.Equal("Unchanged", (await HttpAssert.JsonAsync(again)).GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, (await StoredAsync(round, b))!.Version);

        using var twice = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus", new[] { Item(a), Item(a) }, Ct);
        await HttpAssert.ProblemAsync(twice, HttpStatusCode.BadRequest);
        using var respondent = await factory.ApiAsync(round.PublicRespondent);
        using var refused = await respondent.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus", new[] { Item(a) }, Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Null(await StoredAsync(round, a));
    }

    [Fact]
    public async Task Behaviour_page_saves_its_mechanisms_in_one_post_and_says_which_one_was_not_saved_and_why()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var behaviour = await FirstBehaviourAsync(round);
        var codes = await MechanismsOfAsync(behaviour, round);
        Assert.True(codes.Count >= 3, "The shipped framework's first behaviour has at least three mechanisms.");
        var url = $"/assessments/{round.Id}/consensus/behaviour/{behaviour}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var index = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus", Ct));
        Assert.Contains($"/consensus/behaviour/{behaviour}\"", index, StringComparison.Ordinal);
        var workspace = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}", Ct));
        Assert.Contains($"/consensus/behaviour/{behaviour}\"", workspace, StringComparison.Ordinal);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        var form = HtmlForm.Find(page, "consensus-behaviour");
        // Someone else records the second mechanism after the page was drawn.
        await factory.SetAgreedAsync(round, new Dictionary<string, MechanismAnswer> { [codes[1]] = MechanismAnswer.Rated(4) });

        var fields = form.Fields.ToDictionary();
        for (var i = 0; i < 2; i++)
        {
            fields[form.NameOf($"m{i}-rationale")] = Rationale;
            fields[form.NameOf($"m{i}-method")] = "Consensus";
            fields[form.NameOf($"m{i}-answer-3")] = "3";
            fields[form.NameOf($"m{i}-confidence-high")] = "High";
        }
        fields[form.NameOf("m2-answer-2")] = "2";   // a level without its rationale, confidence and method
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("1 saved, 2 not saved.", html, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"Saved: \u2068{codes[0]}\u2069.", text, StringComparison.Ordinal);
        Assert.Contains($"Not saved, someone saved first: \u2068{codes[1]}\u2069.", text, StringComparison.Ordinal);
        Assert.Contains($"Not saved, a field needs correcting: \u2068{codes[2]}\u2069.", text, StringComparison.Ordinal);
        Assert.Contains("Now stored: 4 · ", text, StringComparison.Ordinal);
        Assert.Contains("Write the rationale: why the group agreed on this answer.", HttpAssert.ValidationMessages(html));
        Assert.Equal(3, (await StoredAsync(round, codes[0]))!.Level);
        Assert.Equal(4, (await StoredAsync(round, codes[1]))!.Level);
        Assert.Null(await StoredAsync(round, codes[2]));
        foreach (var code in codes.Skip(3))
        {
            Assert.Null(await StoredAsync(round, code));
        }

        // The conflicting mechanism's next save goes over the version now stored.
        var retry = HtmlForm.Find(html, "consensus-behaviour");
        Assert.Equal("1", retry.Fields[retry.NameOf("m1-rationale").Replace("Rationale", "Version", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Save_and_next_goes_to_the_next_mechanism_without_an_agreed_answer()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var url = $"/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), "consensus").Fill("rationale", Rationale).Fill("method", "Vote");
        var fields = form.Fields.ToDictionary();
        fields[form.NameOf("answer-2")] = "2";
        fields[form.NameOf("confidence-low")] = "Low";
        fields["Input.GoNext"] = "true";

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal($"/assessments/{round.Id}/consensus/{round.MechanismCodes[1]}", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        Assert.Equal(2, (await StoredAsync(round, round.MechanismCodes[0]))!.Level);
    }

    // ---- §1.2 guard rails on opening consensus -----------------------------------------------------------

    [Fact]
    public async Task Opening_consensus_while_respondents_have_not_finished_names_them_and_needs_an_explicit_confirmation()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PublicRespondent, round.MechanismCodes);
        await RateAsync(round, round.PrivateRespondent, round.MechanismCodes.Take(3));
        using var api = await factory.ApiAsync(round.Facilitator);

        using var refused = await api.MoveAsync(round, "Consensus");

        var problem = await HttpAssert.ProblemAsync(refused, HttpStatusCode.Conflict);
        var unfinished = Assert.Single(problem.GetProperty("current").GetProperty("unfinished").EnumerateArray());
        Assert.Equal(round.PrivateRespondent.Email, unfinished.GetProperty("name").GetString());
        Assert.Equal("PrivateForProfitProvider", unfinished.GetProperty("group").GetString());
        Assert.Equal(round.MechanismCodes.Count - 3, unfinished.GetProperty("missingMechanisms").GetInt32());
        Assert.NotEmpty(unfinished.GetProperty("missingBehaviours").EnumerateArray());

        // The page asks the same, naming the person, and its confirmation opens consensus.
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var workspace = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}", Ct));
        using var asked = await client.PostAsync($"/assessments/{round.Id}", HtmlForm.Find(workspace, "workflow-Consensus").ToContent(), Ct);
        var question = await HttpAssert.HtmlAsync(asked);
        Assert.Contains($"{round.PrivateRespondent.Email} (Private for-profit provider): {round.MechanismCodes.Count - 3} of {round.MechanismCodes.Count} mechanisms not rated", question, StringComparison.Ordinal);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(AssessmentStatus.RatingOpen, (await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == round.Id, Ct)).Status);
        }
        var confirm = HtmlForm.All(question).Single(f => f.Fields.ContainsKey("MoveInput.ConfirmIncomplete"));
        using var confirmed = await client.PostAsync($"/assessments/{round.Id}", confirm.ToContent(), Ct);
        await HttpAssert.RedirectAsync(confirmed);
        using var check = await api.GetAsync($"/api/assessments/{round.Id}", Ct);
        Assert.Equal("Consensus", (await HttpAssert.JsonAsync(check)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Api_opens_consensus_over_unfinished_ratings_with_confirmIncomplete()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PublicRespondent, round.MechanismCodes.Take(1));
        using var api = await factory.ApiAsync(round.Facilitator);

        using var moved = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/transitions", new { to = "Consensus", confirmIncomplete = true }, Ct);

        var body = await HttpAssert.JsonAsync(moved);
        Assert.Equal("Consensus", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("agreedInMeeting").ValueKind);
    }

    [Fact]
    public async Task Round_without_any_rating_opens_consensus_only_as_agreed_in_a_meeting_and_its_pages_and_release_say_so()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        using var api = await factory.ApiAsync(round.Facilitator);

        using var plain = await api.MoveAsync(round, "Consensus");
        var problem = await HttpAssert.ProblemAsync(plain, HttpStatusCode.Conflict);
        Assert.Contains("agreed in a meeting", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var confirmedOnly = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/transitions", new { to = "Consensus", confirmIncomplete = true }, Ct);
        await HttpAssert.ProblemAsync(confirmedOnly, HttpStatusCode.Conflict);

        using var moved = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/transitions",
            new { to = "Consensus", agreedInMeeting = true, comment = "Workshop of 3 March with twelve people." }, Ct);

        var body = await HttpAssert.JsonAsync(moved);
        var meeting = body.GetProperty("agreedInMeeting");
        Assert.Equal(round.Facilitator.Email, meeting.GetProperty("byName").GetString());
        Assert.Equal("Workshop of 3 March with twelve people.", meeting.GetProperty("note").GetString());
        await using (var scope = factory.OpenSystemDb())
        {
            var stored = await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == round.Id, Ct);
            Assert.NotNull(stored.AgreedInMeetingAt);
            Assert.Equal(round.Facilitator.Id, stored.AgreedInMeetingById);
        }
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        foreach (var tab in new[] { "results", "review", "publish" })
        {
            var html = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/{tab}", Ct));
            Assert.Contains("were agreed in a meeting without individual ratings", html, StringComparison.Ordinal);
        }

        await factory.MoveRoundAsync(round, AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);
        using var anonymous = factory.CreateClient();
        using var published = await anonymous.GetAsync($"/api/published/{round.Id}", Ct);
        Assert.True((await HttpAssert.JsonAsync(published)).GetProperty("agreedInMeeting").GetBoolean());
        var publicPage = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}", Ct));
        Assert.Contains("The answers were agreed in a meeting without individual ratings.", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_only_record_is_refused_when_respondents_have_rated()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PublicRespondent, round.MechanismCodes.Take(2));
        using var api = await factory.ApiAsync(round.Facilitator);

        using var response = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/transitions", new { to = "Consensus", agreedInMeeting = true }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("AgreedInMeeting", out _));
    }

    // ---- §1.6 the reviewer sees each mechanism's evidence ---------------------------------------------------

    [Fact]
    public async Task Reviewer_sees_each_mechanisms_evidence_with_title_type_and_download()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        using var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(round.MechanismCodes[0]), "mechanismCode" },
            { new StringContent("Report"), "type" },
            { new StringContent("Inspection report 2025"), "title" },
            { file, "file", "inspections.pdf" },
        };
        using var added = await facilitator.PostAsync($"/api/assessments/{round.Id}/evidence", upload, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        using var client = await factory.CreateSignedInClientAsync(reviewer);

        var html = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/review", Ct));

        Assert.Contains("Inspection report 2025", html, StringComparison.Ordinal);
        Assert.Contains(">Report</span>", html, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{round.Id}/evidence/{id}/file", html, StringComparison.Ordinal);
        Assert.DoesNotContain("item(s)", html, StringComparison.Ordinal);
        using var download = await client.GetAsync($"/assessments/{round.Id}/evidence/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var stranger = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");
        using var outsider = await factory.CreateSignedInClientAsync(stranger);
        using var refused = await outsider.GetAsync($"/assessments/{round.Id}/evidence/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    // ---- §1.7 delete draft rounds, archive rounds ----------------------------------------------------------

    [Fact]
    public async Task Focal_point_deletes_a_draft_round_after_confirming_and_its_audit_entries_stay()
    {
        var round = await factory.CreateRoundAsync();
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var workspace = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}", Ct));
        Assert.Contains($"/assessments/{round.Id}/delete\"", workspace, StringComparison.Ordinal);
        var confirm = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/delete", Ct));

        using var response = await client.PostAsync($"/assessments/{round.Id}/delete", HtmlForm.Find(confirm, "round-delete").ToContent(), Ct);

        Assert.Equal("/assessments?deleted=true", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        await using var scope = factory.OpenSystemDb();
        Assert.False(await scope.Db.Assessments.IgnoreQueryFilters().AnyAsync(a => a.Id == round.Id, Ct));
        Assert.False(await scope.Db.Participants.IgnoreQueryFilters().AnyAsync(p => p.AssessmentId == round.Id, Ct));
        var removed = await scope.Db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.AssessmentId == round.Id && a.Action == AuditAction.Removed).Select(a => a.Entity).ToListAsync(Ct);
        Assert.Contains("Assessment", removed);
        Assert.Contains("Participant", removed);
        using var gone = await client.GetAsync($"/assessments/{round.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Only_the_focal_point_or_an_administrator_deletes_and_only_a_draft()
    {
        var draft = await factory.CreateRoundAsync();
        var open = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var admin = await factory.CreateUserAsync(Roles.Administrator);
        using var facilitator = await factory.ApiAsync(draft.Facilitator);
        using var other = await factory.ApiAsync(stranger);
        using var focalPoint = await factory.ApiAsync(open.FocalPoint);
        using var administrator = await factory.ApiAsync(admin);

        await HttpAssert.ProblemAsync(await facilitator.DeleteAsync($"/api/assessments/{draft.Id}", Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await other.DeleteAsync($"/api/assessments/{draft.Id}", Ct), HttpStatusCode.NotFound);
        var notDraft = await HttpAssert.ProblemAsync(await focalPoint.DeleteAsync($"/api/assessments/{open.Id}", Ct), HttpStatusCode.Conflict);
        Assert.Contains("draft", notDraft.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(2, await scope.Db.Assessments.IgnoreQueryFilters().CountAsync(a => a.Id == draft.Id || a.Id == open.Id, Ct));
        }

        using var deleted = await administrator.DeleteAsync($"/api/assessments/{draft.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await HttpAssert.ProblemAsync(await administrator.GetAsync($"/api/assessments/{draft.Id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Archived_round_leaves_the_lists_stays_readable_by_its_team_and_comes_back()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var respondent = await factory.ApiAsync(round.PublicRespondent);
        using var stranger = await factory.ApiAsync(await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN"));

        await HttpAssert.ProblemAsync(await respondent.PostAsync($"/api/assessments/{round.Id}/archive", null, Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await stranger.PostAsync($"/api/assessments/{round.Id}/archive", null, Ct), HttpStatusCode.NotFound);
        using var archived = await focalPoint.PostAsync($"/api/assessments/{round.Id}/archive", null, Ct);
        Assert.NotEqual(JsonValueKind.Null, (await HttpAssert.JsonAsync(archived)).GetProperty("archivedAt").ValueKind);

        async Task<List<Guid>> ListAsync(string query = "")
        {
            using var list = await respondent.GetAsync($"/api/assessments{query}", Ct);
            return [.. (await HttpAssert.JsonAsync(list)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
        }
        Assert.DoesNotContain(round.Id, await ListAsync());
        Assert.Contains(round.Id, await ListAsync("?archived=true"));
        using (var read = await respondent.GetAsync($"/api/assessments/{round.Id}", Ct))
        {
            await HttpAssert.JsonAsync(read);
        }
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var current = await HttpAssert.HtmlAsync(await client.GetAsync("/assessments", Ct));
        Assert.DoesNotContain(round.Id.ToString(), current, StringComparison.Ordinal);
        var shown = await HttpAssert.HtmlAsync(await client.GetAsync("/assessments?archived=true", Ct));
        Assert.Contains(round.Id.ToString(), shown, StringComparison.Ordinal);

        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var workspace = await HttpAssert.HtmlAsync(await page.GetAsync($"/assessments/{round.Id}", Ct));
        Assert.Contains("Archived on", workspace, StringComparison.Ordinal);
        using var back = await page.PostAsync($"/assessments/{round.Id}", HtmlForm.Find(workspace, "round-archive").ToContent(), Ct);
        await HttpAssert.RedirectAsync(back);
        Assert.Contains(round.Id, await ListAsync());
    }
}

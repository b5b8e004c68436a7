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

/// <summary>The consensus step: the spread of individual ratings, and recording the agreed answer without silent overwrites.</summary>
public class ConsensusTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Rationale = "The licensing law is in force and inspections cover most private hospitals.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static object Body(int? level = 3, string? rationale = Rationale, int version = 0, string state = "Rated",
        string confidence = "High", string method = "Consensus", string? dissent = null) =>
        new { state, level, rationale, confidence, method, dissentNotes = dissent, version };

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, TestRound round, string code, object body) =>
        client.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}", body, Ct);

    /// <summary>Stores a respondent's own rating directly, as the rating step would have.</summary>
    private async Task RateAsync(TestRound round, TestUser respondent, string code, int level, string? comment = null)
    {
        await using var scope = factory.OpenSystemDb();
        var participantId = await scope.Db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == round.Id && p.UserId == respondent.Id).Select(p => p.Id).SingleAsync(Ct);
        var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = participantId, MechanismCode = code };
        rating.Record(IndividualAnswer.Rated(level), comment, DateTimeOffset.UtcNow);
        scope.Db.Ratings.Add(rating);
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<ConsensusRating?> StoredAsync(TestRound round, string code)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ConsensusRatings.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(c => c.AssessmentId == round.Id && c.MechanismCode == code, Ct);
    }

    /// <summary>
    /// The form's fields with radio buttons chosen, as a browser posts them (an unchecked radio group is
    /// not among a form's fields until one is picked, so it cannot be filled like a text box).
    /// </summary>
    private static FormUrlEncodedContent Choose(HtmlForm form, params (string Id, string Value)[] radios)
    {
        var fields = form.Fields.ToDictionary();
        foreach (var (id, value) in radios)
        {
            fields[form.NameOf(id)] = value;
        }
        return new FormUrlEncodedContent(fields);
    }

    private static JsonElement Mechanism(JsonElement spread, string code) =>
        Assert.Single(spread.EnumerateArray(), mechanism => mechanism.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Spread_flags_a_mechanism_divergent_when_the_public_side_rates_1_and_the_private_side_4()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        var (divergent, calm) = (round.MechanismCodes[0], round.MechanismCodes[1]);
        await RateAsync(round, round.PublicRespondent, divergent, 1, "No licensing law yet.");
        await RateAsync(round, round.PrivateRespondent, divergent, 4, "Inspections happen every year.");
        await RateAsync(round, round.PublicRespondent, calm, 2);
        await RateAsync(round, round.PrivateRespondent, calm, 3);
        await factory.MoveRoundAsync(round, AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);

        using var response = await api.GetAsync($"/api/assessments/{round.Id}/spread", Ct);

        var spread = await HttpAssert.JsonAsync(response);
        Assert.Equal(round.MechanismCodes.Count, spread.GetArrayLength());
        var flagged = Mechanism(spread, divergent);
        Assert.True(flagged.GetProperty("divergent").GetBoolean());
        Assert.Equal(["MedianGap", "LevelRange"], flagged.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1m, flagged.GetProperty("publicMedian").GetDecimal());
        Assert.Equal(4m, flagged.GetProperty("privateMedian").GetDecimal());
        var groups = flagged.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["MinistryOfHealth", "PrivateForProfitProvider"], groups.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(1, groups[0].GetProperty("counts").GetProperty("level1").GetInt32());
        Assert.Equal(1, groups[1].GetProperty("counts").GetProperty("level4").GetInt32());
        Assert.Equal(["Public", "Private"], groups.Select(g => g.GetProperty("side").GetString()));
        var comments = flagged.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(["MinistryOfHealth", "PrivateForProfitProvider"], comments.Select(c => c.GetProperty("group").GetString()));
        Assert.Equal("No licensing law yet.", comments[0].GetProperty("comment").GetString());
        Assert.False(Mechanism(spread, calm).GetProperty("divergent").GetBoolean());
        Assert.Empty(Mechanism(spread, calm).GetProperty("reasons").EnumerateArray());
        var text = spread.GetRawText();
        Assert.DoesNotContain(round.PublicRespondent.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(round.PrivateRespondent.Email, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Spread_page_shows_the_divergence_in_words_and_lists_divergent_mechanisms_first_on_request()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        var divergent = round.MechanismCodes[^1];
        await RateAsync(round, round.PublicRespondent, divergent, 1, "Nothing is written down.");
        await RateAsync(round, round.PrivateRespondent, divergent, 4);
        await factory.MoveRoundAsync(round, AssessmentStatus.Consensus);
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);

        var index = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus", Ct));
        var ordered = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus?order=divergent", Ct));
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus/{divergent}", Ct));

        Assert.Contains($"0 of {round.MechanismCodes.Count} mechanisms agreed", index, StringComparison.Ordinal);
        Assert.Contains("Divergent (1)", ordered, StringComparison.Ordinal);
        Assert.True(ordered.IndexOf($"/consensus/{divergent}\"", StringComparison.Ordinal)
            < ordered.IndexOf($"/consensus/{round.MechanismCodes[0]}\"", StringComparison.Ordinal), "The divergent mechanism comes first.");
        Assert.True(index.IndexOf($"/consensus/{divergent}\"", StringComparison.Ordinal)
            > index.IndexOf($"/consensus/{round.MechanismCodes[0]}\"", StringComparison.Ordinal), "Framework order by default.");
        Assert.Contains("The public-side and private-side medians differ by 3 levels (1 and 4).", page, StringComparison.Ordinal);
        Assert.Contains("The ratings span 4 levels, from 1 to 4.", page, StringComparison.Ordinal);
        Assert.Contains("Nothing is written down.", page, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{round.Id}/evidence?mechanism={divergent}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(round.PublicRespondent.Email, page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Respondent_cannot_see_the_spread_while_rating_is_open_and_can_once_consensus_opens()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PrivateRespondent, round.MechanismCodes[0], 4, "A private view that must stay private.");
        using var api = await ApiAsync(round.PublicRespondent);
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        using (var closed = await api.GetAsync($"/api/assessments/{round.Id}/spread", Ct))
        {
            await HttpAssert.ProblemAsync(closed, HttpStatusCode.Forbidden);
        }
        using (var closedConsensus = await api.GetAsync($"/api/assessments/{round.Id}/consensus", Ct))
        {
            await HttpAssert.ProblemAsync(closedConsensus, HttpStatusCode.Forbidden);
        }
        var closedPage = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}", Ct));
        Assert.DoesNotContain("A private view", closedPage, StringComparison.Ordinal);
        Assert.Contains("shown from the consensus step on", closedPage, StringComparison.Ordinal);

        await factory.MoveRoundAsync(round, AssessmentStatus.Consensus);

        using var open = await api.GetAsync($"/api/assessments/{round.Id}/spread", Ct);
        var spread = await HttpAssert.JsonAsync(open);
        Assert.Equal(1, Mechanism(spread, round.MechanismCodes[0]).GetProperty("totals").GetProperty("level4").GetInt32());
        var openPage = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}", Ct));
        Assert.Contains("A private view", openPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Rationale\"", openPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facilitator_records_consensus_through_the_page()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[2];
        var url = $"/assessments/{round.Id}/consensus/{code}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));

        var form = HtmlForm.Find(page, "consensus")
            .Fill("rationale", Rationale)
            .Fill("method", "Vote")
            .Fill("dissent", "The association of private clinics rated it 2.");
        using var response = await client.PostAsync(url, Choose(form, ("answer-3", "3"), ("confidence-medium", "Medium")), Ct);

        Assert.Equal($"{url}?saved=true", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        var stored = await StoredAsync(round, code);
        Assert.NotNull(stored);
        Assert.Equal(MechanismAnswer.Rated(3), stored.Answer);
        Assert.Equal(Rationale, stored.Rationale);
        Assert.Equal(RatingConfidence.Medium, stored.Confidence);
        Assert.Equal(ConsensusMethod.Vote, stored.Method);
        Assert.Equal("The association of private clinics rated it 2.", stored.DissentNotes);
        Assert.Equal(1, stored.Version);
        Assert.Equal(round.Facilitator.Id, stored.RecordedById);

        var saved = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?saved=true", Ct));
        Assert.Contains("The agreed answer is saved.", saved, StringComparison.Ordinal);
        Assert.Contains($"/consensus/{round.MechanismCodes[3]}\"", saved, StringComparison.Ordinal);
        Assert.Equal("1", HtmlForm.Find(saved, "consensus").Fields["Input.Version"]);
        var index = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus", Ct));
        Assert.Contains($"1 of {round.MechanismCodes.Count} mechanisms agreed", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_refuses_a_missing_rationale_beside_the_field_and_saves_nothing()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        var url = $"/assessments/{round.Id}/consensus/{code}";
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), "consensus").Fill("method", "FacilitatorJudgement");

        using var response = await client.PostAsync(url, Choose(form, ("answer-na", "NotApplicable"), ("confidence-low", "Low")), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("Write the rationale: why the group agreed on this answer.", HttpAssert.ValidationMessages(html));
        Assert.Null(await StoredAsync(round, code));
    }

    [Fact]
    public async Task Facilitator_records_consensus_through_the_api_and_each_save_raises_the_version()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        using var api = await ApiAsync(round.Facilitator);

        using var first = await PutAsync(api, round, code, Body(level: 2));
        var saved = await HttpAssert.JsonAsync(first);
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.Equal("Rated", saved.GetProperty("state").GetString());
        Assert.Equal(2, saved.GetProperty("level").GetInt32());
        Assert.Equal("High", saved.GetProperty("confidence").GetString());
        Assert.Equal("Consensus", saved.GetProperty("method").GetString());

        using var second = await PutAsync(api, round, code, Body(level: null, state: "InsufficientInformation", version: 1, method: "FacilitatorJudgement"));
        var changed = await HttpAssert.JsonAsync(second);
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal("InsufficientInformation", changed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("level").ValueKind);

        using var list = await api.GetAsync($"/api/assessments/{round.Id}/consensus", Ct);
        var agreed = Assert.Single((await HttpAssert.JsonAsync(list)).EnumerateArray());
        Assert.Equal(code, agreed.GetProperty("mechanismCode").GetString());
        Assert.Equal(2, agreed.GetProperty("version").GetInt32());
        Assert.Equal("FacilitatorJudgement", agreed.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Missing_rationale_is_refused_with_400_and_nothing_is_saved()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);

        using var response = await PutAsync(api, round, round.MechanismCodes[0], Body(rationale: "  "));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("rationale", problem.GetProperty("errors").GetProperty("Rationale")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(await StoredAsync(round, round.MechanismCodes[0]));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    public async Task Level_outside_1_to_4_is_refused_with_400_saying_what_is_allowed(int level)
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);

        using var response = await PutAsync(api, round, round.MechanismCodes[0], Body(level: level));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Choose a level from 1 to 4.", problem.GetProperty("errors").GetProperty("Level")[0].GetString());
        Assert.Null(await StoredAsync(round, round.MechanismCodes[0]));
    }

    [Fact]
    public async Task Unknown_state_confidence_and_method_are_all_reported_at_once()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);

        using var response = await PutAsync(api, round, round.MechanismCodes[0],
            Body(level: null, state: "DontKnow", confidence: "Total", method: "Lottery"));

        var errors = (await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["Confidence", "Method", "State"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Rated, InsufficientInformation, NotApplicable", errors.GetProperty("State")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_mechanism_is_404_naming_the_code()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);

        using var response = await PutAsync(api, round, "ZZ.9", Body());

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("ZZ.9", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_version_is_refused_with_409_showing_the_stored_value()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[1];
        using var facilitator = await ApiAsync(round.Facilitator);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        using (var first = await PutAsync(facilitator, round, code, Body(level: 3, dissent: "Two disagreed.")))
        {
            await HttpAssert.JsonAsync(first);
        }

        using var stale = await PutAsync(focalPoint, round, code, Body(level: 1, rationale: "A different view.", version: 0));

        var problem = await HttpAssert.ProblemAsync(stale, HttpStatusCode.Conflict);
        var current = problem.GetProperty("current");
        Assert.Equal("Rated", current.GetProperty("state").GetString());
        Assert.Equal(3, current.GetProperty("level").GetInt32());
        Assert.Equal(Rationale, current.GetProperty("rationale").GetString());
        Assert.Equal("High", current.GetProperty("confidence").GetString());
        Assert.Equal("Consensus", current.GetProperty("method").GetString());
        Assert.Equal("Two disagreed.", current.GetProperty("dissentNotes").GetString());
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal(round.Facilitator.Email, current.GetProperty("recordedBy").GetString());
        Assert.True(current.TryGetProperty("recordedAt", out _));
        Assert.Contains(round.Facilitator.Email, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await StoredAsync(round, code);
        Assert.Equal(3, stored!.Level);
        Assert.Equal(1, stored.Version);

        using var retried = await PutAsync(focalPoint, round, code, Body(level: 1, rationale: "A different view.", version: 1));
        Assert.Equal(2, (await HttpAssert.JsonAsync(retried)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Page_keeps_the_persons_text_and_shows_the_stored_value_when_someone_saved_first()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        var url = $"/assessments/{round.Id}/consensus/{code}";
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), "consensus")
            .Fill("rationale", "My own careful wording.").Fill("method", "Consensus");
        using (var api = await ApiAsync(round.Facilitator))
        using (var first = await PutAsync(api, round, code, Body(level: 4, rationale: "Saved first by the facilitator.")))
        {
            await HttpAssert.JsonAsync(first);
        }

        using var response = await client.PostAsync(url, Choose(form, ("answer-1", "1"), ("confidence-high", "High")), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("Someone saved this mechanism while you were editing.", html, StringComparison.Ordinal);
        Assert.Contains(round.Facilitator.Email, html, StringComparison.Ordinal);
        var again = HtmlForm.Find(html, "consensus");
        Assert.Equal("My own careful wording.", again.Fields["Input.Rationale"]);
        Assert.Equal("1", again.Fields["Input.Answer"]);
        Assert.Equal("1", again.Fields["Input.Version"]);
        Assert.Equal(4, (await StoredAsync(round, code))!.Level);

        using var resubmitted = await client.PostAsync(url, again.ToContent(), Ct);
        await HttpAssert.RedirectAsync(resubmitted);
        var stored = await StoredAsync(round, code);
        Assert.Equal(1, stored!.Level);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Two_simultaneous_first_saves_let_exactly_one_in_and_store_the_winners_value()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var facilitator = await ApiAsync(round.Facilitator);
        using var focalPoint = await ApiAsync(round.FocalPoint);

        foreach (var code in round.MechanismCodes.Take(5))
        {
            var responses = await Task.WhenAll(
                PutAsync(facilitator, round, code, Body(level: 2, rationale: "Facilitator's wording.")),
                PutAsync(focalPoint, round, code, Body(level: 4, rationale: "Focal point's wording.")));
            await AssertOneWinnerAsync(round, code, responses, expectedVersion: 1);
        }
    }

    [Fact]
    public async Task Two_simultaneous_changes_of_the_same_version_let_exactly_one_in_and_store_the_winners_value()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var facilitator = await ApiAsync(round.Facilitator);
        using var focalPoint = await ApiAsync(round.FocalPoint);

        foreach (var code in round.MechanismCodes.Take(5))
        {
            using (var first = await PutAsync(facilitator, round, code, Body(level: 3)))
            {
                await HttpAssert.JsonAsync(first);
            }
            var responses = await Task.WhenAll(
                PutAsync(facilitator, round, code, Body(level: 2, rationale: "Facilitator's wording.", version: 1)),
                PutAsync(focalPoint, round, code, Body(level: 4, rationale: "Focal point's wording.", version: 1)));
            await AssertOneWinnerAsync(round, code, responses, expectedVersion: 2);
        }
    }

    private async Task AssertOneWinnerAsync(TestRound round, string code, HttpResponseMessage[] responses, int expectedVersion)
    {
        try
        {
            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]),
                $"Expected one 200 and one 409, got {string.Join(", ", statuses.Select(s => (int)s))}: " +
                string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)))));
            var winner = await HttpAssert.JsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            var loser = await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            var stored = await StoredAsync(round, code);
            Assert.Equal(winner.GetProperty("rationale").GetString(), stored!.Rationale);
            Assert.Equal(winner.GetProperty("level").GetInt32(), stored.Level);
            Assert.Equal(expectedVersion, stored.Version);
            Assert.Equal(stored.Rationale, loser.GetProperty("current").GetProperty("rationale").GetString());
            Assert.Equal(expectedVersion, loser.GetProperty("current").GetProperty("version").GetInt32());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Theory]
    [InlineData(AssessmentStatus.Draft)]
    [InlineData(AssessmentStatus.RatingOpen)]
    [InlineData(AssessmentStatus.Submitted)]
    [InlineData(AssessmentStatus.Validated)]
    [InlineData(AssessmentStatus.Published)]
    public async Task Consensus_cannot_be_recorded_outside_the_consensus_step(AssessmentStatus status)
    {
        var round = await factory.CreateRoundAsync(status: status);
        var code = round.MechanismCodes[0];
        var before = await StoredAsync(round, code);
        using var api = await ApiAsync(round.Facilitator);

        using var response = await PutAsync(api, round, code, Body(level: 4, version: before?.Version ?? 0));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        if (status == AssessmentStatus.Published)
        {
            Assert.Contains("read-only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var after = await StoredAsync(round, code);
        Assert.Equal(before?.Level, after?.Level);
        Assert.Equal(before?.Version, after?.Version);

        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/consensus/{code}", Ct));
        Assert.DoesNotContain("name=\"Input.Rationale\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consensus_can_be_changed_after_a_reviewer_returns_the_round()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        using var api = await ApiAsync(round.Facilitator);
        using (var first = await PutAsync(api, round, code, Body(level: 2)))
        {
            await HttpAssert.JsonAsync(first);
        }
        await factory.MoveRoundAsync(round, AssessmentStatus.Returned);

        using var response = await PutAsync(api, round, code, Body(level: 4, version: 1));

        Assert.Equal(2, (await HttpAssert.JsonAsync(response)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Respondents_and_observers_cannot_record_consensus()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        foreach (var person in new[] { round.PublicRespondent, round.Observer })
        {
            using var api = await ApiAsync(person);
            using var response = await PutAsync(api, round, round.MechanismCodes[0], Body());
            await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        }
        Assert.Null(await StoredAsync(round, round.MechanismCodes[0]));
    }

    [Fact]
    public async Task People_of_another_country_get_404_from_every_consensus_route()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var stranger = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var api = await ApiAsync(stranger);
        using var client = await factory.CreateSignedInClientAsync(stranger);

        using (var spread = await api.GetAsync($"/api/assessments/{round.Id}/spread", Ct))
        {
            await HttpAssert.ProblemAsync(spread, HttpStatusCode.NotFound);
        }
        using (var agreed = await api.GetAsync($"/api/assessments/{round.Id}/consensus", Ct))
        {
            await HttpAssert.ProblemAsync(agreed, HttpStatusCode.NotFound);
        }
        using (var put = await PutAsync(api, round, round.MechanismCodes[0], Body()))
        {
            await HttpAssert.ProblemAsync(put, HttpStatusCode.NotFound);
        }
        using (var index = await client.GetAsync($"/assessments/{round.Id}/consensus", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
        }
        using (var page = await client.GetAsync($"/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
        Assert.Null(await StoredAsync(round, round.MechanismCodes[0]));
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        using var api = factory.CreateClient();
        using var pages = factory.CreatePageClient();

        using var response = await PutAsync(api, round, round.MechanismCodes[0], Body());
        using var page = await pages.GetAsync($"/assessments/{round.Id}/consensus", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", HttpAssert.Location(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_consensus_writes_an_audit_entry_with_the_change()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        using var api = await ApiAsync(round.Facilitator);
        using (var first = await PutAsync(api, round, code, Body(level: 2)))
        {
            await HttpAssert.JsonAsync(first);
        }
        using (var second = await PutAsync(api, round, code, Body(level: 3, version: 1)))
        {
            await HttpAssert.JsonAsync(second);
        }

        await using var scope = factory.OpenSystemDb();
        var entries = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AssessmentId == round.Id && a.Entity == nameof(ConsensusRating))
            .ToListAsync(Ct);
        var ordered = entries.OrderBy(a => a.At).ThenBy(a => a.Id).ToList();
        Assert.Equal([AuditAction.Added, AuditAction.Changed], ordered.Select(a => a.Action));
        Assert.All(ordered, entry => Assert.Equal(round.Facilitator.Id, entry.ActorId));
        Assert.All(ordered, entry => Assert.Equal(code, entry.Label));
        var level = Assert.Single(ordered[1].Changes, change => change.Field == "Level");
        Assert.Equal(("2", "3"), (level.Before, level.After));
        Assert.Contains(ordered[0].Changes, change => change.Field == "Rationale" && change.After == Rationale);
    }
}

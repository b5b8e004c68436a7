using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Moves, review comments and set-up shared by the workflow and publication tests.</summary>
internal static class WorkflowKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpClient> ApiAsync(this PathwayAppFactory factory, TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    public static Task<HttpResponseMessage> MoveAsync(
        this HttpClient client, TestRound round, string to, string? comment = null, object? publish = null, string? note = null) =>
        client.PostAsJsonAsync($"/api/assessments/{round.Id}/transitions", new { to, comment, publish, note }, Ct);

    /// <summary>Moves the round and asserts it reached the status.</summary>
    public static async Task<JsonElement> MoveOkAsync(
        this HttpClient client, TestRound round, string to, string? comment = null, object? publish = null, string? note = null)
    {
        using var response = await client.MoveAsync(round, to, comment, publish, note);
        var body = await HttpAssert.JsonAsync(response);
        Assert.Equal(to, body.GetProperty("status").GetString());
        return body;
    }

    public static Task<HttpResponseMessage> CommentAsync(this HttpClient client, TestRound round, string? mechanismCode, string? text) =>
        client.PostAsJsonAsync($"/api/assessments/{round.Id}/review-comments", new { mechanismCode, text }, Ct);

    /// <summary>Stores each respondent's rating (level 2) of every mechanism, as the rating step would have.</summary>
    public static async Task RateEverythingAsync(this PathwayAppFactory factory, TestRound round, params TestUser[] respondents)
    {
        await using var scope = factory.OpenSystemDb();
        foreach (var respondent in respondents)
        {
            var participantId = await scope.Db.Participants.IgnoreQueryFilters()
                .Where(p => p.AssessmentId == round.Id && p.UserId == respondent.Id).Select(p => p.Id).SingleAsync(Ct);
            foreach (var code in round.MechanismCodes)
            {
                var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = participantId, MechanismCode = code };
                rating.Record(IndividualAnswer.Rated(2), null, DateTimeOffset.UtcNow);
                scope.Db.Ratings.Add(rating);
            }
        }
        await scope.Db.SaveChangesAsync(Ct);
    }

    public static object Profile { get; } = new { behaviourProfile = true, mechanismLevels = false, rationales = false, publicEvidence = false };

    public static object Everything { get; } = new { behaviourProfile = true, mechanismLevels = true, rationales = true, publicEvidence = true };

    /// <summary>Records an agreed level for every mechanism of the round that has none (or only those given).</summary>
    public static async Task AgreeAsync(this PathwayAppFactory factory, TestRound round, IEnumerable<string>? codes = null, int level = 2,
        string rationale = "Agreed in the test workshop.")
    {
        await using var scope = factory.OpenSystemDb();
        var agreed = await scope.Db.ConsensusRatings.IgnoreQueryFilters().Where(c => c.AssessmentId == round.Id)
            .Select(c => c.MechanismCode).ToListAsync(Ct);
        foreach (var code in (codes ?? round.MechanismCodes).Except(agreed))
        {
            var rating = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = round.Country, MechanismCode = code };
            rating.Record(new ConsensusDecision(MechanismAnswer.Rated(level), rationale, RatingConfidence.High, ConsensusMethod.Consensus, null),
                null, "test", DateTimeOffset.UtcNow);
            scope.Db.ConsensusRatings.Add(rating);
        }
        await scope.Db.SaveChangesAsync(Ct);
    }

    public static async Task<Assessment> StoredRoundAsync(this PathwayAppFactory factory, TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == round.Id, Ct);
    }

    /// <summary>The principal a request of <paramref name="user"/> would carry.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(this PathwayAppFactory factory, TestUser user)
    {
        await using var identityScope = factory.Services.CreateAsyncScope();
        var services = identityScope.ServiceProvider;
        var account = await services.GetRequiredService<UserManager<PathwayUser>>().FindByIdAsync(user.Id)
            ?? throw new InvalidOperationException($"No account {user.Email}.");
        return await services.GetRequiredService<SignInManager<PathwayUser>>().CreateUserPrincipalAsync(account);
    }

    /// <summary>The path and query of a redirect (Blazor answers with absolute addresses).</summary>
    public static string PathOf(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.PathAndQuery + uri.Fragment : location;
}

/// <summary>The round's workflow: who moves it where, what each move needs, and the reviewer's comments.</summary>
public class WorkflowTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TestUser> ReviewerAsync(string region = "EMR") => factory.CreateUserAsync(Roles.Reviewer, region: region);

    [Fact]
    public async Task Round_goes_from_draft_to_published_through_the_api_with_the_right_people_and_every_move_is_recorded()
    {
        var round = await factory.CreateRoundAsync();
        var reviewer = await ReviewerAsync();
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        using var reviewerApi = await factory.ApiAsync(reviewer);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);

        await facilitator.MoveOkAsync(round, "RatingOpen");
        await factory.RateEverythingAsync(round, round.PublicRespondent, round.PrivateRespondent);
        await facilitator.MoveOkAsync(round, "Consensus");
        await factory.AgreeAsync(round);
        await facilitator.MoveOkAsync(round, "Submitted");
        await reviewerApi.MoveOkAsync(round, "Validated");
        var published = await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile, note: "First release.");

        Assert.Equal(1, published.GetProperty("revision").GetInt32());
        Assert.Equal(["Consensus"], published.GetProperty("permissions").GetProperty("moves").EnumerateArray().Select(m => m.GetString()));
        using var history = await facilitator.GetAsync($"/api/assessments/{round.Id}/transitions", Ct);
        var moves = (await HttpAssert.JsonAsync(history)).EnumerateArray().ToList();
        Assert.Equal(
            ["Draft>RatingOpen", "RatingOpen>Consensus", "Consensus>Submitted", "Submitted>Validated", "Validated>Published"],
            moves.Select(m => $"{m.GetProperty("from").GetString()}>{m.GetProperty("to").GetString()}"));
        Assert.Equal(reviewer.Email, moves[3].GetProperty("actorName").GetString());
        Assert.Equal(round.FocalPoint.Email, moves[4].GetProperty("actorName").GetString());
        await using var scope = factory.OpenSystemDb();
        var changes = await scope.Db.StatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.AssessmentId == round.Id)
            .OrderBy(c => c.At).ToListAsync(Ct);
        Assert.Equal([round.Facilitator.Id, round.Facilitator.Id, round.Facilitator.Id, reviewer.Id, round.FocalPoint.Id], changes.Select(c => c.ActorId));
        Assert.All(changes, c => Assert.Equal(1, c.Revision));
        var audited = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking().CountAsync(e => e.AssessmentId == round.Id, Ct);
        Assert.True(audited > 0, "Moves are audited.");
    }

    [Fact]
    public async Task Transition_out_of_order_is_409_naming_the_current_status_and_the_moves_allowed_from_it()
    {
        var round = await factory.CreateRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);

        using var response = await focalPoint.MoveAsync(round, "Submitted");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("\"Draft\"", detail, StringComparison.Ordinal);
        Assert.Contains("Rating open (RatingOpen)", detail, StringComparison.Ordinal);
        Assert.Equal("Draft", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(["RatingOpen"], problem.GetProperty("current").GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(AssessmentStatus.Draft, (await factory.StoredRoundAsync(round)).Status);
    }

    [Fact]
    public async Task Unknown_status_is_400_listing_the_statuses()
    {
        var round = await factory.CreateRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);

        using var unknown = await focalPoint.MoveAsync(round, "Finished");
        using var number = await focalPoint.MoveAsync(round, "1");

        var problem = await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains("RatingOpen", problem.GetProperty("errors").GetProperty("To")[0].GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(number, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Respondent_cannot_open_consensus()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        using var respondent = await factory.ApiAsync(round.PublicRespondent);
        using var observer = await factory.ApiAsync(round.Observer);

        using var byRespondent = await respondent.MoveAsync(round, "Consensus");
        using var byObserver = await observer.MoveAsync(round, "Consensus");

        await HttpAssert.ProblemAsync(byRespondent, HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(byObserver, HttpStatusCode.Forbidden);
        Assert.Equal(AssessmentStatus.RatingOpen, (await factory.StoredRoundAsync(round)).Status);
    }

    [Fact]
    public async Task Rating_cannot_open_without_a_respondent()
    {
        var round = await factory.CreateRoundAsync();
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.Participants.IgnoreQueryFilters()
                .Where(p => p.AssessmentId == round.Id && p.Role == ParticipantRole.Respondent)
                .ForEachAsync(p => scope.Db.Participants.Remove(p), Ct);
            await scope.Db.SaveChangesAsync(Ct);
        }
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);

        using var response = await focalPoint.MoveAsync(round, "RatingOpen");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("respondent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_with_missing_consensus_names_the_missing_mechanism_codes()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var missing = new[] { round.MechanismCodes[1], round.MechanismCodes[^1] };
        await factory.AgreeAsync(round, round.MechanismCodes.Except(missing));
        using var facilitator = await factory.ApiAsync(round.Facilitator);

        using var response = await facilitator.MoveAsync(round, "Submitted");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"2 still have none: {missing[0]}, {missing[1]}.", detail, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Consensus, (await factory.StoredRoundAsync(round)).Status);
    }

    [Fact]
    public async Task Returning_without_a_comment_is_refused_and_the_round_stays_submitted()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        using var reviewer = await factory.ApiAsync(await ReviewerAsync());

        using var response = await reviewer.MoveAsync(round, "Returned", comment: "   ");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Comment", out _));
        Assert.Equal(AssessmentStatus.Submitted, (await factory.StoredRoundAsync(round)).Status);
    }

    [Fact]
    public async Task Return_with_comments_then_resubmit_shows_the_team_which_mechanisms_to_fix()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        var reviewerUser = await ReviewerAsync();
        using var reviewer = await factory.ApiAsync(reviewerUser);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        var code = round.MechanismCodes[2];

        using (var comment = await reviewer.CommentAsync(round, code.ToLowerInvariant(), "The rationale cites no document."))
        {
            Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        }
        using (var general = await reviewer.CommentAsync(round, null, "Overall consistent."))
        {
            Assert.Equal(HttpStatusCode.Created, general.StatusCode);
        }
        await reviewer.MoveOkAsync(round, "Returned", comment: "Please add sources.");

        using (var listed = await facilitator.GetAsync($"/api/assessments/{round.Id}/review-comments", Ct))
        {
            var comments = (await HttpAssert.JsonAsync(listed)).EnumerateArray().ToList();
            Assert.Equal(2, comments.Count);
            var onMechanism = Assert.Single(comments, c => c.GetProperty("mechanismCode").ValueKind == JsonValueKind.String);
            Assert.Equal(code, onMechanism.GetProperty("mechanismCode").GetString());
            Assert.Equal(1, onMechanism.GetProperty("submission").GetInt32());
            Assert.Equal(reviewerUser.Email, onMechanism.GetProperty("authorName").GetString());
        }
        using var team = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await team.GetAsync($"/assessments/{round.Id}/review", Ct));
        Assert.Contains("The reviewer commented on these mechanisms:", page, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{round.Id}/consensus/{code}", page, StringComparison.Ordinal);
        Assert.Contains("Please add sources.", page, StringComparison.Ordinal);
        Assert.Contains("The rationale cites no document.", page, StringComparison.Ordinal);

        var resubmitted = await facilitator.MoveOkAsync(round, "Submitted");
        Assert.Equal(2, (await factory.StoredRoundAsync(round)).Submissions);
        using (var second = await reviewer.CommentAsync(round, code, "Fixed, thank you."))
        {
            var body = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(2, body.GetProperty("submission").GetInt32());
        }
        Assert.Empty(resubmitted.GetProperty("permissions").GetProperty("moves").EnumerateArray());
        await reviewer.MoveOkAsync(round, "Validated");
    }

    [Fact]
    public async Task Returning_after_commenting_on_a_mechanism_needs_no_further_comment()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        using var reviewer = await factory.ApiAsync(await ReviewerAsync());
        using (var comment = await reviewer.CommentAsync(round, round.MechanismCodes[0], "Level 2 looks generous."))
        {
            Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        }

        await reviewer.MoveOkAsync(round, "Returned");
    }

    [Fact]
    public async Task Review_comments_are_refused_from_the_team_before_submission_and_on_unknown_mechanisms()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        using var reviewer = await factory.ApiAsync(await ReviewerAsync());
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);

        using var byTeam = await focalPoint.CommentAsync(round, null, "Looks good to us.");
        using var unknown = await reviewer.CommentAsync(round, "ZZ.99", "Which one?");
        using var empty = await reviewer.CommentAsync(round, null, " ");

        await HttpAssert.ProblemAsync(byTeam, HttpStatusCode.Forbidden);
        var problem = await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains("ZZ.99", problem.GetProperty("errors").GetProperty("MechanismCode")[0].GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(empty, HttpStatusCode.BadRequest);

        await reviewer.MoveOkAsync(round, "Validated");
        using var late = await reviewer.CommentAsync(round, null, "One more thing.");
        await HttpAssert.ProblemAsync(late, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reviewer_of_another_region_gets_404_everywhere()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        var reviewer = await ReviewerAsync("AFR");
        using var api = await factory.ApiAsync(reviewer);
        using var pages = await factory.CreateSignedInClientAsync(reviewer);

        using var get = await api.GetAsync($"/api/assessments/{round.Id}", Ct);
        using var move = await api.MoveAsync(round, "Validated");
        using var comment = await api.CommentAsync(round, null, "Hello");
        using var history = await api.GetAsync($"/api/assessments/{round.Id}/transitions", Ct);
        using var page = await pages.GetAsync($"/assessments/{round.Id}/review", Ct);

        await HttpAssert.ProblemAsync(get, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(move, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(comment, HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(history, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(AssessmentStatus.Submitted, (await factory.StoredRoundAsync(round)).Status);
    }

    [Fact]
    public async Task Reviewer_cannot_see_a_draft_round_but_sees_it_once_submitted()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        var reviewer = await ReviewerAsync();
        using var api = await factory.ApiAsync(reviewer);
        using var pages = await factory.CreateSignedInClientAsync(reviewer);

        using (var before = await api.GetAsync($"/api/assessments/{round.Id}", Ct))
        {
            await HttpAssert.ProblemAsync(before, HttpStatusCode.NotFound);
        }
        using (var beforePage = await pages.GetAsync($"/assessments/{round.Id}/review", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, beforePage.StatusCode);
        }

        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);

        using var after = await api.GetAsync($"/api/assessments/{round.Id}", Ct);
        Assert.Equal("Submitted", (await HttpAssert.JsonAsync(after)).GetProperty("status").GetString());
        var page = await HttpAssert.HtmlAsync(await pages.GetAsync($"/assessments/{round.Id}/review", Ct));
        Assert.Contains("Check the agreed answers", page, StringComparison.Ordinal);
        Assert.Contains("Agreed in the test workshop.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewer_comments_and_validates_through_the_review_page()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        var reviewer = await ReviewerAsync();
        using var client = await factory.CreateSignedInClientAsync(reviewer);
        var code = round.MechanismCodes[0];
        var url = $"/assessments/{round.Id}/review";

        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        var comment = HtmlForm.Find(page, $"review-{code}").With("CommentInput.Text", "Which law is meant?");
        var location = WorkflowKit.PathOf(await HttpAssert.RedirectAsync(await client.PostAsync(url, comment.ToContent(), Ct)));
        Assert.StartsWith($"{url}?commented=true", location, StringComparison.Ordinal);

        page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        Assert.Contains("Which law is meant?", page, StringComparison.Ordinal);
        var empty = HtmlForm.Find(page, "review-general");
        var refused = await HttpAssert.HtmlAsync(await client.PostAsync(url, empty.ToContent(), Ct));
        Assert.Contains("Write the comment.", refused, StringComparison.Ordinal);

        var validate = HtmlForm.Find(page, "workflow-Validated");
        Assert.Equal(url, WorkflowKit.PathOf(await HttpAssert.RedirectAsync(await client.PostAsync(url, validate.ToContent(), Ct))));
        Assert.Equal(AssessmentStatus.Validated, (await factory.StoredRoundAsync(round)).Status);

        var late = await HttpAssert.HtmlAsync(await client.PostAsync(url, comment.ToContent(), Ct));
        Assert.Contains("Comments are taken while the round is submitted for review; it is now &quot;Validated&quot;.", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_through_the_page_without_a_comment_shows_the_message_and_with_one_returns()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        using var client = await factory.CreateSignedInClientAsync(await ReviewerAsync());
        var url = $"/assessments/{round.Id}/review";
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));

        var refused = await HttpAssert.HtmlAsync(await client.PostAsync(url, HtmlForm.Find(page, "workflow-Returned").ToContent(), Ct));
        Assert.Contains("Say why the round goes back", refused, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Submitted, (await factory.StoredRoundAsync(round)).Status);

        var form = HtmlForm.Find(page, "workflow-Returned").With("MoveInput.Comment", "Sources are missing for most mechanisms.");
        Assert.Equal(url, WorkflowKit.PathOf(await HttpAssert.RedirectAsync(await client.PostAsync(url, form.ToContent(), Ct))));
        Assert.Equal(AssessmentStatus.Returned, (await factory.StoredRoundAsync(round)).Status);
    }

    [Fact]
    public async Task A_stale_workflow_form_is_refused_with_the_status_the_round_has_now()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        using var client = await factory.CreateSignedInClientAsync(await ReviewerAsync());
        var url = $"/assessments/{round.Id}/review";
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        var validate = HtmlForm.Find(page, "workflow-Validated");
        await HttpAssert.RedirectAsync(await client.PostAsync(url, validate.ToContent(), Ct));

        var again = await HttpAssert.HtmlAsync(await client.PostAsync(url, validate.ToContent(), Ct));

        Assert.Equal(AssessmentStatus.Validated, (await factory.StoredRoundAsync(round)).Status);
        Assert.Contains("The round moved meanwhile", again, StringComparison.Ordinal);
        Assert.Contains("it is now &quot;Validated&quot;", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_from_a_round_read_before_someone_else_moved_it_is_a_conflict()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round);
        var principal = await factory.PrincipalAsync(round.Facilitator);
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().ActAs(principal);
        var seen = await services.GetRequiredService<RoundDirectory>().OpenAsync(round.Id, Ct);

        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        var moved = await services.GetRequiredService<RoundTransitions>().MoveAsync(seen.Value!, AssessmentStatus.Submitted, null, cancellationToken: Ct);

        Assert.False(moved.Succeeded);
        Assert.Equal(FailureKind.Conflict, moved.Failure!.Kind);
        Assert.Contains("it is now \"Submitted for review\"", moved.Failure.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await factory.StoredRoundAsync(round)).Submissions);
    }

    [Fact]
    public async Task Published_round_refuses_consensus_edits_and_a_correction_needs_a_reason()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);

        using var edit = await facilitator.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{round.MechanismCodes[0]}",
            new { state = "Rated", level = 4, rationale = "Changed after publication.", confidence = "High", method = "Consensus", version = 1 }, Ct);
        using var byFacilitator = await facilitator.MoveAsync(round, "Consensus", comment: "A typo.");
        using var noReason = await focalPoint.MoveAsync(round, "Consensus");

        var problem = await HttpAssert.ProblemAsync(edit, HttpStatusCode.Forbidden);
        Assert.Contains("read-only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(byFacilitator, HttpStatusCode.Forbidden);
        var reason = await HttpAssert.ProblemAsync(noReason, HttpStatusCode.BadRequest);
        Assert.True(reason.GetProperty("errors").TryGetProperty("Comment", out _));
        var stored = await factory.StoredRoundAsync(round);
        Assert.Equal((AssessmentStatus.Published, 1), (stored.Status, stored.Revision));
    }
}

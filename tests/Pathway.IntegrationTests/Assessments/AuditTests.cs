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

/// <summary>The audit trail: every change recorded with who, when and before → after, readable by the team and reviewers only, never editable.</summary>
public class AuditTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetApiAsync(TestUser user, string url)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return await client.GetAsync(url, Ct);
    }

    private async Task<JsonElement> AuditAsync(TestRound round, TestUser? user = null, string query = "")
    {
        using var response = await GetApiAsync(user ?? round.FocalPoint, $"/api/assessments/{round.Id}/audit{query}");
        return await HttpAssert.JsonAsync(response);
    }

    private async Task<HttpResponseMessage> GetPageAsync(TestUser user, string url)
    {
        using var client = await factory.CreateSignedInClientAsync(user);
        return await client.GetAsync(url, Ct);
    }

    /// <summary>Records an agreed level through the consensus API, as the facilitator.</summary>
    private async Task PutConsensusAsync(TestRound round, string code, int level, int version)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(round.Facilitator));
        using var response = await client.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}", new
        {
            state = "Rated",
            level,
            rationale = $"Agreed level {level} after the workshop discussion.",
            confidence = "Medium",
            method = "Consensus",
            version,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"Recording consensus failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task A_consensus_save_is_recorded_with_before_and_after_values_and_the_actors_name()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await PutConsensusAsync(round, "AS.1", 2, version: 0);
        await PutConsensusAsync(round, "AS.1", 3, version: 1);

        var audit = await AuditAsync(round, query: "?entity=ConsensusRating");

        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var latest = entries[0];
        Assert.Equal(("ConsensusRating", "AS.1", "Changed"), (latest.GetProperty("entity").GetString(),
            latest.GetProperty("label").GetString(), latest.GetProperty("action").GetString()));
        Assert.Equal(round.Facilitator.Email, latest.GetProperty("actorName").GetString());
        Assert.Equal(round.Facilitator.Id, latest.GetProperty("actorId").GetString());
        var level = latest.GetProperty("changes").EnumerateArray().Single(change => change.GetProperty("field").GetString() == "Level");
        Assert.Equal(("2", "3"), (level.GetProperty("before").GetString(), level.GetProperty("after").GetString()));
        Assert.Equal("Added", entries[1].GetProperty("action").GetString());
        Assert.True(latest.GetProperty("at").GetDateTimeOffset() >= entries[1].GetProperty("at").GetDateTimeOffset());

        using var page = await GetPageAsync(round.Facilitator, $"/assessments/{round.Id}/audit");
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(page));
        Assert.Contains($"<bdi>{round.Facilitator.Email}</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("Agreed answer: <bdi>AS.1 ", html, StringComparison.Ordinal);
        Assert.Matches(@"<span class=""audit-field"">Level</span>:\s*<bdi class=""audit-value"">2</bdi>\s*<span class=""audit-arrow"" aria-hidden=""true"">→</span><span class=""visually-hidden"">changed to</span>\s*<bdi class=""audit-value"">3</bdi>", html);
        Assert.Matches(@"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC", html);
    }

    [Fact]
    public async Task In_Arabic_the_audit_page_is_right_to_left_and_its_arrow_points_left()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(2)));
        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(3)));

        using var page = await GetPageAsync(round.FocalPoint, $"/assessments/{round.Id}/audit?culture=ar");
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(page));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("سجل التدقيق", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"audit-arrow\" aria-hidden=\"true\">←</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_values_are_cut_with_the_full_text_in_a_details_element()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(2)));
        var rationale = string.Join(' ', Enumerable.Repeat("The ministry and the private providers agreed after a long discussion.", 5));
        await factory.AgreeAsync(round, rationale, ("AS.1", MechanismAnswer.Rated(2)));

        using var page = await GetPageAsync(round.Facilitator, $"/assessments/{round.Id}/audit");
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(page));

        Assert.Contains("<details class=\"audit-full\"><summary>Full text</summary>", html, StringComparison.Ordinal);
        Assert.Contains($"<bdi>{rationale}</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("…</bdi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_respondent_is_refused_the_audit_trail()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);

        using var api = await GetApiAsync(round.PublicRespondent, $"/api/assessments/{round.Id}/audit");
        await HttpAssert.ProblemAsync(api, HttpStatusCode.Forbidden);
        using var page = await GetPageAsync(round.PublicRespondent, $"/assessments/{round.Id}/audit");
        var html = await HttpAssert.HtmlAsync(page, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("audit-table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_country_does_not_learn_that_the_round_exists()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(2)));
        var outsider = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");

        using var api = await GetApiAsync(outsider, $"/api/assessments/{round.Id}/audit");
        await HttpAssert.ProblemAsync(api, HttpStatusCode.NotFound);
        using var page = await GetPageAsync(outsider, $"/assessments/{round.Id}/audit");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("AS.1", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_of_the_region_reads_the_trail_once_the_round_is_submitted()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Submitted);
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");

        var audit = await AuditAsync(round, reviewer, "?entity=ConsensusRating&pageSize=5");

        Assert.Equal(5, audit.GetProperty("entries").GetArrayLength());
        Assert.Equal(round.MechanismCodes.Count, audit.GetProperty("total").GetInt32());
        Assert.Equal((round.MechanismCodes.Count + 4) / 5, audit.GetProperty("pageCount").GetInt32());
    }

    [Fact]
    public async Task The_trail_is_paged_newest_first()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        // Every mechanism agreed, then every one corrected: 2 × 28 entries, over two pages of 50.
        await factory.AgreeAsync(round, [.. round.MechanismCodes.Select(code => (code, MechanismAnswer.Rated(2)))]);
        await factory.AgreeAsync(round, [.. round.MechanismCodes.Select(code => (code, MechanismAnswer.Rated(3)))]);

        var first = await AuditAsync(round, query: "?entity=ConsensusRating");
        var second = await AuditAsync(round, query: "?entity=ConsensusRating&page=2");

        Assert.Equal(2 * round.MechanismCodes.Count, first.GetProperty("total").GetInt32());
        Assert.Equal(50, first.GetProperty("entries").GetArrayLength());
        Assert.Equal(2 * round.MechanismCodes.Count - 50, second.GetProperty("entries").GetArrayLength());
        Assert.All(first.GetProperty("entries").EnumerateArray().Take(round.MechanismCodes.Count),
            entry => Assert.Equal("Changed", entry.GetProperty("action").GetString()));
        Assert.All(second.GetProperty("entries").EnumerateArray(), entry => Assert.Equal("Added", entry.GetProperty("action").GetString()));

        using var page = await GetPageAsync(round.Facilitator, $"/assessments/{round.Id}/audit?entity=ConsensusRating");
        var html = await HttpAssert.HtmlAsync(page);
        Assert.Contains("Page 1 of 2", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/audit?page=2&amp;entity=ConsensusRating\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_paging_or_an_unknown_kind_of_record_is_a_validation_problem()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);

        using var page = await GetApiAsync(round.FocalPoint, $"/api/assessments/{round.Id}/audit?page=0&pageSize=1000&entity=Secrets");
        var problem = await HttpAssert.ProblemAsync(page, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("page", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.Contains("ConsensusRating", errors.GetProperty("entity")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_entry_can_be_neither_changed_nor_deleted()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Consensus);
        await factory.AgreeAsync(round, ("AS.1", MechanismAnswer.Rated(2)));

        await using (var scope = factory.OpenSystemDb())
        {
            var entry = await scope.Db.AuditEntries.IgnoreQueryFilters().FirstAsync(a => a.AssessmentId == round.Id && a.Entity == "ConsensusRating", Ct);
            scope.Db.Entry(entry).Property(a => a.ActorName).CurrentValue = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct));
        }
        await using (var scope = factory.OpenSystemDb())
        {
            var entry = await scope.Db.AuditEntries.IgnoreQueryFilters().FirstAsync(a => a.AssessmentId == round.Id && a.Entity == "ConsensusRating", Ct);
            scope.Db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct));
        }

        var audit = await AuditAsync(round, query: "?entity=ConsensusRating");
        var only = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.Equal("AS.1", only.GetProperty("label").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>The country context of a round: saving, refusing bad values, suggestions from the previous round, the page and who may do what.</summary>
public class ContextTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(
        bool isFragile = true, string? incomeGroup = "LowerMiddle", decimal? share = 55m, string? source = "National health accounts",
        int? year = 2022, string? governance = "Federal", string[]? flagships = null) => new
        {
            isFragile,
            incomeGroup,
            privateSharePercent = share,
            privateShareSource = source,
            privateShareYear = year,
            governance,
            flagshipAreas = flagships ?? ["HealthWorkforce", "QualityOfCare"],
        };

    private static string Url(TestRound round) => $"/api/assessments/{round.Id}/context";

    [Fact]
    public async Task Focal_point_saves_the_context_and_reads_it_back_with_the_notes_that_apply()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var api = await factory.ApiAsync(round.FocalPoint);

        using var put = await api.PutAsJsonAsync(Url(round), Body(), Ct);
        var saved = await HttpAssert.JsonAsync(put);
        using var get = await api.GetAsync(Url(round), Ct);
        var read = await HttpAssert.JsonAsync(get);

        Assert.True(saved.GetProperty("saved").GetBoolean());
        Assert.Equal(saved.GetRawText(), read.GetRawText());
        Assert.Equal("LowerMiddle", read.GetProperty("incomeGroup").GetString());
        Assert.Equal(55m, read.GetProperty("privateSharePercent").GetDecimal());
        Assert.Equal("Federal", read.GetProperty("governance").GetString());
        Assert.Equal(["HealthWorkforce", "QualityOfCare"], read.GetProperty("flagshipAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["Fragile", "LargePrivateShare", "Workforce", "Federal", "LowIncome"],
            read.GetProperty("activeContexts").EnumerateArray().Select(c => c.GetString()));
        var stored = await factory.StoredContextAsync(round);
        Assert.NotNull(stored);
        Assert.Equal(2022, stored.PrivateShareYear);
        Assert.Equal("EGY", stored.CountryIso3);

        using var again = await api.PutAsJsonAsync(Url(round), Body(isFragile: false, share: null, source: null, year: null, governance: "Unitary", flagships: []), Ct);
        var changed = await HttpAssert.JsonAsync(again);
        Assert.Equal(["LowIncome"], changed.GetProperty("activeContexts").EnumerateArray().Select(c => c.GetString()));
        Assert.Null((await factory.StoredContextAsync(round))!.PrivateShareSource);
    }

    [Fact]
    public async Task Bad_values_are_refused_field_by_field_and_nothing_is_saved()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var api = await factory.ApiAsync(round.Facilitator);

        using var response = await api.PutAsJsonAsync(Url(round),
            Body(incomeGroup: "Middle", share: 120m, source: new string('s', 301), year: 1985, governance: "Confederal",
                flagships: ["SupplyChain", "SupplyChain"]), Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["FlagshipAreas", "Governance", "IncomeGroup", "PrivateSharePercent", "PrivateShareSource", "PrivateShareYear"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("between 1990 and", errors.GetProperty("PrivateShareYear")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("0 to 100", errors.GetProperty("PrivateSharePercent")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await factory.StoredContextAsync(round));

        using var noSource = await api.PutAsJsonAsync(Url(round), Body(source: "  "), Ct);
        var missing = await HttpAssert.ProblemAsync(noSource, HttpStatusCode.BadRequest);
        Assert.Contains("Say where the private share comes from", missing.GetProperty("errors").GetProperty("PrivateShareSource")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await factory.StoredContextAsync(round));
    }

    [Fact]
    public async Task A_later_round_is_offered_the_context_of_the_countrys_previous_round_until_it_saves_its_own()
    {
        var first = await factory.CreateRoundAsync("JOR", AssessmentStatus.Validated);
        using (var api = await factory.ApiAsync(first.FocalPoint))
        {
            using var saved = await api.PutAsJsonAsync(Url(first), Body(governance: "Unitary", flagships: ["Emergencies"]), Ct);
            await HttpAssert.JsonAsync(saved);
        }
        var second = await factory.CreateRoundAsync("JOR", AssessmentStatus.Validated);
        using var next = await factory.ApiAsync(second.FocalPoint);

        using var offered = await next.GetAsync(Url(second), Ct);
        var suggestion = await HttpAssert.JsonAsync(offered);

        Assert.False(suggestion.GetProperty("saved").GetBoolean());
        Assert.Equal(first.Id, suggestion.GetProperty("suggestedFromRoundId").GetGuid());
        Assert.Equal("LowerMiddle", suggestion.GetProperty("incomeGroup").GetString());
        Assert.Equal(["Emergencies"], suggestion.GetProperty("flagshipAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Null(await factory.StoredContextAsync(second));

        var page = await HttpAssert.HtmlAsync(await (await factory.CreateSignedInClientAsync(second.FocalPoint)).GetAsync($"/assessments/{second.Id}/context", Ct));
        Assert.Contains("copied from the country's earlier round", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("Emergencies", HtmlForm.Find(page, "context").Fields["FlagshipAreas"]);

        using var own = await next.PutAsJsonAsync(Url(second), Body(isFragile: false, incomeGroup: "UpperMiddle", flagships: []), Ct);
        await HttpAssert.JsonAsync(own);
        var mine = await HttpAssert.JsonAsync(await next.GetAsync(Url(second), Ct));
        Assert.True(mine.GetProperty("saved").GetBoolean());
        Assert.Equal("UpperMiddle", mine.GetProperty("incomeGroup").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("suggestedFromRoundId").ValueKind);
    }

    [Fact]
    public async Task A_round_without_an_earlier_context_starts_empty()
    {
        var round = await factory.CreateRoundAsync("TUN", AssessmentStatus.Validated);
        using var api = await factory.ApiAsync(round.FocalPoint);

        var empty = await HttpAssert.JsonAsync(await api.GetAsync(Url(round), Ct));

        Assert.False(empty.GetProperty("saved").GetBoolean());
        Assert.False(empty.GetProperty("isFragile").GetBoolean());
        Assert.Equal("Unitary", empty.GetProperty("governance").GetString());
        Assert.Empty(empty.GetProperty("activeContexts").EnumerateArray());
    }

    [Fact]
    public async Task Page_saves_a_share_written_the_French_way_and_lists_the_notes_that_apply()
    {
        var round = await factory.CreateRoundAsync("MAR", AssessmentStatus.Validated);
        var url = $"/assessments/{round.Id}/context";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=fr", Ct));

        var form = HtmlForm.Find(page, "context")
            .Fill("income", "Low")
            .Fill("share", "62,5")
            .Fill("source", "Enquête nationale 2021")
            .Fill("year", "2021");
        var fields = form.Fields.ToDictionary();
        fields[form.NameOf("fragile-yes")] = "true";
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal($"{url}?saved=true", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        var stored = await factory.StoredContextAsync(round);
        Assert.NotNull(stored);
        Assert.Equal(62.5m, stored.PrivateSharePercent);
        Assert.True(stored.IsFragile);
        Assert.Equal(IncomeGroup.Low, stored.IncomeGroup);
        var saved = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?saved=true", Ct)));
        Assert.Contains("Le contexte est enregistré.", saved, StringComparison.Ordinal);
        Assert.Contains("value=\"62,5\"", saved, StringComparison.Ordinal);
        Assert.Contains("data-context=\"Fragile\"", saved, StringComparison.Ordinal);
        Assert.Contains("data-context=\"LargePrivateShare\"", saved, StringComparison.Ordinal);
        Assert.Contains("data-context=\"LowIncome\"", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("data-context=\"Federal\"", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_shows_what_was_typed_with_the_error_beside_it_and_saves_nothing()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var url = $"/assessments/{round.Id}/context";
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=en", Ct));

        var form = HtmlForm.Find(page, "context").Fill("share", "about half").Fill("source", "A guess");
        using var response = await client.PostAsync(url, form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("value=\"about half\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"A guess\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"e-PrivateSharePercent\"", html, StringComparison.Ordinal);
        Assert.Contains(HttpAssert.ValidationMessages(html), message => message.Contains("is not a number", StringComparison.Ordinal));
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Null(await factory.StoredContextAsync(round));
    }

    [Fact]
    public async Task Context_page_is_read_only_outside_the_team_and_says_when_planning_is_not_open()
    {
        var validated = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var respondent = await factory.CreateSignedInClientAsync(validated.PublicRespondent);
        var readOnly = await HttpAssert.HtmlAsync(await respondent.GetAsync($"/assessments/{validated.Id}/context?culture=en", Ct));
        Assert.Contains("<fieldset disabled", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Save the context", readOnly, StringComparison.Ordinal);
        Assert.Contains("Only the country's focal point and the round's facilitators", WebUtility.HtmlDecode(readOnly), StringComparison.Ordinal);

        var draft = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        using var focal = await factory.CreateSignedInClientAsync(draft.FocalPoint);
        var closed = await HttpAssert.HtmlAsync(await focal.GetAsync($"/assessments/{draft.Id}/context?culture=en", Ct));
        Assert.Contains("Decision support opens once the round is validated.", closed, StringComparison.Ordinal);
        Assert.Contains("<fieldset disabled", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_other_countries_see_nothing_respondents_cannot_write_reviewers_read_and_drafts_refuse_writes()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var otherFocalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");

        using (var other = await factory.ApiAsync(otherFocalPoint))
        {
            await HttpAssert.ProblemAsync(await other.GetAsync(Url(round), Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await other.PutAsJsonAsync(Url(round), Body(), Ct), HttpStatusCode.NotFound);
        }
        using (var respondent = await factory.ApiAsync(round.PublicRespondent))
        {
            await HttpAssert.JsonAsync(await respondent.GetAsync(Url(round), Ct));
            await HttpAssert.ProblemAsync(await respondent.PutAsJsonAsync(Url(round), Body(), Ct), HttpStatusCode.Forbidden);
        }
        using (var review = await factory.ApiAsync(reviewer))
        {
            await HttpAssert.JsonAsync(await review.GetAsync(Url(round), Ct));
            await HttpAssert.ProblemAsync(await review.PutAsJsonAsync(Url(round), Body(), Ct), HttpStatusCode.Forbidden);
        }
        var draft = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        using (var focal = await factory.ApiAsync(draft.FocalPoint))
        {
            await HttpAssert.ProblemAsync(await focal.PutAsJsonAsync(Url(draft), Body(), Ct), HttpStatusCode.BadRequest);
        }
        using var page = await factory.CreateSignedInClientAsync(otherFocalPoint);
        using var hidden = await page.GetAsync($"/assessments/{round.Id}/context", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Null(await factory.StoredContextAsync(round));
        Assert.Null(await factory.StoredContextAsync(draft));
    }

    [Fact]
    public async Task Context_page_renders_in_Arabic_right_to_left()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/context?culture=ar", Ct)));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("سياق البلد", html, StringComparison.Ordinal);
        Assert.Contains("حفظ السياق", html, StringComparison.Ordinal);
    }
}

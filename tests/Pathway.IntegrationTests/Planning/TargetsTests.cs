using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Planning;

/// <summary>Targets: defaults for both horizons, saving some or all, refusals with nothing half-saved, the page and access.</summary>
public class TargetsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(TestRound round) => $"/api/assessments/{round.Id}/targets";

    /// <summary>A validated round with one mechanism at each of levels 1, 3 and 4, one without information and one not applicable (the rest at 2).</summary>
    private async Task<TestRound> MixedRoundAsync(string country = "EGY")
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.Validated);
        var codes = round.MechanismCodes;
        await factory.SetAgreedAsync(round, new Dictionary<string, MechanismAnswer>
        {
            [codes[0]] = MechanismAnswer.Rated(1),
            [codes[1]] = MechanismAnswer.Rated(3),
            [codes[2]] = MechanismAnswer.Rated(4),
            [codes[3]] = MechanismAnswer.InsufficientInformation,
            [codes[4]] = MechanismAnswer.NotApplicable,
        });
        return round;
    }

    private static JsonElement Row(JsonElement sheet, string code) =>
        Assert.Single(sheet.GetProperty("targets").EnumerateArray(), row => row.GetProperty("mechanism").GetString() == code);

    private static int? TargetOf(JsonElement sheet, string code) =>
        Row(sheet, code).GetProperty("targetLevel") is { ValueKind: JsonValueKind.Number } level ? level.GetInt32() : null;

    [Fact]
    public async Task Unsaved_targets_are_the_one_year_defaults_in_framework_order()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        using var api = await factory.ApiAsync(round.FocalPoint);

        var sheet = await HttpAssert.JsonAsync(await api.GetAsync(Url(round), Ct));

        Assert.Equal("OneYear", sheet.GetProperty("horizon").GetString());
        Assert.Equal(codes, sheet.GetProperty("targets").EnumerateArray().Select(r => r.GetProperty("mechanism").GetString()));
        Assert.Equal(2, TargetOf(sheet, codes[0]));
        Assert.Equal(4, TargetOf(sheet, codes[1]));
        Assert.Equal(4, TargetOf(sheet, codes[2]));
        Assert.Null(TargetOf(sheet, codes[3]));
        Assert.Null(TargetOf(sheet, codes[4]));
        Assert.Equal(3, TargetOf(sheet, codes[5]));
        Assert.Equal("BuildEvidence", Row(sheet, codes[3]).GetProperty("kind").GetString());
        Assert.Equal("None", Row(sheet, codes[4]).GetProperty("kind").GetString());
        Assert.Equal([3, 4], Row(sheet, codes[1]).GetProperty("allowedTargets").EnumerateArray().Select(l => l.GetInt32()));
        Assert.All(sheet.GetProperty("targets").EnumerateArray(), row =>
        {
            Assert.Equal(12, row.GetProperty("horizonMonths").GetInt32());
            Assert.False(row.GetProperty("saved").GetBoolean());
            Assert.True(row.GetProperty("matchesDefault").GetBoolean());
            Assert.Equal(3, row.GetProperty("impact").GetInt32());
        });
        Assert.Empty(await factory.StoredTargetsAsync(round));
    }

    [Fact]
    public async Task Five_year_defaults_set_the_plan_horizon_and_a_target_for_every_mechanism_keeping_the_scores()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        using var api = await factory.ApiAsync(round.Facilitator);
        using (var scored = await api.PutAsJsonAsync(Url(round), new[] { new { mechanism = codes[5], targetLevel = 2, horizonMonths = 6, impact = 5, feasibility = 1, note = "Hard but vital." } }, Ct))
        {
            await HttpAssert.JsonAsync(scored);
        }

        using var response = await api.PostAsJsonAsync($"{Url(round)}/defaults", new { horizon = "FiveYear" }, Ct);

        var sheet = await HttpAssert.JsonAsync(response);
        Assert.Equal("FiveYear", sheet.GetProperty("horizon").GetString());
        Assert.Equal(3, TargetOf(sheet, codes[0]));
        Assert.Equal(4, TargetOf(sheet, codes[1]));
        Assert.Equal(4, TargetOf(sheet, codes[2]));
        Assert.Equal(3, TargetOf(sheet, codes[5]));
        Assert.All(sheet.GetProperty("targets").EnumerateArray(), row =>
        {
            Assert.Equal(60, row.GetProperty("horizonMonths").GetInt32());
            Assert.True(row.GetProperty("saved").GetBoolean());
            Assert.True(row.GetProperty("matchesDefault").GetBoolean());
        });
        var stored = await factory.StoredTargetsAsync(round);
        Assert.Equal(codes.Count, stored.Count);
        var kept = Assert.Single(stored, t => t.MechanismCode == codes[5]);
        Assert.Equal((5, 1, "Hard but vital."), (kept.Impact, kept.Feasibility, kept.Note));
        Assert.Null(Assert.Single(stored, t => t.MechanismCode == codes[3]).TargetLevel);
        Assert.Equal(PlanHorizon.FiveYear, (await factory.StoredPlanAsync(round))!.Horizon);

        using var oneYear = await api.PostAsJsonAsync($"{Url(round)}/defaults", new { horizon = "OneYear" }, Ct);
        var back = await HttpAssert.JsonAsync(oneYear);
        Assert.Equal(2, TargetOf(back, codes[0]));
        Assert.Equal(12, Row(back, codes[0]).GetProperty("horizonMonths").GetInt32());
        Assert.Equal(PlanHorizon.OneYear, (await factory.StoredPlanAsync(round))!.Horizon);
    }

    [Fact]
    public async Task Saving_some_targets_keeps_the_others_on_their_defaults()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        using var api = await factory.ApiAsync(round.FocalPoint);

        using var response = await api.PutAsJsonAsync(Url(round), new object[]
        {
            new { mechanism = codes[0], targetLevel = 3, horizonMonths = 24 },
            new { mechanism = codes[2].ToLowerInvariant(), targetLevel = 4, horizonMonths = 120, impact = 2, feasibility = 5 },
            new { mechanism = codes[3], horizonMonths = 9 },
        }, Ct);

        var sheet = await HttpAssert.JsonAsync(response);
        Assert.Equal(3, TargetOf(sheet, codes[0]));
        Assert.Equal(24, Row(sheet, codes[0]).GetProperty("horizonMonths").GetInt32());
        Assert.False(Row(sheet, codes[0]).GetProperty("matchesDefault").GetBoolean());
        Assert.Equal(2, Row(sheet, codes[2]).GetProperty("impact").GetInt32());
        Assert.Equal(9, Row(sheet, codes[3]).GetProperty("horizonMonths").GetInt32());
        Assert.False(Row(sheet, codes[5]).GetProperty("saved").GetBoolean());
        Assert.Equal([codes[0], codes[2], codes[3]], (await factory.StoredTargetsAsync(round)).Select(t => t.MechanismCode).Order(StringComparer.Ordinal));
        Assert.Null(await factory.StoredPlanAsync(round));
    }

    [Fact]
    public async Task A_batch_with_one_bad_row_writes_nothing_and_every_refusal_names_its_mechanism()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        using var api = await factory.ApiAsync(round.FocalPoint);

        using var response = await api.PutAsJsonAsync(Url(round), new object[]
        {
            new { mechanism = codes[0], targetLevel = 3, horizonMonths = 12 },
            new { mechanism = codes[1], targetLevel = 2, horizonMonths = 12 },
            new { mechanism = codes[2], targetLevel = 5, horizonMonths = 12 },
            new { mechanism = codes[3], targetLevel = 2, horizonMonths = 12 },
            new { mechanism = codes[4], targetLevel = 2, horizonMonths = 12 },
            new { mechanism = codes[5], targetLevel = 0, horizonMonths = 121, impact = 6, feasibility = 0 },
            new { mechanism = "ZZ.9", targetLevel = 3, horizonMonths = 12 },
            new { mechanism = codes[6], horizonMonths = 12 },
            new { mechanism = codes[0], targetLevel = 4, horizonMonths = 12 },
        }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
        string Error(string code, string field) => errors[$"Targets[{code}].{field}"];
        Assert.Contains("below the agreed level 3 (Established)", Error(codes[1], "TargetLevel"), StringComparison.Ordinal);
        Assert.Contains("from 1 to 4", Error(codes[2], "TargetLevel"), StringComparison.Ordinal);
        Assert.Contains("build the evidence first", Error(codes[3], "TargetLevel"), StringComparison.Ordinal);
        Assert.Contains("not applicable", Error(codes[4], "TargetLevel"), StringComparison.Ordinal);
        Assert.Contains("from 1 to 4", Error(codes[5], "TargetLevel"), StringComparison.Ordinal);
        Assert.Contains("from 1 to 120", Error(codes[5], "HorizonMonths"), StringComparison.Ordinal);
        Assert.Contains("impact is scored from 1 to 5", Error(codes[5], "Impact"), StringComparison.Ordinal);
        Assert.Contains("feasibility is scored from 1 to 5", Error(codes[5], "Feasibility"), StringComparison.Ordinal);
        Assert.Contains("\"ZZ.9\" is not a mechanism", Error("ZZ.9", "Mechanism"), StringComparison.Ordinal);
        Assert.Contains("choose a target level", Error(codes[6], "TargetLevel"), StringComparison.Ordinal);
        Assert.Contains("listed twice", Error(codes[0], "Mechanism"), StringComparison.Ordinal);
        Assert.All(errors.Where(e => !e.Key.Contains("ZZ.9", StringComparison.Ordinal)),
            error => Assert.Contains(error.Key[8..error.Key.IndexOf(']', StringComparison.Ordinal)], error.Value, StringComparison.Ordinal));
        Assert.Empty(await factory.StoredTargetsAsync(round));

        using var oneBad = await api.PutAsJsonAsync(Url(round), new object[]
        {
            new { mechanism = codes[0], targetLevel = 3, horizonMonths = 12 },
            new { mechanism = codes[5], targetLevel = 3, horizonMonths = 12 },
            new { mechanism = codes[1], targetLevel = 1, horizonMonths = 12 },
        }, Ct);
        var single = await HttpAssert.ProblemAsync(oneBad, HttpStatusCode.BadRequest);
        Assert.Single(single.GetProperty("errors").EnumerateObject());
        Assert.Empty(await factory.StoredTargetsAsync(round));
    }

    [Fact]
    public async Task An_unknown_horizon_is_refused()
    {
        var round = await MixedRoundAsync();
        using var api = await factory.ApiAsync(round.FocalPoint);

        using var response = await api.PostAsJsonAsync($"{Url(round)}/defaults", new { horizon = "TenYear" }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("OneYear, FiveYear", problem.GetProperty("errors").GetProperty("Horizon")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await factory.StoredPlanAsync(round));
    }

    [Fact]
    public async Task Page_shows_a_table_per_behaviour_and_saves_the_whole_table()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        var url = $"/assessments/{round.Id}/targets";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=en", Ct));

        Assert.Equal(codes, TargetTestHelpers.RowCodes(page));
        Assert.Contains($"href=\"/assessments/{round.Id}/plan/recommendations/{codes[3]}\">Build the evidence first", page, StringComparison.Ordinal);
        Assert.Contains("Not applicable: no target.", page, StringComparison.Ordinal);
        Assert.Contains("Five-year plan: Established, or Advanced where Established is already reached", page, StringComparison.Ordinal);
        var form = HtmlForm.Find(page, "targets");
        Assert.DoesNotContain($"Targets[{codes[3]}].TargetLevel", form.Fields.Keys);
        Assert.DoesNotContain($"Targets[{codes[4]}].TargetLevel", form.Fields.Keys);
        Assert.Equal("2", form.Fields[$"Targets[{codes[0]}].TargetLevel"]);

        form.Fill($"target-{codes[0]}", "4").Fill($"horizon-{codes[0]}", "18");
        using var response = await client.PostAsync(url, form.ToContent(), Ct);

        Assert.Equal($"{url}?saved=targets", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        var stored = await factory.StoredTargetsAsync(round);
        var changed = Assert.Single(stored, t => t.MechanismCode == codes[0]);
        Assert.Equal((4, 18), (changed.TargetLevel, changed.HorizonMonths));
        Assert.Equal(codes.Count - 2, stored.Count);
        var saved = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?saved=targets", Ct));
        Assert.Contains("The targets are saved.", saved, StringComparison.Ordinal);
        Assert.Equal("4", HtmlForm.Find(saved, "targets").Fields[$"Targets[{codes[0]}].TargetLevel"]);
    }

    [Fact]
    public async Task Page_refusal_keeps_what_was_entered_beside_the_error_and_saves_nothing()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        var url = $"/assessments/{round.Id}/targets";
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=en", Ct));

        var form = HtmlForm.Find(page, "targets").Fill($"target-{codes[0]}", "3").Fill($"horizon-{codes[5]}", "200");
        using var response = await client.PostAsync(url, form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("value=\"200\"", html, StringComparison.Ordinal);
        Assert.Equal("3", HtmlForm.Find(html, "targets").Fields[$"Targets[{codes[0]}].TargetLevel"]);
        Assert.Contains(HttpAssert.ValidationMessages(html), message => message.StartsWith($"{codes[5]}: the horizon", StringComparison.Ordinal));
        Assert.Empty(await factory.StoredTargetsAsync(round));
    }

    [Fact]
    public async Task Page_buttons_take_the_defaults_of_a_horizon()
    {
        var round = await MixedRoundAsync();
        var codes = round.MechanismCodes;
        var url = $"/assessments/{round.Id}/targets";
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?culture=en", Ct));

        var fields = HtmlForm.Find(page, "target-defaults").Fields.ToDictionary();
        fields["horizon"] = "FiveYear";
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal($"{url}?saved=FiveYear", new Uri(await HttpAssert.RedirectAsync(response)).PathAndQuery);
        Assert.Equal(3, (await factory.StoredTargetsAsync(round)).Single(t => t.MechanismCode == codes[0]).TargetLevel);
        var after = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?saved=FiveYear", Ct));
        Assert.Contains("Defaults applied (Five-year plan)", after, StringComparison.Ordinal);
        Assert.Contains("Current horizon: Five-year plan.", after, StringComparison.Ordinal);
        Assert.Equal("60", HtmlForm.Find(after, "targets").Fields[$"Targets[{codes[0]}].HorizonMonths"]);
    }

    [Fact]
    public async Task Access_other_countries_see_nothing_respondents_cannot_write_reviewers_read_and_drafts_are_closed()
    {
        var round = await MixedRoundAsync();
        var body = new[] { new { mechanism = round.MechanismCodes[0], targetLevel = 3, horizonMonths = 12 } };
        var otherFocalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");

        using (var other = await factory.ApiAsync(otherFocalPoint))
        {
            await HttpAssert.ProblemAsync(await other.GetAsync(Url(round), Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await other.PutAsJsonAsync(Url(round), body, Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await other.PostAsJsonAsync($"{Url(round)}/defaults", new { horizon = "OneYear" }, Ct), HttpStatusCode.NotFound);
        }
        using (var respondent = await factory.ApiAsync(round.PublicRespondent))
        {
            await HttpAssert.JsonAsync(await respondent.GetAsync(Url(round), Ct));
            await HttpAssert.ProblemAsync(await respondent.PutAsJsonAsync(Url(round), body, Ct), HttpStatusCode.Forbidden);
            await HttpAssert.ProblemAsync(await respondent.PostAsJsonAsync($"{Url(round)}/defaults", new { horizon = "OneYear" }, Ct), HttpStatusCode.Forbidden);
        }
        using (var review = await factory.ApiAsync(reviewer))
        {
            await HttpAssert.JsonAsync(await review.GetAsync(Url(round), Ct));
            await HttpAssert.ProblemAsync(await review.PutAsJsonAsync(Url(round), body, Ct), HttpStatusCode.Forbidden);
        }
        var draft = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        using (var focal = await factory.ApiAsync(draft.FocalPoint))
        {
            await HttpAssert.ProblemAsync(await focal.GetAsync(Url(draft), Ct), HttpStatusCode.BadRequest);
            await HttpAssert.ProblemAsync(await focal.PutAsJsonAsync(Url(draft), body, Ct), HttpStatusCode.BadRequest);
            await HttpAssert.ProblemAsync(await focal.PostAsJsonAsync($"{Url(draft)}/defaults", new { horizon = "OneYear" }, Ct), HttpStatusCode.BadRequest);
        }
        using var respondentPage = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var readOnly = await HttpAssert.HtmlAsync(await respondentPage.GetAsync($"/assessments/{round.Id}/targets?culture=en", Ct));
        Assert.DoesNotContain("Save targets", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("target-defaults", readOnly, StringComparison.Ordinal);
        using var otherPage = await factory.CreateSignedInClientAsync(otherFocalPoint);
        using var hidden = await otherPage.GetAsync($"/assessments/{round.Id}/targets", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty(await factory.StoredTargetsAsync(round));
        Assert.Empty(await factory.StoredTargetsAsync(draft));
    }

    [Fact]
    public async Task Targets_page_renders_in_Arabic_right_to_left()
    {
        var round = await MixedRoundAsync();
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/targets?culture=ar", Ct)));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("حفظ الأهداف", html, StringComparison.Ordinal);
        Assert.Contains("بناء الأدلة أولًا", html, StringComparison.Ordinal);
    }
}

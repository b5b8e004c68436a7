using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// The action plan over the API, on both databases: starting it, adding actions from scratch and from the
/// catalogue, refusing bad input without writing, progress notes, overdue flags, endorsement and the
/// changes after it, carry-over into the country's next round, stale versions and access.
/// Each test works in its own country: a new plan carries over the open actions of the country's
/// previous plan of the same scope, so tests sharing a country would see each other's actions.
/// </summary>
public class ActionPlanTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Today as the server reckons it (UTC): dates well either side of it keep the tests clear of midnight.</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static string PlanHref(TestRound round) => $"/api/assessments/{round.Id}/plan";

    private static string ItemHref(TestRound round, Guid itemId) => $"/api/assessments/{round.Id}/plan/items/{itemId}";

    private static Dictionary<string, object?> Item(
        string code, string what = "Draft the private sector engagement strategy with the providers' associations.",
        string? organisation = "Ministry of Health, private sector unit", DateOnly? start = null, DateOnly? due = null,
        int? from = 2, int? to = 3, int version = 0) => new()
        {
            ["mechanismCode"] = code,
            ["what"] = what,
            ["type"] = "PolicyOrStrategy",
            ["responsibleOrganisation"] = organisation,
            ["responsiblePerson"] = "Dr Amal Hassan",
            ["start"] = Iso(start ?? Today.AddDays(-5)),
            ["due"] = Iso(due ?? Today.AddMonths(6)),
            ["resources"] = "Two staff days a month.",
            ["budget"] = 25000.5m,
            ["currency"] = "usd",
            ["fromLevel"] = from,
            ["toLevel"] = to,
            ["version"] = version,
        };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 Created, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> AddAsync(HttpClient api, TestRound round, object body)
    {
        using var response = await api.PostAsJsonAsync($"{PlanHref(round)}/items", body, Ct);
        return await CreatedAsync(response);
    }

    private static async Task<JsonElement> NoteAsync(HttpClient api, TestRound round, Guid itemId, DateOnly on, string status, string text = "Met the associations.")
    {
        using var response = await api.PostAsJsonAsync($"{ItemHref(round, itemId)}/notes", new { on = Iso(on), status, text }, Ct);
        return await HttpAssert.JsonAsync(response);
    }

    private static Guid IdOf(JsonElement item) => item.GetProperty("id").GetGuid();

    private async Task<int> CountAsync<T>(TestRound round)
        where T : class, IAudited
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Set<T>().IgnoreQueryFilters().CountAsync(row => row.AssessmentId == round.Id, Ct);
    }

    private async Task<int> AuditCountAsync(TestRound round, string entity)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.AuditEntries.IgnoreQueryFilters().CountAsync(entry => entry.AssessmentId == round.Id && entry.Entity == entity, Ct);
    }

    private async Task<ActionItem> StoredAsync(Guid itemId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(item => item.Id == itemId, Ct);
    }

    [Fact]
    public async Task Team_starts_the_plan_and_adds_an_action_written_from_scratch()
    {
        var round = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        var code = round.MechanismCodes[1];
        using var api = await ApiAsync(round.Facilitator);

        using (var before = await api.GetAsync(PlanHref(round), Ct))
        {
            var empty = await HttpAssert.JsonAsync(before);
            Assert.Equal(JsonValueKind.Null, empty.GetProperty("planId").ValueKind);
            Assert.Empty(empty.GetProperty("items").EnumerateArray());
        }
        using (var started = await api.PostAsync(PlanHref(round), null, Ct))
        {
            var plan = await HttpAssert.JsonAsync(started);
            Assert.NotEqual(JsonValueKind.Null, plan.GetProperty("planId").ValueKind);
            Assert.Equal("Draft", plan.GetProperty("status").GetString());
        }

        using var response = await api.PostAsJsonAsync($"{PlanHref(round)}/items", Item(code), Ct);
        var added = await CreatedAsync(response);

        Assert.Equal($"{PlanHref(round)}/items/{IdOf(added)}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, added.GetProperty("mechanismCode").GetString());
        Assert.Equal("PolicyOrStrategy", added.GetProperty("type").GetString());
        Assert.Equal("NotStarted", added.GetProperty("status").GetString());
        Assert.Equal("USD", added.GetProperty("currency").GetString());
        Assert.Equal(1, added.GetProperty("version").GetInt32());
        Assert.False(added.GetProperty("isOverdue").GetBoolean());
        var stored = await StoredAsync(IdOf(added));
        Assert.Equal("Ministry of Health, private sector unit", stored.ResponsibleOrganisation);
        Assert.Equal(Today.AddMonths(6), stored.Due);
        Assert.Equal(25000.5m, stored.Budget);
        Assert.Null(stored.RecommendationCode);
        Assert.Equal((2, 3), (stored.FromLevel, stored.ToLevel));
        var plan2 = await HttpAssert.JsonAsync(await api.GetAsync(PlanHref(round), Ct));
        Assert.Equal([IdOf(added)], plan2.GetProperty("items").EnumerateArray().Select(IdOf));
        Assert.Equal(1, await AuditCountAsync(round, nameof(ActionItem)));
    }

    [Fact]
    public async Task Action_from_a_recommendation_is_added_in_one_step_with_its_text_type_levels_and_dates()
    {
        var version = CatalogueFixture.NewVersion("plan");
        Assert.True((await factory.ImportAsync(CatalogueFixture.Root(version).ToJsonString())).Succeeded);
        var round = await factory.CreateRoundAsync("GHA", AssessmentStatus.Validated);
        var code = round.MechanismCodes[0];
        using var api = await ApiAsync(round.Facilitator);

        var added = await AddAsync(api, round, new { mechanismCode = code, recommendationCode = $"{code}-2b" });

        Assert.Equal($"Do b to move {code} up from level 2 ({version}).", added.GetProperty("what").GetString());
        Assert.Equal($"{code}-2b", added.GetProperty("recommendationCode").GetString());
        Assert.Equal("DialoguePlatform", added.GetProperty("type").GetString());
        Assert.Equal(2, added.GetProperty("fromLevel").GetInt32());
        Assert.Equal(3, added.GetProperty("toLevel").GetInt32());
        var stored = await StoredAsync(IdOf(added));
        Assert.Equal(Today, stored.Start);
        Assert.Equal(Today.AddMonths(6), stored.Due);
        Assert.Null(stored.ResponsibleOrganisation);
        Assert.Null(stored.ResponsiblePerson);

        // Another mechanism's action, or one the catalogue does not have, is refused by name.
        using var wrongMechanism = await api.PostAsJsonAsync($"{PlanHref(round)}/items",
            new { mechanismCode = round.MechanismCodes[1], recommendationCode = $"{code}-2b" }, Ct);
        var problem = await HttpAssert.ProblemAsync(wrongMechanism, HttpStatusCode.BadRequest);
        Assert.Contains(round.MechanismCodes[1], problem.GetProperty("errors").GetProperty("RecommendationCode")[0].GetString(), StringComparison.Ordinal);
        using var unknown = await api.PostAsJsonAsync($"{PlanHref(round)}/items", new { mechanismCode = code, recommendationCode = "ZZ-9z" }, Ct);
        problem = await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains("ZZ-9z", problem.GetProperty("errors").GetProperty("RecommendationCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<ActionItem>(round));
    }

    public static TheoryData<string, string> BadItems => new()
    {
        { "due-before-start", "Due" },
        { "from-not-below-to", "ToLevel" },
        { "unknown-mechanism", "MechanismCode" },
        { "below-agreed", "ToLevel" },
        { "level-out-of-range", "FromLevel" },
        { "budget-without-currency", "Currency" },
        { "negative-budget", "Budget" },
        { "missing-what", "What" },
        { "unknown-type", "Type" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Bad_input_is_refused_beside_its_field_and_nothing_is_written(string problem, string field)
    {
        var round = await factory.CreateRoundAsync("TUN", AssessmentStatus.Validated);
        var code = round.MechanismCodes[0];
        await factory.SetAgreedAsync(round, new Dictionary<string, MechanismAnswer> { [code] = MechanismAnswer.Rated(3) });
        using var api = await ApiAsync(round.Facilitator);
        var body = Item(code, from: 3, to: 4);
        switch (problem)
        {
            case "due-before-start":
                body["start"] = Iso(Today.AddDays(10));
                body["due"] = Iso(Today.AddDays(9));
                break;
            case "from-not-below-to":
                body["toLevel"] = 3;
                break;
            case "unknown-mechanism":
                body["mechanismCode"] = "ZZ.9";
                break;
            case "below-agreed":
                (body["fromLevel"], body["toLevel"]) = (1, 2);
                break;
            case "level-out-of-range":
                body["fromLevel"] = 0;
                break;
            case "budget-without-currency":
                body["currency"] = null;
                break;
            case "negative-budget":
                body["budget"] = -1m;
                break;
            case "missing-what":
                body["what"] = "  ";
                break;
            case "unknown-type":
                body["type"] = "Miracle";
                break;
        }

        using var response = await api.PostAsJsonAsync($"{PlanHref(round)}/items", body, Ct);

        var refusal = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = refusal.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"Expected an error on {field}: {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(0, await CountAsync<ActionPlan>(round));
        Assert.Equal(0, await CountAsync<ActionItem>(round));
        Assert.Equal(0, await AuditCountAsync(round, nameof(ActionItem)));
    }

    [Fact]
    public async Task Messages_name_what_is_wrong()
    {
        var round = await factory.CreateRoundAsync("JOR", AssessmentStatus.Validated);
        var code = round.MechanismCodes[0];
        await factory.SetAgreedAsync(round, new Dictionary<string, MechanismAnswer> { [code] = MechanismAnswer.Rated(3) });
        using var api = await ApiAsync(round.Facilitator);
        var body = Item(code, from: 1, to: 2, start: new DateOnly(2026, 5, 10), due: new DateOnly(2026, 5, 1));
        body["mechanismCode"] = code.ToLowerInvariant();

        using var response = await api.PostAsJsonAsync($"{PlanHref(round)}/items", body, Ct);

        var errors = (await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("The due date (1 May 2026) is before the start (10 May 2026).", errors.GetProperty("Due")[0].GetString());
        Assert.Equal($"The level aimed for (2) is below the level agreed for \u2068{code}\u2069 in this round (3); a plan never aims below the current level.",
            errors.GetProperty("ToLevel")[0].GetString());
        Assert.False(errors.TryGetProperty("MechanismCode", out _), "Codes match in any case.");
        body["mechanismCode"] = "ZZ.9";
        using var unknown = await api.PostAsJsonAsync($"{PlanHref(round)}/items", body, Ct);
        errors = (await HttpAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.StartsWith("\"ZZ.9\" is not a mechanism of framework version", errors.GetProperty("MechanismCode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_note_sets_the_status_and_done_records_the_completion_date()
    {
        var round = await factory.CreateRoundAsync("LBN", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var itemId = IdOf(await AddAsync(api, round, Item(round.MechanismCodes[0])));

        var delayed = await NoteAsync(api, round, itemId, Today.AddDays(-20), "Delayed", "The associations asked for more time.");
        Assert.Equal("Delayed", delayed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, delayed.GetProperty("completedOn").ValueKind);
        var done = await NoteAsync(api, round, itemId, Today.AddDays(-3), "Done", "Strategy adopted by the ministry.");
        Assert.Equal("Done", done.GetProperty("status").GetString());
        Assert.Equal(Iso(Today.AddDays(-3)), done.GetProperty("completedOn").GetString());
        Assert.Equal(["Delayed", "Done"], done.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("status").GetString()));
        Assert.Equal(round.Facilitator.Email, done.GetProperty("notes")[1].GetProperty("authorName").GetString());

        // A date after today or before the latest note is refused; nothing changes.
        using (var future = await api.PostAsJsonAsync($"{ItemHref(round, itemId)}/notes", new { on = Iso(Today.AddDays(2)), status = "OnTrack", text = "x" }, Ct))
        {
            Assert.True((await HttpAssert.ProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("On", out _));
        }
        using (var earlier = await api.PostAsJsonAsync($"{ItemHref(round, itemId)}/notes", new { on = Iso(Today.AddDays(-10)), status = "Dropped", text = "x" }, Ct))
        {
            Assert.True((await HttpAssert.ProblemAsync(earlier, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("On", out _));
        }
        using (var badStatus = await api.PostAsJsonAsync($"{ItemHref(round, itemId)}/notes", new { on = Iso(Today), status = "Finished", text = "x" }, Ct))
        {
            Assert.True((await HttpAssert.ProblemAsync(badStatus, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Status", out _));
        }
        Assert.Equal(2, await CountAsync<ProgressNote>(round));

        var reopened = await NoteAsync(api, round, itemId, Today, "OnTrack", "Reopened: the annex is still missing.");
        Assert.Equal("OnTrack", reopened.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("completedOn").ValueKind);
        var stored = await StoredAsync(itemId);
        Assert.Equal((ActionStatus.OnTrack, (DateOnly?)null), (stored.Status, stored.CompletedOn));
    }

    [Fact]
    public async Task Open_actions_past_their_due_date_are_flagged_overdue()
    {
        var round = await factory.CreateRoundAsync("PAK", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var late = IdOf(await AddAsync(api, round, Item(round.MechanismCodes[0], what: "Late action", start: Today.AddDays(-60), due: Today.AddDays(-10))));
        var onTime = IdOf(await AddAsync(api, round, Item(round.MechanismCodes[0], what: "On-time action", due: Today.AddDays(10))));
        var lateButDone = IdOf(await AddAsync(api, round, Item(round.MechanismCodes[1], what: "Done late", start: Today.AddDays(-60), due: Today.AddDays(-10))));
        await NoteAsync(api, round, lateButDone, Today.AddDays(-1), "Done");

        var plan = await HttpAssert.JsonAsync(await api.GetAsync(PlanHref(round), Ct));

        var overdue = plan.GetProperty("items").EnumerateArray().ToDictionary(IdOf, item => item.GetProperty("isOverdue").GetBoolean());
        Assert.True(overdue[late]);
        Assert.False(overdue[onTime]);
        Assert.False(overdue[lateButDone]);
        Assert.Equal([late, onTime, lateButDone], plan.GetProperty("items").EnumerateArray().Select(IdOf));
    }

    [Fact]
    public async Task Endorsement_is_refused_until_every_open_action_has_an_owner_and_a_due_date_then_records_who_and_when()
    {
        var round = await factory.CreateRoundAsync("IND", AssessmentStatus.Validated);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        using var facilitator = await ApiAsync(round.Facilitator);
        var endorsement = $"{PlanHref(round)}/endorsement";

        using (var empty = await focalPoint.PostAsJsonAsync(endorsement, new { note = "Steering committee" }, Ct))
        {
            var problem = await HttpAssert.ProblemAsync(empty, HttpStatusCode.BadRequest);
            Assert.Single(problem.GetProperty("errors").GetProperty("Items").EnumerateArray());
        }
        var ownerless = Item(round.MechanismCodes[2], what: "Set up the dialogue platform", organisation: null);
        ownerless["due"] = null;
        var item = await AddAsync(facilitator, round, ownerless);
        await AddAsync(facilitator, round, Item(round.MechanismCodes[3], what: "A complete action"));
        using (var blocked = await focalPoint.PostAsJsonAsync(endorsement, new { note = "Steering committee" }, Ct))
        {
            var problem = await HttpAssert.ProblemAsync(blocked, HttpStatusCode.BadRequest);
            var blockers = problem.GetProperty("errors").GetProperty("Items").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal([$"\u2068{round.MechanismCodes[2]}\u2069 · Set up the dialogue platform: no responsible organisation and no due date"], blockers);
        }
        using (var notFocalPoint = await facilitator.PostAsJsonAsync(endorsement, new { note = "" }, Ct))
        {
            await HttpAssert.ProblemAsync(notFocalPoint, HttpStatusCode.Forbidden);
        }
        Assert.Equal(1, await AuditCountAsync(round, nameof(ActionPlan)));

        var fixedItem = Item(round.MechanismCodes[2], what: "Set up the dialogue platform", version: item.GetProperty("version").GetInt32());
        using (var put = await facilitator.PutAsJsonAsync(ItemHref(round, IdOf(item)), fixedItem, Ct))
        {
            await HttpAssert.JsonAsync(put);
        }
        using var endorsed = await focalPoint.PostAsJsonAsync(endorsement, new { note = "Steering committee, 12 March" }, Ct);

        var plan = await HttpAssert.JsonAsync(endorsed);
        Assert.Equal("Endorsed", plan.GetProperty("status").GetString());
        Assert.Equal(round.FocalPoint.Email, plan.GetProperty("endorsedByName").GetString());
        Assert.Equal("Steering committee, 12 March", plan.GetProperty("endorsementNote").GetString());
        Assert.Equal(0, plan.GetProperty("changesSinceEndorsement").GetInt32());
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.ActionPlans.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.AssessmentId == round.Id, Ct);
        Assert.Equal(round.FocalPoint.Id, stored.EndorsedById);
        Assert.NotNull(stored.EndorsedAt);
    }

    [Fact]
    public async Task Changes_after_endorsement_stay_editable_are_audited_and_counted()
    {
        var round = await factory.CreateRoundAsync("BRA", AssessmentStatus.Validated);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        var item = await AddAsync(focalPoint, round, Item(round.MechanismCodes[0]));
        using (var endorsed = await focalPoint.PostAsJsonAsync($"{PlanHref(round)}/endorsement", new { note = (string?)null }, Ct))
        {
            await HttpAssert.JsonAsync(endorsed);
        }
        var before = await AuditCountAsync(round, nameof(ActionItem));

        var changed = Item(round.MechanismCodes[0], what: "Draft the strategy and cost it", version: item.GetProperty("version").GetInt32());
        using (var put = await focalPoint.PutAsJsonAsync(ItemHref(round, IdOf(item)), changed, Ct))
        {
            Assert.Equal("Draft the strategy and cost it", (await HttpAssert.JsonAsync(put)).GetProperty("what").GetString());
        }
        var afterChange = await HttpAssert.JsonAsync(await focalPoint.GetAsync(PlanHref(round), Ct));
        Assert.Equal(1, afterChange.GetProperty("changesSinceEndorsement").GetInt32());
        Assert.Equal("Endorsed", afterChange.GetProperty("status").GetString());
        Assert.Equal(before + 1, await AuditCountAsync(round, nameof(ActionItem)));
        await using (var scope = factory.OpenSystemDb())
        {
            var entry = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.AssessmentId == round.Id && e.Entity == nameof(ActionItem) && e.Action == AuditAction.Changed)
                .SingleAsync(Ct);
            var what = Assert.Single(entry.Changes, c => c.Field == nameof(ActionItem.What));
            Assert.Equal("Draft the strategy and cost it", what.After);
        }

        // A progress note is two changes (the note, and the status it sets); endorsing again starts the count afresh.
        await NoteAsync(focalPoint, round, IdOf(item), Today, "OnTrack");
        Assert.Equal(3, (await HttpAssert.JsonAsync(await focalPoint.GetAsync(PlanHref(round), Ct))).GetProperty("changesSinceEndorsement").GetInt32());
        using var again = await focalPoint.PostAsJsonAsync($"{PlanHref(round)}/endorsement", new { note = "Endorsed again" }, Ct);
        Assert.Equal(0, (await HttpAssert.JsonAsync(again)).GetProperty("changesSinceEndorsement").GetInt32());
    }

    [Fact]
    public async Task A_real_round_neither_carries_over_nor_compares_with_a_demonstration_round()
    {
        var demonstration = await factory.CreateRoundAsync("URY", AssessmentStatus.Validated);
        using (var api = await ApiAsync(demonstration.Facilitator))
        {
            await AddAsync(api, demonstration, Item(demonstration.MechanismCodes[0], what: "A demonstration action"));
        }
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == demonstration.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.IsDemonstration, true), Ct);
        }
        var real = await factory.CreateRoundAsync("URY", AssessmentStatus.Validated);
        using var realApi = await ApiAsync(real.Facilitator);

        using (var comparable = await realApi.GetAsync($"/api/assessments/{real.Id}/comparable-rounds", Ct))
        {
            Assert.Empty((await HttpAssert.JsonAsync(comparable)).EnumerateArray());
        }
        var started = await HttpAssert.JsonAsync(await realApi.PostAsync(PlanHref(real), null, Ct));

        Assert.Equal(JsonValueKind.Null, started.GetProperty("carriedFromAssessmentId").ValueKind);
        Assert.Empty(started.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Open_actions_carry_over_into_the_countrys_next_round_of_the_same_scope()
    {
        var first = await factory.CreateRoundAsync("MEX", AssessmentStatus.Validated);
        using (var api = await ApiAsync(first.Facilitator))
        {
            await AddAsync(api, first, Item(first.MechanismCodes[0], what: "Still to start"));
            var delayed = IdOf(await AddAsync(api, first, Item(first.MechanismCodes[1], what: "Running late")));
            var done = IdOf(await AddAsync(api, first, Item(first.MechanismCodes[2], what: "Finished")));
            var dropped = IdOf(await AddAsync(api, first, Item(first.MechanismCodes[3], what: "Given up")));
            await NoteAsync(api, first, delayed, Today, "Delayed");
            await NoteAsync(api, first, done, Today, "Done");
            await NoteAsync(api, first, dropped, Today, "Dropped");
        }
        // An open action whose mechanism the next round's framework no longer has stays behind, counted.
        await using (var scope = factory.OpenSystemDb())
        {
            var plan = await scope.Db.ActionPlans.IgnoreQueryFilters().SingleAsync(p => p.AssessmentId == first.Id, Ct);
            scope.Db.ActionItems.Add(new ActionItem
            {
                AssessmentId = first.Id,
                ActionPlanId = plan.Id,
                CountryIso3 = first.Country,
                MechanismCode = "ZZ.9",
                What = "An action on a retired mechanism",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await scope.Db.SaveChangesAsync(Ct);
        }
        var thematic = await factory.CreateRoundAsync("MEX", AssessmentStatus.Validated);
        await using (var scope = factory.OpenSystemDb())
        {
            var round = await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == thematic.Id, Ct);
            (round.Scope, round.ScopeDetail) = (AssessmentScope.Thematic, "Private hospitals");
            await scope.Db.SaveChangesAsync(Ct);
        }
        var next = await factory.CreateRoundAsync("MEX", AssessmentStatus.Validated);
        using var nextApi = await ApiAsync(next.Facilitator);

        var page = await HttpAssert.HtmlAsync(await (await factory.CreateSignedInClientAsync(next.Facilitator)).GetAsync($"/assessments/{next.Id}/plan", Ct));
        Assert.Contains("Starting the plan carries over 2 open actions from the earlier round", page, StringComparison.Ordinal);
        Assert.Contains("1 open actions not carried: mechanism no longer in the framework", page, StringComparison.Ordinal);
        Assert.Contains("An action on a retired mechanism", page, StringComparison.Ordinal);

        var started = await HttpAssert.JsonAsync(await nextApi.PostAsync(PlanHref(next), null, Ct));

        Assert.Equal(first.Id, started.GetProperty("carriedFromAssessmentId").GetGuid());
        var items = started.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Still to start", "Running late"], items.Select(i => i.GetProperty("what").GetString()));
        Assert.All(items, i => Assert.True(i.GetProperty("carriedOver").GetBoolean()));
        Assert.Equal(["NotStarted", "Delayed"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal("Ministry of Health, private sector unit", items[1].GetProperty("responsibleOrganisation").GetString());
        var carried = await StoredAsync(IdOf(items[1]));
        Assert.NotNull(carried.CarriedFromItemId);
        Assert.Equal("Running late", (await StoredAsync(carried.CarriedFromItemId!.Value)).What);
        Assert.Equal(0, await CountAsync<ActionPlan>(thematic));

        // The thematic round has no earlier plan of its scope: nothing to carry.
        using var thematicApi = await ApiAsync(thematic.Facilitator);
        var thematicPlan = await HttpAssert.JsonAsync(await thematicApi.PostAsync(PlanHref(thematic), null, Ct));
        Assert.Empty(thematicPlan.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, thematicPlan.GetProperty("carriedFromAssessmentId").ValueKind);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_with_the_stored_item_and_changes_nothing()
    {
        var round = await factory.CreateRoundAsync("PER", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var item = await AddAsync(api, round, Item(round.MechanismCodes[0]));
        var seen = item.GetProperty("version").GetInt32();
        using (var first = await api.PutAsJsonAsync(ItemHref(round, IdOf(item)), Item(round.MechanismCodes[0], what: "First change", version: seen), Ct))
        {
            Assert.Equal(seen + 1, (await HttpAssert.JsonAsync(first)).GetProperty("version").GetInt32());
        }

        using var stale = await api.PutAsJsonAsync(ItemHref(round, IdOf(item)), Item(round.MechanismCodes[0], what: "Second change", version: seen), Ct);

        var problem = await HttpAssert.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("First change", problem.GetProperty("current").GetProperty("what").GetString());
        Assert.Equal(seen + 1, problem.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal("First change", (await StoredAsync(IdOf(item))).What);
    }

    [Fact]
    public async Task Removing_an_action_removes_its_notes_and_the_audit_trail_keeps_them()
    {
        var round = await factory.CreateRoundAsync("CHL", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var itemId = IdOf(await AddAsync(api, round, Item(round.MechanismCodes[0])));
        await NoteAsync(api, round, itemId, Today, "OnTrack");

        using var removed = await api.DeleteAsync(ItemHref(round, itemId), Ct);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(0, await CountAsync<ActionItem>(round));
        Assert.Equal(0, await CountAsync<ProgressNote>(round));
        await using var scope = factory.OpenSystemDb();
        var removals = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.AssessmentId == round.Id && e.Action == AuditAction.Removed).Select(e => e.Entity).ToListAsync(Ct);
        Assert.Equal([nameof(ActionItem), nameof(ProgressNote)], removals.Order(StringComparer.Ordinal));
        using var again = await api.DeleteAsync(ItemHref(round, itemId), Ct);
        await HttpAssert.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Plan_is_read_by_those_who_see_the_round_and_changed_only_by_its_team()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var other = await factory.CreateRoundAsync("OMN", AssessmentStatus.Validated);
        using var team = await ApiAsync(round.Facilitator);
        var item = await AddAsync(team, round, Item(round.MechanismCodes[0]));
        var itemHref = ItemHref(round, IdOf(item));
        using var otherTeam = await ApiAsync(other.Facilitator);
        var otherItem = await AddAsync(otherTeam, other, Item(other.MechanismCodes[0]));
        var outsider = await factory.CreateUserAsync(Roles.CountryContributor, country: "FRA");
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        var otherReviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EUR");
        var body = Item(round.MechanismCodes[0], version: item.GetProperty("version").GetInt32());

        using (var api = await ApiAsync(outsider))
        {
            await HttpAssert.ProblemAsync(await api.GetAsync(PlanHref(round), Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await api.GetAsync(itemHref, Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"{PlanHref(round)}/items", body, Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await api.DeleteAsync(itemHref, Ct), HttpStatusCode.NotFound);
        }
        using (var api = await ApiAsync(otherReviewer))
        {
            await HttpAssert.ProblemAsync(await api.GetAsync(PlanHref(round), Ct), HttpStatusCode.NotFound);
        }
        using (var api = await ApiAsync(round.PublicRespondent))
        {
            Assert.Single((await HttpAssert.JsonAsync(await api.GetAsync(PlanHref(round), Ct))).GetProperty("items").EnumerateArray());
            await HttpAssert.ProblemAsync(await api.PostAsync(PlanHref(round), null, Ct), HttpStatusCode.Forbidden);
            await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"{PlanHref(round)}/items", body, Ct), HttpStatusCode.Forbidden);
            await HttpAssert.ProblemAsync(await api.PutAsJsonAsync(itemHref, body, Ct), HttpStatusCode.Forbidden);
            await HttpAssert.ProblemAsync(await api.DeleteAsync(itemHref, Ct), HttpStatusCode.Forbidden);
            await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"{itemHref}/notes", new { on = Iso(Today), status = "Done", text = "x" }, Ct), HttpStatusCode.Forbidden);
            await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"{PlanHref(round)}/endorsement", new { note = "x" }, Ct), HttpStatusCode.Forbidden);
        }
        using (var api = await ApiAsync(reviewer))
        {
            var item2 = await HttpAssert.JsonAsync(await api.GetAsync(itemHref, Ct));
            Assert.Equal(IdOf(item), IdOf(item2));
            await HttpAssert.ProblemAsync(await api.PutAsJsonAsync(itemHref, body, Ct), HttpStatusCode.Forbidden);
        }
        // An item of another round is not found through this round, even for a team that sees both.
        using (var admin = await ApiAsync(await factory.CreateUserAsync(Roles.Administrator)))
        {
            await HttpAssert.ProblemAsync(await admin.GetAsync(ItemHref(round, IdOf(otherItem)), Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync(ItemHref(round, IdOf(otherItem)), body, Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await admin.DeleteAsync(ItemHref(round, IdOf(otherItem)), Ct), HttpStatusCode.NotFound);
        }
        Assert.Equal(1, await CountAsync<ActionItem>(other));
        Assert.Equal(body["what"], (await StoredAsync(IdOf(item))).What);
    }

    [Fact]
    public async Task Plan_is_not_open_before_the_round_is_validated()
    {
        var round = await factory.CreateRoundAsync("COL", AssessmentStatus.Consensus);
        using var api = await ApiAsync(round.Facilitator);

        using var start = await api.PostAsync(PlanHref(round), null, Ct);

        await HttpAssert.ProblemAsync(start, HttpStatusCode.BadRequest);
        Assert.Equal(0, await CountAsync<ActionPlan>(round));
    }
}

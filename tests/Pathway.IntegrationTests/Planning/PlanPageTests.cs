using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// The plan pages as a browser without JavaScript uses them: start, add, edit, progress, remove, endorse,
/// filter, and one-step adds from the recommendations page. Each test works in its own country (a new
/// plan carries over the country's earlier open actions).
/// </summary>
public class PlanPageTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PlanUrl(TestRound round) => $"/assessments/{round.Id}/plan";

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    /// <summary>Adds an item through the API (the pages are tested on their own forms).</summary>
    private async Task<Guid> AddAsync(TestRound round, string code, string what, DateOnly? start = null, DateOnly? due = null, string? organisation = "Ministry of Health")
    {
        using var api = await ApiAsync(round.FocalPoint);
        using var response = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items", new
        {
            mechanismCode = code,
            what,
            responsibleOrganisation = organisation,
            start = Iso(start ?? Today.AddDays(-30)),
            due = Iso(due ?? Today.AddMonths(3)),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private async Task<ActionItem?> StoredAsync(Guid itemId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(item => item.Id == itemId, Ct);
    }

    /// <summary>A redirect's target as path, query and fragment, whether the header gave it absolute or not.</summary>
    private static string Local(string location)
    {
        var uri = new Uri(new Uri("http://localhost"), location);
        return uri.PathAndQuery + uri.Fragment;
    }

    private static Guid AddedId(string location) =>
        Guid.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), location).Query)["added"]!);

    [Fact]
    public async Task Team_starts_the_plan_and_adds_an_action_of_its_own_through_the_pages()
    {
        var round = await factory.CreateRoundAsync("NGA", AssessmentStatus.Validated);
        var code = round.MechanismCodes[2];
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct));
        Assert.Contains("There is no earlier plan of the same scope", page, StringComparison.Ordinal);

        using (var start = await client.PostAsync(PlanUrl(round), HtmlForm.Find(page, "plan-start").ToContent(), Ct))
        {
            Assert.Equal($"{PlanUrl(round)}?started=true", Local(await HttpAssert.RedirectAsync(start)));
        }
        var started = await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?started=true", Ct));
        Assert.Contains("The plan is started.", started, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{round.Id}/plan/export/xlsx", started, StringComparison.Ordinal);

        var newUrl = $"{PlanUrl(round)}/items/new?mechanism={code}";
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(newUrl, Ct)), "plan-item");
        Assert.Equal(code, form.Fields[form.NameOf("item-mechanism")]);
        form.Fill("item-what", "Map the private providers by district")
            .Fill("item-type", "DataAndInformation")
            .Fill("item-organisation", "Directorate of health information")
            .Fill("item-start", Iso(Today))
            .Fill("item-due", Iso(Today.AddMonths(4)))
            .Fill("item-from", "2")
            .Fill("item-to", "3")
            .Fill("item-budget", "12000.50")
            .Fill("item-currency", "ngn");
        using var added = await client.PostAsync(newUrl, form.ToContent(), Ct);

        var location = await HttpAssert.RedirectAsync(added);
        var stored = await StoredAsync(AddedId(location));
        Assert.NotNull(stored);
        Assert.Equal((code, ActionType.DataAndInformation, 12000.50m, "NGN"), (stored.MechanismCode, stored.Type!.Value, stored.Budget!.Value, stored.Currency!));
        var plan = await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct));
        Assert.Contains("Added to the plan:", plan, StringComparison.Ordinal);
        Assert.Contains("Map the private providers by district", plan, StringComparison.Ordinal);
        Assert.Contains($"/plan/items/{stored.Id}", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_plan_is_shown_fifty_actions_a_page_with_links_to_the_others()
    {
        var round = await factory.CreateRoundAsync("PER", AssessmentStatus.Validated);
        await using (var scope = factory.OpenSystemDb())
        {
            var plan = new ActionPlan { AssessmentId = round.Id, CountryIso3 = round.Country, CreatedAt = DateTimeOffset.UtcNow };
            scope.Db.ActionPlans.Add(plan);
            for (var n = 0; n < 60; n++)
            {
                scope.Db.ActionItems.Add(new ActionItem
                {
                    AssessmentId = round.Id,
                    ActionPlanId = plan.Id,
                    CountryIso3 = round.Country,
                    MechanismCode = round.MechanismCodes[n % round.MechanismCodes.Count],
                    What = $"Paged action {n}",
                    ResponsibleOrganisation = "Ministry of Health",
                    CreatedAt = DateTimeOffset.UtcNow.AddSeconds(n),
                });
            }
            await scope.Db.SaveChangesAsync(Ct);
        }
        using var browser = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var first = await browser.GetStringAsync(PlanUrl(round), Ct);
        var second = await browser.GetStringAsync($"{PlanUrl(round)}?page=2", Ct);
        var beyond = await browser.GetStringAsync($"{PlanUrl(round)}?page=9", Ct);

        Assert.Equal(50, CountOf(first, "<tr data-item="));
        Assert.Equal(10, CountOf(second, "<tr data-item="));
        Assert.Contains("Actions 1 to 50 of 60", first, StringComparison.Ordinal);
        Assert.Contains("Actions 51 to 60 of 60", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/plan?page=2\"", first, StringComparison.Ordinal);
        // A page past the end shows the last one rather than nothing.
        Assert.Equal(10, CountOf(beyond, "<tr data-item="));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task Edit_form_shows_a_bad_date_beside_its_field_keeps_the_text_and_saves_nothing()
    {
        var round = await factory.CreateRoundAsync("SEN", AssessmentStatus.Validated);
        var itemId = await AddAsync(round, round.MechanismCodes[0], "Draft the licensing decree");
        var url = $"{PlanUrl(round)}/items/{itemId}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct)), "plan-item")
            .Fill("item-what", "Draft the licensing decree and consult on it")
            .Fill("item-start", Iso(Today.AddDays(10)))
            .Fill("item-due", Iso(Today.AddDays(5)));

        using var response = await client.PostAsync(url, form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains(HttpAssert.ValidationMessages(html), message => message.StartsWith("The due date (", StringComparison.Ordinal));
        Assert.Contains("Draft the licensing decree and consult on it", html, StringComparison.Ordinal);
        Assert.Equal("Draft the licensing decree", (await StoredAsync(itemId))!.What);

        var saved = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct)), "plan-item")
            .Fill("item-person", "Dr Awa Ndiaye");
        using var ok = await client.PostAsync(url, saved.ToContent(), Ct);
        Assert.Equal($"{url}?saved=true", Local(await HttpAssert.RedirectAsync(ok)));
        Assert.Equal("Dr Awa Ndiaye", (await StoredAsync(itemId))!.ResponsiblePerson);
    }

    [Fact]
    public async Task Edit_form_posted_over_a_newer_version_says_so_and_keeps_the_persons_text()
    {
        var round = await factory.CreateRoundAsync("MAR", AssessmentStatus.Validated);
        var itemId = await AddAsync(round, round.MechanismCodes[0], "Publish the inspection reports");
        var url = $"{PlanUrl(round)}/items/{itemId}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct)), "plan-item");
        var other = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct)), "plan-item")
            .Fill("item-what", "Publish the inspection reports every quarter");
        using (var first = await client.PostAsync(url, other.ToContent(), Ct))
        {
            await HttpAssert.RedirectAsync(first);
        }

        using var stale = await client.PostAsync(url, form.Fill("item-what", "My own wording").ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(stale);
        Assert.Contains("Someone else changed this in the meantime", html, StringComparison.Ordinal);
        Assert.Contains("Publish the inspection reports every quarter", html, StringComparison.Ordinal);
        Assert.Contains("My own wording", html, StringComparison.Ordinal);
        Assert.Equal("2", HtmlForm.Find(html, "plan-item").Fields["Input.Version"]);
        Assert.Equal("Publish the inspection reports every quarter", (await StoredAsync(itemId))!.What);
    }

    [Fact]
    public async Task Progress_form_marks_an_action_done_and_removal_asks_for_confirmation()
    {
        var round = await factory.CreateRoundAsync("VNM", AssessmentStatus.Validated);
        var itemId = await AddAsync(round, round.MechanismCodes[0], "Convene the quality council");
        var url = $"{PlanUrl(round)}/items/{itemId}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        var note = HtmlForm.Find(page, "plan-note")
            .Fill("note-status", "Done")
            .Fill("note-text", "The council met and adopted its terms of reference.");
        Assert.Equal(Iso(Today), note.Fields[note.NameOf("note-on")]);

        using (var noted = await client.PostAsync(url, note.ToContent(), Ct))
        {
            Assert.Equal($"{url}?noted=true#progress", Local(await HttpAssert.RedirectAsync(noted)));
        }
        var stored = await StoredAsync(itemId);
        Assert.Equal((ActionStatus.Done, (DateOnly?)Today), (stored!.Status, stored.CompletedOn));
        page = await HttpAssert.HtmlAsync(await client.GetAsync($"{url}?noted=true", Ct));
        Assert.Contains("The council met and adopted its terms of reference.", page, StringComparison.Ordinal);

        using (var unconfirmed = await client.PostAsync(url, HtmlForm.Find(page, "plan-remove").ToContent(), Ct))
        {
            var html = await HttpAssert.HtmlAsync(unconfirmed);
            Assert.Contains("Tick the box to confirm the removal.", HttpAssert.ValidationMessages(html));
        }
        Assert.NotNull(await StoredAsync(itemId));
        var remove = HtmlForm.Find(page, "plan-remove");
        var confirmed = new FormUrlEncodedContent(remove.Fields.Append(new(remove.NameOf("remove-confirm"), "true")));
        using var removed = await client.PostAsync(url, confirmed, Ct);
        Assert.Equal($"{PlanUrl(round)}?removed=true", Local(await HttpAssert.RedirectAsync(removed)));
        Assert.Null(await StoredAsync(itemId));
    }

    [Fact]
    public async Task Plan_page_groups_actions_flags_overdue_filters_by_status_and_counts_changes_after_endorsement()
    {
        var round = await factory.CreateRoundAsync("THA", AssessmentStatus.Validated);
        var late = await AddAsync(round, round.MechanismCodes[0], "A late action", Today.AddDays(-60), Today.AddDays(-7));
        await AddAsync(round, round.MechanismCodes[1], "An action on time");
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var page = await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct));
        Assert.Contains("⚠</span> Overdue", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"mechanism-{round.MechanismCodes[0]}\"", page, StringComparison.Ordinal);
        Assert.Contains("2 in all: 2 open, 0 done", page, StringComparison.Ordinal);
        var overdueOnly = await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?status=overdue", Ct));
        Assert.Contains("A late action", overdueOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("An action on time", overdueOnly, StringComparison.Ordinal);
        Assert.Contains("Showing 1 of 2 actions.", overdueOnly, StringComparison.Ordinal);
        var doneOnly = await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?status=Done", Ct));
        Assert.DoesNotContain("A late action", doneOnly, StringComparison.Ordinal);

        var endorse = HtmlForm.Find(page, "plan-endorse").Fill("endorse-note", "Endorsed at the steering committee.");
        using (var endorsed = await client.PostAsync(PlanUrl(round), endorse.ToContent(), Ct))
        {
            Assert.Equal($"{PlanUrl(round)}?endorsed=true", Local(await HttpAssert.RedirectAsync(endorsed)));
        }
        using (var api = await ApiAsync(round.FocalPoint))
        {
            using var note = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items/{late}/notes",
                new { on = Iso(Today), status = "Delayed", text = "Waiting for the budget." }, Ct);
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }
        page = await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct));
        Assert.Contains("Endorsed by " + round.FocalPoint.Email, page, StringComparison.Ordinal);
        Assert.Contains("Endorsed at the steering committee.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/assessments/{round.Id}/audit\">2 changes since the endorsement</a>", page, StringComparison.Ordinal);
        Assert.Contains("Endorse the plan again", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endorse_form_lists_what_blocks_the_endorsement()
    {
        var round = await factory.CreateRoundAsync("PHL", AssessmentStatus.Validated);
        var ownerless = await AddAsync(round, round.MechanismCodes[0], "An action without an owner", organisation: null);
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct));
        Assert.Contains("1 open actions still need a responsible organisation or a due date.", page, StringComparison.Ordinal);
        Assert.Contains($"/plan/items/{ownerless}", page, StringComparison.Ordinal);

        using var refused = await client.PostAsync(PlanUrl(round), HtmlForm.Find(page, "plan-endorse").ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(refused);
        Assert.Contains("The plan cannot be endorsed yet", html, StringComparison.Ordinal);
        Assert.Contains("An action without an owner: no responsible organisation", html, StringComparison.Ordinal);
        await using var scope = factory.OpenSystemDb();
        Assert.Null((await scope.Db.ActionPlans.IgnoreQueryFilters().SingleAsync(p => p.AssessmentId == round.Id, Ct)).EndorsedAt);
    }

    [Fact]
    public async Task Recommendations_page_adds_an_action_in_one_step_and_shows_what_the_context_sets_aside()
    {
        var version = CatalogueFixture.NewVersion("page");
        Assert.True((await factory.ImportAsync(CatalogueFixture.Root(version).ToJsonString())).Succeeded);
        var round = await factory.CreateRoundAsync("IDN", AssessmentStatus.Validated);
        var code = round.MechanismCodes[1];
        await using (var scope = factory.OpenSystemDb())
        {
            scope.Db.RoundContexts.Add(new RoundContext { AssessmentId = round.Id, CountryIso3 = round.Country, IsFragile = true, UpdatedAt = DateTimeOffset.UtcNow });
            await scope.Db.SaveChangesAsync(Ct);
        }
        var url = $"{PlanUrl(round)}/recommendations/{code}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        Assert.Contains($"Do b to move {code} up from level 2 ({version}).", page, StringComparison.Ordinal);
        Assert.Contains("Set aside in this context (1)", page, StringComparison.Ordinal);
        Assert.Contains("Avoid in Fragile.", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"code\" value=\"{code}-2c\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"code\" value=\"{code}-2a\"", page, StringComparison.Ordinal);

        var form = HtmlForm.Find(page, "plan-add");
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form.Fields.Append(new("code", $"{code}-2c"))), Ct);

        var location = await HttpAssert.RedirectAsync(response);
        var stored = await StoredAsync(AddedId(location));
        Assert.Equal(($"{code}-2c", $"Do c to move {code} up from level 2 ({version}).", ActionType.CapacityBuilding),
            (stored!.RecommendationCode, stored.What, stored.Type!.Value));
        var after = await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct));
        Assert.Contains("Added to the plan:", after, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{round.Id}/plan/items/{stored.Id}", after, StringComparison.Ordinal);
        Assert.Contains("In the plan (1)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_see_the_plan_without_forms_and_other_countries_do_not_see_it()
    {
        var round = await factory.CreateRoundAsync("ARG", AssessmentStatus.Validated);
        var itemId = await AddAsync(round, round.MechanismCodes[0], "Agree the data-sharing protocol");
        using var respondent = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var plan = await HttpAssert.HtmlAsync(await respondent.GetAsync(PlanUrl(round), Ct));
        var item = await HttpAssert.HtmlAsync(await respondent.GetAsync($"{PlanUrl(round)}/items/{itemId}", Ct));

        Assert.Contains("Agree the data-sharing protocol", plan, StringComparison.Ordinal);
        Assert.Contains("Agree the data-sharing protocol", item, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlForm.All(plan), form => form.Fields.ContainsKey("_handler"));
        Assert.DoesNotContain(HtmlForm.All(item), form => form.Fields.ContainsKey("_handler"));
        Assert.DoesNotContain("/plan/items/new", plan, StringComparison.Ordinal);

        var outsider = await factory.CreateUserAsync(Roles.CountryContributor, country: "FRA");
        using var other = await factory.CreateSignedInClientAsync(outsider);
        await HttpAssert.HtmlAsync(await other.GetAsync(PlanUrl(round), Ct), HttpStatusCode.NotFound);
        await HttpAssert.HtmlAsync(await other.GetAsync($"{PlanUrl(round)}/items/{itemId}", Ct), HttpStatusCode.NotFound);
        await HttpAssert.HtmlAsync(await other.GetAsync($"{PlanUrl(round)}/recommendations/{round.MechanismCodes[0]}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Workspace_offers_decision_support_once_the_round_is_validated()
    {
        var validated = await factory.CreateRoundAsync("QAT", AssessmentStatus.Validated);
        var consensus = await factory.CreateRoundAsync("QAT", AssessmentStatus.Consensus);
        using var client = await factory.CreateSignedInClientAsync(validated.FocalPoint);

        var open = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{validated.Id}", Ct));
        var closed = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{consensus.Id}", Ct));

        Assert.Contains("id=\"decision-support\"", open, StringComparison.Ordinal);
        foreach (var step in new[] { "context", "targets", "priorities", "plan", "compare" })
        {
            Assert.Contains($"href=\"/assessments/{validated.Id}/{step}\"", open, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("id=\"decision-support\"", closed, StringComparison.Ordinal);
    }
}

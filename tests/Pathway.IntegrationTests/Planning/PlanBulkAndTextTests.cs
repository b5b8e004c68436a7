using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>
/// Issue 9 §1.3 and §1.4 on both databases: many items changed in one form or one PATCH (a conflict on one
/// names it and saves the others), endorsement blockers that link to their field, catalogue actions that
/// record their own step and keep every field sent, and catalogue text that follows the reader's language
/// on pages, in the API and in the exports until the team edits it. Each test works in its own country.
/// </summary>
public class PlanBulkAndTextTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PlanUrl(TestRound round) => $"/assessments/{round.Id}/plan";

    private static string ApiPlan(TestRound round) => $"/api/assessments/{round.Id}/plan";

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static async Task<JsonElement> AddAsync(HttpClient api, TestRound round, object body)
    {
        using var response = await api.PostAsJsonAsync($"{ApiPlan(round)}/items", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<Guid> AddOwnAsync(HttpClient api, TestRound round, string code, string what, string? organisation = null) =>
        (await AddAsync(api, round, new { mechanismCode = code, what, responsibleOrganisation = organisation, start = Iso(Today), due = Iso(Today.AddMonths(3)) }))
            .GetProperty("id").GetGuid();

    private async Task<ActionItem> StoredAsync(Guid itemId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(item => item.Id == itemId, Ct);
    }

    private async Task<string> ImportCatalogueAsync(string prefix)
    {
        var version = CatalogueFixture.NewVersion(prefix);
        Assert.True((await factory.ImportAsync(CatalogueFixture.Root(version).ToJsonString())).Succeeded);
        return version;
    }

    /// <summary>Every text part of an Office file (sheets, shared strings, the document) as one string.</summary>
    private static string OfficeText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(entry => entry.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }

    [Fact]
    public async Task Patch_saves_every_item_but_the_one_changed_meanwhile_names_it_and_records_a_status_change_as_a_note()
    {
        var round = await factory.CreateRoundAsync("UGA", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var first = await AddOwnAsync(api, round, round.MechanismCodes[0], "Map the private clinics");
        var second = await AddOwnAsync(api, round, round.MechanismCodes[1], "Convene the associations");
        var third = await AddOwnAsync(api, round, round.MechanismCodes[2], "Publish the licensing rules");
        // Someone else changes the second item after the form was opened at version 1.
        using (var other = await api.PostAsJsonAsync($"{ApiPlan(round)}/items/{second}/notes", new { on = Iso(Today), status = "OnTrack", text = "Started." }, Ct))
        {
            await HttpAssert.JsonAsync(other);
        }

        using var response = await api.PatchAsJsonAsync($"{ApiPlan(round)}/items", new
        {
            items = new object[]
            {
                new { id = first, version = 1, responsibleOrganisation = "Directorate of licensing", responsiblePerson = "Dr Okello", start = Iso(Today), due = Iso(Today.AddMonths(4)), status = "Delayed" },
                new { id = second, version = 1, responsibleOrganisation = "Private sector unit", start = Iso(Today), due = Iso(Today.AddMonths(3)) },
                new { id = third, version = 1, responsibleOrganisation = "Council of health professions", start = Iso(Today), due = Iso(Today.AddMonths(5)) },
            },
        }, Ct);

        var result = await HttpAssert.JsonAsync(response);
        Assert.Equal([first, third], result.GetProperty("saved").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        var conflict = Assert.Single(result.GetProperty("conflicts").EnumerateArray());
        Assert.Equal((1, second), (conflict.GetProperty("index").GetInt32(), conflict.GetProperty("itemId").GetGuid()));
        Assert.Equal(2, conflict.GetProperty("current").GetProperty("version").GetInt32());
        var saved = await StoredAsync(first);
        Assert.Equal(("Directorate of licensing", "Dr Okello", (DateOnly?)Today.AddMonths(4), ActionStatus.Delayed, 2),
            (saved.ResponsibleOrganisation, saved.ResponsiblePerson, saved.Due, saved.Status, saved.Version));
        Assert.Equal("Council of health professions", (await StoredAsync(third)).ResponsibleOrganisation);
        Assert.Null((await StoredAsync(second)).ResponsibleOrganisation);
        await using var scope = factory.OpenSystemDb();
        var note = await scope.Db.ProgressNotes.IgnoreQueryFilters().SingleAsync(n => n.ActionItemId == first, Ct);
        Assert.Equal((ActionStatus.Delayed, Today), (note.Status, note.On));
    }

    [Fact]
    public async Task Patch_names_bad_fields_per_item_and_saves_nothing()
    {
        var round = await factory.CreateRoundAsync("ZMB", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var first = await AddOwnAsync(api, round, round.MechanismCodes[0], "Map the private clinics");
        var second = await AddOwnAsync(api, round, round.MechanismCodes[1], "Convene the associations");

        using var response = await api.PatchAsJsonAsync($"{ApiPlan(round)}/items", new
        {
            items = new object[]
            {
                new { id = first, version = 1, responsibleOrganisation = "Directorate of licensing", start = Iso(Today), due = Iso(Today.AddMonths(1)) },
                new { id = second, version = 1, responsibleOrganisation = new string('x', ActionItem.NameLength + 1), start = Iso(Today), due = Iso(Today.AddDays(-1)), status = "Finished" },
            },
        }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Items[1].Due", out _));
        Assert.True(errors.TryGetProperty("Items[1].ResponsibleOrganisation", out _));
        Assert.True(errors.TryGetProperty("Items[1].Status", out _));
        Assert.False(errors.TryGetProperty("Items[0].Due", out _));
        Assert.Null((await StoredAsync(first)).ResponsibleOrganisation);
        Assert.Equal(1, (await StoredAsync(first)).Version);
    }

    [Fact]
    public async Task Plan_page_form_saves_many_items_at_once_and_names_the_one_changed_meanwhile()
    {
        var round = await factory.CreateRoundAsync("MWI", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var first = await AddOwnAsync(api, round, round.MechanismCodes[0], "Map the private clinics");
        var second = await AddOwnAsync(api, round, round.MechanismCodes[1], "Convene the associations");
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct));
        var form = HtmlForm.Find(page, "plan-bulk")
            .Fill($"item-{first}-organisation", "Directorate of licensing")
            .Fill($"item-{first}-person", "Dr Banda")
            .Fill($"item-{first}-due", Iso(Today.AddMonths(6)))
            .Fill($"item-{first}-status", "OnTrack")
            .Fill($"item-{second}-organisation", "Private sector unit");
        using (var meanwhile = await api.PutAsJsonAsync($"{ApiPlan(round)}/items/{second}", new
        {
            mechanismCode = round.MechanismCodes[1], what = "Convene the associations twice a year", start = Iso(Today), due = Iso(Today.AddMonths(3)), version = 1,
        }, Ct))
        {
            await HttpAssert.JsonAsync(meanwhile);
        }

        using var response = await client.PostAsync(PlanUrl(round), form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("id=\"plan-bulk-conflicts\"", html, StringComparison.Ordinal);
        Assert.Contains("Convene the associations", html, StringComparison.Ordinal);
        Assert.Contains("1 action(s) saved.", html, StringComparison.Ordinal);
        // The person's value stays in the form, over the stored version, so saving again is a choice.
        var again = HtmlForm.Find(html, "plan-bulk");
        Assert.Equal("Private sector unit", again.Fields[again.NameOf($"item-{second}-organisation")]);
        Assert.Equal("2", again.Fields[again.NameOf($"item-{second}-organisation").Replace("ResponsibleOrganisation", "Version", StringComparison.Ordinal)]);
        var saved = await StoredAsync(first);
        Assert.Equal(("Directorate of licensing", "Dr Banda", (DateOnly?)Today.AddMonths(6), ActionStatus.OnTrack),
            (saved.ResponsibleOrganisation, saved.ResponsiblePerson, saved.Due, saved.Status));
        Assert.Null((await StoredAsync(second)).ResponsibleOrganisation);

        using var resaved = await client.PostAsync(PlanUrl(round), again.ToContent(), Ct);
        Assert.Contains("?saved=1#plan-items", await HttpAssert.RedirectAsync(resaved), StringComparison.Ordinal);
        Assert.Equal("Private sector unit", (await StoredAsync(second)).ResponsibleOrganisation);
    }

    [Fact]
    public async Task Plan_page_form_shows_a_bad_date_beside_its_item_and_saves_nothing()
    {
        var round = await factory.CreateRoundAsync("NAM", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.Facilitator);
        var first = await AddOwnAsync(api, round, round.MechanismCodes[0], "Map the private clinics");
        var second = await AddOwnAsync(api, round, round.MechanismCodes[1], "Convene the associations");
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct)), "plan-bulk")
            .Fill($"item-{first}-organisation", "Directorate of licensing")
            .Fill($"item-{second}-start", Iso(Today.AddDays(10)))
            .Fill($"item-{second}-due", Iso(Today.AddDays(5)));

        using var response = await client.PostAsync(PlanUrl(round), form.ToContent(), Ct);

        var html = await HttpAssert.HtmlAsync(response);
        Assert.Contains("id=\"plan-bulk-errors\"", html, StringComparison.Ordinal);
        var row = html[html.IndexOf($"id=\"item-{second}\"", StringComparison.Ordinal)..];
        Assert.Contains("data-field=\"Due\"", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Directorate of licensing", html, StringComparison.Ordinal);
        Assert.Null((await StoredAsync(first)).ResponsibleOrganisation);
    }

    [Fact]
    public async Task Each_endorsement_blocker_links_to_the_field_it_needs()
    {
        var round = await factory.CreateRoundAsync("BWA", AssessmentStatus.Validated);
        using var api = await ApiAsync(round.FocalPoint);
        var ownerless = await AddOwnAsync(api, round, round.MechanismCodes[0], "An action without an owner");
        var undated = (await AddAsync(api, round, new { mechanismCode = round.MechanismCodes[1], what = "An action without a date", responsibleOrganisation = "Ministry of Health" }))
            .GetProperty("id").GetGuid();
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var page = await HttpAssert.HtmlAsync(await client.GetAsync(PlanUrl(round), Ct));

        var blockers = page[page.IndexOf("id=\"plan-blockers\"", StringComparison.Ordinal)..];
        Assert.Contains($"href=\"/assessments/{round.Id}/plan#item-{ownerless}-organisation\"", blockers, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/plan#item-{undated}-due\"", blockers, StringComparison.Ordinal);
        Assert.Contains($"id=\"item-{ownerless}-organisation\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"item-{undated}-due\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_for_the_step_2_to_3_records_2_to_3_even_when_the_target_is_4()
    {
        await ImportCatalogueAsync("step");
        var round = await factory.CreateRoundAsync("LSO", AssessmentStatus.Validated);
        var code = round.MechanismCodes[0];
        using var api = await ApiAsync(round.Facilitator);
        using (var target = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/targets",
            new[] { new { mechanism = code, targetLevel = 4, horizonMonths = 24, impact = 3, feasibility = 3 } }, Ct))
        {
            await HttpAssert.JsonAsync(target);
        }

        var lower = await AddAsync(api, round, new { mechanismCode = code, recommendationCode = $"{code}-2b" });
        var upper = await AddAsync(api, round, new { mechanismCode = code, recommendationCode = $"{code}-3b" });

        Assert.Equal((2, 3), (lower.GetProperty("fromLevel").GetInt32(), lower.GetProperty("toLevel").GetInt32()));
        Assert.Equal((3, 4), (upper.GetProperty("fromLevel").GetInt32(), upper.GetProperty("toLevel").GetInt32()));
    }

    [Fact]
    public async Task The_api_keeps_every_field_sent_with_a_recommendation_code()
    {
        await ImportCatalogueAsync("fields");
        var round = await factory.CreateRoundAsync("SWZ", AssessmentStatus.Validated);
        var code = round.MechanismCodes[0];
        using var api = await ApiAsync(round.Facilitator);

        var added = await AddAsync(api, round, new
        {
            mechanismCode = code,
            recommendationCode = $"{code}-2c",
            responsibleOrganisation = "Directorate of planning",
            responsiblePerson = "Ms Dlamini",
            start = Iso(Today.AddDays(7)),
            due = Iso(Today.AddMonths(9)),
            resources = "One analyst for three months.",
            budget = 4000.25m,
            currency = "szl",
        });

        var stored = await StoredAsync(added.GetProperty("id").GetGuid());
        Assert.Equal(("Directorate of planning", "Ms Dlamini", (DateOnly?)Today.AddDays(7), (DateOnly?)Today.AddMonths(9)),
            (stored.ResponsibleOrganisation, stored.ResponsiblePerson, stored.Start, stored.Due));
        Assert.Equal(("One analyst for three months.", (decimal?)4000.25m, "SZL"), (stored.Resources, stored.Budget, stored.Currency));
        Assert.Equal(($"{code}-2c", ActionType.CapacityBuilding, (int?)2, (int?)3), (stored.RecommendationCode, stored.Type, stored.FromLevel, stored.ToLevel));
        Assert.True(stored.WhatFromCatalogue);
    }

    [Fact]
    public async Task An_action_added_from_the_english_page_reads_arabic_in_the_arabic_plan_and_exports_until_the_team_edits_it()
    {
        var version = await ImportCatalogueAsync("text");
        var round = await factory.CreateRoundAsync("MUS", AssessmentStatus.Validated);
        var code = round.MechanismCodes[1];
        var english = $"Do b to move {code} up from level 2 ({version}).";
        var arabic = $"(ar) {english}";
        using var client = await factory.CreateSignedInClientAsync(round.Facilitator);
        var url = $"{PlanUrl(round)}/recommendations/{code}?culture=en";
        var recommendations = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        using (var add = await client.PostAsync(url, new FormUrlEncodedContent(HtmlForm.Find(recommendations, "plan-add").Fields.Append(new("code", $"{code}-2b"))), Ct))
        {
            await HttpAssert.RedirectAsync(add);
        }
        await using (var scope = factory.OpenSystemDb())
        {
            var stored = await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(item => item.AssessmentId == round.Id, Ct);
            Assert.Equal((english, true, version), (stored.What, stored.WhatFromCatalogue, stored.CatalogueVersion));
        }

        var arabicPage = await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?culture=ar", Ct));
        Assert.Contains(arabic, arabicPage, StringComparison.Ordinal);
        Assert.DoesNotContain(english.Replace("Do b", ">Do b", StringComparison.Ordinal), arabicPage, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await (await client.GetAsync($"{PlanUrl(round)}/export/csv?culture=ar", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(arabic, csv, StringComparison.Ordinal);
        Assert.Contains(arabic, OfficeText(await (await client.GetAsync($"{PlanUrl(round)}/export/xlsx?culture=ar", Ct)).Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains(arabic, OfficeText(await (await client.GetAsync($"{PlanUrl(round)}/export/docx?culture=ar", Ct)).Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        using (var api = await ApiAsync(round.Facilitator))
        {
            var plan = await HttpAssert.JsonAsync(await api.GetAsync($"{ApiPlan(round)}?lang=ar", Ct));
            Assert.Equal(arabic, plan.GetProperty("items")[0].GetProperty("what").GetString());
            using var french = new HttpRequestMessage(HttpMethod.Get, ApiPlan(round));
            french.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
            var frenchPlan = await HttpAssert.JsonAsync(await api.SendAsync(french, Ct));
            Assert.Equal($"(fr) {english}", frenchPlan.GetProperty("items")[0].GetProperty("what").GetString());
            Assert.True(frenchPlan.GetProperty("items")[0].GetProperty("whatFromCatalogue").GetBoolean());
        }

        // Saving the Arabic form without touching the text is not an edit: the English plan still reads English.
        var itemId = (await StoredOfRoundAsync(round)).Id;
        var itemUrl = $"{PlanUrl(round)}/items/{itemId}?culture=ar";
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(itemUrl, Ct)), "plan-item");
        Assert.Equal(arabic, form.Fields[form.NameOf("item-what")]);
        using (var kept = await client.PostAsync(itemUrl, form.Fill("item-organisation", "Ministry of Health").ToContent(), Ct))
        {
            await HttpAssert.RedirectAsync(kept);
        }
        Assert.True((await StoredOfRoundAsync(round)).WhatFromCatalogue);
        Assert.Contains(english, await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?culture=en", Ct)), StringComparison.Ordinal);

        // Once the team edits the text, it is theirs, in every language.
        form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync(itemUrl, Ct)), "plan-item");
        using (var edited = await client.PostAsync(itemUrl, form.Fill("item-what", "Our own wording of the action").ToContent(), Ct))
        {
            await HttpAssert.RedirectAsync(edited);
        }
        Assert.False((await StoredOfRoundAsync(round)).WhatFromCatalogue);
        Assert.Contains("Our own wording of the action", await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?culture=ar", Ct)), StringComparison.Ordinal);
        csv = Encoding.UTF8.GetString(await (await client.GetAsync($"{PlanUrl(round)}/export/csv?culture=ar", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Our own wording of the action", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(arabic, csv, StringComparison.Ordinal);
        Assert.Contains("Our own wording of the action", await HttpAssert.HtmlAsync(await client.GetAsync($"{PlanUrl(round)}?culture=en", Ct)), StringComparison.Ordinal);
    }

    private async Task<ActionItem> StoredOfRoundAsync(TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(item => item.AssessmentId == round.Id, Ct);
    }
}

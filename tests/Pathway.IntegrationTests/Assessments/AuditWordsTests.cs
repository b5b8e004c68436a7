using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// The audit trail in the reader's words: kinds, fields and values in English, French or Arabic, ids as
/// what they point to; filters by person, kind of change, kind of row and dates; a CSV export.
/// </summary>
public class AuditWordsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    /// <summary>A text of the interface in one language, as the app has it.</summary>
    private string Text(string language, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A validated round with an endorsed plan whose one action moved from NotStarted to OnTrack.</summary>
    private async Task<TestRound> RoundWithEndorsedPlanAsync()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        var item = new Dictionary<string, object?>
        {
            ["mechanismCode"] = round.MechanismCodes[0],
            ["what"] = "Publish the register of private clinics.",
            ["responsibleOrganisation"] = "Ministry of Health",
            ["due"] = "2027-06-30",
            ["version"] = 0,
        };
        JsonElement created;
        using (var response = await focalPoint.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items", item, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        }
        // A progress note moves the action's status.
        var note = new { on = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status = "OnTrack", text = "Register drafted." };
        using (var response = await focalPoint.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items/{created.GetProperty("id").GetGuid()}/notes", note, Ct))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
        using (var response = await focalPoint.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/endorsement", new { note = "Steering committee" }, Ct))
        {
            await HttpAssert.JsonAsync(response);
        }
        return round;
    }

    [Fact]
    public async Task In_Arabic_the_page_names_fields_and_values_in_Arabic_and_shows_no_internal_names()
    {
        var round = await RoundWithEndorsedPlanAsync();
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/audit?culture=ar", Ct)));

        Assert.Contains(Text("ar", "Audit.Field.EndorsedByName"), html, StringComparison.Ordinal);
        Assert.Contains(Text("ar", "ActionStatus.OnTrack"), html, StringComparison.Ordinal);
        Assert.Contains(Text("ar", "ActionStatus.NotStarted"), html, StringComparison.Ordinal);
        Assert.Contains(Text("ar", "PlanStatus.Endorsed"), html, StringComparison.Ordinal);
        Assert.Contains(Text("ar", "Audit.Entity.ActionPlan"), html, StringComparison.Ordinal);
        foreach (var raw in new[] { "EndorsedByName", "OnTrack", "NotStarted", "ActionPlanId", ">plan<" })
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }
        // The plan id an action belongs to is shown as the plan, never as a GUID.
        Assert.DoesNotMatch(@"<bdi class=""audit-value"">[0-9a-f]{8}-[0-9a-f]{4}-", html);
    }

    [Fact]
    public async Task Ids_read_as_what_they_point_to_and_mechanisms_by_code_and_name()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        using (var respondent = await ApiAsync(round.PublicRespondent))
        using (var response = await respondent.PutAsJsonAsync($"/api/assessments/{round.Id}/my-ratings/{round.MechanismCodes[0]}", new { level = 2 }, Ct))
        {
            await HttpAssert.JsonAsync(response);
        }
        using var focalPoint = await ApiAsync(round.FocalPoint);

        var audit = await HttpAssert.JsonAsync(await focalPoint.GetAsync($"/api/assessments/{round.Id}/audit?entity=Rating&culture=fr", Ct));

        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.Equal("Rating", entry.GetProperty("entity").GetString());
        Assert.Equal(Text("fr", "Audit.Entity.Rating"), entry.GetProperty("entityName").GetString());
        var what = entry.GetProperty("what").GetString()!;
        Assert.StartsWith(round.MechanismCodes[0] + " ", what, StringComparison.Ordinal);
        Assert.EndsWith(round.PublicRespondent.Email, what, StringComparison.Ordinal);
        var participant = entry.GetProperty("changes").EnumerateArray().Single(change => change.GetProperty("field").GetString() == "ParticipantId");
        Assert.Equal(Text("fr", "Audit.Field.ParticipantId"), participant.GetProperty("fieldName").GetString());
        Assert.Equal(round.PublicRespondent.Email, participant.GetProperty("afterText").GetString());
        Assert.True(Guid.TryParse(participant.GetProperty("after").GetString(), out _), "The raw value stays the id.");
        var state = entry.GetProperty("changes").EnumerateArray().Single(change => change.GetProperty("field").GetString() == "State");
        Assert.Equal(("Rated", Text("fr", "Answer.Rated")), (state.GetProperty("after").GetString(), state.GetProperty("afterText").GetString()));
    }

    [Fact]
    public async Task The_trail_filters_by_person_kind_of_change_kind_of_row_and_dates_on_the_API_and_the_page()
    {
        var round = await RoundWithEndorsedPlanAsync();
        using var focalPoint = await ApiAsync(round.FocalPoint);
        var baseUrl = $"/api/assessments/{round.Id}/audit";
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        async Task<List<JsonElement>> EntriesAsync(string query) =>
            [.. (await HttpAssert.JsonAsync(await focalPoint.GetAsync($"{baseUrl}?pageSize=200{query}", Ct))).GetProperty("entries").EnumerateArray()];

        var all = await EntriesAsync("");
        var mine = await EntriesAsync($"&actor={round.FocalPoint.Id}");
        var system = await EntriesAsync("&actor=system");
        var changed = await EntriesAsync("&action=Changed&entity=ActionItem");
        var datedToday = await EntriesAsync($"&from={today}&to={today}");
        var before = await EntriesAsync("&from=2020-01-01&to=2020-12-31");

        Assert.NotEmpty(mine);
        Assert.All(mine, entry => Assert.Equal(round.FocalPoint.Id, entry.GetProperty("actorId").GetString()));
        Assert.Equal(all.Count, mine.Count + system.Count);
        Assert.All(system, entry => Assert.Equal(JsonValueKind.Null, entry.GetProperty("actorId").ValueKind));
        var change = Assert.Single(changed);
        Assert.Equal(("ActionItem", "Changed"), (change.GetProperty("entity").GetString(), change.GetProperty("action").GetString()));
        Assert.Equal(all.Count, datedToday.Count);
        Assert.Empty(before);

        var refused = await HttpAssert.ProblemAsync(await focalPoint.GetAsync($"{baseUrl}?action=Renamed&from=2026-05-02&to=2026-05-01", Ct), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("action", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("to", out _));

        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync(
            $"/assessments/{round.Id}/audit?action=Changed&entity=ActionItem&actor={round.FocalPoint.Id}", Ct)));
        Assert.Contains("<option value=\"Changed\" selected", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{round.FocalPoint.Id}\" selected", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{round.Id}/audit/export.csv?entity=ActionItem&action=Changed&actor={round.FocalPoint.Id}\"", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<tr>").Skip(1));
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_a_BOM_ISO_times_and_each_value_raw_and_in_the_readers_language()
    {
        var round = await RoundWithEndorsedPlanAsync();
        using var page = await factory.CreateSignedInClientAsync(round.FocalPoint);

        using var response = await page.GetAsync($"/assessments/{round.Id}/audit/export.csv?entity=ActionItem&culture=ar", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at_utc,actor_id,", lines[0], StringComparison.Ordinal);
        Assert.Contains($",field,{Text("ar", "Audit.Csv.Field")},before,", lines[0], StringComparison.Ordinal);
        var status = Assert.Single(lines, line => line.Contains(",Status,", StringComparison.Ordinal) && line.Contains(",Changed,", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,", status);
        Assert.Contains($",Status,{Text("ar", "Audit.Field.Status")},NotStarted,{Text("ar", "ActionStatus.NotStarted")},OnTrack,{Text("ar", "ActionStatus.OnTrack")}",
            status, StringComparison.Ordinal);

        using var api = await ApiAsync(round.FocalPoint);
        using var fromApi = await api.GetAsync($"/api/assessments/{round.Id}/audit/export.csv?entity=ActionItem&culture=ar", Ct);
        Assert.Equal(bytes, await fromApi.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_respondent_cannot_export_the_trail()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        using var respondent = await ApiAsync(round.PublicRespondent);

        await HttpAssert.ProblemAsync(await respondent.GetAsync($"/api/assessments/{round.Id}/audit/export.csv", Ct), HttpStatusCode.Forbidden);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Search;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// The partnership register (issue 11 §4): the lifecycle's due-diligence rule, scoping through the shared-country
/// filter (API, pages, lists, search), the risk log, input rules that hold on both databases, stale edits, inert script.
/// </summary>
public class PartnershipTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Country = "EGY";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(
        string? title = null, bool isPublic = false, decimal? value = 250000m, string? currency = "USD", string? startDate = "2025-01-01",
        string? endDate = "2027-12-31", string? description = "A contract for **maternal care** in private clinics.", int? version = null,
        string? countryIso3 = null) =>
        new
        {
            countryIso3,
            title = new { en = title ?? $"Maternal care contract {TestAccounts.UniqueSuffix()}", fr = "Contrat de soins maternels" },
            description, type = "Contract", healthArea = "Maternal health", setting = "Stable", startDate, endDate, value, currency, isPublic,
            mechanisms = new[] { "DS.1" }, instruments = new[] { "FinancingAndPurchasing" }, version,
        };

    private async Task<(TestUser FocalPoint, HttpClient Api)> TeamAsync()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: Country);
        return (focalPoint, await factory.CreateApiClientAsync(focalPoint));
    }

    private static async Task<JsonElement> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/partnerships", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient api, string id, string to) =>
        api.PostAsJsonAsync($"/api/partnerships/{id}/stage", new { to, note = "Agreed at the steering meeting." }, Ct);

    private static async Task MoveOkAsync(HttpClient api, string id, params string[] stages)
    {
        foreach (var stage in stages)
        {
            var moved = await HttpAssert.JsonAsync(await MoveAsync(api, id, stage));
            Assert.Equal(stage, moved.GetProperty("stage").GetString());
        }
    }

    private static Task<HttpResponseMessage> AddCheckAsync(HttpClient api, string id, string outcome = "Proceed") =>
        api.PostAsJsonAsync($"/api/partnerships/{id}/due-diligence", new
        {
            checkedOn = "2025-02-10", checkedBy = "Legal unit", scope = "Ownership, licences, past contracts", finding = "No conflict found.", outcome,
        }, Ct);

    // ---- The lifecycle rule ----

    [Fact]
    public async Task Agreement_without_a_due_diligence_check_is_refused_with_a_400_naming_the_step_and_allowed_once_one_is_recorded()
    {
        var (_, api) = await TeamAsync();
        var id = (await CreateAsync(api, Body())).GetProperty("id").GetString()!;
        await MoveOkAsync(api, id, "GettingToKnowEachOther", "DueDiligence", "JointRiskAssessment");

        var refused = await HttpAssert.ProblemAsync(await MoveAsync(api, id, "PartnershipAgreement"), HttpStatusCode.BadRequest);
        Assert.Contains("Due diligence", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.GetProperty("errors").TryGetProperty("to", out _));

        // A check that says "do not proceed" does not clear the way either.
        Assert.Equal(HttpStatusCode.OK, (await AddCheckAsync(api, id, "DoNotProceed")).StatusCode);
        await HttpAssert.ProblemAsync(await MoveAsync(api, id, "PartnershipAgreement"), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, (await AddCheckAsync(api, id)).StatusCode);
        await MoveOkAsync(api, id, "PartnershipAgreement", "ImplementationAndReview", "Adaptation", "ImplementationAndReview", "Closure");
        var read = await HttpAssert.JsonAsync(await api.GetAsync($"/api/partnerships/{id}", Ct));
        Assert.Equal(8, read.GetProperty("history").GetArrayLength());
        Assert.Equal(2, read.GetProperty("dueDiligence").GetArrayLength());
    }

    [Fact]
    public async Task Jumps_the_lifecycle_has_no_step_for_are_refused_and_leave_the_stage_as_it_was()
    {
        var (_, api) = await TeamAsync();
        var id = (await CreateAsync(api, Body())).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await AddCheckAsync(api, id)).StatusCode);

        foreach (var to in new[] { "PartnershipAgreement", "ImplementationAndReview", "Adaptation", "InternalPreparation", "Nowhere", "4", "" })
        {
            await HttpAssert.ProblemAsync(await MoveAsync(api, id, to), HttpStatusCode.BadRequest);
        }
        var read = await HttpAssert.JsonAsync(await api.GetAsync($"/api/partnerships/{id}", Ct));
        Assert.Equal("InternalPreparation", read.GetProperty("stage").GetString());
        Assert.Equal(0, read.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_page_refuses_the_agreement_without_due_diligence_with_the_same_message()
    {
        var (focalPoint, api) = await TeamAsync();
        var id = (await CreateAsync(api, Body())).GetProperty("id").GetString()!;
        await MoveOkAsync(api, id, "GettingToKnowEachOther", "DueDiligence", "JointRiskAssessment");
        using var client = await factory.CreateSignedInClientAsync(focalPoint);

        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"/partnerships/{id}", Ct));
        Assert.Contains("The partnership agreement and every stage after it need", page, StringComparison.Ordinal);
        var form = HtmlForm.Find(page, "partnership-stage").Fill("move-to", "PartnershipAgreement");
        var answer = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.PostAsync($"/partnerships/{id}", form.ToContent(), Ct)));
        Assert.Contains("“Partnership agreement” cannot be reached yet: the missing step is Due diligence.", answer, StringComparison.Ordinal);

        var read = await HttpAssert.JsonAsync(await api.GetAsync($"/api/partnerships/{id}", Ct));
        Assert.Equal("JointRiskAssessment", read.GetProperty("stage").GetString());
    }

    // ---- Scoping ----

    [Fact]
    public async Task A_non_public_partnership_is_not_found_outside_its_country_region_and_editors_and_absent_from_their_lists()
    {
        var (_, api) = await TeamAsync();
        var title = $"Hidden voucher scheme {TestAccounts.UniqueSuffix()}";
        var id = (await CreateAsync(api, Body(title: title))).GetProperty("id").GetString()!;

        var otherCountry = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var otherReviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EUR");
        var regionReviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var anonymous = factory.CreateClient();
        foreach (var outsider in new[] { await factory.CreateApiClientAsync(otherCountry), await factory.CreateApiClientAsync(otherReviewer), anonymous })
        {
            await HttpAssert.ProblemAsync(await outsider.GetAsync($"/api/partnerships/{id}", Ct), HttpStatusCode.NotFound);
            var list = await outsider.GetStringAsync($"/api/partnerships?country={Country}", Ct);
            Assert.DoesNotContain(id, list, StringComparison.Ordinal);
            var write = await outsider.PostAsJsonAsync($"/api/partnerships/{id}/risks", new { description = "x", likelihood = 2, impact = 2 }, Ct);
            Assert.Equal(outsider == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound, write.StatusCode);
        }
        using var anonymousPage = factory.CreatePageClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymousPage.GetAsync($"/partnerships/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(title, await anonymousPage.GetStringAsync("/partnerships", Ct), StringComparison.Ordinal);
        using var otherPage = await factory.CreateSignedInClientAsync(otherCountry);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync($"/partnerships/{id}", Ct)).StatusCode);

        // The region's reviewer reads but may not change it; the content editor sees and edits it.
        using var reviewerApi = await factory.CreateApiClientAsync(regionReviewer);
        await HttpAssert.JsonAsync(await reviewerApi.GetAsync($"/api/partnerships/{id}", Ct));
        await HttpAssert.ProblemAsync(await reviewerApi.PostAsJsonAsync($"/api/partnerships/{id}/risks", new { description = "x", likelihood = 2, impact = 2 }, Ct),
            HttpStatusCode.Forbidden);
        using var editorApi = await factory.CreateApiClientAsync(editor);
        Assert.Contains(id, await editorApi.GetStringAsync($"/api/partnerships?country={Country}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editorApi.PostAsJsonAsync($"/api/partnerships/{id}/risks", new { description = "Delay", likelihood = 2, impact = 2 }, Ct)).StatusCode);

        // Search: found only by those the country shares it with.
        await using var scope = factory.OpenSystemDb();
        var entry = await scope.Db.SearchEntries.AsNoTracking().SingleAsync(row => row.Kind == SearchKind.Partnership && row.Key == id, Ct);
        Assert.Equal(SearchAudience.Country, entry.Audience);
        Assert.Contains(" Mechanism:DS.1 ", entry.Tags, StringComparison.Ordinal);
        Assert.Contains(" Country:EGY ", entry.Tags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_partnership_is_read_by_everyone_and_changed_only_by_its_country_and_editors()
    {
        var (_, api) = await TeamAsync();
        var title = $"Open dialogue platform {TestAccounts.UniqueSuffix()}";
        var id = (await CreateAsync(api, Body(title: title, isPublic: true))).GetProperty("id").GetString()!;

        using var anonymous = factory.CreateClient();
        await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/partnerships/{id}", Ct));
        Assert.Contains(id, await anonymous.GetStringAsync($"/api/partnerships?country={Country}", Ct), StringComparison.Ordinal);
        using var anonymousPage = factory.CreatePageClient();
        Assert.Contains(title, await HttpAssert.HtmlAsync(await anonymousPage.GetAsync($"/partnerships/{id}", Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/partnerships/{id}/stage", new { to = "GettingToKnowEachOther" }, Ct)).StatusCode);

        var otherCountry = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var otherApi = await factory.CreateApiClientAsync(otherCountry);
        await HttpAssert.JsonAsync(await otherApi.GetAsync($"/api/partnerships/{id}", Ct));
        await HttpAssert.ProblemAsync(await otherApi.PostAsJsonAsync($"/api/partnerships/{id}/stage", new { to = "GettingToKnowEachOther" }, Ct), HttpStatusCode.Forbidden);

        await using var scope = factory.OpenSystemDb();
        var entry = await scope.Db.SearchEntries.AsNoTracking().SingleAsync(row => row.Kind == SearchKind.Partnership && row.Key == id, Ct);
        Assert.Equal(SearchAudience.Public, entry.Audience);
    }

    // ---- Risk log ----

    [Fact]
    public async Task Risks_are_added_flagged_when_their_review_is_overdue_and_closed_once()
    {
        var (focalPoint, api) = await TeamAsync();
        var id = (await CreateAsync(api, Body())).GetProperty("id").GetString()!;
        var today = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

        var added = await HttpAssert.JsonAsync(await api.PostAsJsonAsync($"/api/partnerships/{id}/risks", new
        {
            description = "Clinics stop reporting deliveries", likelihood = 4, impact = 5, mitigation = "Monthly data check", owner = "District office",
            reviewOn = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, Ct));
        await HttpAssert.JsonAsync(await api.PostAsJsonAsync($"/api/partnerships/{id}/risks", new
        {
            description = "Prices rise", likelihood = 2, impact = 2, reviewOn = today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, Ct));
        var risks = (await HttpAssert.JsonAsync(await api.GetAsync($"/api/partnerships/{id}", Ct))).GetProperty("risks").EnumerateArray().ToList();
        var overdue = risks.Single(risk => risk.GetProperty("description").GetString() == "Clinics stop reporting deliveries");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.False(risks.Single(risk => risk.GetProperty("description").GetString() == "Prices rise").GetProperty("overdue").GetBoolean());
        var list = await HttpAssert.JsonAsync(await api.GetAsync($"/api/partnerships?country={Country}", Ct));
        var line = list.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetString() == id);
        Assert.Equal(2, line.GetProperty("openRisks").GetInt32());
        Assert.Equal(1, line.GetProperty("overdueRisks").GetInt32());

        using var client = await factory.CreateSignedInClientAsync(focalPoint);
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"/partnerships/{id}", Ct));
        Assert.Contains("Review overdue", page, StringComparison.Ordinal);

        var riskId = overdue.GetProperty("id").GetString();
        var closed = await HttpAssert.JsonAsync(await api.PostAsync($"/api/partnerships/{id}/risks/{riskId}/close", null, Ct));
        var after = closed.GetProperty("risks").EnumerateArray().Single(risk => risk.GetProperty("id").GetString() == riskId);
        Assert.Equal("Closed", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("overdue").GetBoolean());
        await HttpAssert.ProblemAsync(await api.PostAsync($"/api/partnerships/{id}/risks/{riskId}/close", null, Ct), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync($"/api/partnerships/{id}/risks", new { description = "Bad score", likelihood = 6, impact = 0 }, Ct),
            HttpStatusCode.BadRequest);
    }

    // ---- Input rules (both databases: refused with 400, never a 500) ----

    [Theory]
    [InlineData("value")]
    [InlineData("currency")]
    [InlineData("endDate")]
    [InlineData("huge")]
    [InlineData("nul")]
    [InlineData("long")]
    [InlineData("mechanism")]
    public async Task Bad_values_are_refused_with_the_field_named_and_nothing_is_saved(string wrong)
    {
        var (focalPoint, api) = await TeamAsync();
        var title = $"Refused {wrong} {TestAccounts.UniqueSuffix()}";
        object body = wrong switch
        {
            "value" => Body(title: title, value: -1m),
            "currency" => Body(title: title, currency: "XYZ"),
            "endDate" => Body(title: title, startDate: "2026-05-01", endDate: "2026-04-30"),
            "huge" => Body(title: title, value: 99_999_999_999_999_999m),
            "nul" => Body(title: title, description: "Before\u0000after"),
            "long" => Body(title: title + new string('x', 400)),
            _ => new
            {
                title = new { en = title }, type = "Contract", setting = "Stable", mechanisms = new[] { "ZZ.9" },
            },
        };
        var problem = await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/partnerships", body, Ct), HttpStatusCode.BadRequest);
        var field = wrong switch
        {
            "huge" => "value",
            "nul" => "description",
            "long" => "titleEn",
            "mechanism" => "mechanisms",
            _ => wrong,
        };
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await using var scope = factory.OpenSystemDb();
        Assert.False(await scope.Db.Set<Pathway.Web.Connector.Partnerships.Partnership>().IgnoreQueryFilters().AnyAsync(row => row.CreatedById == focalPoint.Id, Ct));
    }

    // ---- Stale edits ----

    [Fact]
    public async Task An_edit_made_from_an_older_version_is_refused_with_409_by_the_api_and_the_page()
    {
        var (focalPoint, api) = await TeamAsync();
        var created = await CreateAsync(api, Body());
        var id = created.GetProperty("id").GetString()!;
        var version = created.GetProperty("version").GetInt32();
        using var client = await factory.CreateSignedInClientAsync(focalPoint);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/partnerships/{id}/edit", Ct)), "partnership-edit");

        var first = await HttpAssert.JsonAsync(await api.PutAsJsonAsync($"/api/partnerships/{id}", Body(title: "First edit", version: version), Ct));
        Assert.True(first.GetProperty("version").GetInt32() > version);
        var stale = await HttpAssert.ProblemAsync(await api.PutAsJsonAsync($"/api/partnerships/{id}", Body(title: "Second edit", version: version), Ct), HttpStatusCode.Conflict);
        Assert.Equal(first.GetProperty("version").GetInt32(), stale.GetProperty("current").GetProperty("version").GetInt32());

        var page = await HttpAssert.HtmlAsync(await client.PostAsync($"/partnerships/{id}/edit", form.Fill("title-en", "Page edit").ToContent(), Ct));
        Assert.Contains("Someone else changed this partnership after you opened it", page, StringComparison.Ordinal);
        var read = await HttpAssert.JsonAsync(await api.GetAsync($"/api/partnerships/{id}", Ct));
        Assert.Equal("First edit", read.GetProperty("title").GetProperty("en").GetString());
    }

    // ---- Pages ----

    [Fact]
    public async Task A_country_team_registers_a_partnership_from_the_page_and_script_in_its_texts_stays_inert()
    {
        var (focalPoint, _) = await TeamAsync();
        using var client = await factory.CreateSignedInClientAsync(focalPoint);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync("/partnerships/new", Ct)), "partnership-edit");
        var title = $"<script>alert('t')</script> Vouchers {TestAccounts.UniqueSuffix()}";
        form.Fill("title-en", title).Fill("description", "Intro <script>alert('x')</script> [link](javascript:alert(1)) <img src=x onerror=alert(2)>")
            .Fill("value", "1200.50").Fill("currency", "EGP").Fill("start", "2026-01-01").Fill("end", "2026-12-31");
        var location = await HttpAssert.RedirectAsync(await client.PostAsync("/partnerships/new", form.ToContent(), Ct));
        Assert.Matches("/partnerships/[0-9a-f-]{36}\\?done=saved$", location);

        var page = await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct));
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(title, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("EGP", page, StringComparison.Ordinal);
        Assert.Contains("Contrat", WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(location.Replace("?done=saved", "?culture=fr", StringComparison.Ordinal), Ct))), StringComparison.Ordinal);
        Assert.Contains("عقد", WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(location.Replace("?done=saved", "?culture=ar", StringComparison.Ordinal), Ct))), StringComparison.Ordinal);
    }

    // ---- Organisations ----

    [Fact]
    public async Task Country_teams_add_organisations_of_their_own_country_only_and_editors_keep_the_directory()
    {
        var (_, api) = await TeamAsync();
        var name = $"Cairo Private Hospitals Union {TestAccounts.UniqueSuffix()}";
        var created = await api.PostAsJsonAsync("/api/organisations", new { name, countryIso3 = Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/organisations", new { name = "Elsewhere", countryIso3 = "KEN", sector = "Public", type = "MinistryOfHealth" }, Ct),
            HttpStatusCode.Forbidden);
        var id = (await HttpAssert.JsonAsync(await factory.CreateClient().GetAsync($"/api/organisations?q={Uri.EscapeDataString(name.ToUpperInvariant()[..20])}&country={Country}", Ct)))
            .GetProperty("items").EnumerateArray().Single(item => item.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
        await HttpAssert.ProblemAsync(await api.PutAsJsonAsync($"/api/organisations/{id}", new { name, countryIso3 = Country, sector = "Public", type = "MinistryOfHealth" }, Ct),
            HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/organisations", new { name, countryIso3 = Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation" }, Ct),
            HttpStatusCode.BadRequest);

        using var editor = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.ContentEditor));
        var updated = await HttpAssert.JsonAsync(await editor.PutAsJsonAsync($"/api/organisations/{id}",
            new { name, acronym = "CPHU", countryIso3 = Country, sector = "PrivateForProfit", type = "PrivateSectorAssociation", website = "https://example.org" }, Ct));
        Assert.Equal("CPHU", updated.GetProperty("acronym").GetString());
        await HttpAssert.ProblemAsync(await editor.PutAsJsonAsync($"/api/organisations/{id}", new { name, sector = "Public", type = "MinistryOfHealth", website = "javascript:alert(1)" }, Ct),
            HttpStatusCode.BadRequest);

        // A party names it; its page lists the partnership for whoever may see it.
        var partnership = (await CreateAsync(api, Body(isPublic: true))).GetProperty("id").GetString()!;
        var withParty = await HttpAssert.JsonAsync(await api.PostAsJsonAsync($"/api/partnerships/{partnership}/parties", new { organisationId = id, role = "PrivateParty" }, Ct));
        Assert.Equal(name, withParty.GetProperty("parties")[0].GetProperty("name").GetString());
        var organisation = await HttpAssert.JsonAsync(await factory.CreateClient().GetAsync($"/api/organisations/{id}", Ct));
        Assert.Equal(partnership, organisation.GetProperty("partnerships")[0].GetProperty("id").GetString());
    }
}

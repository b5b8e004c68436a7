using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Events;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// Issue 12 §1–2, §4 and "Bad input" for organisers: events created, changed and announced through the form (with its
/// antiforgery token), refused with the field named, stale edits, inert script, deleting drafts and recorded totals.
/// </summary>
public sealed class EventEditingTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HtmlForm Filled(HtmlForm form, string title, string start = "2026-03-10T14:00", string end = "2026-03-10T16:00", string zone = "Africa/Cairo") =>
        form.Fill("e-TitleEn", title).Fill("e-Start", start).Fill("e-End", end).Fill("e-TimeZone", zone)
            .Fill("e-Type", "Webinar").Fill("e-Capacity", "40").Fill("e-Mechanisms", "DS.1").Fill("e-Regions", "EMR").Fill("e-Countries", "EGY, jor");

    private static Guid IdIn(string location) =>
        Guid.Parse(System.Text.RegularExpressions.Regex.Match(location, "/events/([0-9a-f-]{36})/").Groups[1].Value);

    private async Task<(HttpClient Client, TestUser User)> OrganiserAsync(string role = Roles.Organiser)
    {
        var user = await factory.CreateUserAsync(role);
        return (await factory.CreateSignedInClientAsync(user), user);
    }

    [Fact]
    public async Task An_organiser_creates_changes_and_announces_an_event_through_the_form()
    {
        var (client, _) = await OrganiserAsync();
        var title = EventTestData.Unique("Cairo webinar");
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync("/events/new", Ct)), "event-edit");
        var created = await HttpAssert.RedirectAsync(await client.PostAsync("/events/new", Filled(form, title).ToContent(), Ct));
        Assert.EndsWith("/edit?done=created", created, StringComparison.Ordinal);
        var id = IdIn(created);

        await using (var db = factory.OpenSystemDb())
        {
            var stored = await db.Db.Events.AsNoTracking().Include(e => e.Tags).SingleAsync(e => e.Id == id, Ct);
            Assert.Equal(title, stored.Title.En);
            Assert.False(stored.IsAnnounced);
            // 14:00 in Cairo in March is 12:00 UTC (UTC+2).
            Assert.Equal(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), stored.StartsAt);
            Assert.Equal("Africa/Cairo", stored.TimeZone);
            Assert.Equal(40, stored.Capacity);
            Assert.Contains(stored.Tags, tag => tag.Value == "JOR");
            Assert.True(await db.Db.EventPlaces.AnyAsync(p => p.EventId == id, Ct));
        }

        var edit = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct)), "event-edit");
        Assert.Equal("2026-03-10T14:00", edit.Fields["Input.Start"]);
        var saved = await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/edit", edit.Fill("e-VenueEn", "Nile hall").Fill("e-VenueAr", "قاعة النيل").Fill("e-Capacity", "").ToContent(), Ct));
        Assert.EndsWith("done=saved", saved, StringComparison.Ordinal);

        var announce = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct)), "event-announce");
        Assert.EndsWith("done=announced", await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/edit", announce.ToContent(), Ct)), StringComparison.Ordinal);
        await using (var db = factory.OpenSystemDb())
        {
            var stored = await db.Db.Events.AsNoTracking().SingleAsync(e => e.Id == id, Ct);
            Assert.Equal("Nile hall", stored.Venue?.En);
            Assert.Equal("قاعة النيل", stored.Venue?.In("ar"));
            Assert.Null(stored.Capacity);
            Assert.True(stored.IsAnnounced);
            Assert.Equal(3, stored.Version);
        }
        var back = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct)), "event-announce");
        await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/edit", back.ToContent(), Ct));
        await using (var db = factory.OpenSystemDb())
        {
            Assert.False(await db.Db.Events.Where(e => e.Id == id).Select(e => e.IsAnnounced).SingleAsync(Ct));
        }
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var (client, _) = await OrganiserAsync();
        var title = EventTestData.Unique("Backwards webinar");
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync("/events/new", Ct)), "event-edit");
        var page = await HttpAssert.HtmlAsync(await client.PostAsync("/events/new", Filled(form, title, end: "2026-03-10T13:00").ToContent(), Ct));
        Assert.Contains(HttpAssert.ValidationMessages(page), message => message.StartsWith("End must be after the start", StringComparison.Ordinal));
        await using var db = factory.OpenSystemDb();
        Assert.DoesNotContain(title, (await db.Db.Events.AsNoTracking().Select(e => e.Title).ToListAsync(Ct)).Select(t => t.En));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_naming_the_field()
    {
        var (client, _) = await OrganiserAsync();
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync("/events/new", Ct)), "event-edit");
        var page = await HttpAssert.HtmlAsync(await client.PostAsync("/events/new", Filled(form, EventTestData.Unique("Nowhere"), zone: "Mars/Olympus").ToContent(), Ct));
        Assert.Contains(HttpAssert.ValidationMessages(page), message => message.Contains("\"Mars/Olympus\" is not a known time zone", StringComparison.Ordinal));

        using var api = await factory.CreateApiClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var body = EventTestData.Body("Nowhere");
        body["timeZone"] = "Mars/Olympus";
        var problem = await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/events", body, Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("TimeZone", out _));
    }

    [Fact]
    public async Task A_module_number_taken_in_the_series_is_refused()
    {
        var organiser = await factory.CreateUserAsync(Roles.Organiser);
        using var api = await factory.CreateApiClientAsync(organiser);
        var seriesId = Guid.CreateVersion7();
        await using (var db = factory.OpenSystemDb())
        {
            db.Db.EventSeries.Add(new EventSeries { Id = seriesId, Title = LocalizedText.English(EventTestData.Unique("Series")), CreatedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) });
            await db.Db.SaveChangesAsync(Ct);
        }
        await EventTestData.CreateAsync(api, EventTestData.Body("Module 1", seriesId, 1));
        var problem = await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/events", EventTestData.Body("Module 1 again", seriesId, 1), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("Module 1 of this series is already taken", problem.GetProperty("errors").GetProperty("ModuleNumber")[0].GetString(), StringComparison.Ordinal);
        await EventTestData.CreateAsync(api, EventTestData.Body("Module 2", seriesId, 2));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_conflict_message_showing_the_current_values()
    {
        var (client, user) = await OrganiserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        var created = await EventTestData.CreateAsync(api, EventTestData.Body(EventTestData.Unique("Shared webinar")));
        var id = created.GetProperty("id").GetGuid();
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct)), "event-edit");

        // Someone else saves first (with the version they read).
        var other = EventTestData.Body("Renamed by a colleague");
        other["version"] = created.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/events/{id}", other, Ct)).StatusCode);
        // The same stale version again over the API: 409 with the stored values.
        var conflict = await HttpAssert.ProblemAsync(await api.PutAsJsonAsync($"/api/events/{id}", other, Ct), HttpStatusCode.Conflict);
        Assert.Equal("Renamed by a colleague", conflict.GetProperty("current").GetProperty("titleEn").GetString());

        var page = await HttpAssert.HtmlAsync(await client.PostAsync($"/events/{id}/edit", form.Fill("e-TitleEn", "My late title").ToContent(), Ct));
        Assert.Contains("id=\"event-conflict\"", page, StringComparison.Ordinal);
        Assert.Contains("Renamed by a colleague", page, StringComparison.Ordinal);
        await using var db = factory.OpenSystemDb();
        Assert.Equal("Renamed by a colleague", (await db.Db.Events.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).Title.En);
    }

    [Fact]
    public async Task Script_in_the_title_is_stored_as_written_and_rendered_inert()
    {
        var (client, _) = await OrganiserAsync(Roles.ContentEditor);
        var title = "<script>alert('x')</script> " + TestAccounts.UniqueSuffix();
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync("/events/new", Ct)), "event-edit");
        var created = await HttpAssert.RedirectAsync(await client.PostAsync("/events/new", Filled(form, title).ToContent(), Ct));
        var id = IdIn(created);
        await using (var db = factory.OpenSystemDb())
        {
            Assert.Equal(title, (await db.Db.Events.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).Title.En);
        }
        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct));
        Assert.DoesNotContain("<script>alert('x')", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_deleted_only_while_nobody_has_registered()
    {
        var (client, user) = await OrganiserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        var registered = await EventTestData.CreateIdAsync(api, EventTestData.Unique("Registered draft"));
        var empty = await EventTestData.CreateIdAsync(api, EventTestData.Unique("Empty draft"));
        await using (var db = factory.OpenSystemDb())
        {
            db.Db.Registrations.Add(new Registration
            {
                EventId = registered, Name = "Amal", Email = "amal@example.org", EmailKey = "amal@example.org", Language = "en",
                Status = RegistrationStatus.Confirmed, RegisteredAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), ConsentedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            });
            await db.Db.SaveChangesAsync(Ct);
        }
        var refused = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{registered}/edit", Ct)), "event-delete");
        var page = await HttpAssert.HtmlAsync(await client.PostAsync($"/events/{registered}/edit", refused.ToContent(), Ct));
        Assert.Contains("People have registered for this event", page, StringComparison.Ordinal);

        var delete = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{empty}/edit", Ct)), "event-delete");
        Assert.EndsWith("/events", await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{empty}/edit", delete.ToContent(), Ct)), StringComparison.Ordinal);
        await using (var db = factory.OpenSystemDb())
        {
            Assert.True(await db.Db.Events.AnyAsync(e => e.Id == registered, Ct));
            Assert.False(await db.Db.Events.AnyAsync(e => e.Id == empty, Ct));
        }
    }

    [Fact]
    public async Task Totals_replace_each_dimension_and_clearing_one_removes_its_figures()
    {
        var (client, user) = await OrganiserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        var id = await EventTestData.CreateIdAsync(api, EventTestData.Unique("Module 1, 2021"));
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/totals", Ct)), "totals-edit");
        Assert.Equal(8, form.Fields.Keys.Count(key => key.StartsWith("Input.Groups[", StringComparison.Ordinal) && key.EndsWith(".Count", StringComparison.Ordinal)));
        form.Fill("t-group-0", "20").Fill("t-group-1", "15").Fill("t-region-0", "7").Fill("t-country-0", "egy").Fill("t-country-count-0", "12");
        await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/totals", form.ToContent(), Ct));
        await using (var db = factory.OpenSystemDb())
        {
            var totals = await db.Db.ParticipationTotals.AsNoTracking().Where(t => t.EventId == id).ToListAsync(Ct);
            Assert.Equal(4, totals.Count);
            Assert.Contains(totals, t => t.Dimension == TotalDimension.Country && t.Key == "EGY" && t.Count == 12);
            Assert.Equal(35, totals.Where(t => t.Dimension == TotalDimension.Group).Sum(t => t.Count));
        }

        // Groups changed, regions and countries cleared.
        var again = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/totals", Ct)), "totals-edit");
        again.Fill("t-group-0", "").Fill("t-group-1", "").Fill("t-group-2", "73").Fill("t-region-0", "").Fill("t-country-0", "").Fill("t-country-count-0", "");
        await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/totals", again.ToContent(), Ct));
        await using (var db = factory.OpenSystemDb())
        {
            var totals = await db.Db.ParticipationTotals.AsNoTracking().Where(t => t.EventId == id).ToListAsync(Ct);
            var only = Assert.Single(totals);
            Assert.Equal((TotalDimension.Group, 73), (only.Dimension, only.Count));
        }

        var bad = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/totals", Ct)), "totals-edit");
        var page = await HttpAssert.HtmlAsync(await client.PostAsync($"/events/{id}/totals", bad.Fill("t-group-0", "1000001").ToContent(), Ct));
        Assert.Contains(HttpAssert.ValidationMessages(page), message => message.Contains("from 0 to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_announced_event_is_found_by_search_and_a_draft_is_not()
    {
        var (client, user) = await OrganiserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        var word = "Qaraqalpak" + Guid.NewGuid().ToString("N")[..8];
        var body = EventTestData.Body(EventTestData.Unique("Search webinar"));
        body["descriptionEn"] = $"Contracting clinics in {word}.";
        var id = (await EventTestData.CreateAsync(api, body)).GetProperty("id").GetGuid();
        using var reader = factory.CreateClient();
        async Task<bool> FoundAsync()
        {
            var results = await HttpAssert.JsonAsync(await reader.GetAsync($"/api/search?q={word}&kind=Event", Ct));
            return results.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("url").GetString() == $"/events/{id}");
        }

        Assert.False(await FoundAsync());
        var announce = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct)), "event-announce");
        await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/edit", announce.ToContent(), Ct));
        Assert.True(await FoundAsync());
        var back = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/edit", Ct)), "event-announce");
        await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/edit", back.ToContent(), Ct));
        Assert.False(await FoundAsync());
    }

    [Fact]
    public async Task Totals_wait_until_the_event_is_over()
    {
        var (client, user) = await OrganiserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        var body = EventTestData.Body(EventTestData.Unique("Next month's webinar"));
        var start = factory.Now().UtcDateTime.Date.AddDays(30).AddHours(14);
        body["start"] = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        body["end"] = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var id = (await EventTestData.CreateAsync(api, body)).GetProperty("id").GetGuid();

        var page = await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/totals", Ct));
        Assert.Contains("id=\"totals-not-over\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("totals-edit", page, StringComparison.Ordinal);

        // A past event's form (the antiforgery token is the organiser's, not the page's) posted to the upcoming one: the page
        // has no such form to take it, and nothing is saved.
        var past = await EventTestData.CreateIdAsync(api, EventTestData.Unique("Last March's webinar"));
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{past}/totals", Ct)), "totals-edit");
        using var refused = await client.PostAsync($"/events/{id}/totals", form.Fill("t-group-0", "12").ToContent(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await using var db = factory.OpenSystemDb();
        Assert.False(await db.Db.ParticipationTotals.AnyAsync(t => t.EventId == id, Ct));
    }

    [Fact]
    public async Task The_agenda_is_saved_in_one_post_on_the_clock_of_the_event()
    {
        var (client, user) = await OrganiserAsync();
        using var api = await factory.CreateApiClientAsync(user);
        var id = await EventTestData.CreateIdAsync(api, EventTestData.Unique("Agenda webinar"));
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{id}/agenda", Ct)), "agenda-edit");
        form.Fill("a-0-start", "2026-03-10T14:00").Fill("a-0-topicEn", "Opening").Fill("a-0-speakers", "Dr Amal Hassan")
            .Fill("a-1-start", "2026-03-10T14:30").Fill("a-1-end", "2026-03-10T14:10").Fill("a-1-topicEn", "Panel");
        var page = await HttpAssert.HtmlAsync(await client.PostAsync($"/events/{id}/agenda", form.ToContent(), Ct));
        Assert.Contains(HttpAssert.ValidationMessages(page), message => message.StartsWith("End must be after the start", StringComparison.Ordinal));

        form.Fill("a-1-end", "2026-03-10T15:30");
        await HttpAssert.RedirectAsync(await client.PostAsync($"/events/{id}/agenda", form.ToContent(), Ct));
        await using var db = factory.OpenSystemDb();
        var agenda = await db.Db.AgendaItems.AsNoTracking().Where(a => a.EventId == id).OrderBy(a => a.StartsAt).ToListAsync(Ct);
        Assert.Equal(["Opening", "Panel"], agenda.Select(a => a.Topic.En));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), agenda[0].StartsAt);
    }
}

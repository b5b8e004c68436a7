using System.Net;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Events;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// The public side of events (issue 12 §1, §2, §5, §6): the listing and its filters, the event page's times in the
/// event's and the reader's zone, series links, drafts only for organisers, the online link never public, inert
/// script, localized names, and the read API.
/// </summary>
public class EventPagesTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset CairoMorning = new(2024, 7, 15, 6, 0, 0, TimeSpan.Zero); // 09:00 in Cairo (UTC+03:00)

    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) =>
        WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(path, Ct), status));

    private DateTimeOffset InDays(double days) => factory.Now().AddDays(days);

    [Fact]
    public async Task A_draft_is_invisible_to_anonymous_readers_and_the_api_and_visible_to_an_organiser()
    {
        var series = await factory.SeriesAsync();
        var draft = await factory.EventAsync(InDays(10), title: $"Draft webinar {TestAccounts.UniqueSuffix()}", announced: false, series: series);
        var anonymous = factory.CreatePageClient();

        Assert.DoesNotContain(draft.Title.En, await PageAsync(anonymous, $"/events?series={series}"), StringComparison.Ordinal);
        await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/events/{draft.Id}", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/events/{draft.Id}", Ct), HttpStatusCode.NotFound);
        var list = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/events?series={series}", Ct));
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        var organiser = await factory.CreateUserAsync(Roles.Organiser);
        var signedIn = await factory.CreateSignedInClientAsync(organiser);
        var listing = await PageAsync(signedIn, $"/events?series={series}");
        Assert.Contains(draft.Title.En, listing, StringComparison.Ordinal);
        Assert.Contains("Draft", listing, StringComparison.Ordinal);
        Assert.Contains("href=\"/events/new\"", listing, StringComparison.Ordinal);
        var page = await PageAsync(signedIn, $"/events/{draft.Id}");
        Assert.Contains($"href=\"/events/{draft.Id}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{draft.Id}/registrations\"", page, StringComparison.Ordinal);
        var api = await factory.CreateApiClientAsync(organiser);
        Assert.Equal("Draft", (await HttpAssert.JsonAsync(await api.GetAsync($"/api/events/{draft.Id}", Ct))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_listing_filters_by_type_region_series_and_behaviour()
    {
        var series = await factory.SeriesAsync();
        var webinar = await factory.EventAsync(InDays(5), series: series, type: EventType.Webinar, tags: [(TagFacet.Region, "EMR"), (TagFacet.Behaviour, "DS")]);
        var workshop = await factory.EventAsync(InDays(6), series: series, type: EventType.Workshop, tags: [(TagFacet.Region, "AFR"), (TagFacet.Behaviour, "SA")]);
        var elsewhere = await factory.EventAsync(InDays(7), type: EventType.Webinar, tags: [(TagFacet.Region, "EMR")]);
        var anonymous = factory.CreatePageClient();

        var inSeries = await PageAsync(anonymous, $"/events?series={series}");
        Assert.Contains(webinar.Title.En, inSeries, StringComparison.Ordinal);
        Assert.Contains(workshop.Title.En, inSeries, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Title.En, inSeries, StringComparison.Ordinal);

        var byType = await PageAsync(anonymous, $"/events?series={series}&type=Workshop");
        Assert.Contains(workshop.Title.En, byType, StringComparison.Ordinal);
        Assert.DoesNotContain(webinar.Title.En, byType, StringComparison.Ordinal);

        var byRegion = await PageAsync(anonymous, $"/events?series={series}&region=EMR");
        Assert.Contains(webinar.Title.En, byRegion, StringComparison.Ordinal);
        Assert.DoesNotContain(workshop.Title.En, byRegion, StringComparison.Ordinal);

        var byBehaviour = await PageAsync(anonymous, $"/events?series={series}&behaviour=SA");
        Assert.Contains(workshop.Title.En, byBehaviour, StringComparison.Ordinal);
        Assert.DoesNotContain(webinar.Title.En, byBehaviour, StringComparison.Ordinal);

        var api = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/events?series={series}&type=webinar&region=emr", Ct));
        Assert.Equal([webinar.Id], api.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));

        // A GET filter form carries no antiforgery token, so the page may be kept for everyone.
        Assert.DoesNotContain("__RequestVerificationToken", inSeries, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upcoming_events_come_soonest_first_and_past_ones_newest_first()
    {
        var series = await factory.SeriesAsync();
        var later = await factory.EventAsync(InDays(20), series: series, title: $"Later {TestAccounts.UniqueSuffix()}");
        var sooner = await factory.EventAsync(InDays(2), series: series, title: $"Sooner {TestAccounts.UniqueSuffix()}");
        var longAgo = await factory.EventAsync(InDays(-40), series: series, title: $"Long ago {TestAccounts.UniqueSuffix()}");
        var recently = await factory.EventAsync(InDays(-3), series: series, title: $"Recently {TestAccounts.UniqueSuffix()}");
        var anonymous = factory.CreatePageClient();

        var upcoming = await PageAsync(anonymous, $"/events?series={series}");
        Assert.True(upcoming.IndexOf(sooner.Title.En, StringComparison.Ordinal) < upcoming.IndexOf(later.Title.En, StringComparison.Ordinal));
        Assert.DoesNotContain(recently.Title.En, upcoming, StringComparison.Ordinal);

        var past = await PageAsync(anonymous, $"/events?series={series}&when=past");
        Assert.True(past.IndexOf(recently.Title.En, StringComparison.Ordinal) < past.IndexOf(longAgo.Title.En, StringComparison.Ordinal));
        Assert.DoesNotContain(sooner.Title.En, past, StringComparison.Ordinal);

        var api = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/events?series={series}&when=past", Ct));
        Assert.Equal([recently.Id, longAgo.Id], api.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_event_page_shows_its_times_in_the_events_zone_and_in_the_zone_the_reader_chose()
    {
        var cairo = await factory.EventAsync(CairoMorning, length: TimeSpan.FromHours(8), venue: "Conference centre, Cairo");
        var anonymous = factory.CreatePageClient();

        var own = await PageAsync(anonymous, $"/events/{cairo.Id}");
        Assert.Contains("15 Jul 2024, 09:00–17:00 (UTC+03:00)", own, StringComparison.Ordinal);
        Assert.Contains("Africa/Cairo", own, StringComparison.Ordinal);
        Assert.Matches(@"<script src=""[^""]*local-time[^""]*\.js"" defer>", own);

        var tokyo = await PageAsync(anonymous, $"/events/{cairo.Id}?tz=Asia/Tokyo");
        Assert.Contains("15 Jul 2024, 09:00–17:00 (UTC+03:00)", tokyo, StringComparison.Ordinal);
        Assert.Contains("15 Jul 2024, 15:00–23:00 (UTC+09:00)", tokyo, StringComparison.Ordinal);

        var unknown = await PageAsync(anonymous, $"/events/{cairo.Id}?tz=Mars/Olympus_Mons");
        Assert.Contains("15 Jul 2024, 09:00–17:00 (UTC+03:00)", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC+09:00", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"reader-time\"", unknown, StringComparison.Ordinal);
        Assert.Contains("class=\"reader-time\"", tokyo, StringComparison.Ordinal);

        // No form that sets a cookie: the page is kept for anonymous readers.
        Assert.DoesNotContain("__RequestVerificationToken", own, StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", own, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_module_links_to_the_previous_and_the_next_module_of_its_series()
    {
        var series = await factory.SeriesAsync();
        var first = await factory.EventAsync(InDays(-30), series: series, module: 1);
        var second = await factory.EventAsync(InDays(-20), series: series, module: 2);
        var third = await factory.EventAsync(InDays(10), series: series, module: 3);
        var anonymous = factory.CreatePageClient();

        var middle = await PageAsync(anonymous, $"/events/{second.Id}");
        Assert.Contains($"rel=\"prev\" class=\"event-previous\" href=\"/events/{first.Id}\"", middle, StringComparison.Ordinal);
        Assert.Contains($"rel=\"next\" class=\"event-next\" href=\"/events/{third.Id}\"", middle, StringComparison.Ordinal);
        Assert.Contains("Module 2", middle, StringComparison.Ordinal);
        var start = await PageAsync(anonymous, $"/events/{first.Id}");
        Assert.DoesNotContain("rel=\"prev\"", start, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{second.Id}\"", start, StringComparison.Ordinal);

        var seriesPage = await PageAsync(anonymous, $"/events/series/{series}");
        var order = new[] { first, second, third }.Select(e => seriesPage.IndexOf(e.Title.En, StringComparison.Ordinal)).ToList();
        Assert.All(order, position => Assert.True(position > 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task The_online_link_never_reaches_anonymous_readers_and_organisers_see_it()
    {
        const string link = "https://meet.example.org/j/secret-room-4242";
        var online = await factory.EventAsync(InDays(3), onlineLink: link);
        var anonymous = factory.CreatePageClient();

        Assert.DoesNotContain("secret-room-4242", await PageAsync(anonymous, $"/events/{online.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-room-4242", await PageAsync(anonymous, "/events"), StringComparison.Ordinal);
        var api = await anonymous.GetStringAsync($"/api/events/{online.Id}", Ct);
        Assert.DoesNotContain("secret-room-4242", api, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-room-4242", await anonymous.GetStringAsync($"/events/{online.Id}/event.ics", Ct), StringComparison.Ordinal);

        var organiser = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        Assert.Contains(link, await PageAsync(organiser, $"/events/{online.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_a_title_or_description_is_inert()
    {
        var hostile = await factory.EventAsync(InDays(4), title: "<script>alert('x')</script> Hostile",
            configure: e => e.Description = LocalizedText.English("Hello <script>alert('y')</script> **bold** <img src=x onerror=alert(1)>"));
        var anonymous = factory.CreatePageClient();

        var html = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/events/{hostile.Id}", Ct));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task French_and_Arabic_pages_name_types_access_and_groups_in_their_language()
    {
        var invite = await factory.EventAsync(InDays(8), type: EventType.Webinar, access: EventAccess.InviteOnly);
        await factory.RegisterAsync(invite.Id, ParticipantGroup.Philanthropy, "EGY");
        var anonymous = factory.CreatePageClient();

        var french = await PageAsync(anonymous, $"/events/{invite.Id}?culture=fr");
        Assert.Contains("Webinaire", french, StringComparison.Ordinal);
        Assert.Contains("Sur invitation", french, StringComparison.Ordinal);
        Assert.Contains("Philanthropie", french, StringComparison.Ordinal);
        Assert.Contains("Égypte", french, StringComparison.Ordinal);

        var arabic = await PageAsync(factory.CreatePageClient(), $"/events/{invite.Id}?culture=ar");
        Assert.Contains("ندوة إلكترونية", arabic, StringComparison.Ordinal);
        Assert.Contains("بدعوة فقط", arabic, StringComparison.Ordinal);
        Assert.Contains("العمل الخيري", arabic, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);

        var listing = await PageAsync(factory.CreatePageClient(), "/events?culture=fr&type=Webinar");
        Assert.Contains("Webinaire", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_box_says_open_by_invitation_or_closed()
    {
        var open = await factory.EventAsync(InDays(9));
        var invite = await factory.EventAsync(InDays(9), access: EventAccess.InviteOnly);
        var over = await factory.EventAsync(InDays(-9));
        var anonymous = factory.CreatePageClient();

        Assert.Contains($"href=\"/events/{open.Id}/register\"", await PageAsync(anonymous, $"/events/{open.Id}"), StringComparison.Ordinal);
        var invitation = await PageAsync(anonymous, $"/events/{invite.Id}");
        Assert.DoesNotContain("/register\"", invitation, StringComparison.Ordinal);
        Assert.Contains("By invitation only", invitation, StringComparison.Ordinal);
        var closed = await PageAsync(anonymous, $"/events/{over.Id}");
        Assert.DoesNotContain("/register\"", closed, StringComparison.Ordinal);
        Assert.Contains("Registration is closed", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_messages_say_what_came_of_them_naming_only_the_country_and_published_resources()
    {
        var past = await factory.EventAsync(InDays(-60));
        var published = LocalizedText.English($"Published guide {TestAccounts.UniqueSuffix()}");
        var draft = LocalizedText.English($"Draft guide {TestAccounts.UniqueSuffix()}");
        Guid publishedId, draftId;
        var author = await factory.CreateUserAsync(Roles.ContentEditor);
        await using (var scope = factory.OpenSystemDb())
        {
            var one = new Resource { CreatedById = author.Id, LanguageCodes = "en", Title = published, Summary = LocalizedText.English("A guide."), Type = ResourceType.Report, Year = 2024, State = ModerationState.Published, CreatedAt = factory.Now(), UpdatedAt = factory.Now() };
            var two = new Resource { CreatedById = author.Id, LanguageCodes = "en", Title = draft, Summary = LocalizedText.English("A guide."), Type = ResourceType.Report, Year = 2024, State = ModerationState.Draft, CreatedAt = factory.Now(), UpdatedAt = factory.Now() };
            scope.Db.Resources.AddRange(one, two);
            (publishedId, draftId) = (one.Id, two.Id);
            var trust = new KeyMessage { EventId = past.Id, Theme = LocalizedText.English("Trust"), Text = LocalizedText.English("Build trust between sectors."), Order = 1 };
            trust.FollowUps.Add(new KeyMessageFollowUp { KeyMessageId = trust.Id, Kind = FollowUpKind.Action, CountryIso3 = "EGY", CreatedAt = factory.Now() });
            trust.FollowUps.Add(new KeyMessageFollowUp { KeyMessageId = trust.Id, Kind = FollowUpKind.Resource, ResourceId = one.Id, CreatedAt = factory.Now() });
            trust.FollowUps.Add(new KeyMessageFollowUp { KeyMessageId = trust.Id, Kind = FollowUpKind.Resource, ResourceId = two.Id, CreatedAt = factory.Now() });
            scope.Db.KeyMessages.Add(trust);
            scope.Db.EventResources.Add(new EventResource { EventId = past.Id, ResourceId = two.Id });
            await scope.Db.SaveChangesAsync(Ct);
        }
        var anonymous = factory.CreatePageClient();

        var page = await PageAsync(anonymous, $"/events/{past.Id}");
        Assert.Contains("Build trust between sectors.", page, StringComparison.Ordinal);
        Assert.Contains("Became an action in Egypt’s plan", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/resources/{publishedId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.En, page, StringComparison.Ordinal);
        Assert.DoesNotContain(draftId.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("Followed up", page, StringComparison.Ordinal);

        var api = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/events/{past.Id}", Ct));
        var followUps = api.GetProperty("keyMessages")[0].GetProperty("followUps");
        Assert.Equal(2, followUps.GetArrayLength());
        Assert.Equal("FollowedUp", api.GetProperty("status").GetString());
        Assert.Equal(0, api.GetProperty("resources").GetArrayLength());
    }

    [Fact]
    public async Task The_api_refuses_an_unknown_filter_value_naming_the_field()
    {
        var anonymous = factory.CreatePageClient();
        var problem = await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/events?type=Party&when=someday&page=0", Ct), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("when", out _));
        Assert.True(errors.TryGetProperty("page", out _));
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/events/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
        // The page is lenient: the same query shows the upcoming list.
        await HttpAssert.HtmlAsync(await anonymous.GetAsync("/events?type=Party&when=someday&page=0", Ct));
    }

    [Fact]
    public async Task A_demonstration_event_is_labelled()
    {
        var series = await factory.SeriesAsync();
        var demo = await factory.EventAsync(InDays(12), series: series, demonstration: true);
        var anonymous = factory.CreatePageClient();
        Assert.Contains("Demonstration", await PageAsync(anonymous, $"/events?series={series}"), StringComparison.Ordinal);
        Assert.Contains("Demonstration", await PageAsync(anonymous, $"/events/{demo.Id}"), StringComparison.Ordinal);
        var json = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/events/{demo.Id}", Ct));
        Assert.True(json.GetProperty("isDemonstration").GetBoolean());
    }

    [Fact]
    public async Task The_events_reads_are_listed_in_openapi_with_their_problems()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await factory.CreatePageClient().GetStringAsync("/openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/events").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/events/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.TryGetProperty("/events/calendar.ics", out _));
        Assert.True(paths.GetProperty("/events/{id}/event.ics").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }
}

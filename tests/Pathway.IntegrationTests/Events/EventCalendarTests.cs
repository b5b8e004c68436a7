using System.Net;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector;
using Pathway.Web.Events;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests.Events;

/// <summary>The iCalendar output (issue 12 §6), parsed back with Ical.Net: one event's .ics and the filtered feed.</summary>
public class EventCalendarTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Ical.Net.Calendar> LoadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return Ical.Net.Calendar.Load(text) ?? throw new InvalidOperationException("Not a calendar: " + text);
    }

    [Fact]
    public async Task One_events_ics_holds_its_uid_start_in_its_zone_summary_location_and_url()
    {
        var now = factory.Now();
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, 7, 30, 0, TimeSpan.Zero).AddDays(30);
        var cairo = await factory.EventAsync(start, length: TimeSpan.FromHours(3), title: "Regional dialogue, Cairo: \"trust\"; sectors", venue: "Conference centre, Cairo",
            onlineLink: "https://meet.example.org/j/never-in-ics", configure: e => e.Title = new LocalizedText([new("en", e.Title.En), new("fr", "Dialogue régional")]));
        var anonymous = factory.CreatePageClient();

        var response = await anonymous.GetAsync($"/events/{cairo.Id}/event.ics", Ct);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal("regional-dialogue-cairo-trust-sectors.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var calendar = await LoadAsync(response);
        var item = Assert.Single(calendar.Events);
        Assert.Equal($"{cairo.Id:D}@pathway", item.Uid);
        Assert.Equal("Africa/Cairo", item.Start!.TzId);
        var local = EventTimes.InZone(start, EventTimes.FindZone("Africa/Cairo")!);
        Assert.Equal(local.DateTime, item.Start.Value);
        Assert.Equal("Africa/Cairo", item.End!.TzId);
        Assert.Equal(cairo.Title.En, item.Summary);
        Assert.Equal("Conference centre, Cairo", item.Location);
        Assert.EndsWith($"/events/{cairo.Id}", item.Url!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains($"/events/{cairo.Id}", item.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", item.Status);
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "Africa/Cairo");
        Assert.DoesNotContain("never-in-ics", calendar.Events.Single().Description, StringComparison.Ordinal);

        var french = await LoadAsync(await anonymous.GetAsync($"/events/{cairo.Id}/event.ics?culture=fr", Ct));
        Assert.Equal("Dialogue régional", french.Events.Single().Summary);
    }

    [Fact]
    public async Task The_feed_lists_announced_events_not_yet_over_with_the_listings_filters()
    {
        var series = await factory.SeriesAsync();
        var webinar = await factory.EventAsync(factory.Now().AddDays(3), series: series, type: EventType.Webinar, tags: [(TagFacet.Region, "EMR"), (TagFacet.Behaviour, "DS")]);
        var ongoing = await factory.EventAsync(factory.Now().AddHours(-1), length: TimeSpan.FromHours(4), series: series, type: EventType.Webinar);
        var workshop = await factory.EventAsync(factory.Now().AddDays(4), series: series, type: EventType.Workshop, tags: [(TagFacet.Region, "AFR")]);
        var draft = await factory.EventAsync(factory.Now().AddDays(5), series: series, announced: false);
        var over = await factory.EventAsync(factory.Now().AddDays(-5), series: series);
        var organiser = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Pathway.Web.Accounts.Roles.Organiser));

        foreach (var client in new[] { factory.CreatePageClient(), organiser })
        {
            var all = await LoadAsync(await client.GetAsync($"/events/calendar.ics?series={series}", Ct));
            Assert.Equal(
                new[] { ongoing.Id, webinar.Id, workshop.Id }.Select(id => $"{id:D}@pathway").Order(),
                all.Events.Select(e => e.Uid!).Order());
            Assert.DoesNotContain(all.Events, e => e.Uid == $"{draft.Id:D}@pathway" || e.Uid == $"{over.Id:D}@pathway");
        }
        var anonymous = factory.CreatePageClient();
        var byType = await LoadAsync(await anonymous.GetAsync($"/events/calendar.ics?series={series}&type=Workshop", Ct));
        Assert.Equal([$"{workshop.Id:D}@pathway"], byType.Events.Select(e => e.Uid));
        var byRegion = await LoadAsync(await anonymous.GetAsync($"/events/calendar.ics?series={series}&region=EMR", Ct));
        Assert.Equal([$"{webinar.Id:D}@pathway"], byRegion.Events.Select(e => e.Uid));
        var byBehaviour = await LoadAsync(await anonymous.GetAsync($"/events/calendar.ics?series={series}&behaviour=DS", Ct));
        Assert.Equal([$"{webinar.Id:D}@pathway"], byBehaviour.Events.Select(e => e.Uid));

        // The listing offers the feed with its filters.
        var listing = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/events?series={series}&type=Workshop", Ct)));
        Assert.Contains($"href=\"/events/calendar.ics?type=Workshop&series={series}\"", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drafts_ics_is_not_found_for_anonymous_readers()
    {
        var draft = await factory.EventAsync(factory.Now().AddDays(6), announced: false);
        await HttpAssert.ProblemAsync(await factory.CreatePageClient().GetAsync($"/events/{draft.Id}/event.ics", Ct), HttpStatusCode.NotFound);
    }
}

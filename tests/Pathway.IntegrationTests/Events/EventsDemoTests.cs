using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Events;
using Pathway.Web.Events.Demo;

namespace Pathway.IntegrationTests.Events;

public class EventsDemoTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demonstration_events_load_once_with_the_webinars_73_participants_and_go_with_removal()
    {
        await EventsDemo.LoadAsync(factory.Services, Ct);
        await EventsDemo.LoadAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            var events = await scope.Db.Events.AsNoTracking().Where(e => e.IsDemonstration)
                .Select(e => new { e.Id, e.ModuleNumber, e.TimeZone, e.StartsAt, e.LaunchedFrameworkVersion, Messages = e.KeyMessages.Count })
                .ToListAsync(Ct);
            Assert.Equal(2, events.Count);
            Assert.Equal(1, await scope.Db.EventSeries.CountAsync(series => series.IsDemonstration, Ct));

            var cairo = events.Single(e => e.TimeZone == "Africa/Cairo");
            // 09:00 in Cairo in July (UTC+3) is 06:00 UTC; the meeting launched framework version 1.
            Assert.Equal(new DateTimeOffset(2024, 7, 15, 6, 0, 0, TimeSpan.Zero), cairo.StartsAt);
            Assert.Equal(await scope.Db.FrameworkVersions.Where(v => v.Version == "1").Select(v => (int?)v.Id).SingleAsync(Ct), cairo.LaunchedFrameworkVersion);

            var module = events.Single(e => e.ModuleNumber == 1);
            Assert.Equal(new DateOnly(2021, 3, 10), DateOnly.FromDateTime(module.StartsAt.UtcDateTime));
            Assert.Equal(4, module.Messages);
            var byGroup = await scope.Db.ParticipationTotals.AsNoTracking()
                .Where(total => total.EventId == module.Id && total.Dimension == TotalDimension.Group).ToListAsync(Ct);
            Assert.Equal(73, byGroup.Sum(total => total.Count));
            Assert.Equal(
                [nameof(ParticipantGroup.Academia), nameof(ParticipantGroup.DevelopmentAgency), nameof(ParticipantGroup.Ngo), nameof(ParticipantGroup.Philanthropy), nameof(ParticipantGroup.PrivateCompany)],
                byGroup.Select(total => total.Key).Order(StringComparer.Ordinal));
            Assert.Equal(2, await scope.Db.EventPlaces.CountAsync(places => events.Select(e => e.Id).Contains(places.EventId), Ct));
        }

        // Names and places are content: each reader gets them in their own language.
        using var client = factory.CreateClient();
        var arabic = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{EventsDemo.CairoMeeting}?culture=ar", Ct)));
        Assert.Contains("القاهرة، مصر", arabic, StringComparison.Ordinal);
        Assert.Contains("المقر الرئيسي لمنظمة الصحة العالمية", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("WHO headquarters", arabic, StringComparison.Ordinal);
        var french = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{EventsDemo.CairoMeeting}?culture=fr", Ct)));
        Assert.Contains("Le Caire, Égypte", french, StringComparison.Ordinal);

        await EventsDemo.RemoveAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.False(await scope.Db.Events.AnyAsync(e => e.IsDemonstration, Ct));
            Assert.False(await scope.Db.EventSeries.AnyAsync(series => series.IsDemonstration, Ct));
            Assert.False(await scope.Db.KeyMessages.AnyAsync(message => message.EventId == EventsDemo.CairoMeeting, Ct));
        }
    }
}

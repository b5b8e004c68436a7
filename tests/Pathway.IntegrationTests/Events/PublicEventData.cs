using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector;
using Pathway.Web.Events;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests.Events;

/// <summary>Events, series and registrations written straight through the database, for the public pages' tests.</summary>
internal static class PublicEventData
{
    public static DateTimeOffset Now(this PathwayAppFactory factory) => factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public static async Task<Guid> SeriesAsync(this PathwayAppFactory factory, string? title = null)
    {
        await using var scope = factory.OpenSystemDb();
        var series = new EventSeries { Title = LocalizedText.English(title ?? $"Series {TestAccounts.UniqueSuffix()}"), CreatedAt = factory.Now(), UpdatedAt = factory.Now() };
        scope.Db.EventSeries.Add(series);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return series.Id;
    }

    public static async Task<Event> EventAsync(this PathwayAppFactory factory, DateTimeOffset startsAt, TimeSpan? length = null, string? title = null,
        string timeZone = "Africa/Cairo", EventType type = EventType.Webinar, EventAccess access = EventAccess.Open, bool announced = true,
        Guid? series = null, int? module = null, bool demonstration = false, string? venue = null, string? onlineLink = null, Action<Event>? configure = null,
        params (TagFacet Facet, string Value)[] tags)
    {
        await using var scope = factory.OpenSystemDb();
        var now = factory.Now();
        var item = new Event
        {
            Title = title is null ? LocalizedText.English($"Event {TestAccounts.UniqueSuffix()}") : LocalizedText.English(title),
            TimeZone = timeZone, StartsAt = startsAt, EndsAt = startsAt + (length ?? TimeSpan.FromHours(2)), Type = type, Access = access,
            IsAnnounced = announced, SeriesId = series, ModuleNumber = module, Venue = venue is null ? null : LocalizedText.English(venue), OnlineLink = onlineLink, CreatedAt = now, UpdatedAt = now,
            IsDemonstration = demonstration,
        };
        configure?.Invoke(item);
        foreach (var (facet, value) in tags)
        {
            item.Tags.Add(new EventTag { EventId = item.Id, Facet = facet, Value = value });
        }
        scope.Db.Events.Add(item);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return item;
    }

    public static async Task RegisterAsync(this PathwayAppFactory factory, Guid eventId, ParticipantGroup group, string? country, int count = 1,
        RegistrationStatus status = RegistrationStatus.Confirmed, bool? attended = null)
    {
        await using var scope = factory.OpenSystemDb();
        for (var i = 0; i < count; i++)
        {
            var email = TestAccounts.UniqueEmail("registrant");
            scope.Db.Registrations.Add(new Registration
            {
                EventId = eventId, Name = "Registrant Name", Email = email, EmailKey = Registration.KeyOf(email), CountryIso3 = country, Group = group,
                Status = status, Attended = attended, Language = "en", RegisteredAt = factory.Now(), ConsentedAt = factory.Now(),
            });
        }
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task TotalAsync(this PathwayAppFactory factory, Guid eventId, TotalDimension dimension, string key, int count)
    {
        await using var scope = factory.OpenSystemDb();
        scope.Db.ParticipationTotals.Add(new ParticipationTotal { EventId = eventId, Dimension = dimension, Key = key, Count = count });
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Events;
using Pathway.Web.Events.Registrations;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests.Events;

/// <summary>Events made straight in the database, registrations made through the desk as a request would, and reads for assertions.</summary>
public static class TestEvents
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>An announced, open event a week away (by default), with its places row, and <paramref name="taken"/> places already taken.</summary>
    public static async Task<Event> CreateEventAsync(
        this PathwayAppFactory factory, int? capacity = null, int taken = 0, bool announced = true, EventAccess access = EventAccess.Open,
        DateTimeOffset? startsAt = null, TimeSpan? length = null, string? onlineLink = "https://meet.example.org/room-42")
    {
        var start = startsAt ?? Now.AddDays(7);
        var @event = new Event
        {
            Title = new LocalizedText([new("en", $"Webinar {TestAccounts.UniqueSuffix()}"), new("fr", "Webinaire sur le secteur privé"), new("ar", "ندوة عبر الإنترنت")]),
            Type = EventType.Webinar,
            Access = access,
            StartsAt = start,
            EndsAt = start + (length ?? TimeSpan.FromHours(2)),
            TimeZone = "Africa/Cairo",
            OnlineLink = onlineLink,
            Capacity = capacity,
            IsAnnounced = announced,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await using var scope = factory.OpenSystemDb();
        scope.Db.Events.Add(@event);
        var places = EventPlaces.For(@event);
        places.Confirmed = taken;
        scope.Db.EventPlaces.Add(places);
        await scope.Db.SaveChangesAsync(Ct);
        return @event;
    }

    public static RegistrationInput Person(string? email = null, string group = "Ngo", string country = "EGY", string? name = null) => new()
    {
        Name = name ?? "Amina Haddad",
        Email = email ?? TestAccounts.UniqueEmail("person"),
        Organisation = "Health Partners",
        Country = country,
        Group = group,
        Consent = true,
    };

    /// <summary>Registers through the desk in a scope of its own, as an anonymous request would.</summary>
    public static async Task<Registered> RegisterAsync(this PathwayAppFactory factory, Guid eventId, RegistrationInput? person = null, string language = "en")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<RegistrationDesk>();
        var made = await desk.RegisterAsync(eventId, person ?? Person(), language, Ct);
        Assert.True(made.Succeeded, made.Failure?.Detail);
        return made.Value!;
    }

    public static async Task CancelAsync(this PathwayAppFactory factory, Guid registrationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var cancelled = await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().CancelAsync(registrationId, Ct);
        Assert.True(cancelled.Succeeded, cancelled.Failure?.Detail);
    }

    public static async Task<List<Registration>> RegistrationsOfAsync(this PathwayAppFactory factory, Guid eventId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(Ct);
    }

    public static async Task<int> PlacesTakenAsync(this PathwayAppFactory factory, Guid eventId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.EventPlaces.AsNoTracking().Where(p => p.EventId == eventId).Select(p => p.Confirmed).SingleAsync(Ct);
    }

    public static async Task<List<EventMail>> MailsOfAsync(this PathwayAppFactory factory, Guid registrationId)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.EventMails.AsNoTracking().Where(m => m.RegistrationId == registrationId).OrderBy(m => m.CreatedAt).ToListAsync(Ct);
    }

    public static string TokenFor(this PathwayAppFactory factory, Guid registrationId) =>
        factory.Services.GetRequiredService<RegistrationLinks>().TokenFor(registrationId);

    /// <summary>One run of the events job in a scope of its own, on <paramref name="clock"/>.</summary>
    public static async Task<EventRun> RunEventJobAsync(this PathwayAppFactory factory, TimeProvider clock, string holder = "test-server")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<EventJob>(scope.ServiceProvider, clock);
        return await job.RunAsync(holder, Ct);
    }

    /// <summary>A sent message's text: UTF-8 travels base64-encoded, the body follows the first blank line.</summary>
    public static string Decode(string message)
    {
        var encoded = message.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", 2)[1];
        return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(encoded, @"\s", "")));
    }
}

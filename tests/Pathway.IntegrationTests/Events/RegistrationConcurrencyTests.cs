using System.Net;
using System.Net.Http.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Events;
using Pathway.Web.Events.Registrations;

namespace Pathway.IntegrationTests.Events;

/// <summary>
/// Places under load, on both databases: many people registering at once for the last places, cancellations racing
/// each other, the same address registering twice at once. Real concurrency (parallel scopes and HTTP requests), no timing.
/// </summary>
public sealed class RegistrationConcurrencyTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_people_registering_at_once_for_the_last_fifty_places_leave_exactly_fifty_confirmed_and_a_hundred_and_fifty_waiting()
    {
        var @event = await factory.CreateEventAsync(capacity: 250, taken: 200);

        var made = await Task.WhenAll(Enumerable.Range(0, 200).Select(async index =>
        {
            await Task.Yield();
            return await factory.RegisterAsync(@event.Id, TestEvents.Person(email: $"crowd-{index}-{Guid.NewGuid():N}@example.org"));
        }));

        Assert.Equal(50, made.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(150, made.Count(r => r.Status == RegistrationStatus.Waiting));
        var stored = await factory.RegistrationsOfAsync(@event.Id);
        Assert.Equal(50, stored.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(150, stored.Count(r => r.Status == RegistrationStatus.Waiting));
        Assert.Equal(250, await factory.PlacesTakenAsync(@event.Id));
    }

    [Fact]
    public async Task Concurrent_http_registrations_never_overbook()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreateClient()).ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async index =>
        {
            using var response = await clients[index % clients.Count].PostAsJsonAsync($"/api/events/{@event.Id}/registrations",
                new { name = "Walk In", email = $"http-{index}-{Guid.NewGuid():N}@example.org", country = "JOR", group = "Academia", consent = true }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<StatusBody>(Ct))!.Status;
        }));

        Assert.Equal(10, responses.Count(status => status == "Confirmed"));
        Assert.Equal(30, responses.Count(status => status == "Waiting"));
        Assert.Equal(10, await factory.PlacesTakenAsync(@event.Id));
        clients.ForEach(client => client.Dispose());
    }

    [Fact]
    public async Task Concurrent_cancellations_promote_distinct_people_in_order_and_the_count_stays_right()
    {
        var @event = await factory.CreateEventAsync(capacity: 20);
        var confirmed = new List<Registered>();
        for (var index = 0; index < 20; index++)
        {
            confirmed.Add(await factory.RegisterAsync(@event.Id));
        }
        var waiting = new List<Registered>();
        for (var index = 0; index < 15; index++)
        {
            waiting.Add(await factory.RegisterAsync(@event.Id));
        }
        Assert.All(waiting, w => Assert.Equal(RegistrationStatus.Waiting, w.Status));

        await Task.WhenAll(confirmed.Take(10).Select(async r =>
        {
            await Task.Yield();
            await factory.CancelAsync(r.Id);
        }));

        var stored = (await factory.RegistrationsOfAsync(@event.Id)).ToDictionary(r => r.Id);
        Assert.Equal(20, stored.Values.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(20, await factory.PlacesTakenAsync(@event.Id));
        // The ten who waited longest got the places, each once; the other five still wait.
        Assert.All(waiting.Take(10), w => Assert.Equal(RegistrationStatus.Confirmed, stored[w.Id].Status));
        Assert.All(waiting.Skip(10), w => Assert.Equal(RegistrationStatus.Waiting, stored[w.Id].Status));
        foreach (var promoted in waiting.Take(10))
        {
            Assert.Single(await factory.MailsOfAsync(promoted.Id), mail => mail.Kind == EventMailKind.Promoted);
        }
    }

    [Fact]
    public async Task The_same_address_registering_many_times_at_once_makes_one_registration_and_no_error()
    {
        var @event = await factory.CreateEventAsync(capacity: 5);
        var email = TestAccounts.UniqueEmail("twice");
        using var client = factory.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async index =>
        {
            using var response = await client.PostAsJsonAsync($"/api/events/{@event.Id}/registrations",
                new { name = "Same Person", email = index % 2 == 0 ? email : email.ToUpperInvariant(), country = "EGY", group = "Ngo", consent = true }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<StatusBody>(Ct))!;
        }));

        var registration = Assert.Single(await factory.RegistrationsOfAsync(@event.Id));
        Assert.All(statuses, s => Assert.Equal(registration.Id, s.Id));
        Assert.Single(statuses, s => !s.AlreadyRegistered);
        Assert.Equal(1, await factory.PlacesTakenAsync(@event.Id));
        // The mail is queued in the registration's transaction: the requests that lost the race left none behind, and
        // the link already waiting to go out is not queued twice.
        var mail = Assert.Single(await factory.MailsOfAsync(registration.Id));
        Assert.Equal(EventMailKind.Confirmed, mail.Kind);
    }

    private sealed record StatusBody(Guid Id, string Status, bool AlreadyRegistered);
}

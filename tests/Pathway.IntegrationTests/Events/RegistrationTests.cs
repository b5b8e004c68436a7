using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Events;

namespace Pathway.IntegrationTests.Events;

/// <summary>The public registration form and API: places, the waiting list, closed events, field errors, the registrant's link.</summary>
public sealed class RegistrationTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HtmlForm> FormAsync(HttpClient client, Guid eventId, string culture = "en")
    {
        var html = await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{eventId}/register?culture={culture}", Ct));
        return HtmlForm.Find(html, "event-register");
    }

    private static HtmlForm Fill(HtmlForm form, string email, string name = "Amina Haddad", string country = "EGY", string group = "Ngo") =>
        form.Fill("name", name).Fill("email", email).Fill("organisation", "Health Partners").Fill("country", country).Fill("group", group);

    /// <summary>The form as posted, with the consent box ticked (an unticked box is not posted at all).</summary>
    private static FormUrlEncodedContent Content(HtmlForm form, bool consent = true) =>
        new(consent ? form.Fields.Append(new("Input.Consent", "true")) : form.Fields);

    [Fact]
    public async Task A_person_registers_through_the_form_and_lands_on_their_registration_page()
    {
        var @event = await factory.CreateEventAsync(capacity: 30);
        using var client = factory.CreatePageClient();
        var form = await FormAsync(client, @event.Id);
        var email = TestAccounts.UniqueEmail("form");

        using var posted = await client.PostAsync($"/events/{@event.Id}/register", Content(Fill(form, email)), Ct);

        var location = new Uri(new Uri("http://localhost"), await HttpAssert.RedirectAsync(posted)).PathAndQuery;
        Assert.StartsWith("/events/registration/", location, StringComparison.Ordinal);
        var registration = Assert.Single(await factory.RegistrationsOfAsync(@event.Id));
        Assert.Equal((RegistrationStatus.Confirmed, email, "EGY", ParticipantGroup.Ngo, "en"),
            (registration.Status, registration.Email, registration.CountryIso3?.Trim(), registration.Group, registration.Language));
        Assert.Equal(1, await factory.PlacesTakenAsync(@event.Id));
        var page = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(location, Ct)));
        Assert.Contains("Place confirmed", page, StringComparison.Ordinal);
        Assert.Contains("https://meet.example.org/room-42", page, StringComparison.Ordinal);
        Assert.Contains($"/events/{@event.Id}/event.ics", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_shows_the_time_in_the_events_zone_and_the_places_left_then_the_waiting_list_when_full()
    {
        var @event = await factory.CreateEventAsync(capacity: 2, taken: 1,
            startsAt: new DateTimeOffset(2031, 3, 20, 7, 0, 0, TimeSpan.Zero));
        using var client = factory.CreatePageClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{@event.Id}/register", Ct));
        Assert.Contains("09:00 (UTC+02:00)", html, StringComparison.Ordinal);
        Assert.Contains("Places left: 1.", html, StringComparison.Ordinal);
        Assert.Contains("365 days", html, StringComparison.Ordinal);

        await factory.RegisterAsync(@event.Id);
        var full = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{@event.Id}/register", Ct));
        Assert.Contains("you will join the waiting list", full, StringComparison.Ordinal);
        var waiting = await factory.RegisterAsync(@event.Id);
        Assert.Equal(RegistrationStatus.Waiting, waiting.Status);
        var mine = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/registration/{factory.TokenFor(waiting.Id)}", Ct));
        Assert.Contains("number 1 on the waiting list", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.org", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_gives_the_place_to_whoever_waited_longest_and_a_get_never_cancels()
    {
        var @event = await factory.CreateEventAsync(capacity: 1);
        var first = await factory.RegisterAsync(@event.Id);
        var second = await factory.RegisterAsync(@event.Id);
        var third = await factory.RegisterAsync(@event.Id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Waiting], new[] { first.Status, second.Status, third.Status });
        using var client = factory.CreatePageClient();
        var path = $"/events/registration/{factory.TokenFor(first.Id)}";

        var page = await HttpAssert.HtmlAsync(await client.GetAsync(path, Ct));
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.RegistrationsOfAsync(@event.Id)).Single(r => r.Id == first.Id).Status);
        using (var cancel = await client.PostAsync(path, HtmlForm.Find(page, "registration-cancel").ToContent(), Ct))
        {
            Assert.Contains("done=cancelled", await HttpAssert.RedirectAsync(cancel), StringComparison.Ordinal);
        }

        var stored = (await factory.RegistrationsOfAsync(@event.Id)).ToDictionary(r => r.Id);
        Assert.Equal(RegistrationStatus.Cancelled, stored[first.Id].Status);
        Assert.Equal(RegistrationStatus.Confirmed, stored[second.Id].Status);
        Assert.Equal(RegistrationStatus.Waiting, stored[third.Id].Status);
        Assert.Equal(1, await factory.PlacesTakenAsync(@event.Id));
        Assert.Contains(await factory.MailsOfAsync(first.Id), mail => mail.Kind == EventMailKind.Cancelled);
        Assert.Contains(await factory.MailsOfAsync(second.Id), mail => mail.Kind == EventMailKind.Promoted);
    }

    [Fact]
    public async Task The_same_address_twice_is_one_registration_with_the_link_sent_again_and_a_cancelled_person_can_come_back()
    {
        var @event = await factory.CreateEventAsync(capacity: 1);
        var email = TestAccounts.UniqueEmail("again");
        var first = await factory.RegisterAsync(@event.Id, TestEvents.Person(email));
        // The first e-mail went out; registering again sends the link again.
        await factory.RunEventJobAsync(TimeProvider.System);
        using var client = factory.CreatePageClient();

        using (var again = await client.PostAsync($"/events/{@event.Id}/register", Content(Fill(await FormAsync(client, @event.Id), "  " + email.ToUpperInvariant())), Ct))
        {
            var location = await HttpAssert.RedirectAsync(again);
            Assert.EndsWith("done=again", location, StringComparison.Ordinal);
            Assert.Contains("already registered", WebUtility.HtmlDecode(await client.GetStringAsync(location, Ct)), StringComparison.Ordinal);
        }
        Assert.Single(await factory.RegistrationsOfAsync(@event.Id));
        var mails = await factory.MailsOfAsync(first.Id);
        Assert.Equal(2, mails.Count(mail => mail.Kind == EventMailKind.Confirmed));
        Assert.Equal(EventMailStatus.Sent, mails[0].Status);

        var other = await factory.RegisterAsync(@event.Id);
        Assert.Equal(RegistrationStatus.Waiting, other.Status);
        await factory.CancelAsync(first.Id);
        var back = await factory.RegisterAsync(@event.Id, TestEvents.Person(email));
        Assert.Equal((first.Id, RegistrationStatus.Waiting, false), (back.Id, back.Status, back.AlreadyRegistered));
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.RegistrationsOfAsync(@event.Id)).Single(r => r.Id == other.Id).Status);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("invite")]
    [InlineData("over")]
    public async Task Closed_events_refuse_registration_with_a_clear_message(string why)
    {
        var @event = why switch
        {
            "draft" => await factory.CreateEventAsync(announced: false),
            "invite" => await factory.CreateEventAsync(access: EventAccess.InviteOnly),
            _ => await factory.CreateEventAsync(startsAt: TestEvents.Now.AddDays(-3)),
        };
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync($"/api/events/{@event.Id}/registrations",
            new { name = "Late Comer", email = TestAccounts.UniqueEmail("closed"), country = "EGY", group = "Ngo", consent = true }, Ct);

        // A draft is not there for the public at all; the others say why they are closed.
        var problem = await HttpAssert.ProblemAsync(response, why == "draft" ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        if (why != "draft")
        {
            Assert.Contains(why == "invite" ? "invitation" : "over", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{@event.Id}/register", Ct));
            Assert.Contains("Registration", page, StringComparison.Ordinal);
            Assert.DoesNotContain("event-register", page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{@event.Id}/register", Ct)).StatusCode);
        }
        Assert.Empty(await factory.RegistrationsOfAsync(@event.Id));
    }

    [Fact]
    public async Task Each_bad_field_is_refused_before_any_write_with_a_message_naming_it()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync($"/api/events/{@event.Id}/registrations",
            new { name = new string('n', 201), email = "not an address", organisation = new string('o', 301), country = "XXX", group = "Nobody", consent = false }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("Name is too long", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("E-mail", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Organisation is too long", errors.GetProperty("organisation")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Country", errors.GetProperty("country")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Stakeholder group", errors.GetProperty("group")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Consent", errors.GetProperty("consent")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await factory.RegistrationsOfAsync(@event.Id));
        Assert.Equal(0, await factory.PlacesTakenAsync(@event.Id));

        using var pages = factory.CreatePageClient();
        using var posted = await pages.PostAsync($"/events/{@event.Id}/register",
            Content(Fill(await FormAsync(pages, @event.Id), TestAccounts.UniqueEmail("consent")), consent: false), Ct);
        var messages = HttpAssert.ValidationMessages(await HttpAssert.HtmlAsync(posted));
        Assert.Contains(messages, message => message.StartsWith("Consent", StringComparison.Ordinal));
        Assert.Empty(await factory.RegistrationsOfAsync(@event.Id));
    }

    [Fact]
    public async Task A_robot_filling_the_hidden_field_is_refused()
    {
        var @event = await factory.CreateEventAsync();
        using var client = factory.CreatePageClient();
        var form = Fill(await FormAsync(client, @event.Id), TestAccounts.UniqueEmail("robot"));
        form.Fill("website", "https://spam.example.com");

        using var posted = await client.PostAsync($"/events/{@event.Id}/register", Content(form), Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Empty(await factory.RegistrationsOfAsync(@event.Id));
    }

    [Fact]
    public async Task Registrations_past_the_limit_per_address_are_refused_with_429()
    {
        var @event = await factory.CreateEventAsync();
        await using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:Register:PermitLimit", "2"));
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var index = 0; index < 3; index++)
        {
            using var response = await client.PostAsJsonAsync($"/api/events/{@event.Id}/registrations",
                new { name = "Eager", email = TestAccounts.UniqueEmail("eager"), country = "EGY", group = "Ngo", consent = true }, Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await HttpAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, (await factory.RegistrationsOfAsync(@event.Id)).Count);
    }

    [Fact]
    public async Task A_tampered_or_made_up_link_is_a_friendly_not_found()
    {
        var @event = await factory.CreateEventAsync();
        var registered = await factory.RegisterAsync(@event.Id);
        var token = factory.TokenFor(registered.Id);
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        using var client = factory.CreatePageClient();

        foreach (var bad in new[] { tampered, "not-a-token", Guid.NewGuid().ToString("N") })
        {
            using var response = await client.GetAsync($"/events/registration/{bad}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/registration/{token}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Raising_the_capacity_promotes_people_waiting_in_order()
    {
        var @event = await factory.CreateEventAsync(capacity: 1);
        await factory.RegisterAsync(@event.Id);
        var waiting = new List<Pathway.Web.Events.Registrations.Registered>();
        for (var index = 0; index < 4; index++)
        {
            waiting.Add(await factory.RegisterAsync(@event.Id));
        }
        await using (var scope = factory.OpenSystemDb())
        {
            var stored = await scope.Db.Events.FindAsync([@event.Id], Ct);
            stored!.Capacity = 3;
            await scope.Db.SaveChangesAsync(Ct);
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<Pathway.Web.Events.Registrations.RegistrationDesk>();
            Assert.Equal(2, await desk.CapacityChangedAsync(@event.Id, Ct));
        }
        var all = (await factory.RegistrationsOfAsync(@event.Id)).ToDictionary(r => r.Id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Waiting],
            waiting.Select(w => all[w.Id].Status));
        Assert.Equal(3, await factory.PlacesTakenAsync(@event.Id));
    }
}

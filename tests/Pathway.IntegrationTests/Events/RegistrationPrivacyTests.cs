using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.IntegrationTests.Notices;
using Pathway.Web.Accounts;
using Pathway.Web.Events;

namespace Pathway.IntegrationTests.Events;

/// <summary>Who sees registrants, what organisers do with the list, erasure on request and by retention, inert script, safe CSV.</summary>
public sealed class RegistrationPrivacyTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The form's hidden fields (antiforgery, form name) with the given pairs, repeated names allowed (checkboxes).</summary>
    private static FormUrlEncodedContent Post(HtmlForm form, params (string Name, string Value)[] pairs) =>
        new(form.Fields.Select(field => new KeyValuePair<string, string>(field.Key, field.Value))
            .Where(field => field.Key is "__RequestVerificationToken" or "_handler")
            .Concat(pairs.Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value))));

    [Fact]
    public async Task Only_organisers_see_registrants_details()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var email = TestAccounts.UniqueEmail("private");
        await factory.RegisterAsync(@event.Id, TestEvents.Person(email));
        var path = $"/events/{@event.Id}/registrations";

        using (var anonymous = factory.CreatePageClient())
        {
            using var page = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/account/login", HttpAssert.Location(page), StringComparison.Ordinal);
            using var api = await anonymous.GetAsync($"/api/events/{@event.Id}/registrations", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using (var client = await factory.CreateSignedInClientAsync(focalPoint))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}.csv", Ct)).StatusCode);
        }
        using (var api = await factory.CreateApiClientAsync(focalPoint))
        {
            await HttpAssert.ProblemAsync(await api.GetAsync($"/api/events/{@event.Id}/registrations", Ct), HttpStatusCode.NotFound);
        }
        foreach (var role in new[] { Roles.Organiser, Roles.ContentEditor })
        {
            var organiser = await factory.CreateUserAsync(role);
            using var client = await factory.CreateSignedInClientAsync(organiser);
            Assert.Contains(email, await HttpAssert.HtmlAsync(await client.GetAsync(path, Ct)), StringComparison.Ordinal);
            using var api = await factory.CreateApiClientAsync(organiser);
            var rows = await HttpAssert.JsonAsync(await api.GetAsync($"/api/events/{@event.Id}/registrations", Ct));
            Assert.Equal(email, rows[0].GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task Script_in_a_registration_is_shown_as_text_and_the_csv_cannot_start_a_formula()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var person = TestEvents.Person(name: "<script>alert('x')</script>");
        person.Organisation = "=HYPERLINK(\"http://evil.example\")";
        await factory.RegisterAsync(@event.Id, person);
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Organiser));

        var html = await HttpAssert.HtmlAsync(await client.GetAsync($"/events/{@event.Id}/registrations", Ct));
        Assert.DoesNotContain("<script>alert('x')</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        var csv = await client.GetStringAsync($"/events/{@event.Id}/registrations.csv", Ct);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_for_many_people_is_saved_in_one_post_and_the_event_is_touched()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var people = new List<Guid>();
        for (var index = 0; index < 3; index++)
        {
            people.Add((await factory.RegisterAsync(@event.Id)).Id);
        }
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var path = $"/events/{@event.Id}/registrations";
        var form = HtmlForm.Find(await client.GetStringAsync(path, Ct), "attendance");

        using var posted = await client.PostAsync(path, Post(form,
            ("shown", people[0].ToString()), ("shown", people[1].ToString()), ("shown", people[2].ToString()),
            ("attended", people[0].ToString()), ("attended", people[2].ToString())), Ct);

        Assert.Contains("done=attendance", await HttpAssert.RedirectAsync(posted), StringComparison.Ordinal);
        var stored = (await factory.RegistrationsOfAsync(@event.Id)).ToDictionary(r => r.Id);
        Assert.Equal([true, false, true], people.Select(id => stored[id].Attended));
        await using var scope = factory.OpenSystemDb();
        Assert.True((await scope.Db.Events.AsNoTracking().SingleAsync(e => e.Id == @event.Id, Ct)).Version > @event.Version);
    }

    [Fact]
    public async Task Erasing_a_person_on_request_keeps_every_total()
    {
        var @event = await factory.CreateEventAsync(capacity: 10);
        var erased = await factory.RegisterAsync(@event.Id, TestEvents.Person(group: "Academia", country: "JOR"));
        await factory.RegisterAsync(@event.Id, TestEvents.Person(group: "Academia"));
        await factory.RegisterAsync(@event.Id, TestEvents.Person(group: "Ministry"));
        var before = (await factory.RegistrationsOfAsync(@event.Id)).GroupBy(r => (r.Group, r.Status, r.CountryIso3)).ToDictionary(g => g.Key, g => g.Count());
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var path = $"/events/{@event.Id}/registrations";

        using var pressed = await client.PostAsync(path, Post(HtmlForm.Find(await client.GetStringAsync(path, Ct), "row-actions"), ("erase", erased.Id.ToString())), Ct);
        var confirm = await HttpAssert.RedirectAsync(pressed);
        Assert.NotNull((await factory.RegistrationsOfAsync(@event.Id)).Single(r => r.Id == erased.Id).Email);
        // The confirmation posts back to the address that shows it.
        var confirmPath = confirm.Split('#')[0];
        using var done = await client.PostAsync(confirmPath, HtmlForm.Find(await client.GetStringAsync(confirmPath, Ct), "registration-erase").ToContent(), Ct);
        Assert.Contains("done=erased", await HttpAssert.RedirectAsync(done), StringComparison.Ordinal);

        var after = await factory.RegistrationsOfAsync(@event.Id);
        Assert.Equal(before, after.GroupBy(r => (r.Group, r.Status, r.CountryIso3)).ToDictionary(g => g.Key, g => g.Count()));
        var row = after.Single(r => r.Id == erased.Id);
        Assert.Equal((null, null, null), (row.Name, row.Email, row.Organisation));
        Assert.NotNull(row.ErasedAt);
        Assert.Equal(3, await factory.PlacesTakenAsync(@event.Id));
        // The link sent to them opens nothing any more.
        using var anonymous = factory.CreatePageClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/events/registration/{factory.TokenFor(erased.Id)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_retention_job_anonymises_only_registrations_of_events_past_the_period_and_again_changes_nothing()
    {
        var old = await factory.CreateEventAsync(capacity: 10, startsAt: TestEvents.Now.AddDays(1));
        var recent = await factory.CreateEventAsync(capacity: 10, startsAt: TestEvents.Now.AddDays(200));
        var oldOnes = new[] { await factory.RegisterAsync(old.Id, TestEvents.Person(group: "Who")), await factory.RegisterAsync(old.Id, TestEvents.Person(group: "Ngo")) };
        var kept = await factory.RegisterAsync(recent.Id);
        var clock = new TestClock(old.EndsAt.AddDays(366));

        var first = await factory.RunEventJobAsync(clock);
        var second = await factory.RunEventJobAsync(clock);

        Assert.True(first.Anonymised >= 2);
        Assert.Equal(0, second.Anonymised);
        var olds = await factory.RegistrationsOfAsync(old.Id);
        Assert.All(olds, r => Assert.Equal((null, null, null, true), (r.Name, r.Email, r.Organisation, r.ErasedAt is not null)));
        Assert.Equal([ParticipantGroup.Ngo, ParticipantGroup.Who], olds.Select(r => r.Group).Order());
        Assert.All(olds, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        var stillKept = Assert.Single(await factory.RegistrationsOfAsync(recent.Id));
        Assert.Equal((kept.Id, (DateTimeOffset?)null), (stillKept.Id, stillKept.ErasedAt));
        Assert.NotNull(stillKept.Email);
        Assert.Equal(2, oldOnes.Length);
    }

    [Fact]
    public async Task Organisers_change_roles_cancel_for_someone_and_add_invitees_to_an_invite_only_event()
    {
        var @event = await factory.CreateEventAsync(capacity: 1, access: EventAccess.InviteOnly);
        using var client = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Organiser));
        var path = $"/events/{@event.Id}/registrations";
        var invitee = TestAccounts.UniqueEmail("invitee");

        var add = HtmlForm.Find(await client.GetStringAsync(path, Ct), "registration-add")
            .Fill("add-name", "Dr Invited").Fill("add-email", invitee).Fill("add-country", "EGY").Fill("add-group", "Who").Fill("add-role", "Speaker");
        Assert.Contains("done=added", await HttpAssert.RedirectAsync(await client.PostAsync(path, add.ToContent(), Ct)), StringComparison.Ordinal);
        var second = HtmlForm.Find(await client.GetStringAsync(path, Ct), "registration-add")
            .Fill("add-name", "Second Guest").Fill("add-email", TestAccounts.UniqueEmail("guest")).Fill("add-country", "EGY").Fill("add-group", "Ngo");
        await HttpAssert.RedirectAsync(await client.PostAsync(path, second.ToContent(), Ct));

        var rows = await factory.RegistrationsOfAsync(@event.Id);
        var speaker = rows.Single(r => r.Email == invitee);
        Assert.Equal((ParticipantRole.Speaker, RegistrationStatus.Confirmed, true), (speaker.Role, speaker.Status, speaker.AddedByOrganiser));
        Assert.Contains(await factory.MailsOfAsync(speaker.Id), mail => mail.Kind == EventMailKind.Confirmed);
        var guest = rows.Single(r => r.Email != invitee);
        Assert.Equal(RegistrationStatus.Waiting, guest.Status);

        var actions = HtmlForm.Find(await client.GetStringAsync(path, Ct), "row-actions");
        await HttpAssert.RedirectAsync(await client.PostAsync(path, Post(actions, ("role", guest.Id.ToString()), ($"role-{guest.Id}", "Moderator")), Ct));
        actions = HtmlForm.Find(await client.GetStringAsync(path, Ct), "row-actions");
        await HttpAssert.RedirectAsync(await client.PostAsync(path, Post(actions, ("cancel", speaker.Id.ToString())), Ct));

        var after = (await factory.RegistrationsOfAsync(@event.Id)).ToDictionary(r => r.Id);
        Assert.Equal(RegistrationStatus.Cancelled, after[speaker.Id].Status);
        Assert.Equal((RegistrationStatus.Confirmed, ParticipantRole.Moderator), (after[guest.Id].Status, after[guest.Id].Role));
        Assert.Equal(1, await factory.PlacesTakenAsync(@event.Id));

        // The public cannot register for it themselves.
        using var anonymous = factory.CreateClient();
        using var refused = await anonymous.PostAsJsonAsync($"/api/events/{@event.Id}/registrations",
            new { name = "Gate Crasher", email = TestAccounts.UniqueEmail("crash"), country = "EGY", group = "Ngo", consent = true }, Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.BadRequest);
    }
}

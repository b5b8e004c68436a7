using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.IntegrationTests.Notices;
using Pathway.Web.Events;
using Pathway.Web.Events.Registrations;

namespace Pathway.IntegrationTests.Events;

/// <summary>Registrants' e-mails: queued with the change, sent by the events job in the registrant's language, the reminder the day before once.</summary>
public sealed class EventMailTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<string> SentTo(string email) =>
        [.. factory.Smtp.Messages.Where(message => message.Contains($"RCPT TO:<{email}>", StringComparison.OrdinalIgnoreCase)).Select(TestEvents.Decode)];

    [Fact]
    public async Task The_confirmation_is_queued_with_the_registration_and_sent_by_the_job_in_the_registrants_language()
    {
        var @event = await factory.CreateEventAsync(capacity: 5, startsAt: new DateTimeOffset(2031, 3, 20, 8, 0, 0, TimeSpan.Zero));
        var french = TestAccounts.UniqueEmail("fr");
        var arabic = TestAccounts.UniqueEmail("ar");
        var fr = await factory.RegisterAsync(@event.Id, TestEvents.Person(french, name: "Claire Dubois"), "fr");
        var ar = await factory.RegisterAsync(@event.Id, TestEvents.Person(arabic, name: "سارة"), "ar");

        var queued = Assert.Single(await factory.MailsOfAsync(fr.Id));
        Assert.Equal((EventMailKind.Confirmed, EventMailStatus.Pending), (queued.Kind, queued.Status));
        Assert.Empty(SentTo(french));

        var run = await factory.RunEventJobAsync(new TestClock(TestEvents.Now));

        Assert.True(run.HeldLease);
        var text = Assert.Single(SentTo(french));
        Assert.Contains("Bonjour Claire Dubois", text, StringComparison.Ordinal);
        Assert.Contains("Votre place à « Webinaire sur le secteur privé » est confirmée.", text, StringComparison.Ordinal);
        Assert.Contains("10:00 (UTC+02:00)", text, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(text, @"https://pathway\.example\.org/events/registration/(\S+)");
        Assert.True(link.Success, text);
        Assert.Equal(fr.Id, factory.Services.GetRequiredService<RegistrationLinks>().Read(link.Groups[1].Value));
        Assert.Contains("https://meet.example.org/room-42", text, StringComparison.Ordinal);
        Assert.Contains("تم تأكيد مكانك", Assert.Single(SentTo(arabic)), StringComparison.Ordinal);
        Assert.Equal(EventMailStatus.Sent, Assert.Single(await factory.MailsOfAsync(ar.Id)).Status);
    }

    [Fact]
    public async Task The_reminder_is_made_once_the_day_before_only_for_confirmed_places_in_the_registrants_language()
    {
        var clock = new TestClock(TestEvents.Now);
        var soon = await factory.CreateEventAsync(capacity: 1, startsAt: clock.Now.AddHours(20));
        var later = await factory.CreateEventAsync(capacity: 5, startsAt: clock.Now.AddHours(40));
        var confirmedEmail = TestAccounts.UniqueEmail("remind");
        var confirmed = await factory.RegisterAsync(soon.Id, TestEvents.Person(confirmedEmail, name: "Claire"), "fr");
        var waiting = await factory.RegisterAsync(soon.Id);
        var notYet = await factory.RegisterAsync(later.Id);
        Assert.Equal(RegistrationStatus.Waiting, waiting.Status);

        var first = await factory.RunEventJobAsync(clock);
        var second = await factory.RunEventJobAsync(clock);

        Assert.True(first.RemindersQueued >= 1);
        Assert.Equal(0, second.RemindersQueued);
        Assert.Single(await factory.MailsOfAsync(confirmed.Id), mail => mail.Kind == EventMailKind.Reminder);
        Assert.DoesNotContain(await factory.MailsOfAsync(waiting.Id), mail => mail.Kind == EventMailKind.Reminder);
        Assert.DoesNotContain(await factory.MailsOfAsync(notYet.Id), mail => mail.Kind == EventMailKind.Reminder);
        var reminder = Assert.Single(SentTo(confirmedEmail), text => text.Contains("Un rappel", StringComparison.Ordinal));
        Assert.Contains("https://meet.example.org/room-42", reminder, StringComparison.Ordinal);

        // A day later the other event is within a day: its reminder comes then, once.
        clock.Now = clock.Now.AddHours(20);
        await factory.RunEventJobAsync(clock);
        Assert.Single(await factory.MailsOfAsync(notYet.Id), mail => mail.Kind == EventMailKind.Reminder);
    }

    [Fact]
    public async Task A_place_given_up_before_the_reminder_goes_out_gets_no_reminder_and_a_promotion_is_mailed()
    {
        var clock = new TestClock(TestEvents.Now);
        var @event = await factory.CreateEventAsync(capacity: 1, startsAt: clock.Now.AddHours(10));
        var leaving = await factory.RegisterAsync(@event.Id);
        var nextEmail = TestAccounts.UniqueEmail("next");
        var next = await factory.RegisterAsync(@event.Id, TestEvents.Person(nextEmail, name: "Next Person"));

        await factory.CancelAsync(leaving.Id);
        clock.Now = TestEvents.Now;
        await factory.RunEventJobAsync(clock);

        Assert.Contains(await factory.MailsOfAsync(next.Id), mail => mail.Kind == EventMailKind.Promoted && mail.Status == EventMailStatus.Sent);
        Assert.Contains(SentTo(nextEmail), text => text.Contains("you have moved up from the waiting list", StringComparison.Ordinal));
        Assert.DoesNotContain(await factory.MailsOfAsync(leaving.Id), mail => mail.Kind == EventMailKind.Reminder);
    }

    [Fact]
    public async Task Two_servers_racing_for_the_events_lease_do_the_work_once()
    {
        var clock = new TestClock(TestEvents.Now);
        var @event = await factory.CreateEventAsync(capacity: 3, startsAt: clock.Now.AddHours(5));
        var registered = await factory.RegisterAsync(@event.Id);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async index =>
        {
            await Task.Yield();
            return await factory.RunEventJobAsync(clock, $"server-{index}");
        }));

        Assert.Contains(runs, run => run.HeldLease);
        Assert.Single(await factory.MailsOfAsync(registered.Id), mail => mail.Kind == EventMailKind.Reminder);
        await using var scope = factory.OpenSystemDb();
        var lease = await scope.Db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == Pathway.Web.Notices.JobLease.Events, Ct);
        Assert.Null(lease.LeaseUntil);
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Notices;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Notices;

/// <summary>Notices made by workflow moves and by the daily job, the in-app list, and e-mail in the reader's language.</summary>
public sealed class NoticeTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_move_tells_the_people_it_concerns_and_not_the_one_who_made_it()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var regionReviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        var otherRegionReviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");

        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        Assert.Equal([NoticeKind.RatingOpened], (await factory.NoticesOfAsync(round.PublicRespondent)).Select(n => n.Kind));
        Assert.Equal([NoticeKind.RatingOpened], (await factory.NoticesOfAsync(round.PrivateRespondent)).Select(n => n.Kind));
        Assert.Empty(await factory.NoticesOfAsync(round.Observer));
        Assert.Empty(await factory.NoticesOfAsync(round.FocalPoint));

        await factory.MoveAsync(round, round.FocalPoint, "Consensus");
        Assert.Equal([NoticeKind.ConsensusOpened], (await factory.NoticesOfAsync(round.Facilitator)).Select(n => n.Kind));
        Assert.Empty(await factory.NoticesOfAsync(round.FocalPoint));

        await factory.SetAgreedAsync(round, round.MechanismCodes.ToDictionary(code => code, _ => MechanismAnswer.Rated(2)));
        await factory.MoveAsync(round, round.Facilitator, "Submitted");
        Assert.Single(await factory.NoticesOfAsync(regionReviewer), n => n.Kind == NoticeKind.Submitted && n.AssessmentId == round.Id);
        Assert.DoesNotContain(await factory.NoticesOfAsync(otherRegionReviewer), n => n.AssessmentId == round.Id);

        await factory.MoveAsync(round, regionReviewer, "Returned", "Please add evidence for the first mechanism.");
        await factory.MoveAsync(round, round.FocalPoint, "Submitted");
        await factory.MoveAsync(round, regionReviewer, "Validated");
        await factory.MoveAsync(round, round.FocalPoint, "Published");

        Assert.Equal([NoticeKind.Returned, NoticeKind.Validated], (await factory.NoticesOfAsync(round.FocalPoint)).Select(n => n.Kind));
        Assert.Equal(2, (await factory.NoticesOfAsync(regionReviewer)).Count(n => n.Kind == NoticeKind.Submitted && n.AssessmentId == round.Id));
        Assert.Equal(NoticeKind.Published, (await factory.NoticesOfAsync(round.Observer)).Single().Kind);
        Assert.Equal(NoticeKind.Published, (await factory.NoticesOfAsync(round.PublicRespondent)).Last().Kind);
    }

    [Fact]
    public async Task The_list_speaks_the_readers_language_and_marks_read_one_or_all()
    {
        var round = await factory.CreateRoundAsync("EGY");
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        await factory.MoveAsync(round, round.FocalPoint, "Consensus");
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var french = WebUtility.HtmlDecode(await client.GetStringAsync("/notices?culture=fr", Ct));
        Assert.Contains("La notation est ouverte", french, StringComparison.Ordinal);
        Assert.Contains("2 non lus sur 2", french, StringComparison.Ordinal);
        var arabic = WebUtility.HtmlDecode(await client.GetStringAsync("/notices?culture=ar", Ct));
        Assert.Contains("التقييم مفتوح", arabic, StringComparison.Ordinal);
        var english = await client.GetStringAsync("/notices?culture=en", Ct);
        Assert.Contains("2 unread", english, StringComparison.Ordinal);

        var first = (await factory.NoticesOfAsync(round.PublicRespondent)).First();
        using (var read = await client.PostAsync("/notices", Press(HtmlForm.Find(english, "notices"), "ReadId", first.Id), Ct))
        {
            Assert.StartsWith("/notices", PathOf(await HttpAssert.RedirectAsync(read)), StringComparison.Ordinal);
        }
        Assert.Contains("1 unread", await client.GetStringAsync("/my-work", Ct), StringComparison.Ordinal);

        var all = HtmlForm.Find(await client.GetStringAsync("/notices", Ct), "notices-all-read");
        using (var readAll = await client.PostAsync("/notices", all.ToContent(), Ct))
        {
            await HttpAssert.RedirectAsync(readAll);
        }
        Assert.All(await factory.NoticesOfAsync(round.PublicRespondent), n => Assert.NotNull(n.ReadAt));
        Assert.Contains("0 unread of 2", await client.GetStringAsync("/notices", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_notice_marks_it_read_and_goes_where_the_work_is_but_never_anothers()
    {
        var round = await factory.CreateRoundAsync("EGY");
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        var mine = Assert.Single(await factory.NoticesOfAsync(round.PublicRespondent));
        var theirs = Assert.Single(await factory.NoticesOfAsync(round.PrivateRespondent));
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);
        var page = await client.GetStringAsync("/notices", Ct);

        using (var open = await client.PostAsync("/notices", Press(HtmlForm.Find(page, "notices"), "OpenId", mine.Id), Ct))
        {
            Assert.Equal($"/assessments/{round.Id}/rate", PathOf(await HttpAssert.RedirectAsync(open)));
        }
        using (var other = await client.PostAsync("/notices", Press(HtmlForm.Find(page, "notices"), "OpenId", theirs.Id), Ct))
        {
            Assert.StartsWith("/notices", PathOf(await HttpAssert.RedirectAsync(other)), StringComparison.Ordinal);
        }
        using (var forged = await client.PostAsync("/notices", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["_handler"] = "notices", ["ReadId"] = theirs.Id.ToString() }), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        Assert.NotNull(Assert.Single(await factory.NoticesOfAsync(round.PublicRespondent)).ReadAt);
        Assert.Null(Assert.Single(await factory.NoticesOfAsync(round.PrivateRespondent)).ReadAt);
    }

    [Fact]
    public async Task Respondents_who_have_not_finished_are_reminded_once_before_the_planned_end()
    {
        await factory.ResetLeaseAsync();
        var clock = new TestClock(NoticeJobs.SomeDay(10));
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PlannedEnd, today.AddDays(5)), Ct);
            var participant = await scope.Db.Participants.IgnoreQueryFilters().SingleAsync(p => p.AssessmentId == round.Id && p.UserId == round.PublicRespondent.Id, Ct);
            foreach (var code in round.MechanismCodes)
            {
                var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = participant.Id, MechanismCode = code };
                rating.Record(IndividualAnswer.Rated(3), null, clock.Now);
                scope.Db.Ratings.Add(rating);
            }
            await scope.Db.SaveChangesAsync(Ct);
        }

        var early = await factory.RunJobAsync(clock);
        Assert.True(early.MadeDailyNotices);
        Assert.DoesNotContain(await factory.NoticesOfAsync(round.PrivateRespondent), n => n.Kind == NoticeKind.RatingReminder);

        clock.Now = clock.Now.AddDays(2);
        var inWindow = await factory.RunJobAsync(clock);
        clock.Now = clock.Now.AddDays(1);
        var nextDay = await factory.RunJobAsync(clock);
        var again = await factory.RunJobAsync(clock);

        Assert.True(inWindow.MadeDailyNotices);
        Assert.True(nextDay.MadeDailyNotices);
        Assert.False(again.MadeDailyNotices);
        var reminder = Assert.Single(await factory.NoticesOfAsync(round.PrivateRespondent), n => n.Kind == NoticeKind.RatingReminder);
        Assert.Equal(today.AddDays(5), reminder.Date);
        Assert.DoesNotContain(await factory.NoticesOfAsync(round.PublicRespondent), n => n.Kind == NoticeKind.RatingReminder);
        Assert.DoesNotContain(await factory.NoticesOfAsync(round.Facilitator), n => n.Kind == NoticeKind.RatingReminder);
    }

    [Fact]
    public async Task The_responsible_person_hears_once_when_an_action_is_due_soon_and_once_when_overdue()
    {
        await factory.ResetLeaseAsync();
        var clock = new TestClock(NoticeJobs.SomeDay(40));
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var named = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var displayName = $"Dr Amal Test {TestAccounts.UniqueSuffix()}";
        Guid dueSoon, overdue;
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.Users.Where(u => u.Id == named.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, displayName), Ct);
            var plan = new ActionPlan { AssessmentId = round.Id, CountryIso3 = round.Country, CreatedAt = clock.Now };
            scope.Db.ActionPlans.Add(plan);
            ActionItem Item(string who, DateOnly due, ActionStatus status = ActionStatus.NotStarted) => new()
            {
                AssessmentId = round.Id, ActionPlanId = plan.Id, CountryIso3 = round.Country, MechanismCode = round.MechanismCodes[0],
                What = $"Publish the licensing register {TestAccounts.UniqueSuffix()}", ResponsibleOrganisation = "MoH", ResponsiblePerson = who,
                Due = due, Status = status, CreatedAt = clock.Now,
            };
            var soon = Item($"  {round.FocalPoint.Email.ToUpperInvariant()} ", today.AddDays(3));
            var late = Item(displayName.ToLowerInvariant(), today.AddDays(-1), ActionStatus.Delayed);
            scope.Db.ActionItems.AddRange(soon, late,
                Item(round.FocalPoint.Email, today.AddDays(-2), ActionStatus.Done),
                Item(round.FocalPoint.Email, today.AddDays(30)),
                Item("Somebody without an account", today));
            await scope.Db.SaveChangesAsync(Ct);
            (dueSoon, overdue) = (soon.Id, late.Id);
        }

        await factory.RunJobAsync(clock);
        clock.Now = clock.Now.AddDays(1);
        await factory.RunJobAsync(clock);
        clock.Now = clock.Now.AddDays(3);
        await factory.RunJobAsync(clock);

        var focal = (await factory.NoticesOfAsync(round.FocalPoint)).Where(n => n.ActionItemId is not null).ToList();
        Assert.Equal([(NoticeKind.ActionDueSoon, dueSoon), (NoticeKind.ActionOverdue, dueSoon)], focal.Select(n => (n.Kind, n.ActionItemId!.Value)));
        var person = Assert.Single(await factory.NoticesOfAsync(named));
        Assert.Equal((NoticeKind.ActionOverdue, overdue, today.AddDays(-1)), (person.Kind, person.ActionItemId!.Value, person.Date!.Value));
        Assert.StartsWith("Publish the licensing register", person.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_servers_racing_for_the_lease_make_one_set_of_notices()
    {
        await factory.ResetLeaseAsync();
        var clock = new TestClock(NoticeJobs.SomeDay(80));
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PlannedEnd, DateOnly.FromDateTime(clock.Now.UtcDateTime).AddDays(1)), Ct);
        }

        var runs = await Task.WhenAll(
            Task.Run(() => factory.RunJobAsync(clock, "server-a"), Ct),
            Task.Run(() => factory.RunJobAsync(clock, "server-b"), Ct));

        Assert.Single(runs, run => run.MadeDailyNotices);
        Assert.Contains(runs, run => run.HeldLease);
        Assert.Single(await factory.NoticesOfAsync(round.PublicRespondent), n => n.Kind == NoticeKind.RatingReminder);
        Assert.Single(await factory.NoticesOfAsync(round.PrivateRespondent), n => n.Kind == NoticeKind.RatingReminder);
    }

    [Fact]
    public async Task A_lease_left_by_a_stopped_server_runs_out_and_another_carries_on()
    {
        await factory.ResetLeaseAsync();
        var clock = new TestClock(NoticeJobs.SomeDay(120));
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.JobLeases.ExecuteUpdateAsync(set => set
                .SetProperty(lease => lease.Holder, "stopped-server")
                .SetProperty(lease => lease.LeaseUntil, clock.Now.AddMinutes(4)), Ct);
        }

        var whileHeld = await factory.RunJobAsync(clock, "server-b");
        clock.Now = clock.Now.AddMinutes(5);
        var afterwards = await factory.RunJobAsync(clock, "server-b");

        Assert.False(whileHeld.HeldLease);
        Assert.True(afterwards.HeldLease);
        Assert.True(afterwards.MadeDailyNotices);
        await using var check = factory.OpenSystemDb();
        var lease = await check.Db.JobLeases.AsNoTracking().SingleAsync(lease => lease.Name == JobLease.Notices, Ct);
        Assert.Equal(DateOnly.FromDateTime(clock.Now.UtcDateTime), lease.LastCompletedOn);
        Assert.Null(lease.LeaseUntil);
    }

    [Fact]
    public async Task E_mails_go_out_from_the_job_in_each_recipients_language_and_not_to_those_who_turned_them_off()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using (var french = await factory.CreateSignedInClientAsync(round.PublicRespondent))
        {
            var settings = HtmlForm.Find(await french.GetStringAsync("/notices/settings", Ct), "notice-settings").With("Input.Language", "fr");
            await HttpAssert.RedirectAsync(await french.PostAsync("/notices/settings", settings.ToContent(), Ct));
        }
        using (var quiet = await factory.CreateSignedInClientAsync(round.PrivateRespondent))
        {
            var settings = HtmlForm.Find(await quiet.GetStringAsync("/notices/settings", Ct), "notice-settings").Without("Input.Email");
            await HttpAssert.RedirectAsync(await quiet.PostAsync("/notices/settings", settings.ToContent(), Ct));
        }
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        Assert.DoesNotContain(factory.Smtp.Messages, message => message.Contains(round.PublicRespondent.Email, StringComparison.OrdinalIgnoreCase));

        await factory.RunJobAsync(TimeProvider.System);

        var sent = Assert.Single(factory.Smtp.Messages, message => message.Contains($"RCPT TO:<{round.PublicRespondent.Email}>", StringComparison.OrdinalIgnoreCase));
        var text = Decode(sent);
        Assert.Contains("Merci de noter chaque mécanisme", text, StringComparison.Ordinal);
        Assert.Contains($"https://pathway.example.org/assessments/{round.Id}/rate", text, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Smtp.Messages, message => message.Contains(round.PrivateRespondent.Email, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(NoticeMailStatus.Sent, Assert.Single(await factory.NoticesOfAsync(round.PublicRespondent)).MailStatus);
        Assert.Equal(NoticeMailStatus.None, Assert.Single(await factory.NoticesOfAsync(round.PrivateRespondent)).MailStatus);
    }

    [Fact]
    public async Task A_failed_e_mail_is_kept_and_tried_again_later()
    {
        var round = await factory.CreateRoundAsync("EGY");
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        await using var broken = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Mail:Smtp:Port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var clock = new TestClock(TimeProvider.System.GetUtcNow());

        await NoticeJobs.RunJobAsync(broken, clock);

        var notice = Assert.Single(await factory.NoticesOfAsync(round.PublicRespondent));
        Assert.Equal((NoticeMailStatus.Pending, 1), (notice.MailStatus, notice.MailAttempts));
        Assert.True(notice.NextMailAt > clock.Now);

        clock.Now = notice.NextMailAt!.Value;
        await factory.RunJobAsync(clock);
        Assert.Equal(NoticeMailStatus.Sent, Assert.Single(await factory.NoticesOfAsync(round.PublicRespondent)).MailStatus);
    }

    /// <summary>The form as posted by pressing the button named <paramref name="button"/> with the value <paramref name="id"/>.</summary>
    private static FormUrlEncodedContent Press(HtmlForm form, string button, Guid id) =>
        new(form.Fields.Append(new(button, id.ToString())));

    private static string PathOf(string location) => new Uri(new Uri("http://localhost"), location).PathAndQuery;

    private static string Decode(string message)
    {
        // UTF-8 text travels base64-encoded: the body follows the first blank line.
        var encoded = message.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", 2)[1];
        return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(encoded, @"\s", "")));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Notices;

/// <summary>
/// The notices a day brings, made by the scheduled job: a reminder to each respondent who has not
/// rated every mechanism, <see cref="NoticeOptions.ReminderDaysBeforeEnd"/> days (or fewer) before the
/// round's planned end, once per planned end; and to each action's responsible person, once when it
/// becomes due within <see cref="NoticeOptions.DueSoonDays"/> and once when it is overdue (per due date).
/// The job has no user, so it reads across countries explicitly.
/// </summary>
public sealed class DailyNotices(PathwayDb db, NoticeOutbox outbox, IOptions<NoticeOptions> options)
{
    /// <summary>Adds the day's notices to the context (the caller saves) and returns how many.</summary>
    public async Task<int> AddAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var reminders = await RemindersAsync(today, today.AddDays(Math.Max(0, settings.ReminderDaysBeforeEnd)), now, cancellationToken);
        var actions = await ActionsAsync(today, today.AddDays(Math.Max(0, settings.DueSoonDays)), now, cancellationToken);
        return await outbox.AddAsync([.. reminders, .. actions], now, cancellationToken);
    }

    private async Task<List<(NoticeDraft, NoticeRecipient)>> RemindersAsync(DateOnly today, DateOnly until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
                from p in db.Participants.IgnoreQueryFilters()
                join a in db.Assessments.IgnoreQueryFilters() on p.AssessmentId equals a.Id
                where p.Role == ParticipantRole.Respondent && a.Status == AssessmentStatus.RatingOpen
                    && a.PlannedEnd != null && a.PlannedEnd >= today && a.PlannedEnd <= until
                    && db.Ratings.IgnoreQueryFilters().Count(r => r.ParticipantId == p.Id)
                        < db.Mechanisms.Count(m => m.FrameworkVersionId == a.FrameworkVersionId)
                    && (p.User!.LockoutEnd == null || p.User.LockoutEnd < now)
                select new { a.Id, a.Title, a.PlannedEnd, p.UserId, HasMail = p.User!.Email != null, p.User.NoticeEmailsOff })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => (
            new NoticeDraft(NoticeKind.RatingReminder, FormattableString.Invariant($"{NoticeKind.RatingReminder}:{row.Id:N}:{row.PlannedEnd:yyyy-MM-dd}"), row.Id, row.Title,
                Date: row.PlannedEnd),
            new NoticeRecipient(row.UserId, row.HasMail && !row.NoticeEmailsOff)))];
    }

    private async Task<List<(NoticeDraft, NoticeRecipient)>> ActionsAsync(DateOnly today, DateOnly until, DateTimeOffset now, CancellationToken cancellationToken)
    {
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper() on both databases; no .NET culture takes part.
        var rows = await (
                from i in ResponsiblePeople.Open(db.ActionItems.IgnoreQueryFilters(), until)
                join a in db.Assessments.IgnoreQueryFilters() on i.AssessmentId equals a.Id
                from u in db.Users
                where u.CountryIso3 == i.CountryIso3
                    && (i.ResponsiblePerson!.Trim().ToUpper() == u.NormalizedEmail
                        || (u.DisplayName != "" && i.ResponsiblePerson!.Trim().ToUpper() == u.DisplayName.Trim().ToUpper()))
                    && (u.LockoutEnd == null || u.LockoutEnd < now)
                select new { i.Id, i.AssessmentId, a.Title, i.What, i.Due, UserId = u.Id, HasMail = u.Email != null, u.NoticeEmailsOff })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return [.. rows.Select(row =>
        {
            var kind = row.Due < today ? NoticeKind.ActionOverdue : NoticeKind.ActionDueSoon;
            return (
                new NoticeDraft(kind, FormattableString.Invariant($"{kind}:{row.Id:N}:{row.Due:yyyy-MM-dd}"), row.AssessmentId, row.Title, row.Id, row.What, row.Due),
                new NoticeRecipient(row.UserId, row.HasMail && !row.NoticeEmailsOff));
        })];
    }
}

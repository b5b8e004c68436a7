using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Web.Data;
using Pathway.Web.Notices;

namespace Pathway.Web.Events.Registrations;

/// <summary>What one run did.</summary>
public sealed record EventRun(bool HeldLease, int RemindersQueued, int MailsSent, int Anonymised);

/// <summary>
/// The events' scheduled work, once across every app server on the database (the <see cref="JobLease.Events"/> lease):
/// queue the reminder of each confirmed registration whose event starts within <see cref="ReminderWindow"/> (once per
/// registration: a reminder row already there is never made again), send the queued registrant e-mails, and erase the
/// personal details of registrations whose event ended more than <see cref="EventOptions.RetainRegistrationsFor"/> ago.
/// Each step is safe to run again, so a server that stops mid-run leaves nothing the next run cannot finish.
/// </summary>
public sealed partial class EventJob(
    PathwayDb db, EventMailer mailer, TimeProvider clock, IOptions<EventOptions> options, ILogger<EventJob> logger) : ILeasedJob
{
    /// <summary>"The day before": reminders go out once the event is less than a day away.</summary>
    public static readonly TimeSpan ReminderWindow = TimeSpan.FromHours(24);

    private const int Batch = 500;

    Task ILeasedJob.RunAsync(string holder, CancellationToken cancellationToken) => RunAsync(holder, cancellationToken);

    public async Task<EventRun> RunAsync(string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var now = clock.GetUtcNow();
        if (!await db.TryTakeAsync(JobLease.Events, holder, now, options.Value.LeaseDuration, cancellationToken))
        {
            return new EventRun(HeldLease: false, 0, 0, 0);
        }
        try
        {
            var reminders = await QueueRemindersAsync(now, cancellationToken);
            var sent = await mailer.SendAsync(now, cancellationToken);
            var anonymised = await AnonymiseAsync(now, cancellationToken);
            if (reminders > 0 || anonymised > 0)
            {
                LogRun(logger, reminders, anonymised);
            }
            return new EventRun(HeldLease: true, reminders, sent, anonymised);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.ReleaseAsync(JobLease.Events, holder);
        }
    }

    private async Task<int> QueueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + ReminderWindow;
        var queued = 0;
        while (true)
        {
            var due = await db.Registrations.AsNoTracking()
                .Where(r => r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                    && r.Event!.IsAnnounced && r.Event.StartsAt > now && r.Event.StartsAt <= until
                    && !db.EventMails.Any(mail => mail.RegistrationId == r.Id && mail.Kind == EventMailKind.Reminder))
                .OrderBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return queued;
            }
            db.EventMails.AddRange(due.Select(id => EventMails.Queue(id, EventMailKind.Reminder, now)));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            queued += due.Count;
        }
    }

    /// <summary>Registrations kept past the retention period lose who the person was (<see cref="Registration.Erase"/>), in batches.</summary>
    private async Task<int> AnonymiseAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.RetainRegistrationsFor;
        var erased = 0;
        while (true)
        {
            var old = await db.Registrations.Where(r => r.ErasedAt == null && r.Event!.EndsAt < cutoff)
                .OrderBy(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
            if (old.Count == 0)
            {
                return erased;
            }
            foreach (var registration in old)
            {
                registration.Erase(now);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            erased += old.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Events job: {Reminders} reminders queued, {Anonymised} registrations anonymised")]
    private static partial void LogRun(ILogger logger, int reminders, int anonymised);
}

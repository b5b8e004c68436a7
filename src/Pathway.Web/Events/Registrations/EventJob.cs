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

    /// <summary>
    /// Queues the reminders of the events starting within the window, event by event: a handful of events, each read
    /// through its own registrations (never a walk over every registration kept).
    /// </summary>
    private async Task<int> QueueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + ReminderWindow;
        var soon = await db.Events.AsNoTracking().Where(e => e.IsAnnounced && e.StartsAt > now && e.StartsAt <= until)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var eventId in soon)
        {
            while (true)
            {
                var due = await db.Registrations.AsNoTracking()
                    .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
                        && !db.EventMails.Any(mail => mail.RegistrationId == r.Id && mail.Kind == EventMailKind.Reminder))
                    .OrderBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }
                db.EventMails.AddRange(due.Select(id => EventMails.Queue(id, EventMailKind.Reminder, now)));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                queued += due.Count;
            }
        }
        return queued;
    }

    /// <summary>
    /// Erases the registrations of events that ended before the cutoff (<see cref="Registration.Erase"/>'s fields), one
    /// UPDATE per batch rather than one per person, so a backlog (a first run, a shortened retention) is a few statements
    /// that never hold SQLite's single writer for long. Found through the registration date: a registration kept past the
    /// cutoff was made before it, so the scan covers only what is old and not erased yet (a walk-in added from an
    /// attendance list goes as long after its import as the others after the event).
    /// </summary>
    private async Task<int> AnonymiseAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.RetainRegistrationsFor;
        var erased = 0;
        while (true)
        {
            var old = await db.Registrations.AsNoTracking()
                .Where(r => r.ErasedAt == null && r.RegisteredAt < cutoff && r.Event!.EndsAt < cutoff)
                .OrderBy(r => r.RegisteredAt).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
            if (old.Count == 0)
            {
                return erased;
            }
            erased += await db.Registrations.Where(r => old.Contains(r.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Name, (string?)null)
                    .SetProperty(r => r.Email, (string?)null)
                    .SetProperty(r => r.Organisation, (string?)null)
                    .SetProperty(r => r.EmailKey, r => Registration.ErasedKeyPrefix + r.Id.ToString())
                    .SetProperty(r => r.ErasedAt, now), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Events job: {Reminders} reminders queued, {Anonymised} registrations anonymised")]
    private static partial void LogRun(ILogger logger, int reminders, int anonymised);
}

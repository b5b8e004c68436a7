using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Web.Data;
using Pathway.Web.Planning;

namespace Pathway.Web.Notices;

/// <summary>What one run did: whether it held the lease, the notices it made, the e-mails it sent.</summary>
public sealed record NoticeRun(bool HeldLease, bool MadeDailyNotices, int Notices, int MailsSent);

/// <summary>
/// The scheduled work, once across every app server on the database: take the lease row with one
/// conditional update (only one server's update matches), make the day's notices if today's are not
/// made yet, send the queued e-mails, let the lease go. A server that stops mid-run leaves a lease that
/// runs out after <see cref="NoticeOptions.LeaseDuration"/>; the day is only marked done once its
/// notices are saved, and each notice's key makes it once-only, so the next run carries on safely.
/// </summary>
public sealed partial class NoticeJob(
    PathwayDb db, DailyNotices daily, NoticeMailer mailer, TimeProvider clock, IOptions<NoticeOptions> options, ILogger<NoticeJob> logger) : ILeasedJob
{
    Task ILeasedJob.RunAsync(string holder, CancellationToken cancellationToken) => RunAsync(holder, cancellationToken);

    public async Task<NoticeRun> RunAsync(string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var now = clock.GetUtcNow();
        if (!await db.TryTakeAsync(JobLease.Notices, holder, now, options.Value.LeaseDuration, cancellationToken))
        {
            return new NoticeRun(HeldLease: false, MadeDailyNotices: false, 0, 0);
        }
        try
        {
            var today = PlanRules.Today(clock);
            var lastDone = await db.JobLeases.AsNoTracking().Where(lease => lease.Name == JobLease.Notices)
                .Select(lease => lease.LastCompletedOn).SingleAsync(cancellationToken);
            var made = 0;
            var madeDaily = lastDone is null || lastDone < today;
            if (madeDaily)
            {
                made = await daily.AddAsync(today, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await Mine(holder).ExecuteUpdateAsync(set => set.SetProperty(lease => lease.LastCompletedOn, today), cancellationToken);
                LogDaily(logger, today, made);
            }
            var sent = await mailer.SendAsync(now, cancellationToken);
            return new NoticeRun(HeldLease: true, madeDaily, made, sent);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.ReleaseAsync(JobLease.Notices, holder);
        }
    }

    private IQueryable<JobLease> Mine(string holder) => db.Held(JobLease.Notices, holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notices for {Day}: {Count} made")]
    private static partial void LogDaily(ILogger logger, DateOnly day, int count);
}

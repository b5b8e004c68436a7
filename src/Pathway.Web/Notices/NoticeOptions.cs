namespace Pathway.Web.Notices;

/// <summary>Settings under <c>Notices:*</c> (see README).</summary>
public sealed class NoticeOptions : IScheduledJobOptions
{
    public const string Section = "Notices";

    /// <summary>Respondents who have not finished are reminded this many days before the round's planned end.</summary>
    public int ReminderDaysBeforeEnd { get; set; } = 3;

    /// <summary>An open action is "due soon" to its responsible person this many days before its due date.</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>How often each app server tries to take the lease and run the job.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a lease holds; a server that stops mid-run blocks the job no longer than this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>E-mails sent per run (the rest wait for the next run).</summary>
    public int MailBatch { get; set; } = 50;

    /// <summary>Failed e-mails are retried, later each time, up to this many attempts.</summary>
    public int MaxMailAttempts { get; set; } = 5;

    /// <summary>False: this server never runs the scheduled job (another one does).</summary>
    public bool RunScheduledJob { get; set; } = true;
}

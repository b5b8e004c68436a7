using Pathway.Web.Notices;
namespace Pathway.Web.Events.Registrations;

/// <summary>Settings under <c>Events:*</c> (see README).</summary>
public sealed class EventOptions : IScheduledJobOptions
{
    public const string Section = "Events";

    /// <summary>Registrants' personal details are erased this long after their event ended.</summary>
    public TimeSpan RetainRegistrationsFor { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often each app server tries to take the events lease and run the job.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the lease holds; a server that stops mid-run blocks the job no longer than this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>E-mails sent per run (the rest wait for the next run).</summary>
    public int MailBatch { get; set; } = 50;

    /// <summary>Failed e-mails are retried, later each time, up to this many attempts.</summary>
    public int MaxMailAttempts { get; set; } = 5;

    /// <summary>False: this server never runs the events job (another one does).</summary>
    public bool RunScheduledJob { get; set; } = true;
}

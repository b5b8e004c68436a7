using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pathway.Web.Notices;

/// <summary>
/// Who runs a scheduled job now, until when, and the last day it completed its daily work. Taken with
/// one conditional update, so of several app servers on one database only one runs the job at a time;
/// a server that dies mid-run lets its lease run out and another carries on.
/// </summary>
public sealed class JobLease
{
    public const string Notices = "notices";

    /// <summary>Event reminders, registrants' e-mails and the retention of registrations.</summary>
    public const string Events = "events";
    public const int NameLength = 100;
    public const int HolderLength = 200;

    public required string Name { get; init; }
    public string? Holder { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The UTC day whose reminders and due/overdue notices have all been made.</summary>
    public DateOnly? LastCompletedOn { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(lease => lease.Name);
        builder.Property(lease => lease.Name).HasMaxLength(JobLease.NameLength);
        builder.Property(lease => lease.Holder).HasMaxLength(JobLease.HolderLength);
        // The row exists from the migration on, so taking the lease is always an update, never an insert race.
        builder.HasData(new JobLease { Name = JobLease.Notices }, new JobLease { Name = JobLease.Events });
    }
}

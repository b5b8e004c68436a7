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

/// <summary>
/// Taking and giving back a <see cref="JobLease"/>, shared by every scheduled job. One conditional update takes it: it
/// matches only when the lease is free, ran out, or is already ours. Two servers racing both send it; the database lets
/// one match and the other finds nothing to update.
/// </summary>
public static class JobLeases
{
    public static async Task<bool> TryTakeAsync(
        this Data.PathwayDb db, string name, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + duration;
        var taken = await db.JobLeases
            .Where(lease => lease.Name == name && (lease.LeaseUntil == null || lease.LeaseUntil <= now || lease.Holder == holder))
            .ExecuteUpdateAsync(set => set.SetProperty(lease => lease.Holder, holder).SetProperty(lease => lease.LeaseUntil, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>The lease row, while <paramref name="holder"/> holds it.</summary>
    public static IQueryable<JobLease> Held(this Data.PathwayDb db, string name, string holder)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.JobLeases.Where(lease => lease.Name == name && lease.Holder == holder);
    }

    /// <summary>Lets the lease go (whatever the run did), so the next run need not wait for it to run out.</summary>
    public static Task ReleaseAsync(this Data.PathwayDb db, string name, string holder) =>
        db.Held(name, holder).ExecuteUpdateAsync(set => set.SetProperty(lease => lease.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
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

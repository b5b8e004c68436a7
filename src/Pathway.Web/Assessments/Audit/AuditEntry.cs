using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

public enum AuditAction
{
    Added,
    Changed,
    Removed,
}

/// <summary>One field's value before and after a change (null: had no value).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// One recorded change to a round's data: who, when, which row, each field before → after.
/// Append-only: written only by <see cref="AuditInterceptor"/>, which also refuses to change or delete one.
/// </summary>
public sealed class AuditEntry : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public DateTimeOffset At { get; init; }
    public string? ActorId { get; init; }

    /// <summary>The actor's name at the time; "system" for commands and seeding.</summary>
    public required string ActorName { get; init; }

    /// <summary>The kind of row: Assessment, Participant, Rating, ConsensusRating, EvidenceItem, ReviewComment, StatusChange, PublishedRelease.</summary>
    public required string Entity { get; init; }

    public Guid EntityId { get; init; }
    public required string Label { get; init; }
    public AuditAction Action { get; init; }
    public required IReadOnlyList<AuditChange> Changes { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Entity).HasMaxLength(40);
        builder.Property(a => a.Label).HasMaxLength(400);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Changes).HasJsonConversion();
        builder.HasOne(a => a.Country).WithMany().HasForeignKey(a => a.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the assessment: the trail outlives anything it describes.
        builder.HasIndex(a => new { a.AssessmentId, a.At });
        // The audit page's kind filter and the plan's "changes since endorsement" count read by kind and time,
        // among thousands of rating entries of the same round.
        builder.HasIndex(a => new { a.AssessmentId, a.Entity, a.At });
    }
}

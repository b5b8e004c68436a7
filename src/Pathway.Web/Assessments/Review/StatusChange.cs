using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;

namespace Pathway.Web.Assessments;

/// <summary>One move of a round through the workflow: who, when, from where to where, and why.</summary>
public sealed class StatusChange : ICountryOwned, IAudited
{
    public const int CommentLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public AssessmentStatus From { get; init; }
    public AssessmentStatus To { get; init; }
    public int Revision { get; init; }
    public string? Comment { get; init; }
    public string? ActorId { get; init; }
    public string? ActorName { get; init; }
    public DateTimeOffset At { get; init; }

    string IAudited.AuditLabel => $"{From} → {To}";
}

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.Property(c => c.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Comment).HasMaxLength(StatusChange.CommentLength);
        builder.Property(c => c.ActorId).HasMaxLength(450);
        builder.Property(c => c.ActorName).HasMaxLength(200);
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AssessmentId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Accounts;
using Pathway.Web.Countries;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>What a person does in one round.</summary>
public enum ParticipantRole
{
    /// <summary>Rates each mechanism individually.</summary>
    Respondent,

    /// <summary>Runs the consensus step: sees the spread, records the agreed level.</summary>
    Facilitator,

    /// <summary>Follows the round without rating.</summary>
    Observer,
}

/// <summary>A person taking part in a round, with the stakeholder group they speak for.</summary>
public sealed class Participant : ICountryOwned, IAudited
{
    public const int DisplayNameLength = 200;
    public const int OrganisationLength = 200;
    public const int ConflictLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public required string UserId { get; init; }
    public PathwayUser? User { get; private set; }

    /// <summary>The person's name as shown in the round (kept even if the account is renamed later).</summary>
    public required string DisplayName { get; set; }

    public string? Organisation { get; set; }
    public StakeholderGroup Group { get; set; }
    public ParticipantRole Role { get; set; }

    /// <summary>True when the person declared an interest that could bias their ratings.</summary>
    public bool HasConflictOfInterest { get; set; }

    /// <summary>The declaration in the person's words; required when <see cref="HasConflictOfInterest"/>.</summary>
    public string? ConflictOfInterest { get; set; }

    public DateTimeOffset AddedAt { get; init; }

    string IAudited.AuditLabel => DisplayName;
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.DisplayName).HasMaxLength(Participant.DisplayNameLength);
        builder.Property(p => p.Organisation).HasMaxLength(Participant.OrganisationLength);
        builder.Property(p => p.ConflictOfInterest).HasMaxLength(Participant.ConflictLength);
        builder.Property(p => p.Group).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AssessmentId, p.UserId }).IsUnique();
        builder.HasIndex(p => p.UserId);
    }
}

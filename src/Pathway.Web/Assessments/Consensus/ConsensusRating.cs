using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

public enum RatingConfidence
{
    Low,
    Medium,
    High,
}

/// <summary>How the agreed level was reached.</summary>
public enum ConsensusMethod
{
    Consensus,
    Vote,
    FacilitatorJudgement,
}

/// <summary>
/// The agreed answer for one mechanism in a round, recorded by a facilitator after seeing the spread.
/// Scores are computed from these rows, so a correction here shows everywhere at once.
/// </summary>
public sealed class ConsensusRating : ICountryOwned, IAudited
{
    public const int RationaleLength = 4000;
    public const int DissentLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public required string MechanismCode { get; init; }
    public MechanismAnswerState State { get; private set; }
    public int? Level { get; private set; }
    public string Rationale { get; private set; } = "";
    public RatingConfidence Confidence { get; private set; }
    public ConsensusMethod Method { get; private set; }
    public string? DissentNotes { get; private set; }
    public string? RecordedById { get; private set; }
    public string? RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Concurrency token, 1 after the first save. A facilitator's form carries the version it was
    /// drawn from; saving over a newer one is refused (no silent overwrite).
    /// </summary>
    public int Version { get; private set; }

    public MechanismAnswer Answer => MechanismAnswer.From(State, Level);

    string IAudited.AuditLabel => MechanismCode;

    public void Record(ConsensusDecision decision, string? userId, string? userName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        State = decision.Answer.State;
        Level = decision.Answer.Level;
        Rationale = decision.Rationale.Trim();
        Confidence = decision.Confidence;
        Method = decision.Method;
        DissentNotes = string.IsNullOrWhiteSpace(decision.DissentNotes) ? null : decision.DissentNotes.Trim();
        RecordedById = userId;
        RecordedByName = userName;
        RecordedAt = now;
        Version++;
    }
}

/// <summary>What a facilitator decides for a mechanism: checked by <see cref="ConsensusBook"/> before anything is written.</summary>
public sealed record ConsensusDecision(
    MechanismAnswer Answer, string Rationale, RatingConfidence Confidence, ConsensusMethod Method, string? DissentNotes);

internal sealed class ConsensusRatingConfiguration : IEntityTypeConfiguration<ConsensusRating>
{
    public void Configure(EntityTypeBuilder<ConsensusRating> builder)
    {
        builder.Property(c => c.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.MechanismCode).HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Rationale).HasMaxLength(ConsensusRating.RationaleLength);
        builder.Property(c => c.DissentNotes).HasMaxLength(ConsensusRating.DissentLength);
        builder.Property(c => c.Confidence).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.RecordedById).HasMaxLength(450);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Answer);
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.AssessmentId, c.MechanismCode }).IsUnique();
    }
}

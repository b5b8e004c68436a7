using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Scoring;

namespace Pathway.Web.Assessments;

/// <summary>
/// One respondent's own answer for one mechanism, before consensus: a level 1–4, don't know or not
/// applicable, with an optional comment. Private to its author until the consensus step opens.
/// </summary>
public sealed class Rating : ICountryOwned, IAudited
{
    public const int CommentLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public Guid ParticipantId { get; init; }
    public Participant? Participant { get; private set; }
    public required string MechanismCode { get; init; }
    public IndividualAnswerState State { get; private set; }
    public int? Level { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IndividualAnswer Answer => IndividualAnswer.From(State, Level);

    string IAudited.AuditLabel => MechanismCode;

    public void Record(IndividualAnswer answer, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        State = answer.State;
        Level = answer.Level;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        UpdatedAt = now;
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.Property(r => r.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.MechanismCode).HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Comment).HasMaxLength(Rating.CommentLength);
        builder.Ignore(r => r.Answer);
        builder.HasOne(r => r.Country).WithMany().HasForeignKey(r => r.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => new { r.ParticipantId, r.MechanismCode }).IsUnique();
        builder.HasIndex(r => new { r.AssessmentId, r.MechanismCode });
    }
}

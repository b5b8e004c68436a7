using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;

namespace Pathway.Web.Assessments;

/// <summary>
/// A reviewer's comment on a submitted round, on one mechanism or (without a code) on the whole round.
/// Reviewers comment; they never edit ratings. A return needs at least one comment.
/// </summary>
public sealed class ReviewComment : ICountryOwned, IAudited
{
    public const int TextLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }

    /// <summary>The mechanism commented on; null for a comment on the round as a whole.</summary>
    public string? MechanismCode { get; init; }

    public required string Text { get; init; }

    /// <summary>The revision and submission the comment belongs to, so old comments read in context.</summary>
    public int Revision { get; init; }

    public int Submission { get; init; }
    public string? AuthorId { get; init; }
    public string? AuthorName { get; init; }
    public DateTimeOffset At { get; init; }

    string IAudited.AuditLabel => MechanismCode ?? "—";
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.Property(c => c.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.MechanismCode).HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(ReviewComment.TextLength);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AssessmentId);
    }
}

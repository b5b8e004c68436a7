using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

public enum AssessmentStatus
{
    Draft,
}

/// <summary>
/// A country's assessment round, pinned to one framework version. The foundation carries only what
/// the framework and scoping rules need (a round pins its version; a round belongs to its country);
/// the assessment workflow grows it.
/// </summary>
public sealed class Assessment : ICountryOwned
{
    public int Id { get; private set; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public int FrameworkVersionId { get; init; }
    public FrameworkVersion? FrameworkVersion { get; private set; }
    public required string Title { get; set; }
    public AssessmentStatus Status { get; private set; } = AssessmentStatus.Draft;
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(assessment => assessment.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(assessment => assessment.Title).HasMaxLength(200);
        builder.Property(assessment => assessment.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(assessment => assessment.Country).WithMany()
            .HasForeignKey(assessment => assessment.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(assessment => assessment.FrameworkVersion).WithMany()
            .HasForeignKey(assessment => assessment.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(assessment => assessment.CountryIso3);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Assessments;
using Pathway.Web.Countries;

namespace Pathway.Web.Planning;

/// <summary>
/// Where the team aims for one mechanism, by when, and how they judge its impact and feasibility
/// (1–5) for ranking priorities. No row means the defaults (<see cref="TargetRules"/>) apply.
/// </summary>
public sealed class MechanismTarget : ICountryOwned, IAudited
{
    public const int NoteLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public required string MechanismCode { get; init; }

    /// <summary>1–4, never below the agreed level; null where no level was agreed (build evidence first, or not applicable).</summary>
    public int? TargetLevel { get; set; }

    public int HorizonMonths { get; set; }
    public int Impact { get; set; } = 3;
    public int Feasibility { get; set; } = 3;

    /// <summary>Why the team judged impact and feasibility so; shown beside the ranking.</summary>
    public string? Note { get; set; }

    string IAudited.AuditLabel => MechanismCode;
}

internal sealed class MechanismTargetConfiguration : IEntityTypeConfiguration<MechanismTarget>
{
    public void Configure(EntityTypeBuilder<MechanismTarget> builder)
    {
        builder.Property(t => t.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(t => t.MechanismCode).HasMaxLength(20);
        builder.Property(t => t.Note).HasMaxLength(MechanismTarget.NoteLength);
        builder.HasOne(t => t.Country).WithMany().HasForeignKey(t => t.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.AssessmentId, t.MechanismCode }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Assessments;
using Pathway.Web.Countries;

namespace Pathway.Web.Planning;

public enum PlanStatus
{
    Draft,
    Endorsed,
}

/// <summary>The plan's horizon, which sets the default targets (see <see cref="TargetRules"/>).</summary>
public enum PlanHorizon
{
    OneYear,
    FiveYear,
}

/// <summary>
/// The country team's action plan for one round: its horizon, the weights that rank priorities, and
/// its endorsement. Items are <see cref="ActionItem"/> rows; changes after endorsement stay in the
/// audit trail like every other change.
/// </summary>
public sealed class ActionPlan : ICountryOwned, IAudited
{
    public const int NoteLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }

    public PlanHorizon Horizon { get; set; } = PlanHorizon.OneYear;

    /// <summary>Weights (0–5) of the gap to target, impact and feasibility in the priority score.</summary>
    public int GapWeight { get; set; } = 2;

    public int ImpactWeight { get; set; } = 1;
    public int FeasibilityWeight { get; set; } = 1;

    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public string? EndorsedById { get; set; }
    public string? EndorsedByName { get; set; }
    public DateTimeOffset? EndorsedAt { get; set; }
    public string? EndorsementNote { get; set; }

    /// <summary>The earlier round whose open items were carried into this plan, if any.</summary>
    public Guid? CarriedFromAssessmentId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }

    string IAudited.AuditLabel => "plan";
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Property(p => p.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Horizon).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.EndorsedById).HasMaxLength(450);
        builder.Property(p => p.EndorsedByName).HasMaxLength(200);
        builder.Property(p => p.EndorsementNote).HasMaxLength(ActionPlan.NoteLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.AssessmentId).IsUnique();
    }
}

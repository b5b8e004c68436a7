using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Assessments;
using Pathway.Web.Countries;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>World Bank income groups.</summary>
public enum IncomeGroup
{
    Low,
    LowerMiddle,
    UpperMiddle,
    High,
}

public enum GovernanceSystem
{
    Unitary,
    Federal,
}

/// <summary>National agendas the plan should serve; three of them change how actions are done.</summary>
public enum FlagshipArea
{
    HealthWorkforce,
    SupplyChain,
    Emergencies,
    PrimaryHealthCare,
    HealthFinancing,
    QualityOfCare,
}

/// <summary>
/// The country's situation as the team describes it for one round. Recommendations are filtered and
/// ordered by the contexts it switches on (<see cref="ActiveContexts"/>).
/// </summary>
public sealed class RoundContext : ICountryOwned, IAudited
{
    public const int SourceLength = 300;

    /// <summary>From this share of services delivered privately, the "large private share" notes apply.</summary>
    public const decimal LargePrivateShareFrom = 50m;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }

    public bool IsFragile { get; set; }
    public IncomeGroup? IncomeGroup { get; set; }

    /// <summary>Share of service delivery by private providers, 0–100; optional, with its source and year.</summary>
    public decimal? PrivateSharePercent { get; set; }

    public string? PrivateShareSource { get; set; }
    public int? PrivateShareYear { get; set; }
    public GovernanceSystem Governance { get; set; }
    public List<FlagshipArea> FlagshipAreas { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    string IAudited.AuditLabel => "context";

    public IReadOnlySet<PlanningContext> ActiveContexts() => ContextRules.Active(
        IsFragile, IncomeGroup, PrivateSharePercent, Governance, FlagshipAreas);
}

/// <summary>Which planning contexts a described situation switches on. Pure.</summary>
public static class ContextRules
{
    public static IReadOnlySet<PlanningContext> Active(
        bool isFragile, IncomeGroup? income, decimal? privateSharePercent, GovernanceSystem governance, IEnumerable<FlagshipArea> flagships)
    {
        ArgumentNullException.ThrowIfNull(flagships);
        var active = new HashSet<PlanningContext>();
        if (isFragile)
        {
            active.Add(PlanningContext.Fragile);
        }
        if (income is Planning.IncomeGroup.Low or Planning.IncomeGroup.LowerMiddle)
        {
            active.Add(PlanningContext.LowIncome);
        }
        if (privateSharePercent >= RoundContext.LargePrivateShareFrom)
        {
            active.Add(PlanningContext.LargePrivateShare);
        }
        if (governance == GovernanceSystem.Federal)
        {
            active.Add(PlanningContext.Federal);
        }
        foreach (var area in flagships)
        {
            PlanningContext? context = area switch
            {
                FlagshipArea.HealthWorkforce => PlanningContext.Workforce,
                FlagshipArea.SupplyChain => PlanningContext.SupplyChain,
                FlagshipArea.Emergencies => PlanningContext.Emergency,
                _ => null,
            };
            if (context is { } switchedOn)
            {
                active.Add(switchedOn);
            }
        }
        return active;
    }
}

internal sealed class RoundContextConfiguration : IEntityTypeConfiguration<RoundContext>
{
    public void Configure(EntityTypeBuilder<RoundContext> builder)
    {
        builder.Property(c => c.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.IncomeGroup).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Governance).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PrivateSharePercent).HasPrecision(5, 2);
        builder.Property(c => c.PrivateShareSource).HasMaxLength(RoundContext.SourceLength);
        builder.Property(c => c.FlagshipAreas).HasJsonConversion();
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AssessmentId).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// One imported version of the recommendation catalogue (content/recommendations/*.json), written for
/// one framework version. Like the framework, it is read-mostly and imported all or nothing.
/// </summary>
public sealed class RecommendationCatalogue : IPublicContent
{
    public int Id { get; private set; }
    public required string Version { get; init; }

    /// <summary>The framework version whose mechanisms and levels the catalogue follows.</summary>
    public required string FrameworkVersion { get; init; }

    public required LocalizedText Title { get; set; }
    public LocalizedText? Summary { get; set; }
    public bool Illustrative { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public List<Recommendation> Recommendations { get; init; } = [];
}

/// <summary>
/// One catalogue action for one mechanism and one step up (from <see cref="FromLevel"/> to the next
/// level), or, without a mechanism, a way to build the evidence first where the level is unknown.
/// </summary>
public sealed class Recommendation : IPublicContent
{
    public int Id { get; private set; }
    public int CatalogueId { get; set; }

    /// <summary>Stable code such as <c>DS.1-1a</c> (mechanism, from-level, letter); plan items keep it.</summary>
    public required string Code { get; init; }

    /// <summary>Null for an evidence-first action, which fits any mechanism rated "insufficient information".</summary>
    public string? MechanismCode { get; init; }

    public int? FromLevel { get; init; }
    public int DisplayOrder { get; init; }
    public required LocalizedText Text { get; set; }
    public ActionType Type { get; set; }
    public Effort Effort { get; set; }
    public int HorizonMonths { get; set; }
    public List<LocalizedText> Capacities { get; set; } = [];
    public List<ContextNote> Contexts { get; set; } = [];
}

/// <summary>How an action changes in one context.</summary>
public sealed record ContextNote(PlanningContext Context, ContextFit Fit, LocalizedText Note);

internal sealed class RecommendationCatalogueConfiguration :
    IEntityTypeConfiguration<RecommendationCatalogue>, IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<RecommendationCatalogue> builder)
    {
        builder.HasIndex(c => c.Version).IsUnique();
        builder.Property(c => c.Version).HasMaxLength(20);
        builder.Property(c => c.FrameworkVersion).HasMaxLength(20);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.HasMany(c => c.Recommendations).WithOne()
            .HasForeignKey(r => r.CatalogueId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.HasIndex(r => new { r.CatalogueId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.CatalogueId, r.MechanismCode, r.FromLevel });
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.MechanismCode).HasMaxLength(20);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Effort).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Capacities).HasJsonConversion();
        builder.Property(r => r.Contexts).HasJsonConversion();
    }
}

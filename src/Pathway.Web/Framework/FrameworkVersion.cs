using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Framework;

public enum FrameworkStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>
/// One imported version of the governance framework: six behaviours, their mechanisms and the four
/// level descriptors of each. Imported from content/frameworks/*.json; never edited in place.
/// </summary>
public sealed class FrameworkVersion : IPublicContent
{
    public int Id { get; private set; }
    public required string Version { get; init; }
    public required LocalizedText Title { get; set; }
    public LocalizedText? Summary { get; set; }
    public LocalizedText? ChangeNotes { get; set; }
    public FrameworkStatus Status { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? SourceUrl { get; set; }

    /// <summary>Content not yet validated by WHO or a country is labelled illustrative.</summary>
    public bool Illustrative { get; set; }

    /// <summary>SHA-256 of the canonical document; a re-import with another hash is a change.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The earlier version this one's crosswalk maps from; null when it declares none.</summary>
    public string? CrosswalkFrom { get; set; }

    /// <summary>Old mechanism code → new codes, as the file declares; comparisons across versions use only this.</summary>
    public List<CrosswalkEntry> Crosswalk { get; set; } = [];

    public List<LevelDefinition> Levels { get; init; } = [];
    public List<Behaviour> Behaviours { get; init; } = [];
}

/// <summary>One line of a crosswalk: an old mechanism code and the new codes it became (none: removed).</summary>
public sealed record CrosswalkEntry(string From, IReadOnlyList<string> To);

/// <summary>What a level (1 Emerging … 4 Advanced) means in general, in this version.</summary>
public sealed class LevelDefinition : IPublicContent
{
    public int Id { get; private set; }
    public int FrameworkVersionId { get; set; }
    public int Level { get; init; }
    public required string Code { get; init; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Pattern { get; set; }
}

public sealed class Behaviour : IPublicContent
{
    public int Id { get; private set; }
    public int FrameworkVersionId { get; set; }
    public required string Code { get; init; }
    public int DisplayOrder { get; init; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Summary { get; set; }
    public LocalizedText? StewardshipFunction { get; set; }
    public List<Mechanism> Mechanisms { get; init; } = [];
}

public sealed class Mechanism : IPublicContent
{
    public int Id { get; private set; }
    public int BehaviourId { get; set; }

    /// <summary>Carried so a mechanism code is unique within its version, and found by it.</summary>
    public int FrameworkVersionId { get; set; }
    public FrameworkVersion? FrameworkVersion { get; set; }

    /// <summary>Stable code such as <c>DS.1</c>; assessments and plans refer to mechanisms by it.</summary>
    public required string Code { get; init; }

    public int DisplayOrder { get; init; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Description { get; set; }
    public LocalizedText? GuidingQuestion { get; set; }
    public List<Instrument> Instruments { get; set; } = [];
    public List<LevelDescriptor> Levels { get; init; } = [];
}

/// <summary>A policy instrument a mechanism typically uses.</summary>
public sealed record Instrument(InstrumentCategory Category, LocalizedText Name);

public enum InstrumentCategory
{
    PolicyAndStrategy,
    Legislation,
    Regulation,
    QualityAssurance,
    FinancingAndPurchasing,
    PublicPrivatePartnership,
    Dialogue,
    InformationAndData,
    MarketShaping,
    AccountabilityAndTransparency,
    InstitutionalArrangement,
}

/// <summary>What one level looks like for one mechanism, and evidence that would show it.</summary>
public sealed class LevelDescriptor : IPublicContent
{
    public int Id { get; private set; }
    public int MechanismId { get; set; }
    public int Level { get; init; }
    public required LocalizedText Descriptor { get; set; }
    public List<LocalizedText> EvidenceExamples { get; set; } = [];
}

public static class FrameworkQueries
{
    /// <summary>One version with its levels, behaviours, mechanisms and descriptors, untracked (five small queries).</summary>
    public static Task<FrameworkVersion?> LoadTreeAsync(this IQueryable<FrameworkVersion> versions, string version, CancellationToken cancellationToken = default) =>
        versions.AsNoTracking()
            .Include(v => v.Levels)
            .Include(v => v.Behaviours).ThenInclude(b => b.Mechanisms).ThenInclude(m => m.Levels)
            .AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Version == version, cancellationToken);
}

internal sealed class FrameworkConfiguration :
    IEntityTypeConfiguration<FrameworkVersion>,
    IEntityTypeConfiguration<LevelDefinition>,
    IEntityTypeConfiguration<Behaviour>,
    IEntityTypeConfiguration<Mechanism>,
    IEntityTypeConfiguration<LevelDescriptor>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.HasIndex(version => version.Version).IsUnique();
        builder.Property(version => version.Version).HasMaxLength(20);
        builder.Property(version => version.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(version => version.SourceUrl).HasMaxLength(500);
        builder.Property(version => version.ContentHash).HasMaxLength(64);
        builder.Property(version => version.CrosswalkFrom).HasMaxLength(20);
        builder.Property(version => version.Crosswalk).HasJsonConversion();
        builder.HasMany(version => version.Levels).WithOne()
            .HasForeignKey(level => level.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(version => version.Behaviours).WithOne()
            .HasForeignKey(behaviour => behaviour.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LevelDefinition> builder)
    {
        builder.HasIndex(level => new { level.FrameworkVersionId, level.Level }).IsUnique();
        builder.Property(level => level.Code).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Behaviour> builder)
    {
        builder.HasIndex(behaviour => new { behaviour.FrameworkVersionId, behaviour.Code }).IsUnique();
        builder.Property(behaviour => behaviour.Code).HasMaxLength(4);
        builder.HasMany(behaviour => behaviour.Mechanisms).WithOne()
            .HasForeignKey(mechanism => mechanism.BehaviourId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Mechanism> builder)
    {
        builder.HasIndex(mechanism => new { mechanism.FrameworkVersionId, mechanism.Code }).IsUnique();
        builder.Property(mechanism => mechanism.Code).HasMaxLength(10);
        builder.Property(mechanism => mechanism.Instruments).HasJsonConversion();
        // The behaviour already cascades; this second path to the version only checks at statement end.
        builder.HasOne(mechanism => mechanism.FrameworkVersion).WithMany()
            .HasForeignKey(mechanism => mechanism.FrameworkVersionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(mechanism => mechanism.Levels).WithOne()
            .HasForeignKey(level => level.MechanismId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LevelDescriptor> builder)
    {
        builder.HasIndex(level => new { level.MechanismId, level.Level }).IsUnique();
        builder.Property(level => level.EvidenceExamples).HasJsonConversion();
    }
}

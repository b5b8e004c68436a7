using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Countries;

namespace Pathway.Web.Assessments;

/// <summary>What kind of source a piece of evidence is.</summary>
public enum EvidenceType
{
    Law,
    Policy,
    Regulation,
    Contract,
    Report,
    Dataset,
    Minutes,
    Interview,
    SiteVisit,
    Other,
}

/// <summary>
/// A source behind mechanisms' agreed ratings: a link or an uploaded file, supporting one or more
/// mechanisms through its <see cref="Links"/> (one upload, several mechanisms). The file's bytes live in
/// <see cref="EvidenceFile"/>, so listing evidence never loads them, and in the database, so every app
/// server can serve them.
/// </summary>
public sealed class EvidenceItem : ICountryOwned, IAudited
{
    public const int TitleLength = 300;
    public const int IssuerLength = 200;
    public const int UrlLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public EvidenceType Type { get; set; }
    public required string Title { get; set; }
    public DateOnly? Date { get; set; }
    public string? Issuer { get; set; }

    /// <summary>May be shown on the published page when the country publishes public evidence.</summary>
    public bool IsPublic { get; set; }

    /// <summary>An absolute http(s) link; null for an uploaded file.</summary>
    public string? Url { get; init; }

    public Guid? FileId { get; init; }
    public EvidenceFile? File { get; init; }

    /// <summary>The cleaned download name, with the extension of the file's real type.</summary>
    public string? FileName { get; init; }

    public EvidenceFileType? FileType { get; init; }
    public long? FileSize { get; init; }
    public string? AddedById { get; init; }
    public string? AddedByName { get; init; }
    public DateTimeOffset AddedAt { get; init; }

    /// <summary>The mechanisms this item supports: at least one while the item exists.</summary>
    public List<EvidenceLink> Links { get; init; } = [];

    string IAudited.AuditLabel => Title;
}

/// <summary>
/// "This evidence supports this mechanism": one row per item and mechanism code of the round's framework.
/// Carries the round and country so per-mechanism lookups and the country filter need no join.
/// </summary>
public sealed class EvidenceLink : ICountryOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EvidenceItemId { get; init; }
    public EvidenceItem? Item { get; init; }
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public required string MechanismCode { get; init; }

    string IAudited.AuditLabel => Item is null ? MechanismCode : $"{MechanismCode}: {Item.Title}";
}

/// <summary>An uploaded evidence file's bytes, checked by <see cref="EvidenceFileCheck"/> before it is stored.</summary>
public sealed class EvidenceFile : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public required byte[] Content { get; init; }

    /// <summary>Hex SHA-256 of the content, to check a file's integrity (e.g. after a restore) without trusting its name.</summary>
    public required string Sha256 { get; init; }
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.Property(e => e.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(EvidenceItem.TitleLength);
        builder.Property(e => e.Issuer).HasMaxLength(EvidenceItem.IssuerLength);
        builder.Property(e => e.Url).HasMaxLength(EvidenceItem.UrlLength);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.FileType).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.AddedById).HasMaxLength(450);
        builder.Property(e => e.AddedByName).HasMaxLength(200);
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.File).WithOne().HasForeignKey<EvidenceItem>(e => e.FileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Links).WithOne(link => link.Item).HasForeignKey(link => link.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.AssessmentId);
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.Property(link => link.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(link => link.MechanismCode).HasMaxLength(20);
        builder.HasOne(link => link.Country).WithMany().HasForeignKey(link => link.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(link => new { link.EvidenceItemId, link.MechanismCode }).IsUnique();
        builder.HasIndex(link => new { link.AssessmentId, link.MechanismCode });
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne(f => f.Country).WithMany().HasForeignKey(f => f.CountryIso3).OnDelete(DeleteBehavior.Restrict);
    }
}

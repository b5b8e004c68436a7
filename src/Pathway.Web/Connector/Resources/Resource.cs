using Pathway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Resources;

/// <summary>What kind of document or material a resource is.</summary>
public enum ResourceType
{
    Report,
    Brief,
    Tool,
    Guidance,
    JournalArticle,
    CourseModule,
    Video,
    Template,
    LawOrRegulation,
}

/// <summary>
/// A resource of the knowledge hub: a report, a tool, a law… found by what it helps with (its tags). Shared
/// content, not country-owned: while unpublished only its author and the content editors see it (the check is in
/// <see cref="ResourceLibrary"/>, the one door); once published, everyone, anonymous visitors too.
/// </summary>
public sealed class Resource : IPublicContent
{
    public const int TitleLength = 300;
    public const int SummaryLength = 4000;
    public const int LanguagesLength = 100;
    public const int PublisherNameLength = 300;
    public const int UrlLength = 2000;
    public const int LicenceLength = 200;
    public const int FileNameLength = 260;
    public const int MaxTags = 60;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Per language; English is required.</summary>
    public required LocalizedText Title { get; set; }

    /// <summary>Markdown per language, shown only through <see cref="MarkdownText"/>; English is required.</summary>
    public required LocalizedText Summary { get; set; }

    public ResourceType Type { get; set; }

    /// <summary>The language codes it is available in, as " en fr " (spaces around each), so a filter is one LIKE.</summary>
    public required string LanguageCodes { get; set; }

    public int Year { get; set; }

    public int? PublisherId { get; set; }
    public Organisation? Publisher { get; init; }

    /// <summary>The publisher's name when it is not in the organisations directory.</summary>
    public string? PublisherName { get; set; }

    /// <summary>An absolute http or https address.</summary>
    public string? Url { get; set; }

    public string? Licence { get; set; }

    /// <summary>The uploaded file's download name, type and size; its bytes are in <see cref="ResourceFile"/>, read only on download.</summary>
    public string? FileName { get; set; }

    public EvidenceFileType? FileType { get; set; }
    public long? FileSize { get; set; }

    public List<ResourceTag> Tags { get; init; } = [];

    public ModerationState State { get; set; }

    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it last moved between moderation states (sent for review, published…).</summary>
    public DateTimeOffset StateChangedAt { get; set; }

    /// <summary>Made by the demonstration data; removed with it and labelled as such.</summary>
    public bool IsDemonstration { get; init; }

    /// <summary>Counts the edits: a stale form or API update is refused (409) rather than overwriting another's edit.</summary>
    public int Version { get; set; } = 1;

    public IReadOnlyList<string> Languages => LanguageList.Parse(LanguageCodes);

    public bool HasFile => FileType is not null;

    public bool IsPublished => State == ModerationState.Published;
}

/// <summary>One tag of a resource: a facet and its value ("Mechanism", "DS.1"); indexed on (facet, value).</summary>
public sealed class ResourceTag : IPublicContent
{
    public long Id { get; init; }
    public Guid ResourceId { get; init; }
    public Resource? Resource { get; init; }
    public TagFacet Facet { get; init; }
    public required string Value { get; init; }
}

/// <summary>A resource's uploaded file, kept apart so lists and pages never load its bytes.</summary>
public sealed class ResourceFile : IPublicContent
{
    public Guid ResourceId { get; init; }
    public required byte[] Content { get; set; }
}

/// <summary>The " en fr " form of a list of language codes, and back.</summary>
public static class LanguageList
{
    public static string Format(IEnumerable<string> codes) => " " + string.Join(' ', codes) + " ";

    public static IReadOnlyList<string> Parse(string? codes) =>
        (codes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The LIKE pattern matching resources available in a language.</summary>
    public static string Pattern(string code) => "% " + code + " %";
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(resource => resource.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(resource => resource.LanguageCodes).HasMaxLength(Resource.LanguagesLength);
        builder.Property(resource => resource.PublisherName).HasMaxLength(Resource.PublisherNameLength);
        builder.Property(resource => resource.Url).HasMaxLength(Resource.UrlLength);
        builder.Property(resource => resource.Licence).HasMaxLength(Resource.LicenceLength);
        builder.Property(resource => resource.FileName).HasMaxLength(Resource.FileNameLength);
        builder.Property(resource => resource.FileType).HasConversion<string>().HasMaxLength(10);
        builder.Property(resource => resource.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(resource => resource.CreatedById).HasMaxLength(450);
        builder.Property(resource => resource.Version).IsConcurrencyToken();
        builder.Ignore(resource => resource.Languages);
        builder.HasOne(resource => resource.Publisher).WithMany()
            .HasForeignKey(resource => resource.PublisherId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PathwayUser>().WithMany().HasForeignKey(resource => resource.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(resource => resource.Tags).WithOne(tag => tag.Resource)
            .HasForeignKey(tag => tag.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ResourceFile>().WithOne().HasForeignKey<ResourceFile>(file => file.ResourceId).OnDelete(DeleteBehavior.Cascade);
        // The list's order and the moderation queue: newest published first, or what waits in review.
        builder.HasIndex(resource => new { resource.State, resource.Year });
        builder.HasIndex(resource => resource.CreatedById);
    }
}

internal sealed class ResourceTagConfiguration : IEntityTypeConfiguration<ResourceTag>
{
    public void Configure(EntityTypeBuilder<ResourceTag> builder)
    {
        builder.Property(tag => tag.Facet).HasConversion<string>().HasMaxLength(20);
        builder.Property(tag => tag.Value).HasMaxLength(ContentTag.ValueLength);
        // "Resources for mechanism DS.1" is one lookup on this index; the resource id rides along for the join.
        builder.HasIndex(tag => new { tag.Facet, tag.Value, tag.ResourceId }).IsUnique();
        builder.HasIndex(tag => tag.ResourceId);
    }
}

internal sealed class ResourceFileConfiguration : IEntityTypeConfiguration<ResourceFile>
{
    public void Configure(EntityTypeBuilder<ResourceFile> builder) => builder.HasKey(file => file.ResourceId);
}

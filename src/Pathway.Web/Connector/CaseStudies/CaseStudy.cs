using Pathway.Web.Data;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>How strong the evidence behind a case study's results is, weakest first; the number is its search weight (0–4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceStrength>))]
public enum EvidenceStrength
{
    Anecdotal,
    Descriptive,
    Monitored,
    Evaluated,
    PeerReviewed,
}

/// <summary>
/// What a country did to govern its mixed health system, what came of it and what it learned, told by the
/// country team and graded by a content editor for the strength of its evidence. Shared content: published
/// ones are public; the rest are seen by their author, their country's people and the editors
/// (<see cref="CaseStudyAccess"/>). Its contact people are shown to signed-in people only.
/// </summary>
public sealed class CaseStudy : IPublicContent
{
    public const int TitleLength = 300;
    public const int NameLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryIso3 { get; set; }
    public Country? Country { get; private set; }

    public int FromYear { get; set; }

    /// <summary>Null while the work goes on.</summary>
    public int? ToYear { get; set; }

    public required LocalizedText Title { get; set; }
    public required LocalizedText Problem { get; set; }
    public required LocalizedText WhatWasDone { get; set; }
    public required LocalizedText Results { get; set; }
    public required LocalizedText Lessons { get; set; }
    public required LocalizedText DoneDifferently { get; set; }

    public ModerationState State { get; set; } = ModerationState.Draft;

    /// <summary>Set by a content editor (<see cref="Grade"/>); a case study is published only once graded.</summary>
    public EvidenceStrength? Evidence { get; private set; }
    public string? GradedById { get; private set; }
    public string? GradedByName { get; private set; }
    public DateTimeOffset? GradedAt { get; private set; }

    /// <summary>The partnership the work was done in (the partnership register's id; no navigation, the register is its own feature).</summary>
    public Guid? PartnershipId { get; set; }

    /// <summary>The round and plan item the case study was proposed from, when it was.</summary>
    public Guid? SourceAssessmentId { get; init; }
    public Guid? SourceActionItemId { get; init; }

    public string? AuthorId { get; init; }
    public string? AuthorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Made by the demonstration data; removed with it and labelled as such.</summary>
    public bool IsDemonstration { get; init; }

    public int Version { get; set; }

    public List<CaseStudyTag> Tags { get; init; } = [];
    public List<CaseStudySource> Sources { get; init; } = [];
    public List<CaseStudyContact> Contacts { get; init; } = [];

    /// <summary>An editor's grading: who and when are recorded with the grade.</summary>
    public void Grade(EvidenceStrength strength, string? graderId, string graderName, DateTimeOffset at)
    {
        Evidence = strength;
        GradedById = graderId;
        GradedByName = graderName;
        GradedAt = at;
    }
}

/// <summary>One tag of a case study (behaviours and mechanisms served, instruments used): one indexed lookup per facet and value.</summary>
public sealed class CaseStudyTag : IPublicContent
{
    public long Id { get; init; }
    public Guid CaseStudyId { get; init; }
    public TagFacet Facet { get; init; }
    public required string Value { get; init; }
}

/// <summary>A source that justifies the evidence grade: a title with a link, a citation, or both.</summary>
public sealed class CaseStudySource : IPublicContent
{
    public const int TitleLength = 300;
    public const int LinkLength = 2000;
    public const int CitationLength = 1000;

    public long Id { get; init; }
    public Guid CaseStudyId { get; init; }
    public int Position { get; init; }
    public required string Title { get; init; }
    public string? Link { get; init; }
    public string? Citation { get; init; }
}

/// <summary>A person to ask about the case study; shown only to signed-in people.</summary>
public sealed class CaseStudyContact : IPublicContent
{
    public const int EmailLength = 254;
    public const int OrganisationLength = 300;

    public long Id { get; init; }
    public Guid CaseStudyId { get; init; }
    public int Position { get; init; }
    public required string Name { get; init; }
    public string? Role { get; init; }
    public string? Organisation { get; init; }
    public string? Email { get; init; }
}

internal sealed class CaseStudyConfiguration :
    IEntityTypeConfiguration<CaseStudy>, IEntityTypeConfiguration<CaseStudyTag>,
    IEntityTypeConfiguration<CaseStudySource>, IEntityTypeConfiguration<CaseStudyContact>
{
    public void Configure(EntityTypeBuilder<CaseStudy> builder)
    {
        builder.Property(c => c.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        // Stored as its number (0–4), not its name: "at least Monitored" and the sort by strength are then plain comparisons.
        builder.Property(c => c.Evidence);
        builder.Property(c => c.GradedById).HasMaxLength(450);
        builder.Property(c => c.GradedByName).HasMaxLength(CaseStudy.NameLength);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(CaseStudy.NameLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sources).WithOne().HasForeignKey(s => s.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(s => s.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.State, c.Evidence });
        builder.HasIndex(c => c.CountryIso3);
        builder.HasIndex(c => c.SourceActionItemId);
    }

    public void Configure(EntityTypeBuilder<CaseStudyTag> builder)
    {
        builder.Property(t => t.Facet).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Value).HasMaxLength(ContentTag.ValueLength);
        builder.HasIndex(t => new { t.Facet, t.Value });
        builder.HasIndex(t => t.CaseStudyId);
    }

    public void Configure(EntityTypeBuilder<CaseStudySource> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(CaseStudySource.TitleLength);
        builder.Property(s => s.Link).HasMaxLength(CaseStudySource.LinkLength);
        builder.Property(s => s.Citation).HasMaxLength(CaseStudySource.CitationLength);
        builder.HasIndex(s => s.CaseStudyId);
    }

    public void Configure(EntityTypeBuilder<CaseStudyContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(CaseStudy.NameLength);
        builder.Property(c => c.Role).HasMaxLength(CaseStudy.NameLength);
        builder.Property(c => c.Organisation).HasMaxLength(CaseStudyContact.OrganisationLength);
        builder.Property(c => c.Email).HasMaxLength(CaseStudyContact.EmailLength);
        builder.HasIndex(c => c.CaseStudyId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>What the country chose to make public when it signed off a release.</summary>
public sealed record PublicationChoices(bool BehaviourProfile, bool MechanismLevels, bool Rationales, bool PublicEvidence)
{
    public static PublicationChoices Nothing { get; } = new(false, false, false, false);

    public bool AnythingPublic => BehaviourProfile || MechanismLevels || Rationales || PublicEvidence;
}

/// <summary>
/// A signed-off publication of one revision of a round: who signed, when, what was made public, and a
/// frozen copy of exactly that. The public page reads only this row, so nothing the country kept back
/// can reach it, and later corrections never change it (they add the next revision's release).
/// Deliberately not country-scoped: it is public by construction.
/// </summary>
public sealed class PublishedRelease : IAudited, IPublicContent
{
    public const int NoteLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public required string CountryIso3 { get; init; }
    public int Revision { get; init; }
    public required PublicationChoices Choices { get; init; }

    /// <summary>The frozen public content: only what <see cref="Choices"/> allowed.</summary>
    public required ReleaseSnapshot Snapshot { get; init; }

    public required string RuleVersion { get; init; }
    public required string SignedOffById { get; init; }
    public required string SignedOffByName { get; init; }
    public DateTimeOffset SignedOffAt { get; init; }

    /// <summary>For a correction: what changed since the previous revision.</summary>
    public string? Note { get; init; }

    string IAudited.AuditLabel => $"Revision {Revision}";
}

/// <summary>
/// The public content of a release, frozen at sign-off. <see cref="AgreedInMeeting"/>: the answers were agreed
/// in a meeting without individual ratings (releases signed before it existed read false). <see cref="Planned"/>
/// and <see cref="Validation"/> are the report cover's dates and validation; releases signed before they were
/// recorded read null ("not recorded"), so an old release still renders.
/// </summary>
public sealed record ReleaseSnapshot(
    string Title,
    string FrameworkVersion,
    string Scope,
    string? ScopeDetail,
    string Purpose,
    IReadOnlyList<BehaviourSnapshot>? Behaviours,
    IReadOnlyList<MechanismSnapshot>? Mechanisms,
    IReadOnlyList<EvidenceSnapshot>? Evidence,
    bool AgreedInMeeting = false,
    PlannedDates? Planned = null,
    ValidationRecord? Validation = null);

/// <summary>The round's planned dates at sign-off; either may be unset on the round.</summary>
public sealed record PlannedDates(DateOnly? Start, DateOnly? End);

/// <summary>
/// Who validated the revision, as the public may see it: the validating role (a reviewer; <see cref="RegionCode"/>
/// null for a global one) and when. Never the person's name: a public release names no individual (the sign-off's
/// name too stays with the round's team), and the internal report shows the name.
/// </summary>
public sealed record ValidationRecord(DateTimeOffset At, string Role, string? RegionCode);

/// <summary>A behaviour's score as published: mean, band and coverage.</summary>
public sealed record BehaviourSnapshot(
    string Code, decimal? Mean, string Status, string? Band, int Rated, int InformationGaps, int NotApplicable, int NotAssessed);

/// <summary>A mechanism as published: its agreed state and level, and the rationale if the country chose to show it.</summary>
public sealed record MechanismSnapshot(string Code, string BehaviourCode, string State, int? Level, string? Rationale);

/// <summary>A piece of evidence the country marked public and chose to publish.</summary>
public sealed record EvidenceSnapshot(
    Guid Id, string MechanismCode, string Type, string Title, DateOnly? Date, string? Issuer, string? Url, string? FileName, bool HasFile);

internal sealed class PublishedReleaseConfiguration : IEntityTypeConfiguration<PublishedRelease>
{
    public void Configure(EntityTypeBuilder<PublishedRelease> builder)
    {
        builder.Property(r => r.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.Choices).HasJsonConversion();
        builder.Property(r => r.Snapshot).HasJsonConversion();
        builder.Property(r => r.RuleVersion).HasMaxLength(20);
        builder.Property(r => r.SignedOffById).HasMaxLength(450);
        builder.Property(r => r.SignedOffByName).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(PublishedRelease.NoteLength);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.AssessmentId, r.Revision }).IsUnique();
        builder.HasIndex(r => r.CountryIso3);
    }
}

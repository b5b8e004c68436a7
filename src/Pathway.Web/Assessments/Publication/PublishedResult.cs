using Pathway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

/// <summary>
/// One mechanism of one signed-off release, flattened from the release's frozen snapshot so that dashboards,
/// the map and open data count and filter rows in SQL instead of parsing every snapshot. Written in the same
/// save as its release and never edited after, except <see cref="IsLatest"/>. Like the release, it is public
/// by construction (only what the country chose to make public is in it), so it is not country-scoped.
/// </summary>
public sealed class PublishedResult : IPublicContent
{
    public const int CodeLength = 20;

    public long Id { get; init; }
    public Guid ReleaseId { get; init; }
    public Guid AssessmentId { get; init; }
    public int Revision { get; init; }

    /// <summary>The row belongs to its round's latest release; set false when a correction is signed off.</summary>
    public bool IsLatest { get; set; }

    public required string CountryIso3 { get; init; }
    public required string RegionCode { get; init; }

    /// <summary>The round's title as signed off in the release (kept here so open data need not read snapshots).</summary>
    public required string RoundTitle { get; init; }

    /// <summary>The round's year: its planned end, else its planned start, else the year it was first signed off.</summary>
    public int Year { get; init; }

    public required string FrameworkVersion { get; init; }
    public required string BehaviourCode { get; init; }
    public required string MechanismCode { get; init; }

    /// <summary>The agreed answer's state (a <c>MechanismAnswerState</c> name); null when levels were not made public.</summary>
    public string? State { get; init; }

    /// <summary>The agreed level 1–4; null when not rated or not made public.</summary>
    public int? Level { get; init; }

    /// <summary>The behaviour's mean score; null when the profile was not made public or nothing in it was rated.</summary>
    public decimal? BehaviourMean { get; init; }

    /// <summary>The behaviour's level band (a <c>LevelBand</c> name); null as for the mean.</summary>
    public string? BehaviourBand { get; init; }

    /// <summary>Coverage: mechanisms of the behaviour rated, out of <see cref="BehaviourMechanisms"/>; null when the profile was not made public.</summary>
    public int? BehaviourRated { get; init; }

    public int? BehaviourMechanisms { get; init; }

    public DateTimeOffset PublishedAt { get; init; }
    public bool IsDemonstration { get; init; }

    /// <summary>
    /// The rows of a release: one per mechanism of the round's framework tree, with only what its choices made
    /// public. A release that made nothing public has none.
    /// </summary>
    public static List<PublishedResult> From(PublishedRelease release, FrameworkTree tree, string regionCode, int year, bool isDemonstration)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(tree);
        if (!release.Choices.AnythingPublic)
        {
            return [];
        }
        var mechanisms = release.Snapshot.Mechanisms?.ToDictionary(mechanism => mechanism.Code, StringComparer.Ordinal);
        var behaviours = release.Snapshot.Behaviours?.ToDictionary(behaviour => behaviour.Code, StringComparer.Ordinal);
        if (mechanisms is null && behaviours is null)
        {
            // Only evidence was made public: no level or score to count.
            return [];
        }
        var rows = new List<PublishedResult>();
        foreach (var behaviour in tree.Behaviours)
        {
            var score = behaviours?.GetValueOrDefault(behaviour.Code);
            foreach (var mechanism in behaviour.Mechanisms)
            {
                var answer = mechanisms?.GetValueOrDefault(mechanism.Code);
                rows.Add(new PublishedResult
                {
                    ReleaseId = release.Id,
                    AssessmentId = release.AssessmentId,
                    Revision = release.Revision,
                    IsLatest = true,
                    CountryIso3 = release.CountryIso3,
                    RegionCode = regionCode,
                    RoundTitle = release.Snapshot.Title,
                    Year = year,
                    FrameworkVersion = release.Snapshot.FrameworkVersion,
                    BehaviourCode = behaviour.Code,
                    MechanismCode = mechanism.Code,
                    State = answer?.State,
                    Level = answer?.Level,
                    BehaviourMean = score?.Mean,
                    BehaviourBand = score?.Band,
                    BehaviourRated = score?.Rated,
                    BehaviourMechanisms = score is null ? null : behaviour.Mechanisms.Count,
                    PublishedAt = release.SignedOffAt,
                    IsDemonstration = isDemonstration,
                });
            }
        }
        return rows;
    }

    /// <summary>The year a round counts for in published figures.</summary>
    public static int YearOf(DateOnly? plannedEnd, DateOnly? plannedStart, DateTimeOffset firstSignedOff) =>
        plannedEnd?.Year ?? plannedStart?.Year ?? firstSignedOff.Year;
}

internal sealed class PublishedResultConfiguration : IEntityTypeConfiguration<PublishedResult>
{
    public void Configure(EntityTypeBuilder<PublishedResult> builder)
    {
        builder.Property(r => r.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.RegionCode).HasMaxLength(Countries.Region.CodeLength);
        builder.Property(r => r.RoundTitle).HasMaxLength(Assessment.TitleLength);
        builder.Property(r => r.FrameworkVersion).HasMaxLength(PublishedResult.CodeLength);
        builder.Property(r => r.BehaviourCode).HasMaxLength(PublishedResult.CodeLength);
        builder.Property(r => r.MechanismCode).HasMaxLength(PublishedResult.CodeLength);
        builder.Property(r => r.State).HasMaxLength(30);
        builder.Property(r => r.BehaviourBand).HasMaxLength(PublishedResult.CodeLength);
        builder.Property(r => r.BehaviourMean).HasPrecision(4, 2);
        builder.HasOne<PublishedRelease>().WithMany().HasForeignKey(r => r.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ReleaseId, r.MechanismCode }).IsUnique();
        // Dashboards and open data read the latest releases, by region, country, year or mechanism.
        builder.HasIndex(r => new { r.IsLatest, r.RegionCode, r.CountryIso3 });
        builder.HasIndex(r => new { r.IsLatest, r.MechanismCode });
        builder.HasIndex(r => new { r.IsLatest, r.Year });
        // Open data's one order: a page is read along the index instead of sorting every row first.
        builder.HasIndex(r => new { r.IsLatest, r.CountryIso3, r.Year, r.AssessmentId, r.Revision, r.MechanismCode });
        builder.HasIndex(r => r.AssessmentId);
    }
}

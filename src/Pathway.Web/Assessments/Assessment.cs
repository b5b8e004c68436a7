using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

/// <summary>Where a round stands. The allowed moves between them are in <see cref="RoundWorkflow"/>.</summary>
public enum AssessmentStatus
{
    Draft,
    RatingOpen,
    Consensus,
    Submitted,
    Returned,
    Validated,
    Published,
}

/// <summary>What a round covers: the whole country, one named area, or one theme.</summary>
public enum AssessmentScope
{
    National,
    Subnational,
    Thematic,
}

/// <summary>The three uses WHO states for the Pathway.</summary>
public enum AssessmentPurpose
{
    IdentifyNeeds,
    TakeStock,
    DefineActions,
}

/// <summary>
/// A country's assessment round, pinned to one framework version for its whole life. Its status only
/// changes through <see cref="RoundWorkflow"/>; every change to it and its rows is audited by
/// <see cref="AuditInterceptor"/>.
/// </summary>
public sealed class Assessment : ICountryOwned, IAudited
{
    public const int TitleLength = 200;
    public const int ScopeDetailLength = 200;
    public const int MeetingNoteLength = 2000;
    public const int PersonNameLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public int FrameworkVersionId { get; init; }
    public FrameworkVersion? FrameworkVersion { get; private set; }
    public required string Title { get; set; }
    public AssessmentScope Scope { get; set; }

    /// <summary>The subnational area's name or the thematic focus; empty for a national round.</summary>
    public string? ScopeDetail { get; set; }

    public AssessmentPurpose Purpose { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public AssessmentStatus Status { get; private set; } = AssessmentStatus.Draft;

    /// <summary>1 for the first publication; a correction after publication opens the next revision.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>Set the first time the round is submitted: from then on reviewers in scope may see it.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; private set; }

    /// <summary>How many times the current revision has been submitted (review comments are numbered by it).</summary>
    public int Submissions { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedById { get; init; }

    /// <summary>Loaded by the demo command (and removed by it): every page, file and API row showing it says so.</summary>
    public bool IsDemonstration { get; init; }

    /// <summary>
    /// Set when a facilitator recorded, on opening consensus, that the answers were agreed in a meeting without
    /// individual ratings (no respondent rated anything); results, review and publication say so.
    /// </summary>
    public DateTimeOffset? AgreedInMeetingAt { get; private set; }

    public string? AgreedInMeetingById { get; private set; }
    public string? AgreedInMeetingByName { get; private set; }
    public string? AgreedInMeetingNote { get; private set; }

    /// <summary>Set when the round is archived: hidden from lists, still readable by its team.</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }

    public string? ArchivedById { get; private set; }
    public string? ArchivedByName { get; private set; }

    /// <summary>Concurrency token: two people moving the round at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public List<Participant> Participants { get; } = [];

    Guid IAudited.AssessmentId => Id;

    string IAudited.AuditLabel => Title;

    /// <summary>Moves the round; the caller has checked the move with <see cref="RoundWorkflow"/>.</summary>
    internal void MoveTo(AssessmentStatus next, DateTimeOffset now)
    {
        if (Status == AssessmentStatus.Published && next != AssessmentStatus.Published)
        {
            Revision++;
            Submissions = 0;
        }
        if (next == AssessmentStatus.Submitted)
        {
            FirstSubmittedAt ??= now;
            Submissions++;
        }
        Status = next;
        Version++;
    }

    /// <summary>Records that the answers were agreed in a meeting without individual ratings.</summary>
    internal void RecordMeetingAgreement(string? userId, string? userName, string? note, DateTimeOffset now)
    {
        AgreedInMeetingAt = now;
        AgreedInMeetingById = userId;
        AgreedInMeetingByName = userName;
        AgreedInMeetingNote = note;
    }

    /// <summary>Rating reopened: the statement that nobody rated no longer holds for what follows.</summary>
    internal void ClearMeetingAgreement()
    {
        AgreedInMeetingAt = null;
        AgreedInMeetingById = null;
        AgreedInMeetingByName = null;
        AgreedInMeetingNote = null;
    }

    internal void Archive(string? userId, string? userName, DateTimeOffset now)
    {
        ArchivedAt = now;
        ArchivedById = userId;
        ArchivedByName = userName;
        Version++;
    }

    internal void Unarchive()
    {
        ArchivedAt = null;
        ArchivedById = null;
        ArchivedByName = null;
        Version++;
    }

    /// <summary>Nothing in a round can change once it is published, until a correction reopens it.</summary>
    public bool IsReadOnly => Status == AssessmentStatus.Published;
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(assessment => assessment.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(assessment => assessment.Title).HasMaxLength(Assessment.TitleLength);
        builder.Property(assessment => assessment.ScopeDetail).HasMaxLength(Assessment.ScopeDetailLength);
        builder.Property(assessment => assessment.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(assessment => assessment.Scope).HasConversion<string>().HasMaxLength(30);
        builder.Property(assessment => assessment.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(assessment => assessment.CreatedById).HasMaxLength(450);
        builder.Property(assessment => assessment.AgreedInMeetingById).HasMaxLength(450);
        builder.Property(assessment => assessment.AgreedInMeetingByName).HasMaxLength(Assessment.PersonNameLength);
        builder.Property(assessment => assessment.AgreedInMeetingNote).HasMaxLength(Assessment.MeetingNoteLength);
        builder.Property(assessment => assessment.ArchivedById).HasMaxLength(450);
        builder.Property(assessment => assessment.ArchivedByName).HasMaxLength(Assessment.PersonNameLength);
        builder.Property(assessment => assessment.Version).IsConcurrencyToken();
        builder.HasOne(assessment => assessment.Country).WithMany()
            .HasForeignKey(assessment => assessment.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(assessment => assessment.FrameworkVersion).WithMany()
            .HasForeignKey(assessment => assessment.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(assessment => assessment.Participants).WithOne()
            .HasForeignKey(participant => participant.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(assessment => assessment.CountryIso3);
    }
}

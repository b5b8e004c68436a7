using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.Web.Notices;

/// <summary>What a notice tells its reader; its text is the resource <c>Notice.{Kind}</c>.</summary>
public enum NoticeKind
{
    RatingOpened,
    RatingReminder,
    ConsensusOpened,
    Submitted,
    Returned,
    Validated,
    Published,
    ActionDueSoon,
    ActionOverdue,

    /// <summary>Another country asks the focal point's country for an exchange on a mechanism.</summary>
    ExchangeRequested,
    ExchangeAccepted,
    ExchangeDeclined,

    /// <summary>An editor routed a helpdesk question to this person to answer.</summary>
    HelpdeskRouted,

    /// <summary>The asker's helpdesk question was answered.</summary>
    HelpdeskAnswered,

    // Numbered from here: the API gives a kind as its number, and 14 was CaseStudySubmitted (folded into
    // ContentInReview, see NoticeKinds); the numbers after it stay as they were.

    /// <summary>Shared content (a resource, a case study) was sent for review: to the content editors.</summary>
    ContentInReview = 15,

    /// <summary>Someone asked the helpdesk a question: to the content editors, who answer or route it.</summary>
    HelpdeskAsked = 16,

    /// <summary>Someone outside the country team (an organiser, from an event's key messages) added an action to the country's plan: to its focal points.</summary>
    ActionAdded = 17,
}

/// <summary>How a notice's kind is stored: by name, so adding or reordering kinds never changes what a row means.</summary>
public static class NoticeKinds
{
    /// <summary>The stored name of a kind that was folded into <see cref="NoticeKind.ContentInReview"/> (case studies once had their own).</summary>
    private const string CaseStudySubmitted = "CaseStudySubmitted";

    /// <summary>Reads a stored kind; one folded into another is read as that one, so rows written before still load.</summary>
    public static NoticeKind Parse(string stored) =>
        stored == CaseStudySubmitted ? NoticeKind.ContentInReview : Enum.Parse<NoticeKind>(stored);
}

/// <summary>Where a notice's e-mail stands; the scheduled job sends what is pending.</summary>
public enum NoticeMailStatus
{
    /// <summary>No e-mail: the person turned e-mail off, has no address, or no mail server is configured.</summary>
    None,
    Pending,
    Sent,

    /// <summary>Given up after <see cref="NoticeOptions.MaxMailAttempts"/> failed attempts.</summary>
    Failed,
}

/// <summary>
/// One thing one person should know, kept as a kind and its arguments (never as finished text), so
/// the in-app list and the e-mail each speak their reader's language at the time they are read or sent.
/// Personal, not country-owned: every read is by its recipient (<see cref="NoticeBoard"/>).
/// </summary>
public sealed class Notice
{
    public const int KeyLength = 200;
    public const int TextLength = 200;
    public const int LinkLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string RecipientId { get; init; }
    public NoticeKind Kind { get; init; }
    public Guid? AssessmentId { get; init; }
    public Guid? ActionItemId { get; init; }

    /// <summary>The round's title as it was when the notice was made.</summary>
    public required string RoundTitle { get; init; }

    /// <summary>The action's text for action notices (shortened), otherwise empty.</summary>
    public string? Subject { get; init; }

    /// <summary>Where the work is done, for notices about no round (an exchange request, a helpdesk question); a path on this site.</summary>
    public string? Link { get; init; }

    /// <summary>The date the notice speaks of: the round's planned end, or the action's due date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>What makes the notice once-only for its recipient (kind, round or item, and the event or day).</summary>
    public required string Key { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }

    public NoticeMailStatus MailStatus { get; set; }
    public int MailAttempts { get; set; }

    /// <summary>When a pending e-mail may next be tried (after a failure, later each time).</summary>
    public DateTimeOffset? NextMailAt { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.RecipientId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasConversion(kind => kind.ToString(), stored => NoticeKinds.Parse(stored)).HasMaxLength(40);
        builder.Property(n => n.RoundTitle).HasMaxLength(Assessment.TitleLength);
        builder.Property(n => n.Subject).HasMaxLength(Notice.TextLength);
        builder.Property(n => n.Key).HasMaxLength(Notice.KeyLength);
        builder.Property(n => n.Link).HasMaxLength(Notice.LinkLength);
        builder.Property(n => n.MailStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PathwayUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(n => n.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // The once-only rule, also between two app servers: a second insert of the same notice fails.
        builder.HasIndex(n => new { n.RecipientId, n.Key }).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.MailStatus, n.NextMailAt });
    }
}

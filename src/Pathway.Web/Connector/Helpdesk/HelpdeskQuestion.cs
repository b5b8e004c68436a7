using Pathway.Web.Data;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Accounts;
using Pathway.Web.Countries;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Helpdesk;

/// <summary>Where a helpdesk question stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HelpdeskStatus>))]
public enum HelpdeskStatus
{
    /// <summary>Asked, waiting for an editor.</summary>
    Open,

    /// <summary>An editor asked an expert to answer.</summary>
    Routed,

    /// <summary>Answered; the asker has been told.</summary>
    Answered,

    /// <summary>The answer is public as a FAQ entry (question and answer as the editor wrote them, never the asker).</summary>
    Published,

    /// <summary>Closed without a public answer (a duplicate, out of scope).</summary>
    Closed,
}

/// <summary>
/// A question a signed-in person asked the helpdesk, tagged by behaviour, mechanism and optionally country. Personal:
/// seen by its asker, the expert it was routed to and the editors (<see cref="HelpdeskDesk"/>). Its FAQ entry
/// (<see cref="FaqQuestion"/>, <see cref="FaqAnswer"/>) is what the public sees once published. Question and answers
/// are Markdown, shown only through <c>MarkdownText</c>.
/// </summary>
public sealed class HelpdeskQuestion : IPublicContent
{
    public const int QuestionLength = 4000;
    public const int AnswerLength = RichText.MaxLength;
    public const int NameLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Null for demonstration entries, and once the asker's account is deleted (the FAQ entry outlives it).</summary>
    public string? AskerId { get; init; }
    public required string AskerName { get; init; }
    public required string Question { get; init; }
    public string? BehaviourCode { get; init; }
    public string? MechanismCode { get; init; }
    public string? CountryIso3 { get; init; }
    public DateTimeOffset AskedAt { get; init; }

    public HelpdeskStatus Status { get; private set; }

    public string? ExpertId { get; private set; }
    public string? ExpertName { get; private set; }
    public DateTimeOffset? RoutedAt { get; private set; }

    public string? Answer { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public LocalizedText? FaqQuestion { get; private set; }
    public LocalizedText? FaqAnswer { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Made by the demonstration data; removed with it and labelled as such.</summary>
    public bool IsDemonstration { get; init; }

    public bool IsAnswerable => Status is HelpdeskStatus.Open or HelpdeskStatus.Routed or HelpdeskStatus.Answered;

    public void RouteTo(string expertId, string expertName, DateTimeOffset at)
    {
        Status = HelpdeskStatus.Routed;
        ExpertId = expertId;
        ExpertName = expertName;
        RoutedAt = at;
    }

    public void Record(string answer, string? byId, string byName, DateTimeOffset at)
    {
        Status = HelpdeskStatus.Answered;
        Answer = answer;
        AnsweredById = byId;
        AnsweredByName = byName;
        AnsweredAt = at;
    }

    public void Publish(LocalizedText question, LocalizedText answer, DateTimeOffset at)
    {
        Status = HelpdeskStatus.Published;
        FaqQuestion = question;
        FaqAnswer = answer;
        PublishedAt = at;
    }

    /// <summary>Takes the FAQ entry down; the answer stays with the asker and the text with the question, ready to publish again.</summary>
    public void Unpublish()
    {
        Status = HelpdeskStatus.Answered;
        PublishedAt = null;
    }

    public void Close() => Status = HelpdeskStatus.Closed;
}

internal sealed class HelpdeskQuestionConfiguration : IEntityTypeConfiguration<HelpdeskQuestion>
{
    public void Configure(EntityTypeBuilder<HelpdeskQuestion> builder)
    {
        builder.ToTable("HelpdeskQuestions");
        builder.Property(q => q.AskerId).HasMaxLength(450);
        builder.Property(q => q.AskerName).HasMaxLength(HelpdeskQuestion.NameLength);
        builder.Property(q => q.Question).HasMaxLength(HelpdeskQuestion.QuestionLength);
        builder.Property(q => q.BehaviourCode).HasMaxLength(20);
        builder.Property(q => q.MechanismCode).HasMaxLength(20);
        builder.Property(q => q.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.ExpertId).HasMaxLength(450);
        builder.Property(q => q.ExpertName).HasMaxLength(HelpdeskQuestion.NameLength);
        builder.Property(q => q.Answer).HasMaxLength(HelpdeskQuestion.AnswerLength);
        builder.Property(q => q.AnsweredById).HasMaxLength(450);
        builder.Property(q => q.AnsweredByName).HasMaxLength(HelpdeskQuestion.NameLength);
        builder.HasOne<PathwayUser>().WithMany().HasForeignKey(q => q.AskerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PathwayUser>().WithMany().HasForeignKey(q => q.ExpertId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Country>().WithMany().HasForeignKey(q => q.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        // "My questions", "routed to me", the editors' queue by status, and the FAQ filtered by mechanism or behaviour.
        builder.HasIndex(q => new { q.AskerId, q.AskedAt });
        builder.HasIndex(q => q.ExpertId);
        builder.HasIndex(q => new { q.Status, q.AskedAt });
        builder.HasIndex(q => new { q.Status, q.MechanismCode });
        builder.HasIndex(q => new { q.Status, q.BehaviourCode });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Assessments;
using Pathway.Web.Countries;

namespace Pathway.Web.Planning;

public enum ActionStatus
{
    NotStarted,
    OnTrack,
    Delayed,
    Done,
    Dropped,
}

/// <summary>
/// One thing the country will do: who, what, by when, with what, for which mechanism and which step
/// up. Added from a catalogue recommendation (its text copied in, then the team's own) or written
/// from scratch. Invariant: 1 ≤ FromLevel &lt; ToLevel ≤ 4 when both are given.
/// </summary>
public sealed class ActionItem : ICountryOwned, IAudited
{
    public const int WhatLength = 2000;
    public const int NameLength = 200;
    public const int ResourcesLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public Guid ActionPlanId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }

    public required string MechanismCode { get; set; }

    /// <summary>The catalogue action it started from (e.g. <c>DS.1-1a</c>); null when written from scratch.</summary>
    public string? RecommendationCode { get; set; }

    /// <summary>The version of the catalogue <see cref="RecommendationCode"/> was taken from.</summary>
    public string? CatalogueVersion { get; set; }

    /// <summary>
    /// True while <see cref="What"/> is the catalogue's text, not edited by the team: readers then see the
    /// catalogue's text in their own language (see <see cref="ActionItemText"/>). Cleared by the team's first
    /// edit of the text, after which <see cref="What"/> is shown as written.
    /// </summary>
    public bool WhatFromCatalogue { get; set; }

    /// <summary>The text as written (or, while <see cref="WhatFromCatalogue"/>, as copied in the adder's language).</summary>
    public required string What { get; set; }
    public ActionType? Type { get; set; }
    /// <summary>Named before endorsement; an item added from a recommendation in one step starts without one.</summary>
    public string? ResponsibleOrganisation { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? Due { get; set; }
    public string? Resources { get; set; }
    public decimal? Budget { get; set; }

    /// <summary>ISO 4217 code of the budget's currency.</summary>
    public string? Currency { get; set; }

    public int? FromLevel { get; set; }
    public int? ToLevel { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;

    /// <summary>Set when the item is marked done; the comparison of rounds lists what was completed between them.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The open item of an earlier round's plan this one continues.</summary>
    public Guid? CarriedFromItemId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }

    public List<ProgressNote> Notes { get; init; } = [];

    string IAudited.AuditLabel => $"{MechanismCode}: {What}";
}

/// <summary>A dated note on an item's progress, with the status it set.</summary>
public sealed class ProgressNote : ICountryOwned, IAudited
{
    public const int TextLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; init; }
    public Guid ActionItemId { get; init; }
    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public DateOnly On { get; init; }
    public ActionStatus Status { get; init; }
    public required string Text { get; init; }
    public string? AuthorId { get; init; }
    public string? AuthorName { get; init; }
    public DateTimeOffset At { get; init; }

    string IAudited.AuditLabel => Text;
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>, IEntityTypeConfiguration<ProgressNote>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(i => i.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.MechanismCode).HasMaxLength(20);
        builder.Property(i => i.RecommendationCode).HasMaxLength(20);
        builder.Property(i => i.CatalogueVersion).HasMaxLength(20);
        builder.Property(i => i.What).HasMaxLength(ActionItem.WhatLength);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.ResponsibleOrganisation).HasMaxLength(ActionItem.NameLength);
        builder.Property(i => i.ResponsiblePerson).HasMaxLength(ActionItem.NameLength);
        builder.Property(i => i.Resources).HasMaxLength(ActionItem.ResourcesLength);
        builder.Property(i => i.Budget).HasPrecision(18, 2);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Country).WithMany().HasForeignKey(i => i.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // The round already cascades to the item; the plan's key only checks at statement end.
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(i => i.ActionPlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(i => i.Notes).WithOne().HasForeignKey(n => n.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.AssessmentId, i.MechanismCode });
        builder.HasIndex(i => i.ActionPlanId);
        builder.HasIndex(i => i.CarriedFromItemId);
    }

    public void Configure(EntityTypeBuilder<ProgressNote> builder)
    {
        builder.Property(n => n.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Text).HasMaxLength(ProgressNote.TextLength);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.HasOne(n => n.Country).WithMany().HasForeignKey(n => n.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.ActionItemId);
    }
}

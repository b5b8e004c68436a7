using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Countries;
using Pathway.Web.Framework;
using Pathway.Web.Planning;

namespace Pathway.Web.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Access).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.TimeZone).HasMaxLength(Event.TimeZoneLength);
        builder.Property(e => e.OnlineLink).HasMaxLength(Event.UrlLength);
        builder.Property(e => e.RecordingUrl).HasMaxLength(Event.UrlLength);
        builder.Property(e => e.SlidesUrl).HasMaxLength(Event.UrlLength);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(e => e.LaunchedFrameworkVersion).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.CreatedById).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Series).WithMany(series => series.Events)
            .HasForeignKey(e => e.SeriesId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Tags).WithOne().HasForeignKey(tag => tag.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Agenda).WithOne().HasForeignKey(item => item.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.KeyMessages).WithOne().HasForeignKey(message => message.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Totals).WithOne().HasForeignKey(total => total.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Resources).WithOne().HasForeignKey(link => link.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EventPlaces>().WithOne().HasForeignKey<EventPlaces>(places => places.EventId).OnDelete(DeleteBehavior.Cascade);
        // The listings' pages: announced events in start order (upcoming first, or past newest first), the end beside it
        // for "over or not", so a page of 20 reads 20 rows, not every event. Partial: readers only list announced events.
        builder.HasIndex(e => new { e.StartsAt, e.Id, e.EndsAt }).HasFilter("\"IsAnnounced\"").HasDatabaseName("IX_Events_Announced_StartsAt");
        // The listings' counts (a tab, a type, a series) from the index alone.
        builder.HasIndex(e => new { e.IsAnnounced, e.EndsAt, e.Type, e.SeriesId });
        // A series' modules in order; a module number is used once per series.
        builder.HasIndex(e => new { e.SeriesId, e.ModuleNumber }).IsUnique();
    }
}

internal sealed class EventSeriesConfiguration : IEntityTypeConfiguration<EventSeries>
{
    public void Configure(EntityTypeBuilder<EventSeries> builder)
    {
        builder.Property(series => series.Version).IsConcurrencyToken();
    }
}

internal sealed class EventTagConfiguration : IEntityTypeConfiguration<EventTag>
{
    public void Configure(EntityTypeBuilder<EventTag> builder)
    {
        builder.HasKey(tag => new { tag.EventId, tag.Facet, tag.Value });
        builder.Property(tag => tag.Facet).HasConversion<string>().HasMaxLength(20);
        builder.Property(tag => tag.Value).HasMaxLength(ContentTag.ValueLength);
        // The listing's filters (by region, behaviour…): from the tag to its events.
        builder.HasIndex(tag => new { tag.Facet, tag.Value, tag.EventId });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(item => item.Speakers).HasMaxLength(AgendaItem.PeopleLength);
        builder.Property(item => item.Moderator).HasMaxLength(AgendaItem.PeopleLength);
        builder.HasIndex(item => new { item.EventId, item.StartsAt });
    }
}

internal sealed class EventResourceConfiguration : IEntityTypeConfiguration<EventResource>
{
    public void Configure(EntityTypeBuilder<EventResource> builder)
    {
        builder.HasKey(link => new { link.EventId, link.ResourceId });
        builder.HasOne<Resource>().WithMany().HasForeignKey(link => link.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Registration.NameLength);
        builder.Property(r => r.Email).HasMaxLength(Registration.EmailLength);
        builder.Property(r => r.EmailKey).HasMaxLength(Registration.EmailLength);
        builder.Property(r => r.Organisation).HasMaxLength(Registration.OrganisationLength);
        builder.Property(r => r.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.Group).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Language).HasMaxLength(10);
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Country>().WithMany().HasForeignKey(r => r.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        // The same address registers once per event, however many requests race.
        builder.HasIndex(r => new { r.EventId, r.EmailKey }).IsUnique();
        // Counting by status and group, and the waiting list's order.
        builder.HasIndex(r => new { r.EventId, r.Status, r.WaitingSince });
        // The retention job: registrations not yet erased, oldest first.
        builder.HasIndex(r => new { r.ErasedAt, r.RegisteredAt });
    }
}

internal sealed class EventPlacesConfiguration : IEntityTypeConfiguration<EventPlaces>
{
    public void Configure(EntityTypeBuilder<EventPlaces> builder)
    {
        builder.HasKey(places => places.EventId);
    }
}

internal sealed class ParticipationTotalConfiguration : IEntityTypeConfiguration<ParticipationTotal>
{
    public void Configure(EntityTypeBuilder<ParticipationTotal> builder)
    {
        builder.HasKey(total => new { total.EventId, total.Dimension, total.Key });
        builder.Property(total => total.Dimension).HasConversion<string>().HasMaxLength(20);
        builder.Property(total => total.Key).HasMaxLength(ParticipationTotal.KeyLength);
    }
}

internal sealed class KeyMessageConfiguration : IEntityTypeConfiguration<KeyMessage>
{
    public void Configure(EntityTypeBuilder<KeyMessage> builder)
    {
        builder.Property(message => message.MechanismCode).HasMaxLength(ContentTag.ValueLength);
        builder.HasMany(message => message.FollowUps).WithOne().HasForeignKey(followUp => followUp.KeyMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(message => new { message.EventId, message.Order });
    }
}

internal sealed class KeyMessageFollowUpConfiguration : IEntityTypeConfiguration<KeyMessageFollowUp>
{
    public void Configure(EntityTypeBuilder<KeyMessageFollowUp> builder)
    {
        builder.Property(followUp => followUp.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(followUp => followUp.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(followUp => followUp.CreatedById).HasMaxLength(450);
        builder.Property(followUp => followUp.CreatedByName).HasMaxLength(200);
        builder.HasOne<Country>().WithMany().HasForeignKey(followUp => followUp.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(followUp => followUp.ResourceId).OnDelete(DeleteBehavior.Cascade);
        // An action removed from its plan is no longer something that came of the message.
        builder.HasOne<ActionItem>().WithMany().HasForeignKey(followUp => followUp.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        // "What came of it" beside an action in the plan: from the action to its message.
        builder.HasIndex(followUp => followUp.ActionItemId);
    }
}

internal sealed class EventMailConfiguration : IEntityTypeConfiguration<EventMail>
{
    public void Configure(EntityTypeBuilder<EventMail> builder)
    {
        builder.Property(mail => mail.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(mail => mail.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Registration>().WithMany().HasForeignKey(mail => mail.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(mail => new { mail.Status, mail.NextAttemptAt });
        builder.HasIndex(mail => new { mail.RegistrationId, mail.Kind });
    }
}

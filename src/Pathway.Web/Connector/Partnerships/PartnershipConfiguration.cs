using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pathway.Web.Connector.Partnerships;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(partnership => partnership.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(partnership => partnership.Description).HasMaxLength(RichText.MaxLength);
        builder.Property(partnership => partnership.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(partnership => partnership.Setting).HasConversion<string>().HasMaxLength(20);
        builder.Property(partnership => partnership.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(partnership => partnership.HealthArea).HasMaxLength(Partnership.HealthAreaLength);
        builder.Property(partnership => partnership.Value).HasPrecision(18, 2);
        builder.Property(partnership => partnership.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(partnership => partnership.CreatedById).HasMaxLength(450);
        builder.Property(partnership => partnership.Version).IsConcurrencyToken();
        builder.HasOne(partnership => partnership.Country).WithMany()
            .HasForeignKey(partnership => partnership.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(partnership => partnership.Parties).WithOne()
            .HasForeignKey(party => party.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(partnership => partnership.Tags).WithOne()
            .HasForeignKey(tag => tag.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(partnership => partnership.StageChanges).WithOne()
            .HasForeignKey(change => change.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(partnership => partnership.Checks).WithOne()
            .HasForeignKey(check => check.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(partnership => partnership.Risks).WithOne()
            .HasForeignKey(risk => risk.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(partnership => new { partnership.CountryIso3, partnership.Stage });
    }
}

internal sealed class PartnershipPartyConfiguration : IEntityTypeConfiguration<PartnershipParty>
{
    public void Configure(EntityTypeBuilder<PartnershipParty> builder)
    {
        builder.Property(party => party.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(party => party.Organisation).WithMany()
            .HasForeignKey(party => party.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // An organisation plays each part once; "its partnerships" on the directory page is one indexed lookup.
        builder.HasIndex(party => new { party.OrganisationId, party.PartnershipId, party.Role }).IsUnique();
    }
}

internal sealed class PartnershipTagConfiguration : IEntityTypeConfiguration<PartnershipTag>
{
    public void Configure(EntityTypeBuilder<PartnershipTag> builder)
    {
        builder.HasKey(tag => new { tag.OwnerId, tag.Facet, tag.Value });
        builder.Property(tag => tag.Facet).HasConversion<string>().HasMaxLength(20);
        builder.Property(tag => tag.Value).HasMaxLength(ContentTag.ValueLength);
        builder.HasIndex(tag => new { tag.Facet, tag.Value });
    }
}

internal sealed class PartnershipStageChangeConfiguration : IEntityTypeConfiguration<PartnershipStageChange>
{
    public void Configure(EntityTypeBuilder<PartnershipStageChange> builder)
    {
        builder.Property(change => change.From).HasConversion<string>().HasMaxLength(40);
        builder.Property(change => change.To).HasConversion<string>().HasMaxLength(40);
        builder.Property(change => change.ById).HasMaxLength(450);
        builder.Property(change => change.ByName).HasMaxLength(200);
        builder.Property(change => change.Note).HasMaxLength(PartnershipStageChange.NoteLength);
    }
}

internal sealed class DueDiligenceCheckConfiguration : IEntityTypeConfiguration<DueDiligenceCheck>
{
    public void Configure(EntityTypeBuilder<DueDiligenceCheck> builder)
    {
        builder.Property(check => check.CheckedBy).HasMaxLength(DueDiligenceCheck.ByLength);
        builder.Property(check => check.Scope).HasMaxLength(DueDiligenceCheck.ScopeLength);
        builder.Property(check => check.Finding).HasMaxLength(DueDiligenceCheck.FindingLength);
        builder.Property(check => check.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(check => check.RecordedById).HasMaxLength(450);
    }
}

internal sealed class PartnershipRiskConfiguration : IEntityTypeConfiguration<PartnershipRisk>
{
    public void Configure(EntityTypeBuilder<PartnershipRisk> builder)
    {
        builder.Property(risk => risk.Description).HasMaxLength(PartnershipRisk.DescriptionLength);
        builder.Property(risk => risk.Mitigation).HasMaxLength(PartnershipRisk.MitigationLength);
        builder.Property(risk => risk.Owner).HasMaxLength(PartnershipRisk.OwnerLength);
        builder.Property(risk => risk.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(risk => risk.ClosedByName).HasMaxLength(200);
    }
}

using Pathway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Organisations;

/// <summary>Which part of the mixed health system an organisation belongs to.</summary>
public enum OrganisationSector
{
    Public,
    PrivateForProfit,
    PrivateNotForProfit,
    FaithBased,
    Informal,
    International,
}

/// <summary>
/// An organisation in the Country Connector's directory: a party to partnerships, a publisher of resources.
/// Public reference data (names of ministries, associations, agencies), not country-owned: its country is
/// where it is based, and international organisations have none.
/// </summary>
public sealed class Organisation : IPublicContent
{
    public const int NameLength = 300;
    public const int AcronymLength = 30;
    public const int WebsiteLength = 2000;

    public int Id { get; init; }

    /// <summary>The organisation's own name, as it writes it (proper names are not translated).</summary>
    public required string Name { get; set; }

    public string? Acronym { get; set; }

    /// <summary>Where it is based; null for international organisations.</summary>
    public string? CountryIso3 { get; set; }

    public Country? Country { get; init; }

    public OrganisationSector Sector { get; set; }

    /// <summary>The stakeholder group it speaks for (the same groups as assessment participants).</summary>
    public StakeholderGroup Type { get; set; }

    public string? Website { get; set; }

    /// <summary>Made by the demonstration data; removed with it and labelled as such.</summary>
    public bool IsDemonstration { get; init; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(organisation => organisation.Name).HasMaxLength(Organisation.NameLength);
        builder.Property(organisation => organisation.Acronym).HasMaxLength(Organisation.AcronymLength);
        builder.Property(organisation => organisation.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(organisation => organisation.Website).HasMaxLength(Organisation.WebsiteLength);
        builder.Property(organisation => organisation.Sector).HasConversion<string>().HasMaxLength(30);
        builder.Property(organisation => organisation.Type).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(organisation => organisation.Country).WithMany()
            .HasForeignKey(organisation => organisation.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        // One directory entry per name and country, so an import or a second editor cannot add a twin.
        builder.HasIndex(organisation => new { organisation.CountryIso3, organisation.Name }).IsUnique();
    }
}

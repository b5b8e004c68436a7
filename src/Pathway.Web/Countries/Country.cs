using Pathway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Localization;

namespace Pathway.Web.Countries;

/// <summary>A WHO Member State, keyed by its ISO 3166 alpha-3 code.</summary>
public sealed class Country : IPublicContent
{
    public required string Iso3 { get; init; }
    public required string Iso2 { get; init; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public required LocalizedText Name { get; set; }
}

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(country => country.Iso3);
        builder.Property(country => country.Iso3).HasMaxLength(3).IsFixedLength();
        builder.Property(country => country.Iso2).HasMaxLength(2).IsFixedLength();
        builder.Property(country => country.RegionCode).HasMaxLength(Region.CodeLength);
        builder.HasOne(country => country.Region).WithMany(region => region.Countries)
            .HasForeignKey(country => country.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(country => country.RegionCode);
    }
}

/// <summary>
/// Rows that belong to one country. Every such entity gets the country-scope query filter
/// (see <see cref="Data.PathwayDb"/>), so no query can read another country's data by accident.
/// </summary>
public interface ICountryOwned
{
    string CountryIso3 { get; }
    Country? Country { get; }
}

/// <summary>
/// Rows that belong to one country, which the country may make public (a partnership in the register).
/// They get the same scope as <see cref="ICountryOwned"/> rows, widened to everyone once <see cref="IsPublic"/>
/// and to content editors always (see <see cref="Data.PathwayDb"/>).
/// </summary>
public interface ICountryShared
{
    string CountryIso3 { get; }
    Country? Country { get; }
    bool IsPublic { get; }
}

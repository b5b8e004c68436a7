using Pathway.Web.Data;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Countries;

namespace Pathway.Web.Connector.Profiles;

/// <summary>What a country profile figure measures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfileIndicator>))]
public enum ProfileIndicator
{
    /// <summary>Private share of outpatient care (%).</summary>
    PrivateShareOutpatient,

    /// <summary>Private share of inpatient care (%).</summary>
    PrivateShareInpatient,

    /// <summary>Out-of-pocket share of current health spending (%).</summary>
    OutOfPocketShare,

    /// <summary>Number of private facilities of one <see cref="FacilityType"/>.</summary>
    PrivateFacilities,

    /// <summary>A key law or regulation, as text; a country has as many as it records.</summary>
    KeyLaw,
}

/// <summary>The kinds of private facility counted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FacilityType>))]
public enum FacilityType
{
    Hospital,
    Clinic,
    Pharmacy,
    Laboratory,
    Other,
}

/// <summary>
/// One version of one figure of a country's mixed health system, with its year and source, and who recorded it
/// when. A figure is the series of its versions (<see cref="FigureId"/>): an edit appends a version, never
/// changes one, so the profile shows the current value and the history behind it. Public reference figures,
/// not country-owned: anyone reads them; the country's team and content editors record them.
/// </summary>
public sealed class ProfileFigure : IPublicContent
{
    public const int UnitLength = 40;
    public const int TextLength = 500;
    public const int SourceLength = 500;
    public const int LinkLength = 2000;
    public const int NameLength = 200;

    public long Id { get; init; }

    /// <summary>The figure this is a version of: the same for all its versions.</summary>
    public Guid FigureId { get; init; }

    /// <summary>1 for the first version, then one more per edit; unique per figure, so two edits of the same version cannot both land.</summary>
    public int Revision { get; init; }

    public required string CountryIso3 { get; init; }
    public Country? Country { get; private set; }
    public ProfileIndicator Indicator { get; init; }

    /// <summary>Only for <see cref="ProfileIndicator.PrivateFacilities"/>.</summary>
    public FacilityType? FacilityType { get; init; }

    public decimal? Value { get; init; }
    public string? Unit { get; init; }

    /// <summary>The law's name and what it does (for <see cref="ProfileIndicator.KeyLaw"/>).</summary>
    public string? Text { get; init; }

    public int Year { get; init; }
    public required string Source { get; init; }
    public string? SourceLink { get; init; }
    public string? RecordedById { get; init; }
    public required string RecordedByName { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public bool IsDemonstration { get; init; }
}

internal sealed class ProfileFigureConfiguration : IEntityTypeConfiguration<ProfileFigure>
{
    public void Configure(EntityTypeBuilder<ProfileFigure> builder)
    {
        builder.Property(f => f.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(f => f.Indicator).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.FacilityType).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Value).HasPrecision(18, 2);
        builder.Property(f => f.Unit).HasMaxLength(ProfileFigure.UnitLength);
        builder.Property(f => f.Text).HasMaxLength(ProfileFigure.TextLength);
        builder.Property(f => f.Source).HasMaxLength(ProfileFigure.SourceLength);
        builder.Property(f => f.SourceLink).HasMaxLength(ProfileFigure.LinkLength);
        builder.Property(f => f.RecordedById).HasMaxLength(450);
        builder.Property(f => f.RecordedByName).HasMaxLength(ProfileFigure.NameLength);
        builder.HasOne(f => f.Country).WithMany().HasForeignKey(f => f.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.FigureId, f.Revision }).IsUnique();
        builder.HasIndex(f => new { f.CountryIso3, f.Indicator });
    }
}

using Pathway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Localization;

namespace Pathway.Web.Countries;

/// <summary>A WHO region (AFR, AMR, SEAR, EUR, EMR, WPR).</summary>
public sealed class Region : IPublicContent
{
    public const int CodeLength = 4;

    public required string Code { get; init; }
    public required LocalizedText Name { get; set; }
    public required string Office { get; set; }
    public int DisplayOrder { get; set; }
    public List<Country> Countries { get; init; } = [];
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(region => region.Code);
        builder.Property(region => region.Code).HasMaxLength(Region.CodeLength);
        builder.Property(region => region.Office).HasMaxLength(100);
    }
}

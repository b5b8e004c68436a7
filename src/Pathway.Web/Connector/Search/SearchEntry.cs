using Pathway.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// One row of the search index: a <see cref="SearchDocument"/> as stored. The database's full-text index
/// (SQLite FTS5, PostgreSQL tsvector) is built over <see cref="Text"/>, which holds every language's words
/// already folded (see <see cref="SearchFolding"/>), so a query is folded the same way and matches, and over
/// <see cref="TitleText"/>, weighted higher. The engines' own DDL is in <see cref="Data.SearchSchema"/>.
/// </summary>
public sealed class SearchEntry : IPublicContent
{
    public const int KeyLength = 100;
    public const int UrlLength = 500;
    public const int TagsLength = 4000;

    public long Id { get; init; }
    public SearchKind Kind { get; init; }
    public required string Key { get; init; }
    public required LocalizedText Title { get; set; }
    public required LocalizedText Summary { get; set; }
    public required string Url { get; set; }
    public string? CountryIso3 { get; set; }
    public SearchAudience Audience { get; set; }

    /// <summary>The tags as " facet:value " words (e.g. " Mechanism:DS.1 Country:KEN "), matched with LIKE for filters.</summary>
    public required string Tags { get; set; }

    public int? Year { get; set; }
    public int Weight { get; set; }

    /// <summary>Title, summary and body in every language, folded: what the full-text index matches.</summary>
    public required string Text { get; set; }

    /// <summary>The title in every language, folded: indexed again on its own so a title match outranks a body match.</summary>
    public string TitleText { get; set; } = "";
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.Property(entry => entry.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(entry => entry.Key).HasMaxLength(SearchEntry.KeyLength);
        builder.Property(entry => entry.Url).HasMaxLength(SearchEntry.UrlLength);
        builder.Property(entry => entry.CountryIso3).HasMaxLength(3).IsFixedLength();
        builder.Property(entry => entry.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(entry => entry.Tags).HasMaxLength(SearchEntry.TagsLength);
        builder.HasIndex(entry => new { entry.Kind, entry.Key }).IsUnique();
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Countries;

public sealed record CountryOption(string Iso3, string Name, string RegionCode);

public sealed record RegionOption(string Code, string Name);

/// <summary>Countries and regions as choices for forms, named and sorted in the reader's language.</summary>
/// <remarks>
/// Reference data, written only by the seeding at start-up (<see cref="ReferenceData"/>): each language's sorted
/// lists are read once per process (<see cref="CountryListCache"/>) instead of 194 rows parsed and sorted on every
/// page with a country choice. Callers get their own copy of the list.
/// </remarks>
public sealed class CountryDirectory(PathwayDb db, CountryListCache cache)
{
    public async Task<List<CountryOption>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        var language = Language();
        if (!cache.Countries.TryGetValue(language, out var sorted))
        {
            var countries = await db.Countries.AsNoTracking().ToListAsync(cancellationToken);
            var comparer = StringComparer.Create(Cultures.Create(language), ignoreCase: true);
            sorted = cache.Countries.GetOrAdd(language,
                [.. countries.Select(c => new CountryOption(c.Iso3, c.Name.In(language), c.RegionCode)).OrderBy(c => c.Name, comparer)]);
        }
        return [.. sorted];
    }

    public async Task<List<RegionOption>> RegionsAsync(CancellationToken cancellationToken = default)
    {
        var language = Language();
        if (!cache.Regions.TryGetValue(language, out var ordered))
        {
            var regions = await db.Regions.AsNoTracking().OrderBy(r => r.DisplayOrder).ToListAsync(cancellationToken);
            ordered = cache.Regions.GetOrAdd(language, [.. regions.Select(r => new RegionOption(r.Code, r.Name.In(language)))]);
        }
        return [.. ordered];
    }

    private static string Language()
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Cultures.IsSupported(language) ? language : Cultures.Default;
    }
}

/// <summary>The per-language country and region lists of <see cref="CountryDirectory"/>, kept for the process's life.</summary>
public sealed class CountryListCache
{
    internal ConcurrentDictionary<string, IReadOnlyList<CountryOption>> Countries { get; } = new(StringComparer.Ordinal);
    internal ConcurrentDictionary<string, IReadOnlyList<RegionOption>> Regions { get; } = new(StringComparer.Ordinal);
}

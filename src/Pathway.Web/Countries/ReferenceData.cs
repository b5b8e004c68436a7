using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Countries;

/// <summary>
/// Seeds the six WHO regions and the 194 Member States from content/reference/*.json (names in
/// English, French and Arabic). Adds what is missing and refreshes names; never deletes.
/// </summary>
public static class ReferenceData
{
    private sealed record RegionRow(string Code, LocalizedText Name, string Office);

    private sealed record CountryRow(string Iso3, string Iso2, string Region, LocalizedText Name);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task SeedAsync(PathwayDb db, string contentDirectory, CancellationToken cancellationToken = default)
    {
        var regions = await ReadAsync<RegionRow>(Path.Combine(contentDirectory, "reference", "regions.json"), cancellationToken);
        var countries = await ReadAsync<CountryRow>(Path.Combine(contentDirectory, "reference", "countries.json"), cancellationToken);

        var knownRegions = await db.Regions.ToDictionaryAsync(region => region.Code, cancellationToken);
        foreach (var (row, order) in regions.Select((row, index) => (row, index + 1)))
        {
            if (knownRegions.TryGetValue(row.Code, out var region))
            {
                region.Name = row.Name;
                region.Office = row.Office;
                region.DisplayOrder = order;
            }
            else
            {
                db.Regions.Add(new Region { Code = row.Code, Name = row.Name, Office = row.Office, DisplayOrder = order });
            }
        }

        var knownCountries = await db.Countries.ToDictionaryAsync(country => country.Iso3, cancellationToken);
        foreach (var row in countries)
        {
            if (knownCountries.TryGetValue(row.Iso3, out var country))
            {
                country.Name = row.Name;
                country.RegionCode = row.Region;
            }
            else
            {
                db.Countries.Add(new Country { Iso3 = row.Iso3, Iso2 = row.Iso2, RegionCode = row.Region, Name = row.Name });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<List<T>> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Countries;

public sealed record CountryOption(string Iso3, string Name, string RegionCode);

public sealed record RegionOption(string Code, string Name);

/// <summary>Countries and regions as choices for forms, named and sorted in the reader's language.</summary>
public sealed class CountryDirectory(PathwayDb db)
{
    public async Task<List<CountryOption>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        var countries = await db.Countries.AsNoTracking().ToListAsync(cancellationToken);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var comparer = StringComparer.Create(Cultures.Create(Cultures.IsSupported(language) ? language : Cultures.Default), ignoreCase: true);
        return [.. countries.Select(c => new CountryOption(c.Iso3, c.Name.Current, c.RegionCode)).OrderBy(c => c.Name, comparer)];
    }

    public async Task<List<RegionOption>> RegionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Regions.AsNoTracking().OrderBy(r => r.DisplayOrder).ToListAsync(cancellationToken))
            .Select(r => new RegionOption(r.Code, r.Name.Current))];
}

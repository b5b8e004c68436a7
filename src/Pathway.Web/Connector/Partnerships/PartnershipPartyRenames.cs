using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>
/// A renamed organisation's partnerships are found by its new name, and no longer by the old one: their search
/// entries are staged again in the directory's unit of work.
/// </summary>
public sealed class PartnershipPartyRenames(PathwayDb db, SearchIndex search) : IOrganisationRenameListener
{
    public async Task RenamedAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        // Every partnership naming it, not only those the editor's scope shows: each entry keeps its own audience.
        // Tracked, so the renamed organisation (already tracked, unsaved) is the one the parties point to.
        var partnerships = await db.Set<Partnership>().IgnoreQueryFilters([PathwayDb.CountryScopeFilter]).AsSplitQuery()
            .Include(row => row.Tags)
            .Include(row => row.Parties).ThenInclude(party => party.Organisation)
            .Where(row => row.Parties.Any(party => party.OrganisationId == organisation.Id))
            .ToListAsync(cancellationToken);
        if (partnerships.Count == 0)
        {
            return;
        }
        var countries = partnerships.Select(row => row.CountryIso3).Distinct().ToList();
        var regions = await db.Countries.AsNoTracking().Where(country => countries.Contains(country.Iso3))
            .ToDictionaryAsync(country => country.Iso3, country => country.RegionCode, cancellationToken);
        // The entries in one query, so each stage below finds its entry already loaded.
        var keys = partnerships.Select(row => row.Id.ToString()).ToList();
        await db.Set<SearchEntry>().Where(entry => entry.Kind == SearchKind.Partnership && keys.Contains(entry.Key)).LoadAsync(cancellationToken);
        foreach (var partnership in partnerships)
        {
            await search.Stage(PartnershipSearch.Document(partnership, regions[partnership.CountryIso3], PartnershipSearch.PartyNames(partnership)), cancellationToken);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Peers;

/// <summary>The names of the countries a list of exchange requests mentions, read in one query.</summary>
public static class ExchangeNames
{
    public static async Task<IReadOnlyDictionary<string, LocalizedText>> ReadAsync(PathwayDb db, IEnumerable<ExchangeRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var isos = requests.SelectMany(r => new[] { r.FromCountryIso3, r.ToCountryIso3 }).Distinct().ToList();
        return await db.Countries.AsNoTracking().Where(c => isos.Contains(c.Iso3)).ToDictionaryAsync(c => c.Iso3, c => c.Name, cancellationToken);
    }
}

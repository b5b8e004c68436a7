using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Helpdesk;

/// <summary>What a question can be tagged with: the current framework's behaviours and mechanisms, and the countries.</summary>
public sealed record HelpdeskChoices(IReadOnlyList<BehaviourView> Behaviours, IReadOnlyList<(string Iso3, LocalizedText Name)> Countries)
{
    public static async Task<HelpdeskChoices> ReadAsync(FrameworkReader framework, PathwayDb? db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var tree = await framework.CurrentVersionAsync(cancellationToken) is { } current ? await framework.TreeAsync(current, cancellationToken) : null;
        var countries = db is null ? [] : (await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Iso3, c.Name)).ToList();
        return new(tree?.Behaviours ?? [], countries);
    }

    /// <summary>The countries sorted by their name in the reader's language.</summary>
    public IEnumerable<(string Iso3, string Name)> CountriesByName(string language) =>
        Countries.Select(c => (c.Iso3, Name: c.Name.In(language))).OrderBy(c => c.Name, StringComparer.Create(Cultures.Create(language), ignoreCase: true));
}

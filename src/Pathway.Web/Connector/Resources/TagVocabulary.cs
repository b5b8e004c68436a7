using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector.Resources;

/// <summary>
/// The values tags may take: the framework's behaviour and mechanism codes (of every version, so a resource tagged
/// under an older version stays valid), the instrument categories, the Member States and the WHO regions. Each
/// lookup answers the canonical spelling of a value, or null when it is unknown. Read once per check (four small queries).
/// </summary>
public sealed class TagVocabulary(
    IReadOnlySet<string> behaviours, IReadOnlySet<string> mechanisms, IReadOnlySet<string> countries, IReadOnlySet<string> regions)
{
    public static async Task<TagVocabulary> LoadAsync(PathwayDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var behaviours = await db.Behaviours.AsNoTracking().Select(b => b.Code).Distinct().ToListAsync(cancellationToken);
        var mechanisms = await db.Mechanisms.AsNoTracking().Select(m => m.Code).Distinct().ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => c.Iso3).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken);
        return new TagVocabulary(Set(behaviours), Set(mechanisms), Set(countries), Set(regions));
    }

    public string? Behaviour(string value) => Find(behaviours, value);

    public string? Mechanism(string value) => Find(mechanisms, value);

    public string? Country(string value) => Find(countries, value);

    public string? Region(string value) => Find(regions, value);

    public static string? Instrument(string value) =>
        ResourceInput.ParseName<InstrumentCategory>(value)?.ToString();

    public static string? FreeText(string value) => value;

    private static HashSet<string> Set(IEnumerable<string> values) => values.ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string? Find(IReadOnlySet<string> set, string value) =>
        set.Contains(value) ? value.ToUpperInvariant() : null;
}

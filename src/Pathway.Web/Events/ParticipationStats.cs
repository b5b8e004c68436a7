using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Events;

/// <summary>
/// Registrations of one event counted in SQL, one line per group, country and attendance mark: the input of
/// <see cref="ParticipationStats.Resolve"/>. Only confirmed places and people marked as attended are counted.
/// </summary>
public sealed record CountedLine(ParticipantGroup Group, string? CountryIso3, bool? Attended, bool Confirmed, int Count);

/// <summary>One figure of a dimension: a group name, a WHO region code or an ISO3 code (null: not stated), and how many.</summary>
public sealed record ParticipationCount(string? Key, int Count);

/// <summary>
/// The participation of an event or a series by stakeholder group (all eight, in the enum's order), WHO region and
/// country. Each dimension says whether it comes from recorded totals rather than from counting registrations.
/// </summary>
public sealed record ParticipationFigures(
    IReadOnlyList<ParticipationCount> Groups, IReadOnlyList<ParticipationCount> Regions, IReadOnlyList<ParticipationCount> Countries,
    bool CountsAttendance, bool GroupsRecorded, bool RegionsRecorded, bool CountriesRecorded)
{
    public static readonly ParticipationFigures Empty = new(
        [.. Enum.GetValues<ParticipantGroup>().Select(group => new ParticipationCount(group.ToString(), 0))], [], [], false, false, false, false);

    /// <summary>How many took part: the sum over groups (every registration has a group; recorded totals are by group first).</summary>
    public int Total => Groups.Sum(figure => figure.Count);

    public bool IsEmpty => Total == 0 && Regions.Count == 0 && Countries.Count == 0;
}

/// <summary>
/// Participation statistics (issue 12 §4). The rules, pure so they are unit-tested: an event that is over counts the
/// people marked as attended once attendance has been marked for anyone, else the confirmed places; an event not yet
/// over counts confirmed places; where totals were recorded for a dimension (older events with aggregates only) they
/// replace the counted figures of that dimension; a series is the sum of its events. Regions follow from the
/// registrant's country. The counting itself is one GROUP BY in the database, never a load of registrations.
/// </summary>
public static class ParticipationStats
{
    /// <summary>
    /// The figures of one event from its counted lines and recorded totals; <paramref name="regionOf"/> gives the WHO
    /// region code of an ISO3 country code (null when unknown), <paramref name="isOver"/> says the event has ended.
    /// </summary>
    public static ParticipationFigures Resolve(
        IEnumerable<CountedLine> lines, IEnumerable<ParticipationTotal> totals, bool isOver, Func<string, string?> regionOf)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(regionOf);
        var all = lines.ToList();
        var countsAttendance = isOver && all.Any(line => line.Attended is not null);
        var counted = countsAttendance
            ? all.Where(line => line.Attended == true).ToList()
            : all.Where(line => line.Confirmed).ToList();

        var recorded = totals.ToList();
        var groupTotals = recorded.Where(total => total.Dimension == TotalDimension.Group).ToList();
        var regionTotals = recorded.Where(total => total.Dimension == TotalDimension.Region).ToList();
        var countryTotals = recorded.Where(total => total.Dimension == TotalDimension.Country).ToList();

        var groups = groupTotals.Count > 0
            ? Groups(groupTotals.Select(total => (Enum.TryParse<ParticipantGroup>(total.Key, out var group) ? group : ParticipantGroup.Other, total.Count)))
            : Groups(counted.Select(line => (line.Group, line.Count)));
        var countries = countryTotals.Count > 0
            ? Sorted(countryTotals.Select(total => ((string?)total.Key.ToUpperInvariant(), total.Count)))
            : Sorted(counted.Select(line => (Normalise(line.CountryIso3), line.Count)));
        var regions = regionTotals.Count > 0
            ? Sorted(regionTotals.Select(total => ((string?)total.Key.ToUpperInvariant(), total.Count)))
            : Sorted(counted.Select(line => (Normalise(line.CountryIso3) is { } iso3 ? regionOf(iso3) : null, line.Count)));
        return new ParticipationFigures(groups, regions, countries, countsAttendance, groupTotals.Count > 0, regionTotals.Count > 0, countryTotals.Count > 0);
    }

    /// <summary>A series' figures: the sum of its events' (each already resolved by its own rules).</summary>
    public static ParticipationFigures Sum(IEnumerable<ParticipationFigures> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = events.ToList();
        if (all.Count == 0)
        {
            return ParticipationFigures.Empty;
        }
        return new ParticipationFigures(
            Groups(all.SelectMany(figures => figures.Groups).Select(figure => (Enum.Parse<ParticipantGroup>(figure.Key!), figure.Count))),
            Sorted(all.SelectMany(figures => figures.Regions).Select(figure => (figure.Key, figure.Count))),
            Sorted(all.SelectMany(figures => figures.Countries).Select(figure => (figure.Key, figure.Count))),
            all.Any(figures => figures.CountsAttendance), all.Any(figures => figures.GroupsRecorded),
            all.Any(figures => figures.RegionsRecorded), all.Any(figures => figures.CountriesRecorded));
    }

    /// <summary>The counted lines of each of the events: one GROUP BY over their registrations.</summary>
    public static async Task<Dictionary<Guid, List<CountedLine>>> CountAsync(PathwayDb db, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && (r.Status == RegistrationStatus.Confirmed || r.Attended == true))
            .GroupBy(r => new { r.EventId, r.Group, r.CountryIso3, r.Attended, Confirmed = r.Status == RegistrationStatus.Confirmed })
            .Select(g => new { g.Key.EventId, g.Key.Group, g.Key.CountryIso3, g.Key.Attended, g.Key.Confirmed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // An event whose attendance was marked only for people who then cancelled still counts as marked.
        var marked = await db.Registrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && r.Attended != null)
            .Select(r => r.EventId).Distinct()
            .ToListAsync(cancellationToken);
        var result = eventIds.ToDictionary(id => id, _ => new List<CountedLine>());
        foreach (var row in rows)
        {
            result[row.EventId].Add(new CountedLine(row.Group, row.CountryIso3, row.Attended, row.Confirmed, row.Count));
        }
        foreach (var id in marked.Where(id => !result[id].Any(line => line.Attended is not null)))
        {
            result[id].Add(new CountedLine(ParticipantGroup.Other, null, false, false, 0));
        }
        return result;
    }

    /// <summary>The recorded totals of each of the events.</summary>
    public static async Task<ILookup<Guid, ParticipationTotal>> TotalsAsync(PathwayDb db, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var totals = await db.ParticipationTotals.AsNoTracking().Where(total => eventIds.Contains(total.EventId)).ToListAsync(cancellationToken);
        return totals.ToLookup(total => total.EventId);
    }

    private static string? Normalise(string? iso3) => string.IsNullOrWhiteSpace(iso3) ? null : iso3.Trim().ToUpperInvariant();

    private static List<ParticipationCount> Groups(IEnumerable<(ParticipantGroup Group, int Count)> counts)
    {
        var sums = counts.GroupBy(count => count.Group).ToDictionary(g => g.Key, g => g.Sum(count => count.Count));
        return [.. Enum.GetValues<ParticipantGroup>().Select(group => new ParticipationCount(group.ToString(), sums.GetValueOrDefault(group)))];
    }

    // Largest first, then by code; "not stated" (null) last.
    private static List<ParticipationCount> Sorted(IEnumerable<(string? Key, int Count)> counts) =>
    [
        .. counts.GroupBy(count => count.Key)
            .Select(g => new ParticipationCount(g.Key, g.Sum(count => count.Count)))
            .Where(figure => figure.Count > 0)
            .OrderBy(figure => figure.Key is null)
            .ThenByDescending(figure => figure.Count)
            .ThenBy(figure => figure.Key, StringComparer.Ordinal),
    ];
}

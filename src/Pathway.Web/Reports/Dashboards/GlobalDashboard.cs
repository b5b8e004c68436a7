using Microsoft.Extensions.Localization;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>A Member State in the view: the round it is shown with (null: nothing published in view) and its level for the map's measure.</summary>
public sealed record CountryFigure(MemberState Country, PublishedRound? Round, int? Level)
{
    public bool HasPublishedData => Round is not null;

    public bool IsDemonstration => Round?.IsDemonstration == true;
}

/// <summary>How many countries of a region are at each band of a behaviour, have no band, or have nothing published.</summary>
public sealed record BehaviourDistribution(BehaviourView Behaviour, IReadOnlyList<int> Levels, int NoLevel, int NoData)
{
    /// <summary>Countries at level 1–4 (index 0 is level 1).</summary>
    public int AtLevel(int level) => Levels[level - Scoring.Levels.Lowest];
}

public sealed record RegionDistribution(RegionEntry Region, IReadOnlyList<BehaviourDistribution> Behaviours);

/// <summary>Countries with a published round counting for a year (of which from demonstration rounds).</summary>
public sealed record YearFigure(int Year, int Countries, int DemonstrationCountries);

/// <summary>The global (or one region's) dashboard: the map's countries, the level distribution and the rounds per year.</summary>
public sealed record GlobalView(
    PublishedStamp Stamp,
    GlobalSelection Selection,
    IReadOnlyList<RegionEntry> Regions,
    IReadOnlyList<CountryFigure> Countries,
    IReadOnlyList<RegionDistribution> Distribution,
    IReadOnlyList<YearFigure> Years)
{
    /// <summary>Something shown comes from a demonstration round: the page and the API say so.</summary>
    public bool ShowsDemonstration => Countries.Any(country => country.IsDemonstration) || Years.Any(year => year.DemonstrationCountries > 0);

    public RegionEntry? RegionOf(MemberState country) => Regions.FirstOrDefault(region => region.Code == country.RegionCode);
}

/// <summary>
/// The regional and global dashboards' figures, for the page and the API alike. Reads only published rows
/// (<c>PublishedResults</c> at their latest revision, through <see cref="PublishedReads"/>), never rounds,
/// ratings or consensus, so nothing unpublished can reach them.
/// </summary>
public sealed class GlobalDashboard(
    PathwayDb db, PublishedReads reads, FrameworkReader framework, TimeProvider time, IStringLocalizer<SharedResource> localizer)
{
    public async Task<Outcome<GlobalView>> ReadAsync(GlobalDashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var index = await reads.IndexAsync(db, cancellationToken);
        var version = await framework.CurrentVersionAsync(cancellationToken)
            ?? throw new InvalidOperationException("No framework version is imported.");
        var tree = await framework.TreeAsync(version, cancellationToken)
            ?? throw new InvalidOperationException($"Framework version {version} cannot be read.");
        if (!filter.Check([.. index.Regions.Select(region => region.Code)], tree, time.GetUtcNow().Year, localizer)
                .TryGet(out var selection, out var invalid))
        {
            return invalid;
        }

        var rounds = index.LatestRounds(selection.Year);
        var values = await index.ValuesAsync(selection.Year, cancellationToken);
        var mechanismLevels = selection.Mechanism is { } mechanism ? await values.LevelsAsync(mechanism.Code, cancellationToken) : null;
        var countries = index.Countries
            .Where(country => selection.Region is null || country.RegionCode == selection.Region)
            .Select(country =>
            {
                var round = rounds.GetValueOrDefault(country.Iso3);
                int? level = round is null ? null
                    : mechanismLevels is not null ? mechanismLevels.GetValueOrDefault(round.AssessmentId)
                    : selection.MapBehaviour is { } behaviour ? values.Bands.GetValueOrDefault((round.AssessmentId, behaviour.Code))
                    : null;
                return new CountryFigure(country, round, level is { } known && Levels.IsValid(known) ? known : null);
            })
            .ToList();

        var behaviours = selection.Behaviour is { } chosen ? [chosen] : tree.Behaviours;
        var distribution = index.Regions
            .Where(region => selection.Region is null || region.Code == selection.Region)
            .Select(region => new RegionDistribution(region, [.. behaviours.Select(behaviour =>
                Distribute(behaviour, index.Countries.Where(country => country.RegionCode == region.Code), rounds, values))]))
            .ToList();

        var regionOf = index.Countries.ToDictionary(country => country.Iso3, country => country.RegionCode, StringComparer.Ordinal);
        var years = index.Rounds
            .Where(round => selection.Region is null || regionOf.GetValueOrDefault(round.CountryIso3) == selection.Region)
            .GroupBy(round => round.Year)
            .OrderBy(group => group.Key)
            .Select(group => new YearFigure(group.Key,
                group.Select(round => round.CountryIso3).Distinct(StringComparer.Ordinal).Count(),
                group.Where(round => round.IsDemonstration).Select(round => round.CountryIso3).Distinct(StringComparer.Ordinal).Count()))
            .ToList();

        return new GlobalView(index.Stamp, selection, index.Regions, countries, distribution, years);
    }

    private static BehaviourDistribution Distribute(
        BehaviourView behaviour, IEnumerable<MemberState> countries, Dictionary<string, PublishedRound> rounds, RoundValues values)
    {
        var levels = new int[Levels.Highest - Levels.Lowest + 1];
        int noLevel = 0, noData = 0;
        foreach (var country in countries)
        {
            if (!rounds.TryGetValue(country.Iso3, out var round))
            {
                noData++;
            }
            else if (values.Bands.GetValueOrDefault((round.AssessmentId, behaviour.Code)) is { } level && Levels.IsValid(level))
            {
                levels[level - Levels.Lowest]++;
            }
            else
            {
                noLevel++;
            }
        }
        return new BehaviourDistribution(behaviour, levels, noLevel, noData);
    }
}

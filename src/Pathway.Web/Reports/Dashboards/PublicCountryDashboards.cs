using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Components.Charts;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>A country with published results, for the public index of country dashboards.</summary>
public sealed record PublishedCountry(string Iso3, Localization.LocalizedText Name, Localization.LocalizedText RegionName, int Rounds, int LatestYear, bool IsDemonstration);

/// <summary>
/// The public country dashboard, built only from <see cref="Assessments.PublishedResult"/> rows (the latest
/// release of each published round) and their releases' titles: nothing a country kept back can reach it.
/// </summary>
public sealed class PublicCountryDashboards(PathwayDb db, FrameworkReader framework)
{
    /// <summary>The dashboard, or null when the country is unknown; a country with nothing published has no rounds.</summary>
    public async Task<CountryDashboardView?> ForPublicAsync(string iso3, CancellationToken cancellationToken = default)
    {
        var country = await CountryRow.FindAsync(db, iso3, cancellationToken);
        if (country is null)
        {
            return null;
        }
        var rows = await db.PublishedResults.AsNoTracking()
            .Where(row => row.CountryIso3 == country.Iso3 && row.IsLatest)
            .Select(row => new
            {
                row.AssessmentId, row.ReleaseId, row.Revision, row.Year, row.FrameworkVersion, row.PublishedAt, row.IsDemonstration,
                row.BehaviourCode, row.MechanismCode, row.State, row.Level, row.BehaviourMean, row.BehaviourBand, row.BehaviourMechanisms,
            })
            .ToListAsync(cancellationToken);
        var releaseIds = rows.Select(row => row.ReleaseId).Distinct().ToList();
        var titles = (await db.PublishedReleases.AsNoTracking()
                .Where(release => releaseIds.Contains(release.Id))
                .Select(release => new { release.Id, release.Snapshot })
                .ToListAsync(cancellationToken))
            .ToDictionary(release => release.Id, release => release.Snapshot.Title);

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var rounds = rows.GroupBy(row => row.AssessmentId)
            .Select(round => round.ToList())
            .OrderBy(round => round[0].Year).ThenBy(round => round[0].PublishedAt)
            .Select(round => new DashboardRound(
                round[0].AssessmentId, titles.GetValueOrDefault(round[0].ReleaseId) ?? "", round[0].Year, "Status.Published", round[0].Revision,
                round[0].IsDemonstration, $"/published/{round[0].AssessmentId}", round[0].FrameworkVersion,
                round.Where(row => row.State is not null)
                    .ToDictionary(row => row.MechanismCode, row => MechanismAnswer.From(Enum.Parse<MechanismAnswerState>(row.State!), row.Level), StringComparer.Ordinal)))
            .ToList();

        var latestVersion = rows.OrderBy(row => row.Year).ThenBy(row => row.PublishedAt).LastOrDefault()?.FrameworkVersion;
        var tree = latestVersion is null ? null : await framework.TreeAsync(latestVersion, cancellationToken);

        // The latest round that made its behaviour profile public: one row per behaviour carries the score.
        var profileRows = rows.Where(row => row.BehaviourMechanisms is not null)
            .GroupBy(row => row.AssessmentId)
            .OrderBy(group => group.First().Year).ThenBy(group => group.First().PublishedAt)
            .LastOrDefault();
        var profileRound = profileRows is null ? null : rounds.Single(round => round.Id == profileRows.Key);
        IReadOnlyList<BehaviourScorePoint> profile = profileRows is null || tree is null
            ? []
            : [.. tree.Behaviours.Select(behaviour =>
            {
                var scored = profileRows.FirstOrDefault(row => row.BehaviourCode == behaviour.Code);
                return new BehaviourScorePoint(behaviour.Code, behaviour.Name.In(language), scored?.BehaviourMean)
                {
                    Band = Enum.TryParse<LevelBand>(scored?.BehaviourBand, out var band) ? band : null,
                };
            })];

        // Rounds that published levels make the columns of the heat map; a profile-only round has none.
        var withLevels = rounds.Where(round => round.Answers.Count > 0).ToList();
        var profiles = rows.Where(row => row.BehaviourMechanisms is not null)
            .GroupBy(row => row.AssessmentId)
            .Select(group => (rounds.Single(round => round.Id == group.Key),
                (IReadOnlyDictionary<string, decimal?>)group.GroupBy(row => row.BehaviourCode).ToDictionary(b => b.Key, b => b.First().BehaviourMean, StringComparer.Ordinal)))
            .OrderBy(profile => rounds.IndexOf(profile.Item1))
            .ToList();
        var trend = tree is null ? BehaviourTrend.Empty : BehaviourTrend.Of(tree, profiles, language);
        var timeline = tree is null ? [] : TimelineRows.Build(
            await TimelineRows.VersionsAsync(db, framework, tree, withLevels.Select(round => round.FrameworkVersion), cancellationToken), withLevels, language);
        return new CountryDashboardView(country.Iso3, country.Name, IsPublic: true, rounds, profileRound, profile, trend, withLevels, timeline, null, [], null);
    }

    /// <summary>Every country with a published round, alphabetically in the reader's language (never ranked).</summary>
    public async Task<List<PublishedCountry>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.PublishedResults.AsNoTracking()
            .Where(row => row.IsLatest)
            .GroupBy(row => row.CountryIso3)
            .Select(group => new
            {
                Iso3 = group.Key,
                Rounds = group.Select(row => row.AssessmentId).Distinct().Count(),
                LatestYear = group.Max(row => row.Year),
                AllDemonstration = group.All(row => row.IsDemonstration),
            })
            .ToListAsync(cancellationToken);
        var codes = rows.Select(row => row.Iso3).ToList();
        var countries = await db.Countries.AsNoTracking().Where(country => codes.Contains(country.Iso3))
            .Select(country => new { country.Iso3, country.Name, RegionName = country.Region!.Name }).ToListAsync(cancellationToken);
        var language = CultureInfo.CurrentUICulture;
        return [.. rows.Join(countries, row => row.Iso3, country => country.Iso3, (row, country) =>
                new PublishedCountry(row.Iso3, country.Name, country.RegionName, row.Rounds, row.LatestYear, row.AllDemonstration))
            .OrderBy(country => country.Name.In(language.TwoLetterISOLanguageName), StringComparer.Create(language, ignoreCase: true))];
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>
/// The country dashboard for the country's team: every round the caller may read (the country-scope filter
/// and <see cref="RoundQueries.VisibleTo"/>), never more. A caller whose scope does not cover the country
/// gets nothing (the page answers 404), as for a round they may not see.
/// </summary>
public sealed class CountryDashboards(
    PathwayDb db, CurrentUser user, RoundDirectory directory, ConsensusBook consensus, FrameworkReader framework, TimeProvider clock)
{
    /// <summary>The team's dashboard, or null when the caller may not read the country's rounds (or the country is unknown).</summary>
    public async Task<CountryDashboardView?> ForTeamAsync(string iso3, CancellationToken cancellationToken = default)
    {
        var country = await CountryDirectoryRow(iso3, cancellationToken);
        if (country is null || !Covers(user.Scope, country.Iso3, country.RegionCode))
        {
            return null;
        }
        var rows = await db.Assessments.AsNoTracking().VisibleTo(user)
            .Where(round => round.CountryIso3 == country.Iso3)
            .Select(round => new
            {
                round.Id, round.Title, round.PlannedStart, round.PlannedEnd, round.CreatedAt, round.Status, round.Revision,
                round.IsDemonstration, round.FrameworkVersionId, Version = round.FrameworkVersion!.Version, round.FrameworkVersion.ContentHash,
            })
            .ToListAsync(cancellationToken);
        // A handful per country: ordered here (SQLite cannot order by a DateTimeOffset column).
        rows = [.. rows.OrderBy(row => Year(row.PlannedStart, row.PlannedEnd, row.CreatedAt)).ThenBy(row => row.CreatedAt)];
        var ids = rows.Select(row => row.Id).ToList();
        var agreed = (await db.ConsensusRatings.AsNoTracking()
                .Where(rating => ids.Contains(rating.AssessmentId))
                .Select(rating => new { rating.AssessmentId, rating.MechanismCode, rating.State, rating.Level })
                .ToListAsync(cancellationToken))
            .ToLookup(rating => rating.AssessmentId);
        var rounds = rows.Select(row => new DashboardRound(
                row.Id, row.Title, Year(row.PlannedStart, row.PlannedEnd, row.CreatedAt), $"Status.{row.Status}", row.Revision, row.IsDemonstration,
                $"/assessments/{row.Id}", row.Version,
                agreed[row.Id].ToDictionary(rating => rating.MechanismCode, rating => MechanismAnswer.From(rating.State, rating.Level), StringComparer.Ordinal)))
            .ToList();

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var latest = rows.LastOrDefault();
        var tree = latest is null ? null : await framework.TreeAsync(latest.FrameworkVersionId, latest.ContentHash, latest.Version, cancellationToken);
        var profileRound = rounds.LastOrDefault(round => round.Answers.Values.Any(answer => answer.State != MechanismAnswerState.NotAssessed));
        var profileTree = profileRound is null ? null : await TreeOfAsync(rows.Single(row => row.Id == profileRound.Id).Version, cancellationToken);
        var profile = profileRound is null || profileTree is null ? [] : RoundResults.Score(profileTree, profileRound.Answers, language).Radar;

        // Each round's profile, scored from its agreed answers on its own framework version.
        var profiles = new List<(DashboardRound, IReadOnlyDictionary<string, decimal?>)>();
        foreach (var round in rounds.Where(round => round.Answers.Values.Any(answer => answer.State != MechanismAnswerState.NotAssessed)))
        {
            if (await TreeOfAsync(rows.Single(row => row.Id == round.Id).Version, cancellationToken) is { } roundTree)
            {
                profiles.Add((round, RoundResults.Profile(roundTree, round.Answers).Behaviours.ToDictionary(b => b.Code, b => b.Mean, StringComparer.Ordinal)));
            }
        }
        var trend = tree is null ? BehaviourTrend.Empty : BehaviourTrend.Of(tree, profiles, language);

        var timeline = tree is null ? [] : TimelineRows.Build(
            await TimelineRows.VersionsAsync(db, framework, tree, rounds.Select(round => round.FrameworkVersion), cancellationToken), rounds, language);
        var (divergenceRound, divergences) = await DivergencesAsync(rounds, language, cancellationToken);
        return new CountryDashboardView(country.Iso3, country.Name, IsPublic: false, rounds, profileRound, profile, trend, rounds,
            timeline, divergenceRound, divergences, await PlanAsync(rounds, cancellationToken));
    }

    /// <summary>Whether a scope reaches a country: global, the country's region, or the country itself.</summary>
    public static bool Covers(AccessScope scope, string iso3, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsGlobal || scope.CountryIso3 == iso3 || (scope.RegionCode is not null && scope.RegionCode == regionCode);
    }

    /// <summary>A round's year as the dashboards count it: the planned end, else the planned start, else when it was opened.</summary>
    public static int Year(DateOnly? plannedStart, DateOnly? plannedEnd, DateTimeOffset createdAt) =>
        plannedEnd?.Year ?? plannedStart?.Year ?? createdAt.UtcDateTime.Year;

    private async Task<(DashboardRound?, IReadOnlyList<SideDivergence>)> DivergencesAsync(
        IReadOnlyList<DashboardRound> rounds, string language, CancellationToken cancellationToken)
    {
        // The latest round whose spread is open to the caller (from consensus on), through the one door to a round.
        foreach (var candidate in rounds.Reverse())
        {
            if (!(await directory.OpenAsync(candidate.Id, cancellationToken)).TryGet(out var round, out _) || !round.Can.CanSeeSpread)
            {
                continue;
            }
            // A round agreed in a meeting (or not rated yet) has no individual ratings to set side against side.
            if (!(await consensus.SpreadAsync(round, cancellationToken: cancellationToken)).TryGet(out var spreads, out _)
                || spreads.All(spread => spread.Spread.Totals.Rated == 0))
            {
                continue;
            }
            var names = round.Framework.Behaviours.SelectMany(behaviour => behaviour.Mechanisms)
                .ToDictionary(mechanism => mechanism.Code, mechanism => mechanism.Name.In(language), StringComparer.Ordinal);
            return (candidate, [.. spreads.Where(spread => spread.Spread.Divergent).Select(spread => new SideDivergence(
                spread.MechanismCode, names.GetValueOrDefault(spread.MechanismCode) ?? spread.MechanismCode,
                spread.Spread.PublicMedian, spread.Spread.PrivateMedian, spread.Spread.LevelRange))]);
        }
        return (null, []);
    }

    private async Task<PlanSummary?> PlanAsync(IReadOnlyList<DashboardRound> rounds, CancellationToken cancellationToken)
    {
        var ids = rounds.Select(round => round.Id).ToList();
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(plan => ids.Contains(plan.AssessmentId))
            .Select(plan => new { plan.AssessmentId, plan.Status, plan.EndorsedAt })
            .ToListAsync(cancellationToken);
        var latest = rounds.LastOrDefault(round => plans.Any(plan => plan.AssessmentId == round.Id));
        if (latest is null)
        {
            return null;
        }
        var plan = plans.Single(row => row.AssessmentId == latest.Id);
        var items = await db.ActionItems.AsNoTracking()
            .Where(item => item.AssessmentId == latest.Id)
            .Select(item => new { item.Status, item.Due, item.CompletedOn })
            .ToListAsync(cancellationToken);
        var today = PlanRules.Today(clock);
        var open = items.Where(item => item.Status is not (ActionStatus.Done or ActionStatus.Dropped)).ToList();
        var endorsedOn = plan.EndorsedAt is { } endorsed ? DateOnly.FromDateTime(endorsed.UtcDateTime) : (DateOnly?)null;
        return new PlanSummary(latest.Id, latest.Title, plan.Status, plan.EndorsedAt,
            Enum.GetValues<ActionStatus>().ToDictionary(status => status, status => items.Count(item => item.Status == status)),
            open.Count(item => item.Due < today),
            open.Count(item => item.Due >= today && item.Due <= today.AddDays(PlanSummary.DueSoonDays)),
            endorsedOn is null ? 0 : items.Count(item => item.Status == ActionStatus.Done && item.CompletedOn >= endorsedOn));
    }

    private Task<FrameworkTree?> TreeOfAsync(string version, CancellationToken cancellationToken) => framework.TreeAsync(version, cancellationToken);

    private Task<CountryRow?> CountryDirectoryRow(string iso3, CancellationToken cancellationToken) =>
        CountryRow.FindAsync(db, iso3, cancellationToken);
}

/// <summary>A country as the dashboards need it (reference data, public).</summary>
internal sealed record CountryRow(string Iso3, string RegionCode, Localization.LocalizedText Name)
{
    public static async Task<CountryRow?> FindAsync(PathwayDb db, string? iso3, CancellationToken cancellationToken)
    {
        var code = iso3?.Trim().ToUpperInvariant();
        if (code is not { Length: 3 })
        {
            return null;
        }
        return await db.Countries.AsNoTracking().Where(country => country.Iso3 == code)
            .Select(country => new CountryRow(country.Iso3, country.RegionCode, country.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

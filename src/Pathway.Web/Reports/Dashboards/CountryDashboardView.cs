using Pathway.Web.Components.Charts;
using Pathway.Web.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>
/// One round as a column of the country dashboard: the team's link goes to the round, the public's to its release.
/// <see cref="Answers"/> holds each mechanism's agreed (or published) answer by its code in <see cref="FrameworkVersion"/>.
/// </summary>
public sealed record DashboardRound(
    Guid Id, string Title, int Year, string StatusKey, int Revision, bool IsDemonstration, string Href,
    string FrameworkVersion, IReadOnlyDictionary<string, MechanismAnswer> Answers);

/// <summary>Each behaviour's mean score round by round (the rounds that have a profile), for the trend chart.</summary>
public sealed record BehaviourTrend(IReadOnlyList<string> Periods, IReadOnlyList<TrendSeries> Series)
{
    public static BehaviourTrend Empty { get; } = new([], []);

    /// <summary>One line per behaviour of <paramref name="tree"/>, one value per profile (null where the behaviour has no mean).</summary>
    public static BehaviourTrend Of(Framework.FrameworkTree tree, IReadOnlyList<(DashboardRound Round, IReadOnlyDictionary<string, decimal?> Means)> profiles, string language)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            return Empty;
        }
        return new(
            [.. profiles.Select(profile => Label(profile.Round))],
            [.. tree.Behaviours.Select(behaviour => new TrendSeries(behaviour.Name.In(language),
                [.. profiles.Select(profile => profile.Means.GetValueOrDefault(behaviour.Code) is { } mean ? (double)mean : (double?)null)]))]);
    }

    /// <summary>A round as a period: its year (the table beside the chart and the list of rounds name the round).</summary>
    private static string Label(DashboardRound round) => round.Year.ToString(System.Globalization.CultureInfo.CurrentCulture);
}

/// <summary>
/// A mechanism across the country's rounds (<see cref="TimelineRows"/>): one cell per round, in the rounds' order. The code
/// and name are the newest version's that has the mechanism.
/// </summary>
public sealed record TimelineRow(string BehaviourCode, string MechanismCode, string MechanismName, IReadOnlyList<TimelineCell> Cells);

/// <summary>A mechanism where the public and private sides rated far apart in the latest round with a spread.</summary>
public sealed record SideDivergence(string MechanismCode, string MechanismName, decimal? PublicMedian, decimal? PrivateMedian, int? Range);

/// <summary>The latest plan's items: by status, overdue, due soon, and done since the plan was endorsed.</summary>
public sealed record PlanSummary(
    Guid RoundId, string RoundTitle, PlanStatus Status, DateTimeOffset? EndorsedAt,
    IReadOnlyDictionary<ActionStatus, int> ByStatus, int Overdue, int DueSoon, int DoneSinceEndorsement)
{
    /// <summary>"Due soon" means due within this many days from today.</summary>
    public const int DueSoonDays = 30;

    public int Total => ByStatus.Values.Sum();
}

/// <summary>
/// A country's dashboard: its rounds, the latest profile (radar and table), every mechanism over time,
/// (<see cref="TimelineRounds"/> are its columns: the public's leave out rounds that published no levels)
/// and, for the team only, the latest divergence between the sides and the plan's status. The public
/// variant is built from published results alone and has no divergence or plan.
/// </summary>
public sealed record CountryDashboardView(
    string Iso3,
    LocalizedText CountryName,
    bool IsPublic,
    IReadOnlyList<DashboardRound> Rounds,
    DashboardRound? ProfileRound,
    IReadOnlyList<BehaviourScorePoint> Profile,
    BehaviourTrend Trend,
    IReadOnlyList<DashboardRound> TimelineRounds,
    IReadOnlyList<TimelineRow> Timeline,
    DashboardRound? DivergenceRound,
    IReadOnlyList<SideDivergence> Divergences,
    PlanSummary? Plan)
{
    public bool AnyDemonstration => Rounds.Any(round => round.IsDemonstration);
}

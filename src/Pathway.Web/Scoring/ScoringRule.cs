namespace Pathway.Web.Scoring;

/// <summary>
/// The scoring rule (explained on /methodology). A mechanism's level is its agreed level. A behaviour's
/// score is the mean of its rated mechanisms, rounded to one decimal (halves away from zero); its band
/// is the floor of that rounded mean. Don't know and insufficient information are information gaps:
/// counted, never averaged. Not applicable is left out of everything. Under half of the applicable
/// mechanisms rated gives "insufficient information" instead of a band. Pure: no clock, no I/O.
/// </summary>
public static class ScoringRule
{
    /// <summary>Recorded with every result; change it whenever any rule here changes.</summary>
    public const string Version = "2026.1";

    public static ScoreProfile ScoreProfile(IEnumerable<BehaviourInput> behaviours)
    {
        ArgumentNullException.ThrowIfNull(behaviours);
        var inputs = behaviours.ToList();
        EnsureUnique(inputs.Select(behaviour => behaviour.Code), "behaviour");
        EnsureUnique(inputs.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code), "mechanism");

        var results = inputs.Select(ScoreBehaviour).ToList();
        var coverage = results.Aggregate(Coverage.None, (total, result) => total + result.Coverage);
        return new(results, coverage, Version);
    }

    public static BehaviourResult ScoreBehaviour(BehaviourInput behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        ArgumentException.ThrowIfNullOrWhiteSpace(behaviour.Code, nameof(behaviour));
        ArgumentNullException.ThrowIfNull(behaviour.Mechanisms);
        foreach (var mechanism in behaviour.Mechanisms)
        {
            ArgumentNullException.ThrowIfNull(mechanism, nameof(behaviour));
            ArgumentException.ThrowIfNullOrWhiteSpace(mechanism.Code, nameof(behaviour));
            ArgumentNullException.ThrowIfNull(mechanism.Answer, nameof(behaviour));
        }
        EnsureUnique(behaviour.Mechanisms.Select(mechanism => mechanism.Code), "mechanism");

        var mechanisms = behaviour.Mechanisms.Select(mechanism => new MechanismResult(mechanism.Code, mechanism.Answer)).ToList();
        var coverage = Coverage.Of(mechanisms.Select(mechanism => mechanism.Answer));
        var levels = mechanisms.Where(mechanism => mechanism.Level is not null).Select(mechanism => mechanism.Level!.Value).ToList();
        decimal? mean = levels.Count == 0 ? null : RoundMean((decimal)levels.Sum() / levels.Count);

        var status = coverage.Applicable == 0 ? ScoreStatus.NotApplicable
            : coverage.Rated < MinimumRatedForBand(coverage.Applicable) ? ScoreStatus.InsufficientInformation
            : ScoreStatus.Scored;
        LevelBand? band = status == ScoreStatus.Scored ? BandOf(mean!.Value) : null;

        return new(behaviour.Code, status, mean, band, coverage, mechanisms, Version);
    }

    /// <summary>One decimal, halves away from zero: 2.65 → 2.7, 1.95 → 2.0.</summary>
    public static decimal RoundMean(decimal mean) => Math.Round(mean, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The band of a mean: the floor of the mean as shown (rounded to one decimal), so the number and
    /// the label a reader sees always agree: 1.95 shows as 2.0 and is Progressing.
    /// </summary>
    public static LevelBand BandOf(decimal mean)
    {
        var shown = RoundMean(mean);
        if (shown is < Levels.Lowest or > Levels.Highest)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "A behaviour score lies between 1.0 and 4.0.");
        }
        return (LevelBand)(int)Math.Floor(shown);
    }

    /// <summary>The fewest rated mechanisms a behaviour needs for a band: half of the applicable ones, rounded up.</summary>
    public static int MinimumRatedForBand(int applicable) => (applicable + 1) / 2;

    private static void EnsureUnique(IEnumerable<string> codes, string what)
    {
        var duplicates = codes.GroupBy(code => code, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Each {what} is scored once; given more than once: {string.Join(", ", duplicates)}.");
        }
    }
}

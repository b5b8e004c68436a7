namespace Pathway.Web.Scoring;

/// <summary>How many answers of each kind: levels 1–4, don't know, not applicable.</summary>
public sealed record AnswerCounts(int Level1, int Level2, int Level3, int Level4, int DontKnow, int NotApplicable)
{
    public int Rated => Level1 + Level2 + Level3 + Level4;

    public int Total => Rated + DontKnow + NotApplicable;

    public int AtLevel(int level) => level switch
    {
        1 => Level1,
        2 => Level2,
        3 => Level3,
        4 => Level4,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A level is 1 to 4."),
    };

    public static AnswerCounts Of(IEnumerable<IndividualAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var levels = new int[Levels.Highest + 1];
        int dontKnow = 0, notApplicable = 0;
        foreach (var answer in answers)
        {
            switch (answer.State)
            {
                case IndividualAnswerState.Rated: levels[answer.Level!.Value]++; break;
                case IndividualAnswerState.DontKnow: dontKnow++; break;
                case IndividualAnswerState.NotApplicable: notApplicable++; break;
                default: throw new ArgumentOutOfRangeException(nameof(answers), answer.State, "Unknown answer state.");
            }
        }
        return new(levels[1], levels[2], levels[3], levels[4], dontKnow, notApplicable);
    }
}

/// <summary>One stakeholder group's answers for a mechanism.</summary>
public sealed record GroupSpread(StakeholderGroup Group, AnswerCounts Counts)
{
    public StakeholderSide Side => Group.Side();
}

/// <summary>
/// The spread of individual ratings of one mechanism, for the consensus step: counts per stakeholder
/// group (only groups that answered, in <see cref="StakeholderGroup"/> order), the public-side and
/// private-side medians, and a divergence flag.
/// <para>
/// Medians use levels only (don't know and not applicable are left out). With an even number of
/// levels the median is the mean of the two middle ones (1, 2 → 1.5), the usual definition, which
/// treats both sides alike. A side with no levels has no median and cannot diverge by medians.
/// </para>
/// <para>
/// Divergent when the two side medians are two levels or more apart, or when the levels given (by
/// every group, including those on neither side) span three levels or more (highest − lowest ≥ 2).
/// </para>
/// </summary>
public sealed record RatingSpread(
    IReadOnlyList<GroupSpread> Groups,
    AnswerCounts Totals,
    decimal? PublicMedian,
    decimal? PrivateMedian,
    int? LowestLevel,
    int? HighestLevel)
{
    /// <summary>Side medians this far apart (in levels) or more make a mechanism divergent.</summary>
    public const decimal MedianGapForDivergence = 2;

    /// <summary>Highest minus lowest level this large or more (three levels spanned) makes a mechanism divergent.</summary>
    public const int RangeForDivergence = 2;

    /// <summary>Distance between the side medians; null unless both sides gave levels.</summary>
    public decimal? MedianGap => PublicMedian is { } publicMedian && PrivateMedian is { } privateMedian
        ? Math.Abs(publicMedian - privateMedian)
        : null;

    /// <summary>Highest minus lowest level given; null when nobody gave a level.</summary>
    public int? LevelRange => HighestLevel - LowestLevel;

    public bool DivergentByMedians => MedianGap >= MedianGapForDivergence;

    public bool DivergentByRange => LevelRange >= RangeForDivergence;

    public bool Divergent => DivergentByMedians || DivergentByRange;

    public static RatingSpread Of(IEnumerable<IndividualRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var list = ratings.ToList();
        foreach (var rating in list)
        {
            ArgumentNullException.ThrowIfNull(rating, nameof(ratings));
            ArgumentNullException.ThrowIfNull(rating.Answer, nameof(ratings));
        }

        var groups = list.GroupBy(rating => rating.Group)
            .OrderBy(group => group.Key)
            .Select(group => new GroupSpread(group.Key, AnswerCounts.Of(group.Select(rating => rating.Answer))))
            .ToList();
        var levels = list.Where(rating => rating.Answer.Level is not null).ToList();

        return new(
            groups,
            AnswerCounts.Of(list.Select(rating => rating.Answer)),
            Median(LevelsOn(levels, StakeholderSide.Public)),
            Median(LevelsOn(levels, StakeholderSide.Private)),
            levels.Count == 0 ? null : levels.Min(rating => rating.Answer.Level!.Value),
            levels.Count == 0 ? null : levels.Max(rating => rating.Answer.Level!.Value));
    }

    /// <summary>The middle level, or the mean of the two middle levels for an even count; null for none.</summary>
    public static decimal? Median(IEnumerable<int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var sorted = levels.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    private static IEnumerable<int> LevelsOn(IEnumerable<IndividualRating> rated, StakeholderSide side) =>
        rated.Where(rating => rating.Group.Side() == side).Select(rating => rating.Answer.Level!.Value);
}

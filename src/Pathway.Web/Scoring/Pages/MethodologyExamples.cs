namespace Pathway.Web.Scoring.Pages;

/// <summary>
/// The made-up inputs of the worked example on /methodology. The page shows what the real scoring
/// code makes of them, so the explanation can never disagree with the calculation.
/// </summary>
public static class MethodologyExamples
{
    /// <summary>Three behaviours: a plain mean with a gap and a not-applicable mechanism; exactly half rated; too few rated.</summary>
    public static IReadOnlyList<BehaviourInput> Behaviours { get; } =
    [
        new("A",
        [
            new("A.1", MechanismAnswer.Rated(2)),
            new("A.2", MechanismAnswer.Rated(3)),
            new("A.3", MechanismAnswer.Rated(3)),
            new("A.4", MechanismAnswer.DontKnow),
            new("A.5", MechanismAnswer.NotApplicable),
        ]),
        new("B",
        [
            new("B.1", MechanismAnswer.Rated(3)),
            new("B.2", MechanismAnswer.Rated(4)),
            new("B.3", MechanismAnswer.InsufficientInformation),
            new("B.4", MechanismAnswer.NotAssessed),
        ]),
        new("C",
        [
            new("C.1", MechanismAnswer.Rated(4)),
            new("C.2", MechanismAnswer.DontKnow),
            new("C.3", MechanismAnswer.InsufficientInformation),
            new("C.4", MechanismAnswer.NotAssessed),
            new("C.5", MechanismAnswer.NotAssessed),
        ]),
    ];

    public static ScoreProfile Profile { get; } = ScoringRule.ScoreProfile(Behaviours);

    /// <summary>The rounding example: a mean of 2.65 is shown as 2.7.</summary>
    public const decimal UnroundedMean = 2.65m;

    /// <summary>The divergence example: the ministry rates 1 and 2, private for-profit providers 3 and 4.</summary>
    public static IReadOnlyList<IndividualRating> Ratings { get; } =
    [
        new(StakeholderGroup.MinistryOfHealth, IndividualAnswer.Rated(1)),
        new(StakeholderGroup.MinistryOfHealth, IndividualAnswer.Rated(2)),
        new(StakeholderGroup.PrivateForProfitProvider, IndividualAnswer.Rated(3)),
        new(StakeholderGroup.PrivateForProfitProvider, IndividualAnswer.Rated(4)),
    ];

    public static RatingSpread Spread { get; } = RatingSpread.Of(Ratings);
}

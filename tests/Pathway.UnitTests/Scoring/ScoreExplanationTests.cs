using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Scoring;

public class ScoreExplanationTests
{
    private static BehaviourResult Score(params (string Code, MechanismAnswer Answer)[] mechanisms) =>
        ScoringRule.ScoreBehaviour(new BehaviourInput("BU", [.. mechanisms.Select(mechanism => new MechanismInput(mechanism.Code, mechanism.Answer))]));

    [Fact]
    public void The_explanation_lists_which_mechanism_contributed_which_level_and_the_sum()
    {
        var explanation = Score(
            ("BU.1", MechanismAnswer.Rated(2)),
            ("BU.2", MechanismAnswer.DontKnow),
            ("BU.3", MechanismAnswer.Rated(3)),
            ("BU.4", MechanismAnswer.NotApplicable),
            ("BU.5", MechanismAnswer.Rated(3))).Explain();

        Assert.Equal([new("BU.1", 2), new("BU.3", 3), new("BU.5", 3)], explanation.Contributions);
        Assert.Equal(8, explanation.LevelSum);
        Assert.Equal(3, explanation.RatedCount);
        Assert.Equal(2.7m, explanation.Mean);
        Assert.Equal(LevelBand.Progressing, explanation.Band);
        Assert.Equal(ScoreStatus.Scored, explanation.Status);
    }

    [Fact]
    public void The_explanation_names_the_gaps_the_left_out_and_the_not_yet_assessed_mechanisms()
    {
        var explanation = Score(
            ("BU.1", MechanismAnswer.Rated(4)),
            ("BU.2", MechanismAnswer.DontKnow),
            ("BU.3", MechanismAnswer.InsufficientInformation),
            ("BU.4", MechanismAnswer.NotApplicable),
            ("BU.5", MechanismAnswer.NotAssessed),
            ("BU.6", MechanismAnswer.NotAssessed)).Explain();

        Assert.Equal([new("BU.2", MechanismAnswer.DontKnow), new("BU.3", MechanismAnswer.InsufficientInformation)], explanation.InformationGaps);
        Assert.Equal(["BU.4"], explanation.NotApplicable);
        Assert.Equal(["BU.5", "BU.6"], explanation.NotAssessed);
        Assert.Equal(5, explanation.Applicable);
        Assert.Equal(3, explanation.Answered);
        Assert.Equal(3, explanation.MinimumRatedForBand);
        Assert.Equal(0.6m, explanation.Completeness);
        Assert.Equal(ScoreStatus.InsufficientInformation, explanation.Status);
        Assert.Equal(4.0m, explanation.Mean);
        Assert.Null(explanation.Band);
    }

    [Fact]
    public void The_explanation_carries_the_rule_version_of_its_result()
    {
        var result = Score(("BU.1", MechanismAnswer.Rated(1))) with { RuleVersion = "2025.9" };

        Assert.Equal("2025.9", result.Explain().RuleVersion);
        Assert.Equal(ScoringRule.Version, Score(("BU.1", MechanismAnswer.Rated(1))).Explain().RuleVersion);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(7, 4)]
    public void The_minimum_rated_for_a_band_is_half_the_applicable_mechanisms_rounded_up(int applicable, int minimum)
    {
        Assert.Equal(minimum, ScoringRule.MinimumRatedForBand(applicable));
    }
}

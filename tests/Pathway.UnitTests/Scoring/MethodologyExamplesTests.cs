using Pathway.Web.Scoring;
using Pathway.Web.Scoring.Pages;

namespace Pathway.UnitTests.Scoring;

/// <summary>The worked example on /methodology shows what its text says it shows.</summary>
public class MethodologyExamplesTests
{
    [Fact]
    public void Example_A_is_a_plain_mean_with_a_gap_and_a_not_applicable_mechanism()
    {
        var a = MethodologyExamples.Profile.Behaviours[0];

        Assert.Equal((ScoreStatus.Scored, 2.7m, LevelBand.Progressing), (a.Status, a.Mean, a.Band));
        Assert.Equal((1, 1, 1m), (a.InformationGaps, a.NotApplicableCount, a.Completeness));
    }

    [Fact]
    public void Example_B_has_exactly_half_rated_and_still_gets_a_band()
    {
        var b = MethodologyExamples.Profile.Behaviours[1];

        Assert.Equal(b.ApplicableCount, 2 * b.RatedCount);
        Assert.Equal((ScoreStatus.Scored, 3.5m, LevelBand.Established), (b.Status, b.Mean, b.Band));
    }

    [Fact]
    public void Example_C_has_too_few_ratings_and_shows_a_flagged_mean()
    {
        var c = MethodologyExamples.Profile.Behaviours[2];

        Assert.Equal(ScoreStatus.InsufficientInformation, c.Status);
        Assert.True(c.MeanIsFlagged);
    }

    [Fact]
    public void The_rounding_and_divergence_examples_say_what_the_page_says()
    {
        Assert.Equal(2.7m, ScoringRule.RoundMean(MethodologyExamples.UnroundedMean));
        Assert.True(MethodologyExamples.Spread.Divergent);
        Assert.Equal(1.5m, MethodologyExamples.Spread.PublicMedian);
        Assert.Equal(3.5m, MethodologyExamples.Spread.PrivateMedian);
    }
}

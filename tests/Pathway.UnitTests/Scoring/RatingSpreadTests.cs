using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Scoring;

public class RatingSpreadTests
{
    private static IndividualRating Rating(StakeholderGroup group, int level) => new(group, IndividualAnswer.Rated(level));

    private static IndividualRating DontKnow(StakeholderGroup group) => new(group, IndividualAnswer.DontKnow);

    private static IndividualRating NotApplicable(StakeholderGroup group) => new(group, IndividualAnswer.NotApplicable);

    private const StakeholderGroup Ministry = StakeholderGroup.MinistryOfHealth;
    private const StakeholderGroup Agency = StakeholderGroup.OtherGovernmentAgency;
    private const StakeholderGroup ForProfit = StakeholderGroup.PrivateForProfitProvider;
    private const StakeholderGroup Association = StakeholderGroup.PrivateSectorAssociation;
    private const StakeholderGroup Academia = StakeholderGroup.Academia;

    [Theory]
    [InlineData(StakeholderGroup.MinistryOfHealth, StakeholderSide.Public)]
    [InlineData(StakeholderGroup.OtherGovernmentAgency, StakeholderSide.Public)]
    [InlineData(StakeholderGroup.PrivateForProfitProvider, StakeholderSide.Private)]
    [InlineData(StakeholderGroup.PrivateNotForProfitProvider, StakeholderSide.Private)]
    [InlineData(StakeholderGroup.ProfessionalAssociation, StakeholderSide.Private)]
    [InlineData(StakeholderGroup.PrivateSectorAssociation, StakeholderSide.Private)]
    [InlineData(StakeholderGroup.DevelopmentPartner, StakeholderSide.Neither)]
    [InlineData(StakeholderGroup.WhoOffice, StakeholderSide.Neither)]
    [InlineData(StakeholderGroup.Academia, StakeholderSide.Neither)]
    [InlineData(StakeholderGroup.CivilSociety, StakeholderSide.Neither)]
    public void Each_stakeholder_group_is_on_its_side(StakeholderGroup group, StakeholderSide side)
    {
        Assert.Equal(side, group.Side());
    }

    [Fact]
    public void There_are_ten_stakeholder_groups()
    {
        Assert.Equal(10, StakeholderGroups.All.Count);
    }

    [Fact]
    public void Counts_are_given_per_level_and_answer_state_for_each_group_that_answered_in_group_order()
    {
        var spread = RatingSpread.Of(
        [
            Rating(ForProfit, 3), Rating(ForProfit, 3), DontKnow(ForProfit),
            Rating(Ministry, 1), Rating(Ministry, 2), NotApplicable(Ministry),
            Rating(Academia, 4),
        ]);

        Assert.Equal([Ministry, ForProfit, Academia], spread.Groups.Select(group => group.Group));
        Assert.Equal(new AnswerCounts(1, 1, 0, 0, 0, 1), spread.Groups[0].Counts);
        Assert.Equal(new AnswerCounts(0, 0, 2, 0, 1, 0), spread.Groups[1].Counts);
        Assert.Equal(new AnswerCounts(0, 0, 0, 1, 0, 0), spread.Groups[2].Counts);
        Assert.Equal([StakeholderSide.Public, StakeholderSide.Private, StakeholderSide.Neither], spread.Groups.Select(group => group.Side));
        Assert.Equal(new AnswerCounts(1, 1, 2, 1, 1, 1), spread.Totals);
        Assert.Equal(7, spread.Totals.Total);
        Assert.Equal(5, spread.Totals.Rated);
        Assert.Equal(2, spread.Totals.AtLevel(3));
    }

    [Theory]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 1, 4, 2 }, 2.0)]
    [InlineData(new[] { 4, 1, 1, 2, 3 }, 2.0)]
    [InlineData(new[] { 1, 2 }, 1.5)]
    [InlineData(new[] { 2, 2 }, 2.0)]
    [InlineData(new[] { 4, 1, 2, 3 }, 2.5)]
    [InlineData(new[] { 1, 1, 4, 4 }, 2.5)]
    public void The_median_is_the_middle_level_or_the_mean_of_the_two_middle_levels(int[] levels, double median)
    {
        Assert.Equal((decimal)median, RatingSpread.Median(levels));
    }

    [Fact]
    public void The_median_of_no_levels_is_null()
    {
        Assert.Null(RatingSpread.Median([]));
    }

    [Fact]
    public void Side_medians_use_public_and_private_groups_only_with_odd_and_even_counts()
    {
        var spread = RatingSpread.Of(
        [
            Rating(Ministry, 2), Rating(Agency, 3), Rating(Ministry, 3),
            Rating(ForProfit, 2), Rating(Association, 3),
            Rating(Academia, 1), Rating(Academia, 1),
        ]);

        Assert.Equal(3m, spread.PublicMedian);
        Assert.Equal(2.5m, spread.PrivateMedian);
        Assert.Equal(0.5m, spread.MedianGap);
    }

    [Fact]
    public void Dont_know_and_not_applicable_are_not_in_the_medians_or_the_range()
    {
        var spread = RatingSpread.Of(
        [
            Rating(Ministry, 3), DontKnow(Ministry), NotApplicable(Ministry), DontKnow(Ministry),
            Rating(ForProfit, 3), NotApplicable(ForProfit),
        ]);

        Assert.Equal(3m, spread.PublicMedian);
        Assert.Equal(3m, spread.PrivateMedian);
        Assert.Equal(0, spread.LevelRange);
        Assert.False(spread.Divergent);
    }

    [Fact]
    public void Side_medians_two_levels_apart_are_divergent()
    {
        var spread = RatingSpread.Of([Rating(Ministry, 1), Rating(Agency, 2), Rating(ForProfit, 3), Rating(Association, 4)]);

        Assert.Equal(1.5m, spread.PublicMedian);
        Assert.Equal(3.5m, spread.PrivateMedian);
        Assert.True(spread.DivergentByMedians);
        Assert.True(spread.Divergent);
    }

    [Fact]
    public void Side_medians_one_and_a_half_levels_apart_are_not_divergent_by_medians()
    {
        var spread = RatingSpread.Of([Rating(Ministry, 1), Rating(Agency, 2), Rating(ForProfit, 3)]);

        Assert.Equal(1.5m, spread.MedianGap);
        Assert.False(spread.DivergentByMedians);
    }

    [Fact]
    public void Ratings_spanning_three_levels_are_divergent_even_when_the_side_medians_agree()
    {
        var spread = RatingSpread.Of([Rating(Ministry, 2), Rating(ForProfit, 2), Rating(Academia, 4)]);

        Assert.Equal(0m, spread.MedianGap);
        Assert.False(spread.DivergentByMedians);
        Assert.Equal(2, spread.LevelRange);
        Assert.True(spread.DivergentByRange);
        Assert.True(spread.Divergent);
    }

    [Fact]
    public void Ratings_within_two_adjacent_levels_and_close_medians_are_not_divergent()
    {
        var spread = RatingSpread.Of([Rating(Ministry, 2), Rating(Agency, 3), Rating(ForProfit, 3), Rating(Association, 2), Rating(Academia, 3)]);

        Assert.Equal(1, spread.LevelRange);
        Assert.False(spread.DivergentByMedians);
        Assert.False(spread.DivergentByRange);
        Assert.False(spread.Divergent);
    }

    [Fact]
    public void A_side_with_no_levels_has_no_median_and_cannot_diverge_by_medians()
    {
        var spread = RatingSpread.Of([Rating(Ministry, 1), Rating(Ministry, 1), DontKnow(ForProfit), Rating(Academia, 2)]);

        Assert.Equal(1m, spread.PublicMedian);
        Assert.Null(spread.PrivateMedian);
        Assert.Null(spread.MedianGap);
        Assert.False(spread.DivergentByMedians);
        Assert.False(spread.Divergent);
    }

    [Fact]
    public void No_ratings_give_an_empty_spread_that_is_not_divergent()
    {
        var spread = RatingSpread.Of([]);

        Assert.Empty(spread.Groups);
        Assert.Equal(0, spread.Totals.Total);
        Assert.Null(spread.PublicMedian);
        Assert.Null(spread.PrivateMedian);
        Assert.Null(spread.LowestLevel);
        Assert.Null(spread.LevelRange);
        Assert.False(spread.Divergent);
    }
}

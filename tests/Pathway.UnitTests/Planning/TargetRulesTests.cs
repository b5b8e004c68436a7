using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>Default targets for both plan horizons at every level, and the rules a target keeps.</summary>
public class TargetRulesTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    public void One_year_default_is_the_next_level_and_Advanced_stays_Advanced(int current, int expected) =>
        Assert.Equal(expected, TargetRules.DefaultTarget(current, PlanHorizon.OneYear));

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    public void Five_year_default_is_Established_or_Advanced_where_Established_is_reached(int current, int expected) =>
        Assert.Equal(expected, TargetRules.DefaultTarget(current, PlanHorizon.FiveYear));

    [Theory]
    [InlineData(PlanHorizon.OneYear)]
    [InlineData(PlanHorizon.FiveYear)]
    public void No_agreed_level_has_no_default_target(PlanHorizon horizon) =>
        Assert.Null(TargetRules.DefaultTarget(null, horizon));

    [Fact]
    public void Default_horizons_are_twelve_and_sixty_months()
    {
        Assert.Equal(12, TargetRules.DefaultHorizonMonths(PlanHorizon.OneYear));
        Assert.Equal(60, TargetRules.DefaultHorizonMonths(PlanHorizon.FiveYear));
    }

    [Theory]
    [InlineData(1, new[] { 1, 2, 3, 4 })]
    [InlineData(2, new[] { 2, 3, 4 })]
    [InlineData(3, new[] { 3, 4 })]
    [InlineData(4, new[] { 4 })]
    public void Allowed_targets_run_from_the_agreed_level_to_Advanced(int current, int[] expected) =>
        Assert.Equal(expected, TargetRules.AllowedTargets(current));

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 4)]
    [InlineData(1, 1)]
    public void A_target_at_or_above_the_agreed_level_is_allowed(int current, int target) =>
        Assert.Null(TargetRules.Check(current, target, 12));

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 1)]
    public void A_target_below_the_agreed_level_is_refused(int current, int target) =>
        Assert.Equal(TargetProblem.BelowCurrent, TargetRules.Check(current, target, 12));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_target_outside_1_to_4_is_refused(int target) =>
        Assert.Equal(TargetProblem.OutOfRange, TargetRules.Check(1, target, 12));

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    [InlineData(-6)]
    public void A_horizon_outside_1_to_120_months_is_refused(int months)
    {
        Assert.Equal(TargetProblem.Horizon, TargetRules.Check(2, 3, months));
        Assert.False(TargetRules.IsValidHorizon(months));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    public void Horizons_of_1_and_120_months_are_allowed(int months) =>
        Assert.True(TargetRules.IsValidHorizon(months));

    [Fact]
    public void Scores_run_from_1_to_5()
    {
        Assert.All([1, 2, 3, 4, 5], score => Assert.True(TargetRules.IsValidScore(score)));
        Assert.All([0, 6, -1], score => Assert.False(TargetRules.IsValidScore(score)));
    }
}

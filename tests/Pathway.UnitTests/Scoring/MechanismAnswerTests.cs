using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Scoring;

public class MechanismAnswerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_rated_answer_carries_its_level(int level)
    {
        var answer = MechanismAnswer.Rated(level);

        Assert.Equal(MechanismAnswerState.Rated, answer.State);
        Assert.Equal(level, answer.Level);
        Assert.True(answer.IsRated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_level_outside_one_to_four_is_refused(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MechanismAnswer.Rated(level));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndividualAnswer.Rated(level));
    }

    [Fact]
    public void Answer_states_carry_no_level_and_are_never_a_level_zero()
    {
        MechanismAnswer[] states = [MechanismAnswer.DontKnow, MechanismAnswer.InsufficientInformation, MechanismAnswer.NotApplicable, MechanismAnswer.NotAssessed];

        Assert.All(states, answer => Assert.Null(answer.Level));
        Assert.Equal([true, true, false, false], states.Select(answer => answer.IsInformationGap));
        Assert.Equal([true, true, false, true], states.Select(answer => answer.IsApplicable));
    }

    [Fact]
    public void Answers_are_compared_by_value()
    {
        Assert.Equal(MechanismAnswer.Rated(3), MechanismAnswer.Rated(3));
        Assert.NotEqual(MechanismAnswer.Rated(3), MechanismAnswer.Rated(2));
        Assert.Equal(MechanismAnswer.DontKnow, MechanismAnswer.From(MechanismAnswerState.DontKnow, null));
    }

    [Fact]
    public void A_stored_row_maps_to_an_answer_only_when_state_and_level_agree()
    {
        Assert.Equal(MechanismAnswer.Rated(2), MechanismAnswer.From(MechanismAnswerState.Rated, 2));
        Assert.Equal(MechanismAnswer.NotAssessed, MechanismAnswer.From(MechanismAnswerState.NotAssessed, null));
        Assert.Throws<ArgumentException>(() => MechanismAnswer.From(MechanismAnswerState.Rated, null));
        Assert.Throws<ArgumentException>(() => MechanismAnswer.From(MechanismAnswerState.DontKnow, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => MechanismAnswer.From(MechanismAnswerState.Rated, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => MechanismAnswer.From((MechanismAnswerState)42, null));
    }

    [Fact]
    public void The_default_state_is_not_assessed_so_an_unset_value_is_never_an_answer()
    {
        Assert.Equal(MechanismAnswerState.NotAssessed, default);
    }

    [Fact]
    public void An_individual_answer_maps_from_a_stored_row_only_when_state_and_level_agree()
    {
        Assert.Equal(IndividualAnswer.Rated(4), IndividualAnswer.From(IndividualAnswerState.Rated, 4));
        Assert.Equal(IndividualAnswer.NotApplicable, IndividualAnswer.From(IndividualAnswerState.NotApplicable, null));
        Assert.Throws<ArgumentException>(() => IndividualAnswer.From(IndividualAnswerState.Rated, null));
        Assert.Throws<ArgumentException>(() => IndividualAnswer.From(IndividualAnswerState.DontKnow, 1));
    }
}

using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Assessments;

public class ConsensusInputTests
{
    /// <summary>Answers with the resource key, so a test sees which message was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly KeyLocalizer Keys = new();

    private static ConsensusInput Valid() => new()
    {
        State = "Rated",
        Level = 3,
        Rationale = "  The regulator publishes inspection results every year.  ",
        Confidence = "High",
        Method = "Consensus",
        DissentNotes = "   ",
        Version = 0,
    };

    [Fact]
    public void A_complete_rated_input_becomes_a_decision_with_trimmed_text()
    {
        var decision = Valid().Check(Keys, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(decision);
        Assert.Equal(MechanismAnswer.Rated(3), decision.Answer);
        Assert.Equal("The regulator publishes inspection results every year.", decision.Rationale);
        Assert.Equal(RatingConfidence.High, decision.Confidence);
        Assert.Equal(ConsensusMethod.Consensus, decision.Method);
        Assert.Null(decision.DissentNotes);
    }

    [Theory]
    [InlineData("InsufficientInformation", MechanismAnswerState.InsufficientInformation)]
    [InlineData("notapplicable", MechanismAnswerState.NotApplicable)]
    public void Insufficient_information_and_not_applicable_are_agreed_answers_without_a_level(string state, MechanismAnswerState expected)
    {
        var input = Valid();
        input.State = state;
        input.Level = null;

        var decision = input.Check(Keys, out var errors);

        Assert.Empty(errors);
        Assert.Equal(expected, decision!.Answer.State);
        Assert.Null(decision.Answer.Level);
    }

    [Fact]
    public void A_level_without_a_state_means_rated()
    {
        var input = Valid();
        input.State = null;
        input.Level = 2;

        Assert.Equal(MechanismAnswer.Rated(2), input.Check(Keys, out _)!.Answer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(null)]
    public void A_rated_answer_needs_a_level_from_1_to_4(int? level)
    {
        var input = Valid();
        input.Level = level;

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Equal(["Consensus.Error.Level"], errors[nameof(ConsensusInput.Level)]);
    }

    [Theory]
    [InlineData("DontKnow")]
    [InlineData("NotAssessed")]
    [InlineData("1")]
    [InlineData("Maybe")]
    public void Dont_know_not_assessed_numbers_and_unknown_states_are_refused(string state)
    {
        var input = Valid();
        input.State = state;
        input.Level = null;

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Contains(nameof(ConsensusInput.State), errors.Keys);
    }

    [Fact]
    public void A_level_on_an_answer_that_is_not_rated_is_refused()
    {
        var input = Valid();
        input.State = "NotApplicable";

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Equal(["Consensus.Error.LevelWithoutRating"], errors[nameof(ConsensusInput.Level)]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_rationale_is_required(string? rationale)
    {
        var input = Valid();
        input.Rationale = rationale;

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Equal(["Consensus.Error.RationaleRequired"], errors[nameof(ConsensusInput.Rationale)]);
    }

    [Fact]
    public void Rationale_and_dissent_notes_have_their_length_limits()
    {
        var input = Valid();
        input.Rationale = new string('r', ConsensusRating.RationaleLength + 1);
        input.DissentNotes = new string('d', ConsensusRating.DissentLength + 1);

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Equal(["Consensus.Error.RationaleLength"], errors[nameof(ConsensusInput.Rationale)]);
        Assert.Equal(["Consensus.Error.DissentLength"], errors[nameof(ConsensusInput.DissentNotes)]);
    }

    [Fact]
    public void Text_at_the_length_limit_is_accepted()
    {
        var input = Valid();
        input.Rationale = new string('r', ConsensusRating.RationaleLength);
        input.DissentNotes = new string('d', ConsensusRating.DissentLength);

        Assert.NotNull(input.Check(Keys, out _));
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var input = new ConsensusInput { State = "Rated", Level = 7, Confidence = "Certain", Method = "Coin toss", Version = -1 };

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Equal(
            [nameof(ConsensusInput.Confidence), nameof(ConsensusInput.Level), nameof(ConsensusInput.Method),
             nameof(ConsensusInput.Rationale), nameof(ConsensusInput.Version)],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("low", RatingConfidence.Low)]
    [InlineData("MEDIUM", RatingConfidence.Medium)]
    [InlineData(" High ", RatingConfidence.High)]
    public void Confidence_is_read_by_name_in_any_case(string text, RatingConfidence expected)
    {
        var input = Valid();
        input.Confidence = text;

        Assert.Equal(expected, input.Check(Keys, out _)!.Confidence);
    }

    [Theory]
    [InlineData("Vote", ConsensusMethod.Vote)]
    [InlineData("facilitatorjudgement", ConsensusMethod.FacilitatorJudgement)]
    public void Method_is_read_by_name_in_any_case(string text, ConsensusMethod expected)
    {
        var input = Valid();
        input.Method = text;

        Assert.Equal(expected, input.Check(Keys, out _)!.Method);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2")]
    public void Confidence_is_required_and_never_a_number(string? text)
    {
        var input = Valid();
        input.Confidence = text;

        Assert.Null(input.Check(Keys, out var errors));
        Assert.Contains(nameof(ConsensusInput.Confidence), errors.Keys);
    }
}

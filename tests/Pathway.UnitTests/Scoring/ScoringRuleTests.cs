using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Scoring;

public class ScoringRuleTests
{
    private static MechanismAnswer[] Rated(params int[] levels) => [.. levels.Select(MechanismAnswer.Rated)];

    private static BehaviourResult Score(params MechanismAnswer[] answers) =>
        ScoringRule.ScoreBehaviour(Behaviour("DS", answers));

    private static BehaviourInput Behaviour(string code, params MechanismAnswer[] answers) =>
        new(code, [.. answers.Select((answer, index) => new MechanismInput($"{code}.{index + 1}", answer))]);

    [Theory]
    [InlineData(new[] { 2, 3, 3 }, 2.7, LevelBand.Progressing)]
    [InlineData(new[] { 3, 4 }, 3.5, LevelBand.Established)]
    [InlineData(new[] { 4, 4, 4, 4 }, 4.0, LevelBand.Advanced)]
    [InlineData(new[] { 1, 1, 1 }, 1.0, LevelBand.Emerging)]
    [InlineData(new[] { 1, 2 }, 1.5, LevelBand.Emerging)]
    [InlineData(new[] { 2, 2, 2, 3 }, 2.3, LevelBand.Progressing)]
    [InlineData(new[] { 3, 3, 3, 4 }, 3.3, LevelBand.Established)]
    [InlineData(new[] { 3, 4, 4 }, 3.7, LevelBand.Established)]
    [InlineData(new[] { 1, 2, 2 }, 1.7, LevelBand.Emerging)]
    public void The_behaviour_score_is_the_mean_of_rated_levels_to_one_decimal_and_its_band_is_the_floor(int[] levels, double mean, LevelBand band)
    {
        var result = Score(Rated(levels));

        Assert.Equal(ScoreStatus.Scored, result.Status);
        Assert.Equal((decimal)mean, result.Mean);
        Assert.Equal(band, result.Band);
    }

    [Fact]
    public void A_mean_of_exactly_1_95_rounds_half_away_from_zero_to_2_0_and_reads_Progressing()
    {
        // 19 mechanisms at level 2 and one at level 1: 39 / 20 = 1.95 exactly.
        var result = Score([.. Rated(1), .. Enumerable.Repeat(MechanismAnswer.Rated(2), 19)]);

        Assert.Equal(2.0m, result.Mean);
        Assert.Equal(LevelBand.Progressing, result.Band);
    }

    [Fact]
    public void A_mean_just_under_the_rounding_point_stays_in_the_lower_band()
    {
        // 9 at level 2 and one at level 1: 19 / 10 = 1.9.
        var result = Score([.. Rated(1), .. Enumerable.Repeat(MechanismAnswer.Rated(2), 9)]);

        Assert.Equal(1.9m, result.Mean);
        Assert.Equal(LevelBand.Emerging, result.Band);
    }

    [Theory]
    [InlineData(2.65, 2.7)]
    [InlineData(2.75, 2.8)]
    [InlineData(1.95, 2.0)]
    [InlineData(2.649, 2.6)]
    [InlineData(3.05, 3.1)]
    public void Means_round_to_one_decimal_with_halves_away_from_zero(double mean, double shown)
    {
        Assert.Equal((decimal)shown, ScoringRule.RoundMean((decimal)mean));
    }

    [Theory]
    [InlineData(1.0, LevelBand.Emerging)]
    [InlineData(1.94, LevelBand.Emerging)]
    [InlineData(1.95, LevelBand.Progressing)]
    [InlineData(2.0, LevelBand.Progressing)]
    [InlineData(2.9, LevelBand.Progressing)]
    [InlineData(3.0, LevelBand.Established)]
    [InlineData(3.94, LevelBand.Established)]
    [InlineData(3.95, LevelBand.Advanced)]
    [InlineData(4.0, LevelBand.Advanced)]
    public void The_band_is_the_floor_of_the_mean_as_shown(double mean, LevelBand band)
    {
        Assert.Equal(band, ScoringRule.BandOf((decimal)mean));
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(4.1)]
    public void A_mean_outside_one_to_four_has_no_band(double mean)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringRule.BandOf((decimal)mean));
    }

    [Fact]
    public void Dont_know_is_left_out_of_the_mean_but_counted_as_an_information_gap()
    {
        var result = Score(MechanismAnswer.Rated(2), MechanismAnswer.Rated(4), MechanismAnswer.DontKnow);

        Assert.Equal(3.0m, result.Mean);
        Assert.Equal(LevelBand.Established, result.Band);
        Assert.Equal(1, result.DontKnowCount);
        Assert.Equal(1, result.InformationGaps);
        Assert.Equal(2, result.RatedCount);
        Assert.Equal(3, result.ApplicableCount);
        Assert.Equal(1m, result.Completeness);
    }

    [Fact]
    public void Insufficient_information_is_an_information_gap_like_dont_know_and_never_averaged()
    {
        var result = Score(MechanismAnswer.Rated(1), MechanismAnswer.Rated(1), MechanismAnswer.InsufficientInformation, MechanismAnswer.DontKnow);

        Assert.Equal(1.0m, result.Mean);
        Assert.Equal(1, result.InsufficientInformationCount);
        Assert.Equal(1, result.DontKnowCount);
        Assert.Equal(2, result.InformationGaps);
        Assert.Equal(1m, result.Completeness);
    }

    [Fact]
    public void Not_applicable_is_left_out_of_the_mean_the_gaps_and_the_completeness_denominator()
    {
        var result = Score(MechanismAnswer.Rated(3), MechanismAnswer.NotApplicable, MechanismAnswer.NotApplicable, MechanismAnswer.NotAssessed);

        Assert.Equal(3.0m, result.Mean);
        Assert.Equal(2, result.NotApplicableCount);
        Assert.Equal(0, result.InformationGaps);
        Assert.Equal(2, result.ApplicableCount);
        Assert.Equal(0.5m, result.Completeness);
        Assert.Equal(ScoreStatus.Scored, result.Status);
    }

    [Fact]
    public void Not_assessed_lowers_completeness_and_counts_as_applicable()
    {
        var result = Score(MechanismAnswer.Rated(2), MechanismAnswer.Rated(3), MechanismAnswer.DontKnow, MechanismAnswer.NotAssessed);

        Assert.Equal(1, result.NotAssessedCount);
        Assert.Equal(4, result.ApplicableCount);
        Assert.Equal(0.75m, result.Completeness);
    }

    [Fact]
    public void Fewer_than_half_rated_gives_insufficient_information_with_the_mean_kept_and_flagged()
    {
        var result = Score(MechanismAnswer.Rated(4), MechanismAnswer.DontKnow, MechanismAnswer.InsufficientInformation, MechanismAnswer.NotAssessed, MechanismAnswer.NotAssessed);

        Assert.Equal(ScoreStatus.InsufficientInformation, result.Status);
        Assert.Null(result.Band);
        Assert.Equal(4.0m, result.Mean);
        Assert.True(result.MeanIsFlagged);
        Assert.Equal(0.6m, result.Completeness);
    }

    [Theory]
    [InlineData(2, 4, ScoreStatus.Scored)]
    [InlineData(1, 4, ScoreStatus.InsufficientInformation)]
    [InlineData(3, 5, ScoreStatus.Scored)]
    [InlineData(2, 5, ScoreStatus.InsufficientInformation)]
    [InlineData(1, 1, ScoreStatus.Scored)]
    [InlineData(1, 2, ScoreStatus.Scored)]
    [InlineData(0, 3, ScoreStatus.InsufficientInformation)]
    public void Exactly_half_of_the_applicable_mechanisms_rated_is_enough_for_a_band(int rated, int applicable, ScoreStatus status)
    {
        var answers = Enumerable.Repeat(MechanismAnswer.Rated(3), rated)
            .Concat(Enumerable.Repeat(MechanismAnswer.DontKnow, applicable - rated))
            .Append(MechanismAnswer.NotApplicable);

        var result = Score([.. answers]);

        Assert.Equal(status, result.Status);
        Assert.Equal(status == ScoreStatus.Scored, result.Band is not null);
    }

    [Fact]
    public void Not_applicable_mechanisms_do_not_count_towards_the_half_rule()
    {
        // One of two applicable mechanisms is rated: half, so a band, however many are not applicable.
        var result = Score(MechanismAnswer.Rated(2), MechanismAnswer.NotAssessed, MechanismAnswer.NotApplicable, MechanismAnswer.NotApplicable, MechanismAnswer.NotApplicable);

        Assert.Equal(ScoreStatus.Scored, result.Status);
        Assert.Equal(LevelBand.Progressing, result.Band);
    }

    [Fact]
    public void A_behaviour_with_only_gaps_has_no_mean_and_insufficient_information()
    {
        var result = Score(MechanismAnswer.DontKnow, MechanismAnswer.InsufficientInformation);

        Assert.Equal(ScoreStatus.InsufficientInformation, result.Status);
        Assert.Null(result.Mean);
        Assert.Null(result.Band);
        Assert.False(result.MeanIsFlagged);
        Assert.Equal(1m, result.Completeness);
    }

    [Fact]
    public void An_all_not_applicable_behaviour_has_no_score_no_gaps_and_no_completeness()
    {
        var result = Score(MechanismAnswer.NotApplicable, MechanismAnswer.NotApplicable);

        Assert.Equal(ScoreStatus.NotApplicable, result.Status);
        Assert.Null(result.Mean);
        Assert.Null(result.Band);
        Assert.Equal(0, result.ApplicableCount);
        Assert.Equal(0, result.InformationGaps);
        Assert.Null(result.Completeness);
    }

    [Fact]
    public void A_behaviour_without_mechanisms_has_nothing_to_score()
    {
        var result = Score();

        Assert.Equal(ScoreStatus.NotApplicable, result.Status);
        Assert.Null(result.Mean);
        Assert.Null(result.Completeness);
        Assert.Empty(result.Mechanisms);
    }

    [Fact]
    public void A_not_yet_started_behaviour_has_zero_completeness_and_insufficient_information()
    {
        var result = Score(MechanismAnswer.NotAssessed, MechanismAnswer.NotAssessed, MechanismAnswer.NotAssessed);

        Assert.Equal(0m, result.Completeness);
        Assert.Equal(ScoreStatus.InsufficientInformation, result.Status);
        Assert.Null(result.Mean);
    }

    [Fact]
    public void Each_mechanism_result_carries_its_agreed_level_and_answer_in_input_order()
    {
        var result = Score(MechanismAnswer.Rated(3), MechanismAnswer.DontKnow, MechanismAnswer.NotApplicable);

        Assert.Equal(["DS.1", "DS.2", "DS.3"], result.Mechanisms.Select(mechanism => mechanism.Code));
        Assert.Equal([3, null, null], result.Mechanisms.Select(mechanism => mechanism.Level));
        Assert.Equal(MechanismAnswer.DontKnow, result.Mechanisms[1].Answer);
    }

    [Fact]
    public void Empty_input_gives_an_empty_profile_with_no_completeness_and_no_gaps()
    {
        var profile = ScoringRule.ScoreProfile([]);

        Assert.Empty(profile.Behaviours);
        Assert.Null(profile.Completeness);
        Assert.Equal(0, profile.InformationGaps);
        Assert.Equal(ScoringRule.Version, profile.RuleVersion);
    }

    [Fact]
    public void The_profile_keeps_framework_order_even_when_it_is_not_alphabetical()
    {
        string[] order = ["DS", "AS", "BU", "ES", "NT", "FR"];

        var profile = ScoringRule.ScoreProfile(order.Select(code => Behaviour(code, MechanismAnswer.Rated(2))));

        Assert.Equal(order, profile.Behaviours.Select(behaviour => behaviour.Code));
    }

    [Fact]
    public void The_profile_has_no_overall_score_only_an_overall_completeness()
    {
        var numbers = typeof(ScoreProfile).GetProperties()
            .Where(property => property.PropertyType == typeof(decimal) || property.PropertyType == typeof(decimal?) || property.PropertyType == typeof(LevelBand?))
            .Select(property => property.Name);

        Assert.Equal([nameof(ScoreProfile.Completeness)], numbers);
    }

    [Fact]
    public void Overall_completeness_pools_the_applicable_mechanisms_of_all_behaviours()
    {
        var profile = ScoringRule.ScoreProfile(
        [
            // 3 applicable, all answered (one gap).
            Behaviour("DS", MechanismAnswer.Rated(2), MechanismAnswer.Rated(3), MechanismAnswer.DontKnow, MechanismAnswer.NotApplicable),
            // 1 applicable, not assessed.
            Behaviour("AS", MechanismAnswer.NotAssessed, MechanismAnswer.NotApplicable),
            // Nothing applicable: adds nothing.
            Behaviour("BU", MechanismAnswer.NotApplicable),
            // 2 applicable, both gaps.
            Behaviour("ES", MechanismAnswer.InsufficientInformation, MechanismAnswer.DontKnow),
        ]);

        Assert.Equal([1m, 0m, null, 1m], profile.Behaviours.Select(behaviour => behaviour.Completeness));
        // (3 + 0 + 2) answered of (3 + 1 + 2) applicable; not the mean of the behaviours' completeness.
        Assert.Equal(5m / 6m, profile.Completeness);
        Assert.Equal(3, profile.InformationGaps);
        Assert.Equal(3, profile.Coverage.NotApplicable);
        Assert.Equal(1, profile.Coverage.NotAssessed);
    }

    [Fact]
    public void The_rule_version_is_carried_by_every_behaviour_and_the_profile()
    {
        var profile = ScoringRule.ScoreProfile([Behaviour("DS", MechanismAnswer.Rated(1)), Behaviour("AS", MechanismAnswer.NotApplicable)]);

        Assert.Equal("2026.1", ScoringRule.Version);
        Assert.Equal(ScoringRule.Version, profile.RuleVersion);
        Assert.All(profile.Behaviours, behaviour => Assert.Equal(ScoringRule.Version, behaviour.RuleVersion));
    }

    [Fact]
    public void A_correction_to_a_stored_answer_changes_the_result_because_nothing_is_cached()
    {
        var answers = new Dictionary<string, MechanismAnswer> { ["DS.1"] = MechanismAnswer.Rated(1), ["DS.2"] = MechanismAnswer.Rated(2) };
        var before = ScoringRule.ScoreBehaviour(BehaviourInput.From("DS", ["DS.1", "DS.2"], answers));

        answers["DS.1"] = MechanismAnswer.Rated(3);
        var after = ScoringRule.ScoreBehaviour(BehaviourInput.From("DS", ["DS.1", "DS.2"], answers));

        Assert.Equal(1.5m, before.Mean);
        Assert.Equal(2.5m, after.Mean);
    }

    [Fact]
    public void Mechanisms_of_the_framework_without_a_stored_answer_are_not_assessed()
    {
        var input = BehaviourInput.From("BU", ["BU.1", "BU.2", "BU.3"], new Dictionary<string, MechanismAnswer> { ["BU.2"] = MechanismAnswer.Rated(4) });

        Assert.Equal([MechanismAnswer.NotAssessed, MechanismAnswer.Rated(4), MechanismAnswer.NotAssessed], input.Mechanisms.Select(mechanism => mechanism.Answer));
        Assert.Equal(1m / 3m, ScoringRule.ScoreBehaviour(input).Completeness);
    }

    [Fact]
    public void A_mechanism_given_twice_is_refused()
    {
        var input = new BehaviourInput("DS", [new("DS.1", MechanismAnswer.Rated(1)), new("DS.1", MechanismAnswer.Rated(4))]);

        var error = Assert.Throws<ArgumentException>(() => ScoringRule.ScoreBehaviour(input));
        Assert.Contains("DS.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_behaviour_given_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScoringRule.ScoreProfile([Behaviour("DS", MechanismAnswer.Rated(1)), Behaviour("DS", MechanismAnswer.Rated(2))]));
        Assert.Contains("DS", error.Message, StringComparison.Ordinal);
    }
}

using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>The pure ranking: order by score, ties by framework order, gap 0 left out, weights checked, and the parts of each score.</summary>
public class PriorityRankingTests
{
    private static PriorityCandidate Candidate(string code, int order, int gap, int impact = 3, int feasibility = 3) =>
        new(code, order, gap, impact, feasibility);

    private static List<string> Codes(IEnumerable<RankedPriority> ranked) => [.. ranked.Select(r => r.Candidate.MechanismCode)];

    [Fact]
    public void Higher_score_ranks_first_and_ranks_count_from_one()
    {
        var ranked = PriorityRanking.Rank(
            [Candidate("DS.1", 1, gap: 1), Candidate("DS.2", 2, gap: 2), Candidate("AS.1", 3, gap: 1, impact: 4)],
            PriorityWeights.Default);

        Assert.Equal(["DS.2", "AS.1", "DS.1"], Codes(ranked));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal([10, 9, 8], ranked.Select(r => r.Score));
    }

    [Fact]
    public void Equal_scores_keep_framework_order_whatever_order_they_arrive_in_and_name_each_other()
    {
        var ranked = PriorityRanking.Rank(
            [Candidate("AS.2", 7, gap: 1), Candidate("DS.3", 3, gap: 1), Candidate("DS.1", 1, gap: 2), Candidate("AS.1", 5, gap: 1)],
            PriorityWeights.Default);

        Assert.Equal(["DS.1", "DS.3", "AS.1", "AS.2"], Codes(ranked));
        Assert.Empty(ranked[0].TiedWith);
        Assert.Equal(["AS.1", "AS.2"], ranked[1].TiedWith);
        Assert.Equal(["DS.3", "AS.2"], ranked[2].TiedWith);
        Assert.Equal(["DS.3", "AS.1"], ranked[3].TiedWith);
    }

    [Fact]
    public void Mechanisms_already_at_target_are_left_out()
    {
        var ranked = PriorityRanking.Rank([Candidate("DS.1", 1, gap: 0, impact: 5, feasibility: 5), Candidate("DS.2", 2, gap: 1)], PriorityWeights.Default);

        Assert.Equal(["DS.2"], Codes(ranked));
        Assert.Equal(1, ranked[0].Rank);
    }

    [Fact]
    public void No_candidates_rank_to_an_empty_list() =>
        Assert.Empty(PriorityRanking.Rank([], PriorityWeights.Default));

    [Fact]
    public void Each_score_keeps_its_parts_value_times_weight()
    {
        var ranked = Assert.Single(PriorityRanking.Rank([Candidate("DS.1", 1, gap: 2, impact: 4, feasibility: 3)], new PriorityWeights(2, 1, 1)));

        Assert.Equal(4, ranked.GapPoints);
        Assert.Equal(4, ranked.ImpactPoints);
        Assert.Equal(3, ranked.FeasibilityPoints);
        Assert.Equal(11, ranked.Score);
    }

    [Fact]
    public void Weights_change_the_order()
    {
        PriorityCandidate[] candidates = [Candidate("DS.1", 1, gap: 3, impact: 1, feasibility: 1), Candidate("DS.2", 2, gap: 1, impact: 1, feasibility: 5)];

        Assert.Equal(["DS.1", "DS.2"], Codes(PriorityRanking.Rank(candidates, new PriorityWeights(5, 0, 0))));
        Assert.Equal(["DS.2", "DS.1"], Codes(PriorityRanking.Rank(candidates, new PriorityWeights(0, 0, 5))));
    }

    [Fact]
    public void A_zero_weight_takes_its_part_out_of_the_score()
    {
        var ranked = Assert.Single(PriorityRanking.Rank([Candidate("DS.1", 1, gap: 2, impact: 5, feasibility: 4)], new PriorityWeights(1, 0, 2)));

        Assert.Equal(0, ranked.ImpactPoints);
        Assert.Equal(10, ranked.Score);
    }

    [Fact]
    public void Lowering_feasibility_moves_a_mechanism_down()
    {
        var before = PriorityRanking.Rank([Candidate("DS.1", 1, gap: 1), Candidate("DS.2", 2, gap: 1)], PriorityWeights.Default);
        var after = PriorityRanking.Rank([Candidate("DS.1", 1, gap: 1, feasibility: 1), Candidate("DS.2", 2, gap: 1)], PriorityWeights.Default);

        Assert.Equal(["DS.1", "DS.2"], Codes(before));
        Assert.Equal(["DS.2", "DS.1"], Codes(after));
        Assert.Empty(after[0].TiedWith);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(6, 1, 1)]
    [InlineData(1, -1, 1)]
    [InlineData(1, 1, 6)]
    public void Weights_out_of_range_or_all_zero_are_refused(int gap, int impact, int feasibility)
    {
        var weights = new PriorityWeights(gap, impact, feasibility);

        Assert.False(weights.IsValid);
        Assert.Throws<ArgumentException>(() => PriorityRanking.Rank([Candidate("DS.1", 1, gap: 1)], weights));
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(5, 5, 5)]
    [InlineData(2, 1, 1)]
    public void Weights_from_0_to_5_with_one_above_0_are_valid(int gap, int impact, int feasibility) =>
        Assert.True(new PriorityWeights(gap, impact, feasibility).IsValid);
}

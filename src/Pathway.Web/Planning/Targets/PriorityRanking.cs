namespace Pathway.Web.Planning;

/// <summary>One mechanism as the ranking sees it: its place in the framework, its gap and the team's scores.</summary>
public sealed record PriorityCandidate(string MechanismCode, int FrameworkOrder, int Gap, int Impact, int Feasibility);

/// <summary>The weights a team sets (each 0–5).</summary>
public sealed record PriorityWeights(int Gap, int Impact, int Feasibility)
{
    public const int Max = 5;

    public static PriorityWeights Default { get; } = new(2, 1, 1);

    public bool IsValid => Gap is >= 0 and <= Max && Impact is >= 0 and <= Max && Feasibility is >= 0 and <= Max
        && Gap + Impact + Feasibility > 0;
}

/// <summary>
/// A ranked mechanism with the parts of its score, so a page can say why it ranks where it does:
/// score = gap × gap weight + impact × impact weight + feasibility × feasibility weight.
/// <see cref="TiedWith"/> lists the codes with the same score, ordered by the framework.
/// </summary>
public sealed record RankedPriority(
    int Rank,
    PriorityCandidate Candidate,
    int GapPoints,
    int ImpactPoints,
    int FeasibilityPoints,
    IReadOnlyList<string> TiedWith)
{
    public int Score => GapPoints + ImpactPoints + FeasibilityPoints;
}

/// <summary>Ranks the mechanisms with a gap to their target. Pure.</summary>
public static class PriorityRanking
{
    /// <summary>
    /// Mechanisms already at target (gap 0) are left out: there is nothing to do first. Higher score
    /// first; equal scores keep framework order, and each says which others it tied with. Weights out of
    /// range, or all zero (every score would tie), are refused.
    /// </summary>
    public static IReadOnlyList<RankedPriority> Rank(IEnumerable<PriorityCandidate> candidates, PriorityWeights weights)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(weights);
        if (!weights.IsValid)
        {
            throw new ArgumentException($"Each weight is 0 to {PriorityWeights.Max} and at least one is above 0; got {weights}.", nameof(weights));
        }
        var scored = candidates
            .Where(candidate => candidate.Gap > 0)
            .Select(candidate => new
            {
                Candidate = candidate,
                Gap = candidate.Gap * weights.Gap,
                Impact = candidate.Impact * weights.Impact,
                Feasibility = candidate.Feasibility * weights.Feasibility,
            })
            .Select(row => new { row.Candidate, row.Gap, row.Impact, row.Feasibility, Score = row.Gap + row.Impact + row.Feasibility })
            .OrderByDescending(row => row.Score)
            .ThenBy(row => row.Candidate.FrameworkOrder)
            .ToList();
        var byScore = scored.ToLookup(row => row.Score, row => row.Candidate.MechanismCode);
        return [.. scored.Select((row, index) => new RankedPriority(
            index + 1, row.Candidate, row.Gap, row.Impact, row.Feasibility,
            [.. byScore[row.Score].Where(code => code != row.Candidate.MechanismCode)]))];
    }
}

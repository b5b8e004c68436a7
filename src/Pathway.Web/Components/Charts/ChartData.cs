namespace Pathway.Web.Components.Charts;

/// <summary>
/// One spoke of the behaviour radar: a behaviour and its mean (null: no score yet). The optional
/// status, band and coverage fill the matching columns of the chart's table when given.
/// </summary>
public sealed record BehaviourScorePoint(string Code, string Name, decimal? Mean)
{
    /// <summary>Scored, too little information for a band, or nothing applicable; null when unknown.</summary>
    public Pathway.Web.Scoring.ScoreStatus? Status { get; init; }

    /// <summary>The level band, set only for a scored behaviour.</summary>
    public Pathway.Web.Scoring.LevelBand? Band { get; init; }

    /// <summary>How many mechanisms are rated, gaps, not applicable and not assessed; null when not shown.</summary>
    public Pathway.Web.Scoring.Coverage? Coverage { get; init; }
}

/// <summary>One row of the mechanism heat map: a behaviour's mechanisms in framework order.</summary>
public sealed record HeatMapRow(string BehaviourCode, string BehaviourName, IReadOnlyList<HeatMapCell> Cells);

/// <summary>One mechanism's agreed state and level (level only when rated).</summary>
public sealed record HeatMapCell(string MechanismCode, string MechanismName, Pathway.Web.Scoring.MechanismAnswerState State, int? Level);

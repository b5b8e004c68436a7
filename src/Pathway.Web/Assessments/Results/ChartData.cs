namespace Pathway.Web.Assessments.Results;

/// <summary>One spoke of the behaviour radar: a behaviour and its mean (null: no score yet).</summary>
public sealed record BehaviourScorePoint(string Code, string Name, decimal? Mean);

/// <summary>One row of the mechanism heat map: a behaviour's mechanisms in framework order.</summary>
public sealed record HeatMapRow(string BehaviourCode, string BehaviourName, IReadOnlyList<HeatMapCell> Cells);

/// <summary>One mechanism's agreed state and level (level only when rated).</summary>
public sealed record HeatMapCell(string MechanismCode, string MechanismName, Pathway.Web.Scoring.MechanismAnswerState State, int? Level);

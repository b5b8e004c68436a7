namespace Pathway.Web.Assessments;

/// <summary>STUB — to be written.</summary>
public sealed class ConsensusBook;

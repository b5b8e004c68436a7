namespace Pathway.Web.Assessments;

// TEMPORARY stand-in for the coordinator's foundation entity (same columns); replaced by main's file at merge.
public sealed class PublishedResult
{
    public long Id { get; init; }
    public Guid ReleaseId { get; init; }
    public Guid AssessmentId { get; init; }
    public int Revision { get; init; }
    public bool IsLatest { get; set; }
    public required string CountryIso3 { get; init; }
    public required string RegionCode { get; init; }
    public int Year { get; init; }
    public required string FrameworkVersion { get; init; }
    public required string BehaviourCode { get; init; }
    public required string MechanismCode { get; init; }
    public string? State { get; init; }
    public int? Level { get; init; }
    public decimal? BehaviourMean { get; init; }
    public string? BehaviourBand { get; init; }
    public int? BehaviourRated { get; init; }
    public int? BehaviourMechanisms { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public bool IsDemonstration { get; init; }
}

using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>Evidence rows written directly by tests, as the evidence step would write them.</summary>
public static class TestEvidence
{
    /// <summary>"The item supports this mechanism", for an item's <c>Links</c>; the item's id is filled in when it is saved.</summary>
    public static EvidenceLink Supports(Guid roundId, string country, string mechanismCode) =>
        new() { AssessmentId = roundId, CountryIso3 = country, MechanismCode = mechanismCode };
}

using System.Text.Json.Serialization;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Peers;

/// <summary>What a piece of peer evidence is; its count reads as the resource <c>Peers.Shared.{Kind}</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PeerEvidenceKind>))]
public enum PeerEvidenceKind
{
    CaseStudy,
    Resource,
    Partnership,
}

/// <summary>Something a peer country shared about a mechanism: a published case study, resource or public partnership.</summary>
public sealed record PeerEvidence(string CountryIso3, PeerEvidenceKind Kind, LocalizedText Title, string Url, bool IsDemonstration);

/// <summary>
/// The seam through which the Connector's other features show what peer countries shared ("with their case studies,
/// resources and partnerships"). Each feature registers one (<c>services.AddScoped&lt;IPeerEvidenceSource, …&gt;()</c>);
/// the peer list is built from published results alone and asks every registered source once per mechanism and
/// request. A source returns only what anyone may see (published, public), for the given countries.
/// </summary>
public interface IPeerEvidenceSource
{
    Task<IReadOnlyList<PeerEvidence>> ForAsync(string mechanismCode, IReadOnlyCollection<string> countries, CancellationToken cancellationToken);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// The recommendation catalogue file format (content/recommendations/*.json, described by
/// recommendations.schema.json). Import reads it after <see cref="CatalogueValidator"/> has accepted it;
/// export writes it back.
/// </summary>
public sealed record CatalogueDocument
{
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    public required string Version { get; init; }

    /// <summary>The framework version whose mechanisms and levels the catalogue follows.</summary>
    public required string FrameworkVersion { get; init; }

    public required LocalizedText Title { get; init; }
    public LocalizedText? Summary { get; init; }
    public bool Illustrative { get; init; }

    /// <summary>Ways to build the evidence first, for any mechanism whose level could not be agreed.</summary>
    public required IReadOnlyList<CatalogueActionDocument> EvidenceFirst { get; init; }

    public required IReadOnlyList<CatalogueMechanismDocument> Mechanisms { get; init; }

    /// <summary>The same options as framework files, so both formats read and write alike.</summary>
    public static JsonSerializerOptions JsonOptions => FrameworkDocument.JsonOptions;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static CatalogueDocument FromJson(string json) =>
        JsonSerializer.Deserialize<CatalogueDocument>(json, JsonOptions)
        ?? throw new JsonException("The catalogue file is empty.");

    /// <summary>Every action with its mechanism (null for evidence-first), in file order.</summary>
    public IEnumerable<(string? Mechanism, int? FromLevel, CatalogueActionDocument Action)> AllActions() =>
        EvidenceFirst.Select(action => ((string?)null, (int?)null, action))
            .Concat(Mechanisms.SelectMany(mechanism => mechanism.Steps.SelectMany(step =>
                step.Actions.Select(action => ((string?)mechanism.Mechanism, (int?)step.FromLevel, action)))));

    /// <summary>Hash of the content, ignoring formatting, property order and the $schema pointer.</summary>
    public string ContentHash()
    {
        var canonical = JsonSerializer.Serialize(this with { Schema = null }, JsonOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public sealed record CatalogueMechanismDocument(string Mechanism, IReadOnlyList<CatalogueStepDocument> Steps);

/// <summary>The actions that move a mechanism from <see cref="FromLevel"/> to the next level.</summary>
public sealed record CatalogueStepDocument(int FromLevel, IReadOnlyList<CatalogueActionDocument> Actions);

public sealed record CatalogueActionDocument(
    string Code,
    LocalizedText Text,
    ActionType Type,
    Effort Effort,
    int HorizonMonths,
    IReadOnlyList<LocalizedText> Capacities,
    IReadOnlyList<ContextNote> Contexts);

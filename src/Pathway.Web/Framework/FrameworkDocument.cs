using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pathway.Web.Localization;

namespace Pathway.Web.Framework;

/// <summary>
/// The framework file format (content/frameworks/*.json, described by framework.schema.json).
/// Import reads it after <see cref="FrameworkValidator"/> has accepted it; export writes it back.
/// </summary>
public sealed record FrameworkDocument
{
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    public required string Version { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Summary { get; init; }
    public FrameworkStatus Status { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? SourceUrl { get; init; }
    public bool Illustrative { get; init; }
    public LocalizedText? ChangeNotes { get; init; }
    public required IReadOnlyList<LevelDocument> Levels { get; init; }
    public required IReadOnlyList<BehaviourDocument> Behaviours { get; init; }

    /// <summary>
    /// How an earlier version's mechanisms map to this one's, declared by the newer file; null when it
    /// declares none (left out of the JSON then, so files without one keep their content hash).
    /// </summary>
    public CrosswalkDocument? Crosswalk { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static FrameworkDocument FromJson(string json) =>
        JsonSerializer.Deserialize<FrameworkDocument>(json, JsonOptions)
        ?? throw new JsonException("The framework file is empty.");

    /// <summary>
    /// The same content in one canonical shape: levels in order, absent instrument lists empty. Export
    /// writes this shape, so an exported file re-imports as unchanged.
    /// </summary>
    public FrameworkDocument Canonical() => this with
    {
        Levels = [.. Levels.OrderBy(level => level.Level)],
        Behaviours = [.. Behaviours.Select(behaviour => behaviour with
        {
            Mechanisms = [.. behaviour.Mechanisms.Select(mechanism => mechanism with
            {
                Instruments = mechanism.Instruments ?? [],
                Levels = [.. mechanism.Levels.OrderBy(level => level.Level)],
            })],
        })],
    };

    /// <summary>Hash of the canonical content, ignoring formatting, property order and the $schema pointer.</summary>
    public string ContentHash()
    {
        var canonical = JsonSerializer.Serialize(Canonical() with { Schema = null }, JsonOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The crosswalk from version <paramref name="From"/>: each old mechanism code and the codes of this file it became ([] = removed).</summary>
public sealed record CrosswalkDocument(string From, IReadOnlyList<CrosswalkEntry> Mappings);

public sealed record LevelDocument(int Level, string Code, LocalizedText Name, LocalizedText Pattern);

public sealed record BehaviourDocument(
    string Code,
    LocalizedText Name,
    LocalizedText Summary,
    LocalizedText? StewardshipFunction,
    IReadOnlyList<MechanismDocument> Mechanisms);

public sealed record MechanismDocument(
    string Code,
    LocalizedText Name,
    LocalizedText Description,
    LocalizedText? GuidingQuestion,
    IReadOnlyList<InstrumentDocument>? Instruments,
    IReadOnlyList<LevelDescriptorDocument> Levels);

public sealed record InstrumentDocument(InstrumentCategory Category, LocalizedText Name);

public sealed record LevelDescriptorDocument(int Level, LocalizedText Descriptor, IReadOnlyList<LocalizedText> EvidenceExamples);

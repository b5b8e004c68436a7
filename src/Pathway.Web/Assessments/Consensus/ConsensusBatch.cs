using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>One mechanism's agreed answer in a save of several: its code, then the fields of <see cref="ConsensusInput"/>.</summary>
public sealed class ConsensusBatchItem : ConsensusInput
{
    public string? MechanismCode { get; set; }
}

/// <summary>What happened to one mechanism of a save of several.</summary>
public enum ConsensusItemOutcome
{
    /// <summary>Written; <see cref="ConsensusItemResult.Saved"/> holds the new value and version.</summary>
    Saved,

    /// <summary>Left empty, or sent exactly as stored: nothing written, the version did not move.</summary>
    Unchanged,

    /// <summary>Someone saved first; nothing written for it, <see cref="ConsensusItemResult.Current"/> is the stored value.</summary>
    Conflict,

    /// <summary>A field was refused (or the mechanism is unknown); nothing written for it.</summary>
    Invalid,
}

/// <summary>One mechanism's result in a save of several, in the order sent.</summary>
public sealed record ConsensusItemResult(
    string MechanismCode,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ConsensusItemOutcome>))] ConsensusItemOutcome Outcome,
    AgreedRating? Saved,
    AgreedRating? Current,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The results of a save of several mechanisms, with how many were written.</summary>
public sealed record ConsensusBatchResult(int SavedCount, int NotSavedCount, IReadOnlyList<ConsensusItemResult> Results)
{
    [JsonIgnore]
    public bool AllSaved => NotSavedCount == 0;
}

/// <summary>
/// Records the agreed answers of several mechanisms in one request (a behaviour's page, or the API's list).
/// Each mechanism keeps its own concurrency version and is saved on its own: a conflict or an invalid field
/// on one is reported for that mechanism, writes nothing of it, and does not stop the others. Mechanisms
/// sent empty, or exactly as stored, are not written.
/// </summary>
public sealed class ConsensusBatch(ConsensusBook book, IStringLocalizer<SharedResource> l)
{
    /// <summary>More than a framework has mechanisms; a longer list is a mistake, not a workshop.</summary>
    public const int MaxItems = 200;

    public async Task<Outcome<ConsensusBatchResult>> SaveAsync(
        Round round, IReadOnlyList<ConsensusBatchItem>? items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanRecordConsensus)
        {
            return book.Refusal(round);
        }
        if (items is null || items.Count == 0)
        {
            return Failure.Invalid(l["Consensus.Error.Title"], "Items", l["Consensus.Batch.Error.Empty"]);
        }
        if (items.Count > MaxItems)
        {
            return Failure.Invalid(l["Consensus.Error.Title"], "Items", l["Consensus.Batch.Error.TooMany", MaxItems, items.Count]);
        }
        var duplicates = items.Where(item => item is not null)
            .GroupBy(item => item.MechanismCode?.Trim() ?? "", StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (duplicates.Count > 0)
        {
            return Failure.Invalid(l["Consensus.Error.Title"], "Items", l["Consensus.Batch.Error.Duplicate", string.Join(", ", duplicates)]);
        }
        var tree = round.Framework;
        var known = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select(mechanism => mechanism.Code).ToList();
        var stored = (await book.ConsensusAsync(round, cancellationToken)).Value ?? new Dictionary<string, AgreedRating>();

        var results = new List<ConsensusItemResult>(items.Count);
        foreach (var item in items)
        {
            results.Add(await SaveOneAsync(round, item ?? new ConsensusBatchItem(), known, stored, cancellationToken));
        }
        var saved = results.Count(result => result.Outcome == ConsensusItemOutcome.Saved);
        var notSaved = results.Count(result => result.Outcome is ConsensusItemOutcome.Conflict or ConsensusItemOutcome.Invalid);
        return new ConsensusBatchResult(saved, notSaved, results);
    }

    private async Task<ConsensusItemResult> SaveOneAsync(
        Round round, ConsensusBatchItem item, List<string> known, IReadOnlyDictionary<string, AgreedRating> stored,
        CancellationToken cancellationToken)
    {
        var sent = item.MechanismCode?.Trim() ?? "";
        var code = known.FirstOrDefault(candidate => string.Equals(candidate, sent, StringComparison.OrdinalIgnoreCase));
        if (code is null)
        {
            var detail = l["Round.UnknownMechanism", sent, round.FrameworkVersion, known.FirstOrDefault() ?? ""];
            return new(sent, ConsensusItemOutcome.Invalid, null, null, detail,
                new Dictionary<string, string[]> { [nameof(ConsensusBatchItem.MechanismCode)] = [detail] });
        }
        var current = stored.GetValueOrDefault(code);
        if (item.IsEmpty || (current is not null && Same(item, current)))
        {
            return new(code, ConsensusItemOutcome.Unchanged, null, current, null, null);
        }
        var outcome = await book.SaveAsync(round, code, item, cancellationToken);
        if (outcome.Succeeded)
        {
            return new(code, ConsensusItemOutcome.Saved, outcome.Value, null, null, null);
        }
        var failure = outcome.Failure!;
        return failure.Kind == FailureKind.Conflict
            ? new(code, ConsensusItemOutcome.Conflict, null, failure.Current as AgreedRating, failure.Detail, null)
            : new(code, ConsensusItemOutcome.Invalid, null, null, failure.Detail, failure.Errors);
    }

    /// <summary>Sent back exactly as stored, at the stored version (a form of several redraws every stored answer).</summary>
    private static bool Same(ConsensusInput input, AgreedRating stored)
    {
        var state = ConsensusInput.ParseName<Scoring.MechanismAnswerState>(input.State)
            ?? (input.Level is null ? null : Scoring.MechanismAnswerState.Rated);
        return input.Version == stored.Version
            && state == stored.State
            && input.Level == stored.Level
            && string.Equals(Lines(input.Rationale), Lines(stored.Rationale), StringComparison.Ordinal)
            && ConsensusInput.ParseName<RatingConfidence>(input.Confidence) == stored.Confidence
            && ConsensusInput.ParseName<ConsensusMethod>(input.Method) == stored.Method
            && string.Equals(Lines(input.DissentNotes), Lines(stored.DissentNotes), StringComparison.Ordinal);
    }

    /// <summary>A text as compared: trimmed, empty as none, and a browser's CRLF read as LF.</summary>
    private static string? Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
}

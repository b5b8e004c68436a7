using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.Web.Framework;

public enum ImportStatus
{
    Imported,
    Replaced,
    Unchanged,
    Refused,
}

public sealed record ImportOutcome(ImportStatus Status, string? Version, IReadOnlyList<FrameworkProblem> Problems)
{
    public bool Succeeded => Status != ImportStatus.Refused;

    public static ImportOutcome Refused(string? version, params FrameworkProblem[] problems) =>
        new(ImportStatus.Refused, version, problems);
}

/// <summary>
/// Imports and exports framework versions. An import is all or nothing: the whole file is
/// validated first, then written in one transaction. A version that an assessment uses is
/// immutable: the same version number with different content is refused.
/// </summary>
public sealed class FrameworkImporter(
    PathwayDb db, IEnumerable<IFrameworkPins> pins, IEnumerable<IFrameworkContentListener> listeners, TimeProvider clock, ILogger<FrameworkImporter> logger)
{
    public async Task<ImportOutcome> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        var (document, problems) = FrameworkValidator.Parse(json);
        if (document is null)
        {
            return new(ImportStatus.Refused, null, problems);
        }

        if (await CrosswalkProblemsAsync(document, cancellationToken) is { Count: > 0 } crosswalkProblems)
        {
            return new(ImportStatus.Refused, document.Version, crosswalkProblems);
        }

        var hash = document.ContentHash();
        var existing = await db.FrameworkVersions.SingleOrDefaultAsync(v => v.Version == document.Version, cancellationToken);
        if (existing is not null && existing.ContentHash == hash)
        {
            return new(ImportStatus.Unchanged, document.Version, []);
        }
        if (existing is not null && await IsInUseAsync(existing.Id, cancellationToken))
        {
            return ImportOutcome.Refused(document.Version, new FrameworkProblem("$.version",
                $"version '{document.Version}' is already used by an assessment and cannot change; import the new content under a new version number."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is not null)
        {
            // Mechanisms point at their version twice (directly and through their behaviour); PostgreSQL
            // checks the direct key before the cascade through behaviours has run, so they go first.
            await db.Mechanisms.Where(mechanism => mechanism.FrameworkVersionId == existing.Id).ExecuteDeleteAsync(cancellationToken);
            db.FrameworkVersions.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }
        var version = ToEntity(document, hash, clock.GetUtcNow());
        foreach (var mechanism in version.Behaviours.SelectMany(behaviour => behaviour.Mechanisms))
        {
            mechanism.FrameworkVersion = version;
        }
        db.FrameworkVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Framework version {Version} imported ({Hash})", document.Version, hash);
        foreach (var listener in listeners)
        {
            await listener.ContentImportedAsync(cancellationToken);
        }
        return new(existing is null ? ImportStatus.Imported : ImportStatus.Replaced, document.Version, []);
    }

    /// <summary>
    /// A crosswalk's old codes checked against the earlier version when it is stored (it may be imported
    /// later, and is then trusted as declared): a mistyped code would otherwise leave a mechanism
    /// silently out of every comparison.
    /// </summary>
    private async Task<List<FrameworkProblem>> CrosswalkProblemsAsync(FrameworkDocument document, CancellationToken cancellationToken)
    {
        if (document.Crosswalk is not { } crosswalk)
        {
            return [];
        }
        var earlier = await db.FrameworkVersions.AsNoTracking().Where(version => version.Version == crosswalk.From)
            .Select(version => (int?)version.Id).SingleOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return [];
        }
        var codes = await db.Mechanisms.AsNoTracking().Where(mechanism => mechanism.FrameworkVersionId == earlier)
            .Select(mechanism => mechanism.Code).ToListAsync(cancellationToken);
        return [.. crosswalk.Mappings
            .Select((mapping, index) => (mapping.From, index))
            .Where(mapping => !codes.Contains(mapping.From, StringComparer.Ordinal))
            .Select(mapping => new FrameworkProblem($"$.crosswalk.mappings[{mapping.index}].from",
                $"'{mapping.From}' is not a mechanism of version '{crosswalk.From}'."))];
    }

    /// <summary>Whether anything (an assessment round, in any country) is pinned to the version.</summary>
    public async Task<bool> IsInUseAsync(int versionId, CancellationToken cancellationToken = default)
    {
        foreach (var pin in pins)
        {
            if (await pin.AnyAsync(versionId, cancellationToken))
            {
                return true;
            }
        }
        return false;
    }

    public async Task<FrameworkDocument?> ExportAsync(string version, CancellationToken cancellationToken = default)
    {
        var entity = await db.FrameworkVersions.LoadTreeAsync(version, cancellationToken);
        return entity is null ? null : ToDocument(entity);
    }

    private static FrameworkVersion ToEntity(FrameworkDocument document, string hash, DateTimeOffset now) => new()
    {
        Version = document.Version,
        Title = document.Title,
        Summary = document.Summary,
        ChangeNotes = document.ChangeNotes,
        Status = document.Status,
        PublishedOn = document.PublishedOn,
        SourceUrl = document.SourceUrl,
        Illustrative = document.Illustrative,
        ContentHash = hash,
        ImportedAt = now,
        CrosswalkFrom = document.Crosswalk?.From,
        Crosswalk = [.. document.Crosswalk?.Mappings ?? []],
        Levels = [.. document.Levels.Select(level => new LevelDefinition
        {
            Level = level.Level,
            Code = level.Code,
            Name = level.Name,
            Pattern = level.Pattern,
        })],
        Behaviours = [.. document.Behaviours.Select((behaviour, order) => new Behaviour
        {
            Code = behaviour.Code,
            DisplayOrder = order + 1,
            Name = behaviour.Name,
            Summary = behaviour.Summary,
            StewardshipFunction = behaviour.StewardshipFunction,
            Mechanisms = [.. behaviour.Mechanisms.Select((mechanism, position) => new Mechanism
            {
                Code = mechanism.Code,
                DisplayOrder = position + 1,
                Name = mechanism.Name,
                Description = mechanism.Description,
                GuidingQuestion = mechanism.GuidingQuestion,
                Instruments = [.. (mechanism.Instruments ?? []).Select(instrument => new Instrument(instrument.Category, instrument.Name))],
                Levels = [.. mechanism.Levels.OrderBy(level => level.Level).Select(level => new LevelDescriptor
                {
                    Level = level.Level,
                    Descriptor = level.Descriptor,
                    EvidenceExamples = [.. level.EvidenceExamples],
                })],
            })],
        })],
    };

    public static FrameworkDocument ToDocument(FrameworkVersion version) => new()
    {
        Schema = "./framework.schema.json",
        Version = version.Version,
        Title = version.Title,
        Summary = version.Summary,
        Status = version.Status,
        PublishedOn = version.PublishedOn,
        SourceUrl = version.SourceUrl,
        Illustrative = version.Illustrative,
        ChangeNotes = version.ChangeNotes,
        Crosswalk = version.CrosswalkFrom is null ? null : new CrosswalkDocument(version.CrosswalkFrom, version.Crosswalk),
        Levels = [.. version.Levels.OrderBy(level => level.Level)
            .Select(level => new LevelDocument(level.Level, level.Code, level.Name, level.Pattern))],
        Behaviours = [.. version.Behaviours.OrderBy(behaviour => behaviour.DisplayOrder)
            .Select(behaviour => new BehaviourDocument(
                behaviour.Code, behaviour.Name, behaviour.Summary, behaviour.StewardshipFunction,
                [.. behaviour.Mechanisms.OrderBy(mechanism => mechanism.DisplayOrder)
                    .Select(mechanism => new MechanismDocument(
                        mechanism.Code, mechanism.Name, mechanism.Description, mechanism.GuidingQuestion,
                        [.. mechanism.Instruments.Select(instrument => new InstrumentDocument(instrument.Category, instrument.Name))],
                        [.. mechanism.Levels.OrderBy(level => level.Level)
                            .Select(level => new LevelDescriptorDocument(level.Level, level.Descriptor, level.EvidenceExamples))]))]))],
    };
}

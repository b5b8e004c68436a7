using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Framework;

public sealed record VersionSummary(
    string Version, LocalizedText Title, FrameworkStatus Status, DateOnly? PublishedOn,
    bool Illustrative, DateTimeOffset ImportedAt, int BehaviourCount, int MechanismCount);

public sealed record LevelView(int Level, string Code, LocalizedText Name, LocalizedText Pattern);

public sealed record DescriptorView(int Level, LocalizedText Descriptor, IReadOnlyList<LocalizedText> EvidenceExamples);

public sealed record MechanismView(
    string Code, LocalizedText Name, LocalizedText Description, LocalizedText? GuidingQuestion,
    IReadOnlyList<Instrument> Instruments, IReadOnlyList<DescriptorView> Levels);

public sealed record BehaviourView(
    string Code, LocalizedText Name, LocalizedText Summary, LocalizedText? StewardshipFunction,
    IReadOnlyList<MechanismView> Mechanisms);

public sealed record FrameworkTree(VersionSummary Version, IReadOnlyList<LevelView> Levels, IReadOnlyList<BehaviourView> Behaviours);

/// <summary>Read side of the framework, shared by the browser pages and the API.</summary>
public sealed class FrameworkReader(PathwayDb db, FrameworkTreeCache cache)
{
    public Task<List<VersionSummary>> VersionsAsync(CancellationToken cancellationToken = default) =>
        db.FrameworkVersions.AsNoTracking()
            .OrderByDescending(version => version.Id)
            .Select(version => new VersionSummary(
                version.Version, version.Title, version.Status, version.PublishedOn, version.Illustrative, version.ImportedAt,
                version.Behaviours.Count, version.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Count()))
            .ToListAsync(cancellationToken);

    /// <summary>The newest published version, else the newest of any status.</summary>
    public async Task<string?> CurrentVersionAsync(CancellationToken cancellationToken = default) =>
        await db.FrameworkVersions.AsNoTracking()
            .OrderByDescending(version => version.Status == FrameworkStatus.Published)
            .ThenByDescending(version => version.Id)
            .Select(version => version.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The tree of a version whose row id and content hash the caller already read in its own query
    /// (an assessment round carries them): no extra database round trip when the tree is cached.
    /// </summary>
    public Task<FrameworkTree?> TreeAsync(int versionId, string contentHash, string version, CancellationToken cancellationToken = default) =>
        cache.TryGet(versionId, contentHash, out var cached)
            ? Task.FromResult<FrameworkTree?>(cached)
            : TreeAsync(version, cancellationToken);

    /// <summary>The whole tree of one version, ready for pages and the API; parsed once per version and content.</summary>
    public async Task<FrameworkTree?> TreeAsync(string version, CancellationToken cancellationToken = default)
    {
        var key = await db.FrameworkVersions.AsNoTracking()
            .Where(v => v.Version == version)
            .Select(v => new { v.Id, v.ContentHash })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }
        if (cache.TryGet(key.Id, key.ContentHash, out var cached))
        {
            return cached;
        }
        var entity = await db.FrameworkVersions.LoadTreeAsync(version, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var behaviours = entity.Behaviours.OrderBy(b => b.DisplayOrder)
            .Select(b => new BehaviourView(b.Code, b.Name, b.Summary, b.StewardshipFunction,
                [.. b.Mechanisms.OrderBy(m => m.DisplayOrder).Select(m => new MechanismView(
                    m.Code, m.Name, m.Description, m.GuidingQuestion, m.Instruments,
                    [.. m.Levels.OrderBy(l => l.Level).Select(l => new DescriptorView(l.Level, l.Descriptor, l.EvidenceExamples))]))]))
            .ToList();
        var summary = new VersionSummary(entity.Version, entity.Title, entity.Status, entity.PublishedOn, entity.Illustrative,
            entity.ImportedAt, behaviours.Count, behaviours.Sum(b => b.Mechanisms.Count));
        var levels = entity.Levels.OrderBy(l => l.Level).Select(l => new LevelView(l.Level, l.Code, l.Name, l.Pattern)).ToList();
        var tree = new FrameworkTree(summary, levels, behaviours);
        cache.Set(entity.Id, entity.ContentHash, tree);
        return tree;
    }
}

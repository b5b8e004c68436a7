using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>One imported catalogue version as listed on the admin page and by the API.</summary>
public sealed record CatalogueSummary(
    string Version, string FrameworkVersion, LocalizedText Title, LocalizedText? Summary, bool Illustrative,
    DateTimeOffset ImportedAt, int MechanismCount, int ActionCount);

/// <summary>A catalogue action as read, shared read-only between requests.</summary>
public sealed record CatalogueAction(
    string Code,
    string? MechanismCode,
    int? FromLevel,
    LocalizedText Text,
    ActionType Type,
    Effort Effort,
    int HorizonMonths,
    IReadOnlyList<LocalizedText> Capacities,
    IReadOnlyList<ContextNote> Contexts);

/// <summary>A parsed catalogue version: its actions in file order, found by mechanism and step or by code.</summary>
public sealed class CatalogueIndex
{
    private readonly Dictionary<(string Mechanism, int FromLevel), IReadOnlyList<CatalogueAction>> steps;
    private readonly Dictionary<string, CatalogueAction> byCode;

    public CatalogueIndex(CatalogueSummary summary, IReadOnlyList<CatalogueAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        Summary = summary;
        Actions = actions;
        EvidenceFirst = [.. actions.Where(action => action.MechanismCode is null)];
        Mechanisms = [.. actions.Select(action => action.MechanismCode).OfType<string>().Distinct(StringComparer.Ordinal)];
        steps = actions.Where(action => action.MechanismCode is not null && action.FromLevel is not null)
            .GroupBy(action => (action.MechanismCode!, action.FromLevel!.Value))
            .ToDictionary(group => group.Key, IReadOnlyList<CatalogueAction> (group) => [.. group]);
        byCode = actions.ToDictionary(action => action.Code, StringComparer.Ordinal);
    }

    public CatalogueSummary Summary { get; }

    /// <summary>Every action in file order: evidence first, then mechanism by mechanism, step by step.</summary>
    public IReadOnlyList<CatalogueAction> Actions { get; }

    public IReadOnlyList<CatalogueAction> EvidenceFirst { get; }

    /// <summary>The mechanism codes in file (framework) order.</summary>
    public IReadOnlyList<string> Mechanisms { get; }

    /// <summary>The actions that move <paramref name="mechanism"/> up from <paramref name="fromLevel"/>; empty when the catalogue has none.</summary>
    public IReadOnlyList<CatalogueAction> Step(string mechanism, int fromLevel) =>
        steps.GetValueOrDefault((mechanism, fromLevel)) ?? [];

    public CatalogueAction? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>The version as a catalogue file (all languages); importing it again changes nothing.</summary>
    public CatalogueDocument ToDocument() => new()
    {
        Schema = "./recommendations.schema.json",
        Version = Summary.Version,
        FrameworkVersion = Summary.FrameworkVersion,
        Title = Summary.Title,
        Summary = Summary.Summary,
        Illustrative = Summary.Illustrative,
        EvidenceFirst = [.. EvidenceFirst.Select(ToDocument)],
        Mechanisms = [.. Mechanisms.Select(mechanism => new CatalogueMechanismDocument(mechanism,
            [.. Actions.Where(action => action.MechanismCode == mechanism)
                .Select(action => action.FromLevel!.Value).Distinct()
                .Select(level => new CatalogueStepDocument(level, [.. Step(mechanism, level).Select(ToDocument)]))]))],
    };

    private static CatalogueActionDocument ToDocument(CatalogueAction action) => new(
        action.Code, action.Text, action.Type, action.Effort, action.HorizonMonths, action.Capacities, action.Contexts);
}

/// <summary>
/// Catalogues already read and parsed, shared by all requests (like the framework tree cache). Every use
/// first reads the catalogue's row id and content hash, so a catalogue imported on another server is
/// never missed; catalogue versions never change, and the hash guards against a database reset under a
/// running server.
/// </summary>
public sealed class CatalogueCache
{
    private readonly ConcurrentDictionary<int, (string ContentHash, CatalogueIndex Index)> catalogues = new();

    public bool TryGet(int id, string contentHash, out CatalogueIndex index)
    {
        if (catalogues.TryGetValue(id, out var entry) && entry.ContentHash == contentHash)
        {
            index = entry.Index;
            return true;
        }
        index = default!;
        return false;
    }

    public void Set(int id, string contentHash, CatalogueIndex index) => catalogues[id] = (contentHash, index);
}

/// <summary>Read side of the recommendation catalogues, shared by the admin page, the API and <see cref="Recommender"/>.</summary>
public sealed class CatalogueReader(PathwayDb db, CatalogueCache cache)
{
    /// <summary>Every imported version, newest first.</summary>
    public Task<List<CatalogueSummary>> VersionsAsync(CancellationToken cancellationToken = default) =>
        db.RecommendationCatalogues.AsNoTracking()
            .OrderByDescending(catalogue => catalogue.Id)
            .Select(catalogue => new CatalogueSummary(
                catalogue.Version, catalogue.FrameworkVersion, catalogue.Title, catalogue.Summary, catalogue.Illustrative, catalogue.ImportedAt,
                catalogue.Recommendations.Where(action => action.MechanismCode != null).Select(action => action.MechanismCode).Distinct().Count(),
                catalogue.Recommendations.Count))
            .ToListAsync(cancellationToken);

    /// <summary>One version by its number; null if it was never imported.</summary>
    public async Task<CatalogueIndex?> ByVersionAsync(string version, CancellationToken cancellationToken = default)
    {
        var key = await db.RecommendationCatalogues.AsNoTracking()
            .Where(catalogue => catalogue.Version == version)
            .Select(catalogue => new { catalogue.Id, catalogue.ContentHash })
            .SingleOrDefaultAsync(cancellationToken);
        return key is null ? null : await LoadAsync(key.Id, key.ContentHash, cancellationToken);
    }

    /// <summary>The newest catalogue written for a framework version; null when there is none.</summary>
    public async Task<CatalogueIndex?> ForFrameworkAsync(string frameworkVersion, CancellationToken cancellationToken = default)
    {
        var key = await db.RecommendationCatalogues.AsNoTracking()
            .Where(catalogue => catalogue.FrameworkVersion == frameworkVersion)
            .OrderByDescending(catalogue => catalogue.Id)
            .Select(catalogue => new { catalogue.Id, catalogue.ContentHash })
            .FirstOrDefaultAsync(cancellationToken);
        return key is null ? null : await LoadAsync(key.Id, key.ContentHash, cancellationToken);
    }

    private async Task<CatalogueIndex?> LoadAsync(int id, string contentHash, CancellationToken cancellationToken)
    {
        if (cache.TryGet(id, contentHash, out var cached))
        {
            return cached;
        }
        var catalogue = await db.RecommendationCatalogues.AsNoTracking()
            .Include(entity => entity.Recommendations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(entity => entity.Id == id, cancellationToken);
        if (catalogue is null)
        {
            return null;
        }
        var actions = catalogue.Recommendations.OrderBy(action => action.DisplayOrder)
            .Select(action => new CatalogueAction(
                action.Code, action.MechanismCode, action.FromLevel, action.Text, action.Type, action.Effort,
                action.HorizonMonths, [.. action.Capacities], [.. action.Contexts]))
            .ToList();
        var summary = new CatalogueSummary(
            catalogue.Version, catalogue.FrameworkVersion, catalogue.Title, catalogue.Summary, catalogue.Illustrative, catalogue.ImportedAt,
            actions.Select(action => action.MechanismCode).OfType<string>().Distinct(StringComparer.Ordinal).Count(), actions.Count);
        var index = new CatalogueIndex(summary, actions);
        cache.Set(catalogue.Id, catalogue.ContentHash, index);
        return index;
    }
}

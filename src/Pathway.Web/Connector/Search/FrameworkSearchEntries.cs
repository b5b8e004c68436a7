using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Planning;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// Keeps the framework's and the catalogue's text in the search index: one entry per mechanism of the current
/// framework version (the newest published one) and one per recommendation of its newest catalogue. Re-staged when
/// either is imported (<see cref="IFrameworkContentListener"/>), at start when the index lacks them
/// (<see cref="IStartupSeed"/>: the keys are compared first, so an index already up to date costs two small queries),
/// and by the <c>search reindex</c> command.
/// </summary>
public sealed class FrameworkSearchEntries(PathwayDb db, FrameworkReader framework, SearchIndex index, ILogger<FrameworkSearchEntries> logger)
    : IFrameworkContentListener, IStartupSeed
{
    private static readonly SearchKind[] Kinds = [SearchKind.Mechanism, SearchKind.Recommendation];

    /// <summary>After the framework and the catalogue seeds.</summary>
    public int Order => 40;

    public async Task SeedAsync(string contentDirectory, CancellationToken cancellationToken)
    {
        if (!await IsCurrentAsync(cancellationToken))
        {
            await SyncAsync(cancellationToken);
        }
    }

    public Task ContentImportedAsync(CancellationToken cancellationToken) => SyncAsync(cancellationToken);

    /// <summary>Stages every mechanism and recommendation and removes entries of neither; saves only what changed. Returns how many changed.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        var documents = await DocumentsAsync(cancellationToken);
        var stored = await db.SearchEntries.Where(entry => Kinds.Contains(entry.Kind)).ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            await index.Stage(document, cancellationToken);
        }
        var keep = documents.Select(document => (document.Kind, document.Key)).ToHashSet();
        db.SearchEntries.RemoveRange(stored.Where(entry => !keep.Contains((entry.Kind, entry.Key))));
        var changed = db.ChangeTracker.Entries<SearchEntry>().Count(entry => entry.State != EntityState.Unchanged);
        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Search index: {Count} framework and catalogue entries staged or removed", changed);
        }
        return changed;
    }

    /// <summary>Whether the index holds exactly the current version's mechanisms and catalogue's recommendations (by key).</summary>
    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        var expected = new HashSet<(SearchKind, string)>();
        if (await framework.CurrentVersionAsync(cancellationToken) is { } version)
        {
            var mechanisms = await db.Mechanisms.AsNoTracking().Where(m => m.FrameworkVersion!.Version == version).Select(m => m.Code).ToListAsync(cancellationToken);
            expected.UnionWith(mechanisms.Select(code => (SearchKind.Mechanism, MechanismKey(version, code))));
            if (await NewestCatalogueAsync(version, cancellationToken) is { } catalogue)
            {
                var codes = await db.Recommendations.AsNoTracking().Where(r => r.CatalogueId == catalogue.Id).Select(r => r.Code).ToListAsync(cancellationToken);
                expected.UnionWith(codes.Select(code => (SearchKind.Recommendation, RecommendationKey(catalogue.Version, code))));
            }
        }
        var stored = await db.SearchEntries.AsNoTracking().Where(entry => Kinds.Contains(entry.Kind))
            .Select(entry => new { entry.Kind, entry.Key }).ToListAsync(cancellationToken);
        return stored.Count == expected.Count && stored.All(entry => expected.Contains((entry.Kind, entry.Key)));
    }

    private Task<CatalogueKey?> NewestCatalogueAsync(string version, CancellationToken cancellationToken) =>
        db.RecommendationCatalogues.AsNoTracking().Where(c => c.FrameworkVersion == version)
            .OrderByDescending(c => c.Id).Select(c => new CatalogueKey(c.Id, c.Version)).FirstOrDefaultAsync(cancellationToken);

    private sealed record CatalogueKey(int Id, string Version);

    private async Task<List<SearchDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        if (await framework.CurrentVersionAsync(cancellationToken) is not { } version
            || await framework.TreeAsync(version, cancellationToken) is not { } tree)
        {
            return [];
        }
        var documents = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism => MechanismDocument(version, behaviour, mechanism))).ToList();
        if (await NewestCatalogueAsync(version, cancellationToken) is { } key)
        {
            var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.CatalogueId == key.Id).ToListAsync(cancellationToken);
            var catalogueTitle = await db.RecommendationCatalogues.AsNoTracking().Where(c => c.Id == key.Id).Select(c => c.Title).SingleAsync(cancellationToken);
            documents.AddRange(recommendations.Select(recommendation => RecommendationDocument(version, key.Version, catalogueTitle, tree, recommendation)));
        }
        return documents;
    }

    public static string MechanismKey(string version, string code) => $"{version}/{code}";

    public static string RecommendationKey(string catalogueVersion, string code) => $"{catalogueVersion}/{code}";

    private static string MechanismUrl(string version, string behaviour, string mechanism) =>
        $"/framework/{Uri.EscapeDataString(version)}/{Uri.EscapeDataString(behaviour)}/{Uri.EscapeDataString(mechanism)}";

    private static SearchDocument MechanismDocument(string version, BehaviourView behaviour, MechanismView mechanism)
    {
        var body = Join(
            AllLanguages(behaviour.Name),
            mechanism.GuidingQuestion is null ? "" : AllLanguages(mechanism.GuidingQuestion),
            Join([.. mechanism.Instruments.Select(instrument => AllLanguages(instrument.Name))]),
            Join([.. mechanism.Levels.Select(level => Join(AllLanguages(level.Descriptor), Join([.. level.EvidenceExamples.Select(AllLanguages)])))]));
        List<ContentTag> tags =
        [
            new(TagFacet.Behaviour, behaviour.Code),
            new(TagFacet.Mechanism, mechanism.Code),
            .. mechanism.Instruments.Select(instrument => new ContentTag(TagFacet.Instrument, instrument.Category.ToString())).Distinct(),
        ];
        return new SearchDocument(
            SearchKind.Mechanism, MechanismKey(version, mechanism.Code), Prefixed(mechanism.Code, mechanism.Name), mechanism.Description, body,
            MechanismUrl(version, behaviour.Code, mechanism.Code), null, SearchAudience.Public, tags);
    }

    private static SearchDocument RecommendationDocument(string version, string catalogueVersion, LocalizedText catalogueTitle, FrameworkTree tree, Recommendation recommendation)
    {
        var owner = tree.Behaviours.SelectMany(b => b.Mechanisms.Select(m => (Behaviour: b, Mechanism: m)))
            .FirstOrDefault(pair => pair.Mechanism.Code == recommendation.MechanismCode);
        var body = Join(
            Join([.. recommendation.Capacities.Select(AllLanguages)]),
            Join([.. recommendation.Contexts.Select(context => AllLanguages(context.Note))]));
        if (owner.Mechanism is null)
        {
            // An evidence-first action fits any mechanism: it leads to the framework as a whole.
            return new SearchDocument(
                SearchKind.Recommendation, RecommendationKey(catalogueVersion, recommendation.Code), catalogueTitle, recommendation.Text, body,
                $"/framework/{Uri.EscapeDataString(version)}", null, SearchAudience.Public, []);
        }
        var from = tree.Levels.FirstOrDefault(level => level.Level == recommendation.FromLevel);
        var to = tree.Levels.FirstOrDefault(level => level.Level == recommendation.FromLevel + 1);
        var title = new LocalizedText(owner.Mechanism.Name.Values.Select(name => new KeyValuePair<string, string>(name.Key,
            from is null || to is null
                ? $"{owner.Mechanism.Code} – {name.Value}"
                : $"{owner.Mechanism.Code} – {name.Value}: {from.Name.In(name.Key)} → {to.Name.In(name.Key)}")));
        return new SearchDocument(
            SearchKind.Recommendation, RecommendationKey(catalogueVersion, recommendation.Code), title, recommendation.Text, body,
            MechanismUrl(version, owner.Behaviour.Code, owner.Mechanism.Code), null, SearchAudience.Public,
            [new(TagFacet.Behaviour, owner.Behaviour.Code), new(TagFacet.Mechanism, owner.Mechanism.Code)]);
    }

    private static LocalizedText Prefixed(string code, LocalizedText name) =>
        new(name.Values.Select(pair => new KeyValuePair<string, string>(pair.Key, $"{code} – {pair.Value}")));

    private static string AllLanguages(LocalizedText text) => string.Join(' ', text.Values.Values);

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(part => part.Length > 0));
}

using Pathway.Web.Connector.Search;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Resources;

/// <summary>How a resource is found: its search document, staged public once published and removed otherwise.</summary>
public static class ResourceSearch
{
    public static string Url(Guid id) => $"/resources/{id}";

    public static SearchDocument Document(Resource resource, string? publisher)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var summary = new LocalizedText(resource.Summary.Values.Select(pair =>
            new KeyValuePair<string, string>(pair.Key, TextRules.Truncate(RichText.ToPlainText(pair.Value), 300))));
        var body = string.Join(' ', new[] { publisher, resource.Licence, resource.Type.ToString() }
            .Concat(resource.Tags.Select(tag => tag.Value)).OfType<string>());
        return new SearchDocument(
            SearchKind.Resource, resource.Id.ToString(), resource.Title, summary, body, Url(resource.Id), null, SearchAudience.Public,
            [.. resource.Tags.Select(tag => new ContentTag(tag.Facet, tag.Value))], resource.Year);
    }

    public static Task StageAsync(SearchIndex search, Resource resource, string? publisher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(resource);
        return resource.State == ModerationState.Published
            ? search.Stage(Document(resource, publisher), cancellationToken)
            : search.StageRemoval(SearchKind.Resource, resource.Id.ToString(), cancellationToken);
    }
}

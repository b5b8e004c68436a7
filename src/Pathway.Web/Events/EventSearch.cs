using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>
/// Keeps an event's search entry in step with it, staged in the same unit of work as every write: an announced event
/// is found by everyone (title, description, outputs, organisers, venue, agenda topics and speakers, its tags); a draft
/// has no entry. Registrations and online links are never put in the index.
/// </summary>
public sealed class EventSearch(PathwayDb db, SearchIndex index)
{
    public const int SummaryLength = 300;

    /// <summary>Stages the entry of a tracked event, its tags and agenda loaded (rows being removed in this unit of work are left out).</summary>
    public async Task StageAsync(Event e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var key = e.Id.ToString();
        if (!e.IsAnnounced)
        {
            await index.StageRemoval(SearchKind.Event, key, cancellationToken);
            return;
        }
        bool Kept(object row) => db.Entry(row).State is not (EntityState.Deleted or EntityState.Detached);
        var agenda = e.Agenda.Where(Kept).ToList();
        var summary = new LocalizedText((e.Description ?? e.Title).Values
            .Select(pair => KeyValuePair.Create(pair.Key, TextRules.Truncate(RichText.ToPlainText(pair.Value), SummaryLength))));
        var body = string.Join('\n', new[] { e.Description, e.Summary, e.Organisers, e.CoHosts, e.Venue }
            .Concat(agenda.Select(item => item.Topic))
            .SelectMany(text => text?.Values.Values ?? [])
            .Select(RichText.ToPlainText)
            .Concat(agenda.SelectMany(item => new[] { item.Speakers, item.Moderator }).OfType<string>()));
        var tags = e.Tags.Where(Kept).Select(tag => new ContentTag(tag.Facet, tag.Value)).ToList();
        await index.Stage(new SearchDocument(
            SearchKind.Event, key, e.Title, summary, body, $"/events/{e.Id}", null, SearchAudience.Public, tags, e.StartsAt.Year), cancellationToken);
    }

    public Task StageRemovalAsync(Guid eventId, CancellationToken cancellationToken) =>
        index.StageRemoval(SearchKind.Event, eventId.ToString(), cancellationToken);
}

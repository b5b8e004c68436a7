using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Helpdesk;

/// <summary>A published FAQ entry as the public reads it: the editor's question and answer, the tags; never who asked.</summary>
public sealed record FaqEntry(
    Guid Id, LocalizedText Question, LocalizedText Answer, string? BehaviourCode, string? MechanismCode, string? CountryIso3,
    DateTimeOffset PublishedAt, bool IsDemonstration);

/// <summary>
/// The public side of the helpdesk: published FAQ entries, filtered by behaviour or mechanism, and their place in the
/// search index (staged by the caller's save, so search never shows an entry taken down nor misses one published).
/// </summary>
public sealed class HelpdeskFaq(PathwayDb db, SearchIndex search)
{
    public const int PageSize = 100;

    public Task<List<FaqEntry>> ListAsync(string? behaviour, string? mechanism, CancellationToken cancellationToken)
    {
        var entries = db.Set<HelpdeskQuestion>().AsNoTracking().Where(q => q.Status == HelpdeskStatus.Published);
        if (!string.IsNullOrWhiteSpace(mechanism))
        {
            var code = mechanism.Trim().ToUpperInvariant();
            entries = entries.Where(q => q.MechanismCode == code);
        }
        if (!string.IsNullOrWhiteSpace(behaviour))
        {
            var code = behaviour.Trim().ToUpperInvariant();
            entries = entries.Where(q => q.BehaviourCode == code);
        }
        // Only the FAQ's own fields leave the database: the asker's name and id never reach a public page.
        return entries.OrderByDescending(q => q.PublishedAt)
            .Select(q => new FaqEntry(q.Id, q.FaqQuestion!, q.FaqAnswer!, q.BehaviourCode, q.MechanismCode, q.CountryIso3, q.PublishedAt!.Value, q.IsDemonstration))
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Puts a published entry in the search index, or takes any other out; call before the save.</summary>
    public Task StageAsync(HelpdeskQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var key = question.Id.ToString();
        if (question.Status != HelpdeskStatus.Published || question.FaqQuestion is null || question.FaqAnswer is null)
        {
            return search.StageRemoval(SearchKind.HelpdeskAnswer, key, cancellationToken);
        }
        var answers = question.FaqAnswer.Values.ToDictionary(pair => pair.Key, pair => RichText.ToPlainText(pair.Value));
        var summary = new LocalizedText(answers.Select(pair => new KeyValuePair<string, string>(pair.Key, TextRules.Truncate(pair.Value.ReplaceLineEndings(" "), 300))));
        List<ContentTag> tags = [];
        if (question.BehaviourCode is { } behaviour)
        {
            tags.Add(new ContentTag(TagFacet.Behaviour, behaviour));
        }
        if (question.MechanismCode is { } mechanism)
        {
            tags.Add(new ContentTag(TagFacet.Mechanism, mechanism));
        }
        if (question.CountryIso3 is { } country)
        {
            tags.Add(new ContentTag(TagFacet.Country, country));
        }
        return search.Stage(new SearchDocument(
            SearchKind.HelpdeskAnswer, key, question.FaqQuestion, summary, string.Join(' ', answers.Values),
            $"/helpdesk/faq#faq-{question.Id:N}", question.CountryIso3, SearchAudience.Public, tags,
            question.PublishedAt?.Year), cancellationToken);
    }
}

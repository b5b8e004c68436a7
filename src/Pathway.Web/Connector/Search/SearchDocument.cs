using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Search;

/// <summary>What a search result is.</summary>
public enum SearchKind
{
    Resource,
    CaseStudy,
    Partnership,
    HelpdeskAnswer,
    Mechanism,
    Recommendation,
    Event,
}

/// <summary>Who may find an entry.</summary>
public enum SearchAudience
{
    /// <summary>Everyone, anonymous visitors too.</summary>
    Public,

    /// <summary>People whose scope covers the entry's country (as for a round), and content editors.</summary>
    Country,

    /// <summary>Content editors only (content waiting for review).</summary>
    Editors,
}

/// <summary>
/// One thing to be found, as its owner describes it. Owners stage a document in the same unit of work as the
/// change itself (<see cref="SearchIndex.Stage"/>), so the index never lags behind the content.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Key">Its id within its kind (a resource's id, a mechanism's "1/DS.1").</param>
/// <param name="Title">Its title, per language.</param>
/// <param name="Summary">A line or two shown under the title, per language.</param>
/// <param name="Body">Everything else worth matching, in any language, as plain text.</param>
/// <param name="Url">Where the result leads (a path on this site).</param>
/// <param name="CountryIso3">The country it belongs to or is about, when one.</param>
/// <param name="Audience">Who may find it.</param>
/// <param name="Tags">Its tags (behaviours, mechanisms, instruments, countries, regions, topics), for filters.</param>
/// <param name="Year">Its year (publication, period end), for filters and sorting.</param>
/// <param name="Weight">A ranking boost from 0 (none) to 4, e.g. a case study's evidence grade.</param>
public sealed record SearchDocument(
    SearchKind Kind,
    string Key,
    LocalizedText Title,
    LocalizedText Summary,
    string Body,
    string Url,
    string? CountryIso3,
    SearchAudience Audience,
    IReadOnlyList<ContentTag> Tags,
    int? Year = null,
    int Weight = 0);

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>
/// Keeps a case study's search entry in step with it, staged in the same unit of work as every write: a
/// published one is found by everyone, ranked by its evidence grade (0–4); any other state has no entry.
/// Contacts are never put in the index.
/// </summary>
public sealed class CaseStudySearch(PathwayDb db, SearchIndex index)
{
    public const int SummaryLength = 300;

    public async Task StageAsync(CaseStudy study, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var key = study.Id.ToString();
        if (study.State != ModerationState.Published)
        {
            await index.StageRemoval(SearchKind.CaseStudy, key, cancellationToken);
            return;
        }
        var region = await db.Countries.AsNoTracking().Where(c => c.Iso3 == study.CountryIso3).Select(c => c.RegionCode).SingleAsync(cancellationToken);
        var summary = new LocalizedText(study.Problem.Values.Select(pair => KeyValuePair.Create(pair.Key, Shorten(RichText.ToPlainText(pair.Value)))));
        var body = string.Join('\n', new[] { study.Problem, study.WhatWasDone, study.Results, study.Lessons, study.DoneDifferently }
            .SelectMany(text => text.Values.Values)
            .Select(RichText.ToPlainText)
            .Concat(study.Sources.Select(source => source.Title)));
        var tags = study.Tags.Select(tag => new ContentTag(tag.Facet, tag.Value))
            .Append(new ContentTag(TagFacet.Country, study.CountryIso3))
            .Append(new ContentTag(TagFacet.Region, region))
            .ToList();
        await index.Stage(new SearchDocument(
            SearchKind.CaseStudy, key, study.Title, summary, body, $"/case-studies/{study.Id}", study.CountryIso3,
            SearchAudience.Public, tags, study.ToYear ?? study.FromYear, study.Evidence is { } grade ? (int)grade : 0), cancellationToken);
    }

    private static string Shorten(string text) => TextRules.Truncate(text, SummaryLength);
}

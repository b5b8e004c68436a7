using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Search;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>How a partnership is found in search: public to all when the country made it public, else to its country's people and editors.</summary>
public static class PartnershipSearch
{
    private const int SummaryLength = 280;

    /// <summary>The parties' names and acronyms, as searched; the parties must be loaded with their organisations.</summary>
    public static IEnumerable<string> PartyNames(Partnership partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return partnership.Parties.Select(party => party.Organisation).OfType<Organisation>()
            .Select(organisation => organisation.Acronym is null ? organisation.Name : $"{organisation.Name} {organisation.Acronym}");
    }

    public static SearchDocument Document(Partnership partnership, string regionCode, IEnumerable<string> partyNames)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(partyNames);
        var description = RichText.ToPlainText(partnership.Description);
        var summary = description.Length == 0
            ? new LocalizedText([])
            : LocalizedText.English(TextRules.Truncate(description, SummaryLength));
        var body = string.Join(' ', new[] { description, partnership.HealthArea ?? "" }.Concat(partyNames));
        IReadOnlyList<ContentTag> tags =
        [
            .. partnership.Tags.Select(tag => new ContentTag(tag.Facet, tag.Value)),
            new(TagFacet.Country, partnership.CountryIso3),
            new(TagFacet.Region, regionCode),
            new(TagFacet.Topic, partnership.Type.ToString()),
        ];
        return new SearchDocument(
            SearchKind.Partnership,
            partnership.Id.ToString(),
            partnership.Title,
            summary,
            body,
            $"/partnerships/{partnership.Id}",
            partnership.CountryIso3,
            partnership.IsPublic ? SearchAudience.Public : SearchAudience.Country,
            tags,
            partnership.StartDate?.Year);
    }
}

using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>How a list of case studies is ordered.</summary>
public enum CaseStudySort
{
    /// <summary>Most recently published (or, unpublished, created) first.</summary>
    Newest,

    /// <summary>Strongest evidence first, then newest.</summary>
    Evidence,
}

/// <summary>A list's filters as the page's GET form and the API's query send them; unknown values are refused, naming the parameter.</summary>
public sealed class CaseStudyFilter
{
    public const int PageSize = 25;

    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? Mechanism { get; set; }
    public string? Behaviour { get; set; }
    public string? Instrument { get; set; }

    /// <summary>Evidence strength at least this (Anecdotal … PeerReviewed).</summary>
    public string? Evidence { get; set; }

    public string? Sort { get; set; }

    /// <summary>Published unless given; the other states list only what the caller may see (editors: the review queue is InReview).</summary>
    public string? State { get; set; }

    public int? Page { get; set; }

    /// <summary>The filters parsed; null with errors keyed by parameter name.</summary>
    public CheckedCaseStudyFilter? Check(IReadOnlySet<string> regions, FrameworkTree? tree, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var country = Blank(Country)?.ToUpperInvariant();
        if (country is not null && (country.Length != 3 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors["country"] = [l["CaseStudy.Error.Country"]];
        }
        var region = Blank(Region)?.ToUpperInvariant();
        if (region is not null && !regions.Contains(region))
        {
            errors["region"] = [l["CaseStudy.Error.Filter", string.Join(", ", regions.Order(StringComparer.Ordinal))]];
        }
        var mechanism = Blank(Mechanism);
        if (mechanism is not null && tree is not null && !tree.Behaviours.SelectMany(b => b.Mechanisms).Any(m => m.Code == mechanism))
        {
            errors["mechanism"] = [l["CaseStudy.Error.Mechanism", mechanism]];
        }
        var behaviour = Blank(Behaviour)?.ToUpperInvariant();
        if (behaviour is not null && tree is not null && !tree.Behaviours.Any(b => b.Code == behaviour))
        {
            errors["behaviour"] = [l["CaseStudy.Error.Filter", string.Join(", ", tree.Behaviours.Select(b => b.Code))]];
        }
        InstrumentCategory? instrument = Parse<InstrumentCategory>(Instrument, "instrument", errors, l);
        EvidenceStrength? evidence = Parse<EvidenceStrength>(Evidence, "evidence", errors, l);
        CaseStudySort sort = Parse<CaseStudySort>(Sort, "sort", errors, l) ?? CaseStudySort.Newest;
        ModerationState state = Parse<ModerationState>(State, "state", errors, l) ?? ModerationState.Published;
        if (Page is < 1)
        {
            errors["page"] = [l["CaseStudy.Error.Page"]];
        }
        return errors.Count > 0
            ? null
            : new CheckedCaseStudyFilter(country, region, mechanism, behaviour, instrument, evidence, sort, state, Page ?? 1);
    }

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors, IStringLocalizer l)
        where T : struct, Enum
    {
        if (Blank(value) is not { } name)
        {
            return null;
        }
        if (!int.TryParse(name, out _) && Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        errors[field] = [l["CaseStudy.Error.Filter", string.Join(", ", Enum.GetNames<T>())]];
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record CheckedCaseStudyFilter(
    string? Country, string? Region, string? Mechanism, string? Behaviour, InstrumentCategory? Instrument,
    EvidenceStrength? Evidence, CaseStudySort Sort, ModerationState State, int Page);

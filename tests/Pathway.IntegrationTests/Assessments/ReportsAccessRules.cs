using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// Issue 10's part of the access matrix: the regional and global dashboards, the country dashboards (public and
/// the team's) and open data (page, paged API, XLSX, CSV, DHIS2). The public views are asked about the matrix's
/// country: every round but the published one must be absent from them, for everyone (H), while the published one
/// shows (A; an answer that cannot name a round, such as the map or a workbook, counts too). Which values they show
/// is proven in <see cref="Reports.PublicViewsReadOnlyReleasesTests"/>. The team's dashboard follows the round's own
/// visibility: the country's people and administrators see every round, the region's reviewer and officer the
/// rounds once submitted, anyone whose scope does not reach the country gets 404.
/// </summary>
public static class ReportsAccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    /// <summary>The team's country dashboard: the rounds the caller may read, 404 outside the country's scope.</summary>
    private static readonly AccessGrid CountryTeamReads = new(
        Draft: /*      the region sees it once submitted */ "A  A  A  A  A  A  H  H  N  N  N  S",
        Open: /*                                       */ "A  A  A  A  A  A  H  H  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  A  A  A  H  H  N  N  N  S",
        Submitted: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Returned: /*                                   */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Validated: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  N  N  N  S");

    /// <summary>Open to all and about no round (the DHIS2 metadata: the framework's codes).</summary>
    private static readonly AccessGrid Everyone = AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  A");

    /// <summary>A public page has no form: a post is answered 400, signed in or not.</summary>
    private static readonly AccessGrid PublicPagePost = AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A");

    /// <summary>The matrix's country, every revision.</summary>
    private const string OpenDataQuery = "country={country}&revisions=all";

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Regional and global dashboards (issue 10 §4): the API names each country's published round, the page only its level.
        Get("/dashboards", PublicListOnceReleased),
        Form("/dashboards", "none", Caller.Anonymous, PublicPagePost),
        Get("/api/dashboards/global", PublicListOnceReleased),

        // Country dashboards (§3): the public index and page read releases only; the team's reads the rounds.
        Get("/dashboards/countries", PublicListOnceReleased),
        Form("/dashboards/countries", "none", Caller.Anonymous, PublicPagePost),
        Get("/dashboards/countries/{Iso3}", PublicListOnceReleased),
        Form("/dashboards/countries/{Iso3}", "none", Caller.Anonymous, PublicPagePost),
        Get("/dashboards/countries/{Iso3}/team", CountryTeamReads),
        Form("/dashboards/countries/{Iso3}/team", "none", Caller.FocalPoint, OutsidersPostingAForm),

        // Open data (§5), filtered to the matrix's country.
        Get("/open-data", PublicListOnceReleased, query: OpenDataQuery),
        Form("/open-data", "none", Caller.Anonymous, PublicPagePost),
        Get("/api/open-data/results", PublicListOnceReleased, query: OpenDataQuery),
        Get("/api/open-data/results.xlsx", PublicListOnceReleased, query: OpenDataQuery),
        Get("/api/open-data/results.csv", PublicListOnceReleased, query: OpenDataQuery),
        Get("/api/open-data/dhis2/metadata", Everyone),
        Get("/api/open-data/dhis2/{iso3}/dataValueSets", PublicListOnceReleased),
    ];
}

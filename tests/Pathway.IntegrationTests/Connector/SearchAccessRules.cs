using Pathway.IntegrationTests.Assessments;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §5's part of the access matrix: the Connector's landing page, the search page and <c>GET /api/search</c> are open to everyone, and the
/// index holds no assessment round, so a search for the matrix's country never shows one of its rounds, whoever
/// asks (H). Which entries each caller finds is proven in <see cref="SearchTests"/>.
/// </summary>
public static class SearchAccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    private static readonly AccessGrid NeverARound = AccessGrid.All("H  H  H  H  H  H  H  H  H  H  H  H");

    /// <summary>A public page has no form: a post is answered 400, signed in or not.</summary>
    private static readonly AccessGrid PublicPagePost = AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A");

    private const string CountryQuery = "country={country}";

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        Get("/search", NeverARound, query: CountryQuery),
        Form("/search", "none", Caller.Anonymous, PublicPagePost),
        Get("/api/search", NeverARound, query: CountryQuery),

        // The Country Connector's landing page: links only, open to all.
        Get("/connector", NeverARound),
        Form("/connector", "none", Caller.Anonymous, PublicPagePost),
    ];
}

public class SearchAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Search_page_and_api() =>
        AccessMatrixRunner.AssertAsync(fixture.World, SearchAccessRules.All);
}

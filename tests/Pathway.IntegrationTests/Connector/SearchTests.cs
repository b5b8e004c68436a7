using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Search on the database's own engine (SQLite FTS5, PostgreSQL tsvector): folding, ranking, filters, audiences and
/// removal. Every test stages its own entries around a word of its own, so tests share the app without seeing each
/// other's entries.
/// </summary>
public class SearchTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A word no other entry holds: letters only, so it stays one word however it is cut.</summary>
    private static string UniqueWord() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))));

    private static SearchDocument Document(
        string word, string title, string body = "", SearchKind kind = SearchKind.Resource, SearchAudience audience = SearchAudience.Public,
        string? country = null, int? year = null, int weight = 0, IReadOnlyList<ContentTag>? tags = null, LocalizedText? localizedTitle = null)
    {
        var key = Guid.NewGuid().ToString("N");
        return new SearchDocument(kind, key, localizedTitle ?? LocalizedText.English(title), LocalizedText.English("A summary"),
            $"{body} {word}", $"/test/{key}", country, audience, tags ?? [], year, weight);
    }

    private async Task StageAsync(params SearchDocument[] documents)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        foreach (var document in documents)
        {
            await index.Stage(document, Ct);
        }
        await scope.ServiceProvider.GetRequiredService<PathwayDb>().SaveChangesAsync(Ct);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        await HttpAssert.JsonAsync(await client.GetAsync("/api/search?" + query, Ct));

    private static List<string> Urls(JsonElement results) =>
        [.. results.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("url").GetString()!)];

    private async Task<List<string>> FindAsync(string query)
    {
        using var anonymous = factory.CreateClient();
        return Urls(await SearchAsync(anonymous, query));
    }

    private static List<string> Sorted(params SearchDocument[] documents) => [.. documents.Select(document => document.Url).Order(StringComparer.Ordinal)];

    private static List<string> Sorted(IEnumerable<string> urls) => [.. urls.Order(StringComparer.Ordinal)];

    private static string Q(params string[] words) => "q=" + Uri.EscapeDataString(string.Join(' ', words));

    [Theory]
    // Arabic: diacritics in the text or in the query, the forms of alef and teh marbuta either way round, alef maksura, tatweel.
    [InlineData("الشَّرَاكَةُ مع القطاع الخاص", "الشراكة")]
    [InlineData("الشراكة مع القطاع الخاص", "الشَّرَاكَة")]
    [InlineData("الشراكة مع القطاع الخاص", "الشراكه")]
    [InlineData("الشراكه مع القطاع الخاص", "الشراكة")]
    [InlineData("إدارة المستشفيات", "اداره")]
    [InlineData("ادارة المستشفيات", "إدارة")]
    [InlineData("أسواق الأدوية", "اسواق")]
    [InlineData("اسواق الادوية", "أسواق")]
    [InlineData("آليات التنسيق", "اليات")]
    [InlineData("مستشفى المدينة", "مستشفي")]
    [InlineData("الصحـــة العامة", "الصحة")]
    // French accents either way, and case.
    [InlineData("Réglementation des cliniques privées", "reglementation")]
    [InlineData("Reglementation des cliniques privees", "RÉGLEMENTATION")]
    [InlineData("Délégation de service public", "delegation")]
    // English.
    [InlineData("Contracting private providers", "contracting")]
    public async Task Words_match_whatever_their_accents_diacritics_and_letter_forms(string text, string query)
    {
        var word = UniqueWord();
        var document = Document(word, "Entry", body: text);
        await StageAsync(document);

        // The variant first: the last word also matches as a prefix, the others only whole.
        Assert.Equal([document.Url], await FindAsync(Q(query, word)));
    }

    [Fact]
    public async Task Arabic_titles_are_found_and_shown_in_the_readers_language()
    {
        var word = UniqueWord();
        var title = new LocalizedText([new("en", "Contracting guide"), new("fr", "Guide de la contractualisation"), new("ar", "دليل التعاقد مع مقدّمي الخدمات")]);
        var document = Document(word, "", localizedTitle: title);
        await StageAsync(document);

        using var anonymous = factory.CreateClient();
        var arabic = await SearchAsync(anonymous, Q("التعاقد", word) + "&lang=ar");
        Assert.Equal("دليل التعاقد مع مقدّمي الخدمات", Assert.Single(arabic.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        var french = await SearchAsync(anonymous, Q("التعاقد", word) + "&lang=fr");
        Assert.Equal("Guide de la contractualisation", Assert.Single(french.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        using var page = factory.CreatePageClient();
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync("/search?culture=ar&" + Q("تعاقد", word), Ct)));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("دليل التعاقد مع مقدّمي الخدمات", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix()
    {
        var word = UniqueWord();
        var document = Document(word, "Regulation of private laboratories");
        await StageAsync(document);

        Assert.Equal([document.Url], await FindAsync(Q(word, "laborat")));
        Assert.Empty(await FindAsync(Q("laborat", word + "x")));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_only_match()
    {
        var word = UniqueWord();
        var inBody = Document(word, "Annual review of agreements", body: "Accreditation of private clinics is discussed at length here.");
        var inTitle = Document(word, "Accreditation of private clinics", body: "Annual review of agreements is discussed at length here.");
        await StageAsync(inBody, inTitle);

        Assert.Equal([inTitle.Url, inBody.Url], await FindAsync(Q(word, "accreditation")));
    }

    [Fact]
    public async Task The_evidence_grade_weight_breaks_ties_and_lifts_relevance()
    {
        var word = UniqueWord();
        var anecdotal = Document(word, "Voucher scheme for maternal care", weight: 0);
        var evaluated = Document(word, "Voucher scheme for maternal care", weight: 3);
        var monitored = Document(word, "Voucher scheme for maternal care", weight: 2);
        await StageAsync(anecdotal, evaluated, monitored);

        Assert.Equal([evaluated.Url, monitored.Url, anecdotal.Url], await FindAsync(Q("voucher", word)));
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_the_kind_facet_counts_under_the_other_filters()
    {
        var word = UniqueWord();
        var kenya = Document(word, "Kenya contracting", country: "KEN", year: 2019,
            tags: [new(TagFacet.Mechanism, "DS.1"), new(TagFacet.Instrument, "Regulation")]);
        var ghanaCase = Document(word, "Ghana case", kind: SearchKind.CaseStudy, country: "GHA", year: 2022,
            tags: [new(TagFacet.Behaviour, "AS")]);
        var france = Document(word, "France partnership", kind: SearchKind.Partnership, country: "FRA", year: 2024,
            tags: [new(TagFacet.Mechanism, "AS.2")]);
        var aboutEgypt = Document(word, "Tagged with Egypt", tags: [new(TagFacet.Country, "EGY"), new(TagFacet.Region, "EMR")]);
        await StageAsync(kenya, ghanaCase, france, aboutEgypt);

        Assert.Equal(4, (await FindAsync(Q(word))).Count);
        Assert.Equal([kenya.Url], await FindAsync(Q(word) + "&country=ken"));
        Assert.Equal([aboutEgypt.Url], await FindAsync(Q(word) + "&country=EGY"));
        // The region through the entry's country (Kenya and Ghana are in AFR) or a region tag.
        Assert.Equal(Sorted(ghanaCase, kenya), Sorted(await FindAsync(Q(word) + "&region=AFR")));
        Assert.Equal([aboutEgypt.Url], await FindAsync(Q(word) + "&region=EMR"));
        // A behaviour finds what is tagged with it or with one of its mechanisms.
        Assert.Equal(Sorted(france, ghanaCase), Sorted(await FindAsync(Q(word) + "&behaviour=AS")));
        Assert.Equal([kenya.Url], await FindAsync(Q(word) + "&mechanism=DS.1"));
        Assert.Equal([kenya.Url], await FindAsync(Q(word) + "&instrument=regulation"));
        Assert.Equal(Sorted(ghanaCase, france), Sorted(await FindAsync(Q(word) + "&from=2020")));
        Assert.Equal([kenya.Url], await FindAsync(Q(word) + "&to=2020"));
        Assert.Equal([ghanaCase.Url], await FindAsync(Q(word) + "&from=2020&to=2023"));

        using var anonymous = factory.CreateClient();
        var cases = await SearchAsync(anonymous, Q(word) + "&kind=CaseStudy");
        Assert.Equal([ghanaCase.Url], Urls(cases));
        Assert.Equal(1, cases.GetProperty("total").GetInt32());
        var kinds = cases.GetProperty("kinds");
        Assert.Equal(2, kinds.GetProperty("Resource").GetInt32());
        Assert.Equal(1, kinds.GetProperty("CaseStudy").GetInt32());
        Assert.Equal(1, kinds.GetProperty("Partnership").GetInt32());
        var two = await SearchAsync(anonymous, Q(word) + "&kind=CaseStudy&kind=Partnership");
        Assert.Equal(2, two.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Results_are_paged_with_the_total()
    {
        var word = UniqueWord();
        var documents = Enumerable.Range(0, SearchQuery.DefaultPageSize + 5).Select(i => Document(word, $"Entry {i}")).ToArray();
        await StageAsync(documents);

        using var anonymous = factory.CreateClient();
        var first = await SearchAsync(anonymous, Q(word));
        var second = await SearchAsync(anonymous, Q(word) + "&page=2");
        Assert.Equal(25, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(20, Urls(first).Count);
        Assert.Equal(5, Urls(second).Count);
        Assert.Equal(Sorted(documents), Sorted(Urls(first).Concat(Urls(second))));
    }

    [Fact]
    public async Task More_matches_than_a_search_ranks_are_answered_as_more_than_the_maximum()
    {
        var word = UniqueWord();
        await StageAsync([.. Enumerable.Range(0, SqlSearchEngine.MaxMatches + 1).Select(i => Document(word, $"Entry {i}"))]);

        using var anonymous = factory.CreateClient();
        var results = await SearchAsync(anonymous, Q(word));
        Assert.True(results.GetProperty("moreThanTotal").GetBoolean());
        Assert.Equal(SqlSearchEngine.MaxMatches, results.GetProperty("total").GetInt32());
        Assert.Equal(SearchQuery.DefaultPageSize, Urls(results).Count);

        using var page = factory.CreatePageClient();
        var html = await HttpAssert.HtmlAsync(await page.GetAsync("/search?" + Q(word), Ct));
        Assert.Contains("More than 1,000 found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Country_entries_reach_their_country_its_region_global_roles_and_editors_and_editors_entries_only_editors()
    {
        var word = UniqueWord();
        var open = Document(word, "Public entry");
        var kenyan = Document(word, "Kenya only", audience: SearchAudience.Country, country: "KEN");
        var inReview = Document(word, "Waiting for review", audience: SearchAudience.Editors);
        await StageAsync(open, kenyan, inReview);

        async Task<List<string>> FoundBy(TestUser? user)
        {
            using var client = user is null ? factory.CreateClient() : await factory.CreateApiClientAsync(user);
            return Sorted(Urls(await SearchAsync(client, Q(word))));
        }

        List<string> Expect(params SearchDocument[] documents) => Sorted(documents);

        Assert.Equal(Expect(open), await FoundBy(null));
        Assert.Equal(Expect(open), await FoundBy(await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "FRA")));
        Assert.Equal(Expect(open, kenyan), await FoundBy(await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN")));
        Assert.Equal(Expect(open, kenyan), await FoundBy(await factory.CreateUserAsync(Roles.RegionalOfficer, region: "AFR")));
        Assert.Equal(Expect(open), await FoundBy(await factory.CreateUserAsync(Roles.RegionalOfficer, region: "EUR")));
        Assert.Equal(Expect(open, kenyan), await FoundBy(await factory.CreateUserAsync(Roles.Reviewer)));
        Assert.Equal(Expect(open, kenyan, inReview), await FoundBy(await factory.CreateUserAsync(Roles.ContentEditor)));
        Assert.Equal(Expect(open, kenyan, inReview), await FoundBy(await factory.CreateUserAsync(Roles.Administrator)));

        // The page applies the same audiences, and its counts say nothing of what the caller may not see.
        using var page = factory.CreatePageClient();
        var html = await HttpAssert.HtmlAsync(await page.GetAsync("/search?" + Q(word), Ct));
        Assert.Contains(open.Url, html, StringComparison.Ordinal);
        Assert.DoesNotContain(kenyan.Url, html, StringComparison.Ordinal);
        Assert.DoesNotContain(inReview.Url, html, StringComparison.Ordinal);
        Assert.Contains("1 found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staged_removal_and_a_changed_text_take_effect_in_the_same_save()
    {
        var word = UniqueWord();
        var withdrawn = Document(word, "Withdrawn guidance");
        var revised = Document(word, "First title");
        await StageAsync(withdrawn, revised);
        Assert.Equal(2, (await FindAsync(Q(word))).Count);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            await index.StageRemoval(withdrawn.Kind, withdrawn.Key, Ct);
            await index.Stage(revised with { Title = LocalizedText.English("Second heading") }, Ct);
            await scope.ServiceProvider.GetRequiredService<PathwayDb>().SaveChangesAsync(Ct);
        }

        Assert.Equal([revised.Url], await FindAsync(Q(word)));
        Assert.Equal([revised.Url], await FindAsync(Q("heading", word)));
        Assert.Empty(await FindAsync(Q("first", word)));
        Assert.Empty(await FindAsync(Q("withdrawn", word)));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("*")]
    [InlineData("care*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(a b, 2)")]
    [InlineData("-")]
    [InlineData("-care")]
    [InlineData("'")]
    [InlineData("a' OR '1'='1")]
    [InlineData("title:care")]
    [InlineData("care AND NOT OR")]
    [InlineData("^care")]
    [InlineData("(care")]
    [InlineData("care & | ! <-> :*")]
    [InlineData("\\")]
    [InlineData("%_")]
    [InlineData("🙂 emoji")]
    public async Task Query_syntax_typed_by_a_person_is_only_words(string query)
    {
        using var anonymous = factory.CreatePageClient();
        var api = await anonymous.GetAsync("/api/search?q=" + Uri.EscapeDataString(query), Ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var page = await anonymous.GetAsync("/search?q=" + Uri.EscapeDataString(query), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("q=LONG", "q")]
    [InlineData("kind=Nope", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("country=KE", "country")]
    [InlineData("country=K%27N", "country")]
    [InlineData("region=A%25", "region")]
    [InlineData("behaviour=D%5F", "behaviour")]
    [InlineData("mechanism=DS.1%27%20OR%201%3D1", "mechanism")]
    [InlineData("instrument=Bribery", "instrument")]
    [InlineData("from=1800", "from")]
    [InlineData("to=later", "to")]
    [InlineData("from=2020&to=2010", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page=9999", "page")]
    public async Task Bad_input_is_a_400_naming_the_parameter_on_the_api_and_the_page(string query, string parameter)
    {
        query = query.Replace("LONG", new string('a', SearchInput.QueryMaxLength + 1), StringComparison.Ordinal);
        using var anonymous = factory.CreatePageClient();
        var problem = await HttpAssert.ProblemAsync(await anonymous.GetAsync("/api/search?" + query, Ct), HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));

        var html = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/search?" + query, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("The search cannot be run as asked.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_of_the_longest_length_is_searched()
    {
        using var anonymous = factory.CreateClient();
        var results = await SearchAsync(anonymous, "q=" + string.Join(' ', Enumerable.Repeat("care", SearchInput.QueryMaxLength / 5)));
        Assert.True(results.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task The_framework_and_the_catalogue_are_searchable()
    {
        using var anonymous = factory.CreateClient();
        var mechanisms = await SearchAsync(anonymous, "kind=Mechanism");
        var shipped = System.Text.Json.Nodes.JsonNode.Parse(ShippedFramework.Json)!["behaviours"]!.AsArray().Sum(behaviour => behaviour!["mechanisms"]!.AsArray().Count);
        Assert.Equal(shipped, mechanisms.GetProperty("total").GetInt32());
        Assert.True(mechanisms.GetProperty("kinds").GetProperty("Recommendation").GetInt32() > 0);

        var ds1 = await SearchAsync(anonymous, "kind=Mechanism&mechanism=DS.1");
        var item = Assert.Single(ds1.GetProperty("items").EnumerateArray());
        Assert.Equal("/framework/1/DS/DS.1", item.GetProperty("url").GetString());
        Assert.StartsWith("DS.1 – ", item.GetProperty("title").GetString(), StringComparison.Ordinal);

        var actions = await SearchAsync(anonymous, "kind=Recommendation&mechanism=DS.1");
        Assert.True(actions.GetProperty("total").GetInt32() > 0);
        Assert.All(actions.GetProperty("items").EnumerateArray(), action => Assert.Equal("/framework/1/DS/DS.1", action.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Every_page_has_a_labelled_search_box_in_its_header()
    {
        using var anonymous = factory.CreatePageClient();
        foreach (var path in new[] { "/", "/framework", "/search" })
        {
            var html = await HttpAssert.HtmlAsync(await anonymous.GetAsync(path, Ct));
            Assert.Contains("<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\" aria-label=\"Search the whole site\">", html, StringComparison.Ordinal);
            Assert.Contains("<label for=\"site-search-q\" class=\"visually-hidden\">Search for</label>", html, StringComparison.Ordinal);
            Assert.Contains("id=\"site-search-q\" name=\"q\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_page_marks_the_words_found_and_suggests_removing_filters_when_nothing_is_found()
    {
        var word = UniqueWord();
        var document = Document(word, "Clinic licensing") with
        {
            Summary = new LocalizedText([new("en", "How licensing works"), new("fr", "Comment fonctionne la délivrance des licences")]),
        };
        await StageAsync(document);
        using var anonymous = factory.CreatePageClient();

        var found = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync("/search?culture=fr&" + Q("delivrance", word), Ct)));
        Assert.Contains("<mark>délivrance</mark>", found, StringComparison.Ordinal);
        Assert.Contains($"href=\"{document.Url}\"", found, StringComparison.Ordinal);

        var filtered = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/search?culture=en&" + Q(word) + "&country=BRA", Ct));
        Assert.Contains("Nothing found for", filtered, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={word}\"", filtered, StringComparison.Ordinal);

        var empty = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/search", Ct));
        Assert.Contains("Type words to search", empty, StringComparison.Ordinal);
    }
}

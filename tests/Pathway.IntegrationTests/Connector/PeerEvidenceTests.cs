using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.IntegrationTests.Notices;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Connector;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §6 and §3: who can we learn from, with what each peer shared (published case studies and resources, public
/// partnerships) read for a page of peers at once; the peer list in pages; the country profile's partnerships. A
/// partnership a country keeps non-public never reaches another country's people or anonymous visitors. Each test
/// works on a mechanism and countries of its own (the tests share one database).
/// </summary>
public partial class PeerEvidenceTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Twenty-two countries, more than one page of peers.</summary>
    private static readonly string[] ManyCountries =
        ["ALB", "AND", "ARE", "ARG", "ARM", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLR", "BLZ", "BOL", "BRA"];

    [Fact]
    public async Task The_peer_page_lists_each_peers_published_case_studies_resources_and_public_partnerships_for_the_mechanism()
    {
        var s = TestAccounts.UniqueSuffix();
        await factory.PublishLevelsAsync("KEN", 2024, new Dictionary<string, int> { ["AS.3"] = 3 });
        await factory.PublishLevelsAsync("UGA", 2024, new Dictionary<string, int> { ["AS.3"] = 4 });
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        await using (var scope = factory.OpenSystemDb())
        {
            scope.Db.AddRange(
                Study("KEN", $"Kenya case {s}", "AS.3"),
                Study("KEN", $"Kenya draft case {s}", "AS.3", ModerationState.Draft),
                Study("KEN", $"Kenya other mechanism case {s}", "AS.4"),
                // Equally graded: the most recently published first, so D (the oldest) is the one only counted.
                Study("UGA", $"Uganda case A {s}", "AS.3", daysAgo: 1), Study("UGA", $"Uganda case B {s}", "AS.3", daysAgo: 2),
                Study("UGA", $"Uganda case C {s}", "AS.3", daysAgo: 3), Study("UGA", $"Uganda case D {s}", "AS.3", daysAgo: 4),
                Material(editor, $"Kenya resource {s}", "AS.3", "KEN"),
                Material(editor, $"Kenya resource in review {s}", "AS.3", "KEN", ModerationState.InReview),
                Material(editor, $"Tanzania resource {s}", "AS.3", "TZA"),
                Arrangement("KEN", $"Kenya public partnership {s}", isPublic: true, "AS.3"),
                Arrangement("KEN", $"Kenya private partnership {s}", isPublic: false, "AS.3"),
                Arrangement("KEN", $"Kenya other mechanism partnership {s}", isPublic: true, "AS.4"));
            await scope.Db.SaveChangesAsync(Ct);
        }

        using var anonymous = factory.CreateClient();
        var page = await PageAsync(anonymous, "/peers/AS.3?from=1&country=EGY");
        foreach (var shown in new[] { "Kenya case", "Kenya resource", "Kenya public partnership", "Uganda case A", "Uganda case C" })
        {
            Assert.Contains($"{shown} {s}", page, StringComparison.Ordinal);
        }
        foreach (var hidden in new[] { "Kenya draft case", "Kenya other mechanism case", "Kenya resource in review", "Tanzania resource",
                     "Kenya private partnership", "Kenya other mechanism partnership", "Uganda case D" })
        {
            Assert.DoesNotContain($"{hidden} {s}", page, StringComparison.Ordinal);
        }
        // Counted by kind, each count opening that kind's list for the country and the mechanism; beyond three, the rest are counted.
        Assert.Contains("Case studies (1)", page, StringComparison.Ordinal);
        Assert.Contains("Resources (1)", page, StringComparison.Ordinal);
        Assert.Contains("Partnerships (1)", page, StringComparison.Ordinal);
        Assert.Contains("Case studies (4)", page, StringComparison.Ordinal);
        Assert.Contains("1 more", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/case-studies?country=KEN&mechanism=AS.3\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/partnerships?country=KEN&mechanism=AS.3\"", page, StringComparison.Ordinal);

        var french = await PageAsync(anonymous, "/peers/AS.3?from=1&country=EGY&culture=fr");
        Assert.Contains("Études de cas (1)", french, StringComparison.Ordinal);
        Assert.Contains("Partenariats (1)", french, StringComparison.Ordinal);

        // The list is the same for everyone: another country's people, and the peer's own, never see the non-public one there.
        foreach (var country in new[] { "EGY", "KEN" })
        {
            var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: country);
            using var signedIn = await factory.CreateSignedInClientAsync(focalPoint);
            var seen = await PageAsync(signedIn, "/peers/AS.3?from=1&country=UGA");
            Assert.Contains($"Kenya public partnership {s}", seen, StringComparison.Ordinal);
            Assert.DoesNotContain($"Kenya private partnership {s}", seen, StringComparison.Ordinal);
        }

        var api = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/peers/AS.3?from=1&country=EGY", Ct));
        var kenya = api.GetProperty("peers").EnumerateArray().Single(peer => peer.GetProperty("countryIso3").GetString() == "KEN");
        Assert.Equal(
            [("CaseStudy", $"Kenya case {s}"), ("Resource", $"Kenya resource {s}"), ("Partnership", $"Kenya public partnership {s}")],
            kenya.GetProperty("evidence").EnumerateArray()
                .Select(item => (item.GetProperty("kind").GetString(), item.GetProperty("title").GetString())).OrderBy(item => item.Item1 switch
                {
                    "CaseStudy" => 0,
                    "Resource" => 1,
                    _ => 2,
                }));
    }

    [Fact]
    public async Task The_country_profile_lists_the_partnerships_the_caller_may_see_and_never_a_non_public_one_to_outsiders()
    {
        var s = TestAccounts.UniqueSuffix();
        await using (var scope = factory.OpenSystemDb())
        {
            scope.Db.AddRange(
                Arrangement("BWA", $"Botswana public partnership {s}", isPublic: true),
                Arrangement("BWA", $"Botswana private partnership {s}", isPublic: false));
            await scope.Db.SaveChangesAsync(Ct);
        }

        using var anonymous = factory.CreateClient();
        var outsideView = await PageAsync(anonymous, "/countries/BWA");
        Assert.Contains($"Botswana public partnership {s}", outsideView, StringComparison.Ordinal);
        Assert.DoesNotContain($"Botswana private partnership {s}", outsideView, StringComparison.Ordinal);

        var neighbour = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "ZMB");
        using var neighbourClient = await factory.CreateSignedInClientAsync(neighbour);
        var neighbourView = await PageAsync(neighbourClient, "/countries/BWA");
        Assert.Contains($"Botswana public partnership {s}", neighbourView, StringComparison.Ordinal);
        Assert.DoesNotContain($"Botswana private partnership {s}", neighbourView, StringComparison.Ordinal);

        // The country's own team sees both, the non-public one marked as such.
        var team = await factory.CreateUserAsync(Roles.CountryContributor, country: "BWA");
        using var teamClient = await factory.CreateSignedInClientAsync(team);
        var teamView = await PageAsync(teamClient, "/countries/BWA");
        Assert.Contains($"Botswana private partnership {s}", teamView, StringComparison.Ordinal);
        Assert.Contains("Not public", teamView, StringComparison.Ordinal);

        var arabic = await PageAsync(anonymous, "/countries/BWA?culture=ar");
        Assert.Contains("الشراكات", arabic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_peer_list_comes_in_pages_of_twenty_that_keep_the_query_and_the_panel_shows_three_with_a_link_to_all()
    {
        await PublishQuietlyAsync("BU.5", 3, ManyCountries);
        using var anonymous = factory.CreateClient();

        var first = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/peers/BU.5?from=1&country=EGY", Ct));
        var second = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/peers/BU.5?from=1&country=EGY&page=2", Ct));
        Assert.Equal((22, 1, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(), first.GetProperty("pages").GetInt32()));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var firstNames = Names(first);
        var secondNames = Names(second);
        Assert.Equal(20, firstNames.Count);
        Assert.Equal(2, secondNames.Count);
        Assert.Empty(firstNames.Intersect(secondNames));

        var pageOne = await PageAsync(anonymous, "/peers/BU.5?from=1&country=EGY");
        Assert.Contains("Countries 1 to 20 of 22", pageOne, StringComparison.Ordinal);
        Assert.Contains("href=\"/peers/BU.5?from=1&country=EGY&page=2\"", pageOne, StringComparison.Ordinal);
        Assert.All(firstNames, name => Assert.Contains(name, pageOne, StringComparison.Ordinal));
        Assert.All(secondNames, name => Assert.DoesNotContain(name, pageOne, StringComparison.Ordinal));

        var pageTwo = await PageAsync(anonymous, "/peers/BU.5?from=1&country=EGY&page=2");
        Assert.Contains("Countries 21 to 22 of 22", pageTwo, StringComparison.Ordinal);
        Assert.All(secondNames, name => Assert.Contains(name, pageTwo, StringComparison.Ordinal));
        Assert.DoesNotContain(firstNames[0], pageTwo, StringComparison.Ordinal);
        // A page past the end shows the last one.
        Assert.Contains("Countries 21 to 22 of 22", await PageAsync(anonymous, "/peers/BU.5?from=1&country=EGY&page=9"), StringComparison.Ordinal);

        string version;
        await using (var scope = factory.OpenSystemDb())
        {
            version = await scope.Db.FrameworkVersions.OrderByDescending(v => v.Id).Select(v => v.Version).FirstAsync(Ct);
        }
        var mechanismPage = await PageAsync(anonymous, $"/framework/{version}/BU/BU.5");
        var panel = PanelPattern().Match(mechanismPage);
        Assert.True(panel.Success, "The mechanism page shows the peer panel.");
        Assert.Equal(3, Regex.Count(panel.Value, "<li class=\"list-group-item\">"));
        Assert.Contains("See all 22 countries", panel.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_twenty_peers_with_what_they_shared_takes_as_many_queries_as_a_page_of_two()
    {
        await PublishQuietlyAsync("NT.4", 3, ManyCountries);
        await PublishQuietlyAsync("NT.5", 3, ManyCountries[..2]);
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        await using (var scope = factory.OpenSystemDb())
        {
            foreach (var code in new[] { "NT.4", "NT.5" })
            {
                foreach (var country in ManyCountries)
                {
                    scope.Db.AddRange(
                        Study(country, $"Study {code} {country}", code),
                        Material(editor, $"Resource {code} {country}", code, country),
                        Arrangement(country, $"Partnership {code} {country}", isPublic: true, code));
                }
            }
            await scope.Db.SaveChangesAsync(Ct);
        }
        using var anonymous = factory.CreateClient();
        // Once each first, so both published histories are kept and only the pages' own reads are counted.
        await PageAsync(anonymous, "/peers/NT.4?from=1&country=EGY");
        await PageAsync(anonymous, "/peers/NT.5?from=1&country=EGY");
        // A change to other public content drops the kept pages and what the peers shared, not the published histories:
        // the pages below are built again and read the evidence of their countries.
        await using (var scope = factory.OpenSystemDb())
        {
            scope.Db.Organisations.Add(new Organisation { Name = $"Unrelated {TestAccounts.UniqueSuffix()}", Sector = OrganisationSector.PrivateForProfit });
            await scope.Db.SaveChangesAsync(Ct);
        }

        using var counter = new CommandCounter(factory.DatabaseName ?? factory.DataDirectory!);
        var twenty = await PageAsync(anonymous, "/peers/NT.4?from=1&country=EGY");
        var forTwenty = counter.Count;
        counter.Reset();
        var two = await PageAsync(anonymous, "/peers/NT.5?from=1&country=EGY");
        var forTwo = counter.Count;

        Assert.Equal(20, Regex.Count(twenty, "Partnerships \\(1\\)"));
        Assert.Equal(2, Regex.Count(two, "Partnerships \\(1\\)"));
        Assert.Equal(forTwo, forTwenty);
    }

    [GeneratedRegex("<section class=\"card mb-3 peer-panel\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex PanelPattern();

    private static async Task<string> PageAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct)));

    private static List<string> Names(System.Text.Json.JsonElement peers) =>
        [.. peers.GetProperty("peers").EnumerateArray().Select(peer => peer.GetProperty("countryName").GetString()!)];

    private static CaseStudy Study(string country, string title, string mechanism, ModerationState state = ModerationState.Published, int daysAgo = 0)
    {
        var published = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-daysAgo);
        var text = LocalizedText.English("Written for the peer tests.");
        var study = new CaseStudy
        {
            CountryIso3 = country, FromYear = 2021, Title = LocalizedText.English(title), Problem = text, WhatWasDone = text, Results = text,
            Lessons = text, DoneDifferently = text, State = state, CreatedAt = published, PublishedAt = published,
            Tags = [new CaseStudyTag { Facet = TagFacet.Mechanism, Value = mechanism }],
        };
        study.Grade(EvidenceStrength.Monitored, null, "Editor", published);
        return study;
    }

    private static Resource Material(TestUser editor, string title, string mechanism, string country, ModerationState state = ModerationState.Published) => new()
    {
        Title = LocalizedText.English(title), Summary = LocalizedText.English("A resource for the peer tests."), LanguageCodes = LanguageList.Format(["en"]),
        Year = 2024, State = state, CreatedById = editor.Id, CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow(),
        Tags = [new ResourceTag { Facet = TagFacet.Mechanism, Value = mechanism }, new ResourceTag { Facet = TagFacet.Country, Value = country }],
    };

    private static Partnership Arrangement(string country, string title, bool isPublic, string? mechanism = null)
    {
        var partnership = new Partnership { CountryIso3 = country, Title = LocalizedText.English(title), IsPublic = isPublic, CreatedAt = TimeProvider.System.GetUtcNow() };
        if (mechanism is not null)
        {
            partnership.Tags.Add(new PartnershipTag { OwnerId = partnership.Id, Facet = TagFacet.Mechanism, Value = mechanism });
        }
        return partnership;
    }

    /// <summary>
    /// Published results at <paramref name="level"/> on <paramref name="code"/> for many countries at once, written as a
    /// sign-off writes them (a release and its rows) for bare rounds: the peer list reads published rows only.
    /// </summary>
    private async Task PublishQuietlyAsync(string code, int level, IReadOnlyList<string> countries)
    {
        var owner = await factory.CreateUserAsync(Roles.Administrator);
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var version = await db.FrameworkVersions.AsNoTracking().OrderByDescending(v => v.Id).FirstAsync(Ct);
        await using var services = factory.Services.CreateAsyncScope();
        var tree = await services.ServiceProvider.GetRequiredService<FrameworkReader>().TreeAsync(version.Version, Ct)
            ?? throw new InvalidOperationException($"The framework version {version.Version} has no tree.");
        var behaviour = tree.Behaviours.Single(b => b.Mechanisms.Any(m => m.Code == code)).Code;
        var regions = await db.Countries.Where(c => countries.Contains(c.Iso3)).ToDictionaryAsync(c => c.Iso3, c => c.RegionCode, Ct);
        foreach (var country in countries)
        {
            var round = new Assessment
            {
                CountryIso3 = country, FrameworkVersionId = version.Id, Title = $"Peer round {TestAccounts.UniqueSuffix()}",
                Purpose = AssessmentPurpose.TakeStock, CreatedAt = TimeProvider.System.GetUtcNow(), CreatedById = owner.Id,
            };
            db.Assessments.Add(round);
            var release = new PublishedRelease
            {
                AssessmentId = round.Id,
                CountryIso3 = country,
                Revision = 1,
                Choices = new PublicationChoices(false, true, false, false),
                Snapshot = new ReleaseSnapshot(round.Title, version.Version, nameof(AssessmentScope.National), null, nameof(AssessmentPurpose.TakeStock), null,
                    [new MechanismSnapshot(code, behaviour, nameof(MechanismAnswerState.Rated), level, null)], null),
                RuleVersion = ScoringRule.Version,
                SignedOffById = owner.Id,
                SignedOffByName = "Focal point",
                SignedOffAt = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero),
            };
            db.PublishedReleases.Add(release);
            db.PublishedResults.AddRange(PublishedResult.From(release, tree, regions[country], 2024, isDemonstration: false));
        }
        await db.SaveChangesAsync(Ct);
    }
}

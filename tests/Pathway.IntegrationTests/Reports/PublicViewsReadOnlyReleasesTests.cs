using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// Three countries of one region, in a database of their own: Uruguay has a round in every state short of
/// published, all agreed at level 4; Paraguay has nothing at all; Chile published a round at level 2, is correcting
/// it (agreed again at 3) and has a newer validated round at 4 that it has not published.
/// </summary>
public sealed class PublicViewsWorld : IAsyncLifetime
{
    public const string Unpublished = "URY";
    public const string UnpublishedName = "Uruguay";
    public const string Nothing = "PRY";
    public const string NothingName = "Paraguay";
    public const string Published = "CHL";

    public PathwayAppFactory Factory { get; } = new();

    /// <summary>Chile's published round (in correction now).</summary>
    public TestRound Release { get; private set; } = null!;

    /// <summary>Every round whose values must never appear in a public view: Uruguay's and Chile's newer one.</summary>
    public List<(Guid Id, string Title)> Hidden { get; } = [];

    public string ReleaseTitle { get; private set; } = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Factory.InitializeAsync();
        foreach (var status in new[]
        {
            AssessmentStatus.Draft, AssessmentStatus.RatingOpen, AssessmentStatus.Consensus,
            AssessmentStatus.Submitted, AssessmentStatus.Returned, AssessmentStatus.Validated,
        })
        {
            Hidden.Add(await RoundAtAsync(Unpublished, status, level: 4));
        }

        Release = await Factory.CreateRoundAsync(Published, AssessmentStatus.Validated);
        ReleaseTitle = await TitleAsync(Release.Id);
        using (var focalPoint = await Factory.ApiAsync(Release.FocalPoint))
        {
            await focalPoint.MoveOkAsync(Release, "Published",
                publish: new { behaviourProfile = true, mechanismLevels = true, rationales = true, publicEvidence = false });
            await focalPoint.MoveOkAsync(Release, "Consensus", comment: "Correcting the levels.");
        }
        await Factory.SetAgreedAsync(Release, Release.MechanismCodes.ToDictionary(code => code, _ => MechanismAnswer.Rated(3)));
        Hidden.Add(await RoundAtAsync(Published, AssessmentStatus.Validated, level: 4));
    }

    private async Task<(Guid, string)> RoundAtAsync(string country, AssessmentStatus status, int level)
    {
        var round = await Factory.CreateRoundAsync(country, AssessmentStatus.Draft);
        await Factory.SetAgreedAsync(round, round.MechanismCodes.ToDictionary(code => code, _ => MechanismAnswer.Rated(level)));
        await Factory.MoveRoundAsync(round, status);
        return (round.Id, await TitleAsync(round.Id));
    }

    private async Task<string> TitleAsync(Guid id)
    {
        await using var scope = Factory.OpenSystemDb();
        return await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Title).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Issue 10, bad input: "the public routes proven to read only published releases". Every public view of the access
/// matrix that is not keyed by a round (those answer 404 for an unpublished round there) is read here without signing
/// in: no unpublished round's id, title or level appears, a country with only unpublished rounds looks exactly like a
/// country with none, and where a country published one round and holds a newer one (and a correction) back, only the
/// release's values show. A public route added to the matrix without a check here fails
/// <see cref="Every_public_view_of_the_matrix_is_checked_here"/>.
/// </summary>
public partial class PublicViewsReadOnlyReleasesTests(PublicViewsWorld world) : IClassFixture<PublicViewsWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What a public view must show of the release (level 2 everywhere) and never of the rest.</summary>
    private sealed record PublicView(string Pattern, string Url, Func<PublicViewsWorld, byte[], string, Task> Check);

    private static readonly PublicView[] Views =
    [
        new("/published", "/published", (w, _, text) => Shows(text, w.ReleaseTitle)),
        new("/api/published", $"/api/published?country={PublicViewsWorld.Published}", (w, _, text) => Shows(text, w.Release.Id.ToString())),
        new("/dashboards", "/dashboards?mechanism={mechanism}", (_, _, text) => Map(text)),
        new("/api/dashboards/global", "/api/dashboards/global?mechanism={mechanism}", (w, _, text) => GlobalApi(w, text)),
        new("/dashboards/countries", "/dashboards/countries", (_, _, text) => CountryIndex(text)),
        new("/dashboards/countries/{Iso3}", $"/dashboards/countries/{PublicViewsWorld.Published}", (w, _, text) => CountryPage(w, text)),
        new("/open-data", "/open-data?revisions=all", (w, _, text) => Shows(text, w.ReleaseTitle)),
        new("/api/open-data/results", "/api/open-data/results?revisions=all&pageSize=500", (w, _, text) => OpenDataJson(w, text)),
        new("/api/open-data/results.csv", "/api/open-data/results.csv?revisions=all", (w, bytes, _) => OpenDataCsv(w, bytes)),
        new("/api/open-data/results.xlsx", "/api/open-data/results.xlsx?revisions=all", (w, bytes, _) => OpenDataXlsx(w, bytes)),
        new("/api/open-data/dhis2/metadata", "/api/open-data/dhis2/metadata", (_, _, _) => Task.CompletedTask),
        new("/api/open-data/dhis2/{iso3}/dataValueSets", $"/api/open-data/dhis2/{PublicViewsWorld.Published}/dataValueSets", (w, _, text) => Dhis2(w, text)),
        // Issue 11: case studies read no round; the country profile embeds the public dashboard's published body.
        new("/case-studies", "/case-studies", (_, _, _) => Task.CompletedTask),
        new("/api/case-studies", "/api/case-studies", (_, _, _) => Task.CompletedTask),
        new("/countries/{Iso3}", $"/countries/{PublicViewsWorld.Published}", (w, _, text) => Shows(text, w.ReleaseTitle)),
        new("/api/countries/{iso3}/profile", $"/api/countries/{PublicViewsWorld.Published}/profile", (_, _, _) => Task.CompletedTask),
        // The rest of the Country Connector reads no round either; peers read published results only.
        new("/connector", "/connector", (_, _, _) => Task.CompletedTask),
        new("/search", "/search?q=private", (_, _, _) => Task.CompletedTask),
        new("/api/search", "/api/search?q=private", (_, _, _) => Task.CompletedTask),
        new("/resources", "/resources", (_, _, _) => Task.CompletedTask),
        new("/api/resources", "/api/resources", (_, _, _) => Task.CompletedTask),
        new("/partnerships", "/partnerships", (_, _, _) => Task.CompletedTask),
        new("/api/partnerships", "/api/partnerships", (_, _, _) => Task.CompletedTask),
        new("/helpdesk/faq", "/helpdesk/faq", (_, _, _) => Task.CompletedTask),
        new("/api/helpdesk/faq", "/api/helpdesk/faq", (_, _, _) => Task.CompletedTask),
        new("/peers/{Code}", "/peers/{mechanism}?from=1", (_, _, _) => Task.CompletedTask),
        new("/api/peers/{code}", "/api/peers/{mechanism}?from=1", (_, _, _) => Task.CompletedTask),
        new("/connector/import/{kind}/template.csv", "/connector/import/resources/template.csv", (_, _, _) => Task.CompletedTask),
        new("/api/connector/import/{kind}/template.csv", "/api/connector/import/resources/template.csv", (_, _, _) => Task.CompletedTask),
        // The invitation page reads a token, never a round: it is checked for leaks like every other.
        new("/account/invitation", "/account/invitation?token=not-a-real-token", (_, _, _) => Task.CompletedTask),
    ];

    [Fact]
    public void Every_public_view_of_the_matrix_is_checked_here()
    {
        // Public: anyone, signed in or not, reads the published round there. Routes with a round id are the matrix's own.
        var publicViews = AccessRules.All
            .Where(rule => rule.Method == "GET" && !rule.Pattern.Contains("{id", StringComparison.OrdinalIgnoreCase)
                && rule.Grid.Expected(RoundKind.Published, Caller.Anonymous) is Access.Allowed or Access.Hidden)
            .Select(rule => rule.Pattern).Order(StringComparer.Ordinal).ToList();
        var checkedHere = Views.Select(view => view.Pattern).ToHashSet(StringComparer.Ordinal);
        Assert.True(publicViews.SequenceEqual(checkedHere.Order(StringComparer.Ordinal)),
            $"Public views not checked here: {string.Join(", ", publicViews.Except(checkedHere))}; checked here but not public views: {string.Join(", ", checkedHere.Except(publicViews))}.");
    }

    [Fact]
    public async Task Every_public_view_shows_the_release_and_nothing_held_back()
    {
        using var anonymous = world.Factory.CreatePageClient();
        var failures = new List<string>();
        foreach (var view in Views)
        {
            var url = view.Url.Replace("{mechanism}", world.Release.MechanismCodes[0], StringComparison.Ordinal);
            using var response = await anonymous.GetAsync(url, Ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            var text = WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            foreach (var (id, title) in world.Hidden)
            {
                if (text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) || text.Contains(title, StringComparison.Ordinal))
                {
                    failures.Add($"{url}: shows the unpublished round {title}");
                }
            }
            try
            {
                await view.Check(world, bytes, text);
            }
            catch (Exception failure) when (failure is Xunit.Sdk.XunitException)
            {
                failures.Add($"{url}: {failure.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/dashboards/countries/{0}")]
    [InlineData("/open-data?country={0}&revisions=all")]
    [InlineData("/api/open-data/results?country={0}&revisions=all")]
    [InlineData("/api/open-data/dhis2/{0}/dataValueSets")]
    public async Task A_country_with_only_unpublished_rounds_answers_as_one_with_no_round_at_all(string pattern)
    {
        using var anonymous = world.Factory.CreatePageClient();

        using var unpublished = await anonymous.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, PublicViewsWorld.Unpublished), Ct);
        using var nothing = await anonymous.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, PublicViewsWorld.Nothing), Ct);

        Assert.Equal(nothing.StatusCode, unpublished.StatusCode);
        Assert.Equal(Plain(await nothing.Content.ReadAsStringAsync(Ct)), Plain(await unpublished.Content.ReadAsStringAsync(Ct)));
        if (pattern.Contains("dhis2", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        }
    }

    [Fact]
    public async Task The_unpublished_country_is_in_no_file_of_the_whole_world()
    {
        using var anonymous = world.Factory.CreatePageClient();

        var csv = OpenDataTests.ReadCsv(await anonymous.GetByteArrayAsync("/api/open-data/results.csv?revisions=all", Ct));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(
            await anonymous.GetByteArrayAsync("/api/open-data/results.xlsx?revisions=all", Ct)), false);
        var sheet = OpenDataTests.SheetRows(workbook, 0);

        Assert.DoesNotContain(csv.Rows.Skip(1), row => row[csv.Headers.IndexOf("country_iso3")] == PublicViewsWorld.Unpublished);
        Assert.DoesNotContain(sheet.Skip(1), row => row[sheet[0].IndexOf("country_iso3")] == PublicViewsWorld.Unpublished);
        Assert.Equal(world.Release.MechanismCodes.Count, csv.Rows.Count - 1);
        Assert.Equal(world.Release.MechanismCodes.Count, sheet.Count - 1);
    }

    /// <summary>
    /// The answer with both countries' codes and names taken out, and what differs on every request whatever the
    /// country: a problem's trace id, and the open-data page's country list (whose selected entry is the country).
    /// </summary>
    private static string Plain(string text)
    {
        var plain = TraceId().Replace(CountryList().Replace(text, "{countries}"), "{traceId}");
        foreach (var (code, name) in new[] { (PublicViewsWorld.Unpublished, PublicViewsWorld.UnpublishedName), (PublicViewsWorld.Nothing, PublicViewsWorld.NothingName) })
        {
            plain = plain.Replace(code, "{iso3}", StringComparison.Ordinal).Replace(name, "{name}", StringComparison.Ordinal);
        }
        return plain;
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("<select id=\"od-country\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex CountryList();

    private static Task Shows(string text, string part)
    {
        Assert.Contains(part, text, StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    /// <summary>The map marks Chile alone, at the released level.</summary>
    private static Task Map(string html)
    {
        Assert.Equal([PublicViewsWorld.Published], GlobalMapTests.MarkedCountries(html));
        Assert.Contains(GlobalMapTests.MapLinks(html), link => link is { Iso3: PublicViewsWorld.Published, Level: "2" });
        Assert.Contains(GlobalMapTests.TableRows(html), row => row is { Iso3: PublicViewsWorld.Unpublished, Shade: "NoData" });
        return Task.CompletedTask;
    }

    private static Task GlobalApi(PublicViewsWorld world, string text)
    {
        using var json = JsonDocument.Parse(text);
        var countries = json.RootElement.GetProperty("countries").EnumerateArray().ToList();
        var published = Assert.Single(countries, c => c.GetProperty("hasPublishedData").GetBoolean());
        Assert.Equal((PublicViewsWorld.Published, 2, world.Release.Id),
            (published.GetProperty("iso3").GetString(), published.GetProperty("level").GetInt32(), published.GetProperty("assessmentId").GetGuid()));
        var uruguay = Assert.Single(countries, c => c.GetProperty("iso3").GetString() == PublicViewsWorld.Unpublished);
        Assert.Equal(JsonValueKind.Null, uruguay.GetProperty("level").ValueKind);
        Assert.Equal(1, json.RootElement.GetProperty("years").EnumerateArray().Sum(year => year.GetProperty("countries").GetInt32()));
        return Task.CompletedTask;
    }

    private static Task CountryIndex(string html)
    {
        Assert.Contains($"/dashboards/countries/{PublicViewsWorld.Published}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/dashboards/countries/{PublicViewsWorld.Unpublished}\"", html, StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    /// <summary>The released round alone, every heat-map cell at level 2, nothing of the round's internals.</summary>
    private static Task CountryPage(PublicViewsWorld world, string html)
    {
        Assert.Contains($"/published/{world.Release.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/assessments/", html, StringComparison.Ordinal);
        var levels = Regex.Matches(html, "<td class=\"level-(?<level>[1-4])[^\"]*\" data-level=")
            .Select(match => match.Groups["level"].Value).ToList();
        Assert.Equal(world.Release.MechanismCodes.Count, levels.Count);
        Assert.All(levels, level => Assert.Equal("2", level));
        return Task.CompletedTask;
    }

    private static Task OpenDataJson(PublicViewsWorld world, string text)
    {
        using var json = JsonDocument.Parse(text);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(world.Release.MechanismCodes.Count, items.Count);
        Assert.All(items, item => Assert.Equal((PublicViewsWorld.Published, world.Release.Id, 2),
            (item.GetProperty("countryIso3").GetString(), item.GetProperty("roundId").GetGuid(), item.GetProperty("level").GetInt32())));
        return Task.CompletedTask;
    }

    private static Task OpenDataCsv(PublicViewsWorld world, byte[] bytes)
    {
        var (headers, rows) = OpenDataTests.ReadCsv(bytes);
        AllRowsAreTheRelease(world, headers, rows.Skip(1).ToList());
        return Task.CompletedTask;
    }

    private static Task OpenDataXlsx(PublicViewsWorld world, byte[] bytes)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = OpenDataTests.SheetRows(workbook, 0);
        AllRowsAreTheRelease(world, rows[0], rows.Skip(1).ToList());
        return Task.CompletedTask;
    }

    private static void AllRowsAreTheRelease(PublicViewsWorld world, List<string> headers, List<List<string>> rows)
    {
        Assert.Equal(world.Release.MechanismCodes.Count, rows.Count);
        int Column(string name) => headers.IndexOf(name);
        Assert.All(rows, row => Assert.Equal((PublicViewsWorld.Published, world.Release.Id.ToString(), "2"),
            (row[Column("country_iso3")], row[Column("round_id")], row[Column("level")])));
    }

    private static Task Dhis2(PublicViewsWorld world, string text)
    {
        using var json = JsonDocument.Parse(text);
        var values = json.RootElement.GetProperty("dataValues").EnumerateArray().ToList();
        Assert.Equal(world.Release.MechanismCodes.Count, values.Count);
        Assert.All(values, value => Assert.Equal((PublicViewsWorld.Published, "2"),
            (value.GetProperty("orgUnit").GetString(), value.GetProperty("value").GetString())));
        return Task.CompletedTask;
    }
}

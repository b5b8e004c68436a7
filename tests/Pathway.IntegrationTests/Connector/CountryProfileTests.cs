using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Country profile figures on both databases: each edit appends a version and the profile shows the current value
/// with its history; the country's team and content editors record figures, another country's focal point and
/// anonymous callers cannot; stale edits and bad values are refused without writing.
/// </summary>
public class CountryProfileTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Share(decimal value, int year, int revision = 0, string indicator = "OutOfPocketShare") => new
    {
        indicator, value, year, source = $"National health accounts {year}", sourceLink = "https://example.org/nha", revision,
    };

    private static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string url, object body, HttpStatusCode expected)
    {
        using var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task An_edit_appends_a_version_and_the_profile_shows_the_current_value_with_its_history()
    {
        var contributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "LSO");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var team = await factory.CreateApiClientAsync(contributor);
        using var editing = await factory.CreateApiClientAsync(editor);

        var recorded = await SendAsync(team, HttpMethod.Post, "/api/countries/LSO/profile/figures", Share(31.5m, 2019), HttpStatusCode.OK);
        var figureId = recorded.GetProperty("figureId").GetGuid();
        await SendAsync(editing, HttpMethod.Put, $"/api/countries/LSO/profile/figures/{figureId}", Share(28.25m, 2022, revision: 1), HttpStatusCode.OK);
        // Recording the same indicator again adds a version to the same figure, never a second figure.
        var again = await SendAsync(team, HttpMethod.Post, "/api/countries/LSO/profile/figures", Share(27m, 2023), HttpStatusCode.OK);
        Assert.Equal(figureId, again.GetProperty("figureId").GetGuid());
        // Someone who saw revision 1 is told of the newer one.
        var stale = await SendAsync(team, HttpMethod.Put, $"/api/countries/LSO/profile/figures/{figureId}", Share(30m, 2023, revision: 1), HttpStatusCode.Conflict);
        Assert.Equal(27m, stale.GetProperty("current").GetProperty("value").GetDecimal());
        await SendAsync(team, HttpMethod.Post, "/api/countries/LSO/profile/figures",
            new { indicator = "KeyLaw", text = "Private health facilities act", year = 2015, source = "Official gazette" }, HttpStatusCode.OK);

        using var anonymous = factory.CreateClient();
        var profile = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/countries/LSO/profile", Ct));
        var figures = profile.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(2, figures.Count);
        var share = figures.Single(f => f.GetProperty("indicator").GetString() == "OutOfPocketShare");
        Assert.Equal(27m, share.GetProperty("current").GetProperty("value").GetDecimal());
        Assert.Equal(3, share.GetProperty("current").GetProperty("revision").GetInt32());
        Assert.Equal([28.25m, 31.5m], share.GetProperty("history").EnumerateArray().Select(v => v.GetProperty("value").GetDecimal()).ToArray());

        var page = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/countries/LSO", Ct));
        Assert.Contains("Private health facilities act", page, StringComparison.Ordinal);
        Assert.Contains("28.25", page, StringComparison.Ordinal);
        Assert.Contains("31.5", page, StringComparison.Ordinal);
        Assert.Contains("National health accounts 2023", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_countrys_team_and_editors_record_figures()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "SWZ");
        var otherFocalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "ZAF");
        using var team = await factory.CreateApiClientAsync(focalPoint);
        using var other = await factory.CreateApiClientAsync(otherFocalPoint);
        var recorded = await SendAsync(team, HttpMethod.Post, "/api/countries/SWZ/profile/figures", Share(40m, 2021, indicator: "PrivateShareInpatient"), HttpStatusCode.OK);
        var figureId = recorded.GetProperty("figureId").GetGuid();

        await SendAsync(other, HttpMethod.Post, "/api/countries/SWZ/profile/figures", Share(99m, 2021), HttpStatusCode.Forbidden);
        await SendAsync(other, HttpMethod.Put, $"/api/countries/SWZ/profile/figures/{figureId}", Share(99m, 2021, revision: 1), HttpStatusCode.Forbidden);
        await SendAsync(factory.CreateClient(), HttpMethod.Post, "/api/countries/SWZ/profile/figures", Share(99m, 2021), HttpStatusCode.Unauthorized);
        var invalid = await SendAsync(team, HttpMethod.Post, "/api/countries/SWZ/profile/figures", Share(140m, 2021), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("Value", out _));
        await SendAsync(team, HttpMethod.Post, "/api/countries/SWZ/profile/figures",
            new { indicator = "PrivateFacilities", value = 12, year = 2021, source = "Register" }, HttpStatusCode.BadRequest);
        await SendAsync(team, HttpMethod.Post, "/api/countries/ZZZ/profile/figures", Share(10m, 2021), HttpStatusCode.NotFound);

        // The page: the other country's focal point is shown no form and a post from them changes nothing.
        using var otherPages = await factory.CreateSignedInClientAsync(otherFocalPoint);
        var refusedPage = await HttpAssert.HtmlAsync(await otherPages.GetAsync($"/countries/SWZ/figures/{figureId}", Ct));
        Assert.DoesNotContain("profile-figure-form", refusedPage, StringComparison.Ordinal);
        using var teamPages = await factory.CreateSignedInClientAsync(focalPoint);
        var formPage = await HttpAssert.HtmlAsync(await teamPages.GetAsync($"/countries/SWZ/figures/{figureId}", Ct));
        var form = HtmlForm.Find(formPage, "profile-figure").With("value", "42,5").With("year", "2023").With("source", "Hospital survey 2023");
        using var saved = await teamPages.PostAsync($"/countries/SWZ/figures/{figureId}", form.ToContent(), Ct);
        await HttpAssert.RedirectAsync(saved);
        var profile = await HttpAssert.JsonAsync(await factory.CreateClient().GetAsync("/api/countries/SWZ/profile", Ct));
        var figure = profile.GetProperty("figures")[0];
        Assert.Equal(42.5m, figure.GetProperty("current").GetProperty("value").GetDecimal());
        Assert.Equal(40m, figure.GetProperty("history")[0].GetProperty("value").GetDecimal());
        Assert.Equal(1, figure.GetProperty("history").GetArrayLength());
    }
}

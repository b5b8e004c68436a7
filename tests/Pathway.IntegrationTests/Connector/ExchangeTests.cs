using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §6, request an exchange: a country user asks a peer country, whose focal points are told and answer; only the
/// two countries' people (and administrators) ever see the request. Each test works on a mechanism of its own.
/// </summary>
public class ExchangeTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_tells_the_other_focal_point_who_accepts_and_only_the_two_countries_see_it()
    {
        var kenya = await factory.PublishLevelsAsync("KEN", 2025, new Dictionary<string, int> { ["AS.1"] = 3 });
        var requester = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var kenyanContributor = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        var thirdCountry = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "TUN");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);

        // From the peer list's link: the form page, posted with its antiforgery token.
        using var page = await factory.CreateSignedInClientAsync(requester);
        var peers = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync("/peers/AS.1?from=2", Ct)));
        Assert.Contains("/peers/AS.1/exchange/KEN", peers, StringComparison.Ordinal);
        var formPage = await HttpAssert.HtmlAsync(await page.GetAsync("/peers/AS.1/exchange/KEN", Ct));
        var form = HtmlForm.Find(formPage, "exchange-request").Fill("message", "How did you set up the licensing register?");
        var location = await HttpAssert.RedirectAsync(await page.PostAsync("/peers/AS.1/exchange/KEN", form.ToContent(), Ct));
        var id = Guid.Parse(location[(location.IndexOf("/exchanges/", StringComparison.Ordinal) + "/exchanges/".Length)..].Split('?')[0]);

        await using (var scope = factory.OpenSystemDb())
        {
            var notice = await scope.Db.Notices.SingleAsync(n => n.Key == $"{NoticeKind.ExchangeRequested}:{id:N}", Ct);
            Assert.Equal(kenya.FocalPoint.Id, notice.RecipientId);
            Assert.Equal($"/exchanges/{id}", notice.Link);
        }

        // The third country's focal point and the content editor: not found, page and API alike.
        foreach (var outsider in new[] { thirdCountry, editor })
        {
            using var outsiderPage = await factory.CreateSignedInClientAsync(outsider);
            using var outsiderSees = await outsiderPage.GetAsync($"/exchanges/{id}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, outsiderSees.StatusCode);
            using var outsiderApi = await factory.CreateApiClientAsync(outsider);
            await HttpAssert.ProblemAsync(await outsiderApi.GetAsync($"/api/exchanges/{id}", Ct), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await outsiderApi.PostAsJsonAsync($"/api/exchanges/{id}/answer", new { accept = true }, Ct), HttpStatusCode.NotFound);
            var lists = await HttpAssert.JsonAsync(await outsiderApi.GetAsync("/api/exchanges", Ct));
            Assert.DoesNotContain(id.ToString(), lists.GetRawText(), StringComparison.Ordinal);
        }

        // A Kenyan contributor sees it but only focal points answer.
        using var contributorApi = await factory.CreateApiClientAsync(kenyanContributor);
        await HttpAssert.JsonAsync(await contributorApi.GetAsync($"/api/exchanges/{id}", Ct));
        await HttpAssert.ProblemAsync(await contributorApi.PostAsJsonAsync($"/api/exchanges/{id}/answer", new { accept = true }, Ct), HttpStatusCode.Forbidden);

        // The focal point accepts from the page, sharing contact details.
        using var focalPage = await factory.CreateSignedInClientAsync(kenya.FocalPoint);
        var incoming = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await focalPage.GetAsync("/exchanges", Ct)));
        Assert.Contains($"/exchanges/{id}", incoming, StringComparison.Ordinal);
        var answerPage = await HttpAssert.HtmlAsync(await focalPage.GetAsync($"/exchanges/{id}", Ct));
        var answer = HtmlForm.Find(answerPage, "exchange-answer").Fill("reply", "Write to registry@example.org");
        // The "Accept" button's own name and value, as a browser sends the button pressed.
        using var accept = new FormUrlEncodedContent(answer.Fields.Append(new("Input.Accept", "true")));
        await HttpAssert.RedirectAsync(await focalPage.PostAsync($"/exchanges/{id}", accept, Ct));

        await using (var scope = factory.OpenSystemDb())
        {
            var request = await scope.Db.Set<ExchangeRequest>().SingleAsync(r => r.Id == id, Ct);
            Assert.Equal(ExchangeStatus.Accepted, request.Status);
            Assert.True(await scope.Db.Notices.AnyAsync(n => n.Key == $"{NoticeKind.ExchangeAccepted}:{id:N}" && n.RecipientId == requester.Id, Ct));
        }
        var seen = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync($"/exchanges/{id}", Ct)));
        Assert.Contains("Write to registry@example.org", seen, StringComparison.Ordinal);

        // Once answered, it stays answered.
        using var focalApi = await factory.CreateApiClientAsync(kenya.FocalPoint);
        await HttpAssert.ProblemAsync(await focalApi.PostAsJsonAsync($"/api/exchanges/{id}/answer", new { accept = false }, Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_second_pending_request_for_the_same_pair_and_mechanism_is_refused_until_the_first_is_answered()
    {
        var morocco = await factory.PublishLevelsAsync("MAR", 2025, new Dictionary<string, int> { ["AS.2"] = 4 });
        var requester = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "JOR");
        using var api = await factory.CreateApiClientAsync(requester);
        var body = new { toCountry = "MAR", mechanism = "AS.2", message = "Could we visit your accreditation unit?" };

        using var first = await api.PostAsJsonAsync("/api/exchanges", body, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/exchanges", body, Ct), HttpStatusCode.Conflict);

        using var focalApi = await factory.CreateApiClientAsync(morocco.FocalPoint);
        var declined = await HttpAssert.JsonAsync(await focalApi.PostAsJsonAsync($"/api/exchanges/{id}/answer", new { accept = false }, Ct));
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.True(await scope.Db.Notices.AnyAsync(n => n.Key == $"{NoticeKind.ExchangeDeclined}:{id:N}" && n.RecipientId == requester.Id, Ct));
        }

        using var again = await api.PostAsJsonAsync("/api/exchanges", body, Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Only_country_users_ask_and_only_countries_that_published_on_the_mechanism_can_be_asked()
    {
        await factory.PublishLevelsAsync("LBN", 2025, new Dictionary<string, int> { ["AS.3"] = 3 });
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var editorApi = await factory.CreateApiClientAsync(editor);
        await HttpAssert.ProblemAsync(await editorApi.PostAsJsonAsync("/api/exchanges",
            new { toCountry = "LBN", mechanism = "AS.3", message = "Hello" }, Ct), HttpStatusCode.Forbidden);

        var requester = await factory.CreateUserAsync(Roles.CountryContributor, country: "IRQ");
        using var api = await factory.CreateApiClientAsync(requester);
        var notAPeer = await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/exchanges",
            new { toCountry = "SYR", mechanism = "AS.3", message = "Hello" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(notAPeer.GetProperty("errors").TryGetProperty("ToCountry", out _), notAPeer.ToString());
        var empty = await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/exchanges",
            new { toCountry = "LBN", mechanism = "AS.3", message = "  " }, Ct), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("Message", out _), empty.ToString());
        var control = await HttpAssert.ProblemAsync(await api.PostAsJsonAsync("/api/exchanges",
            new { toCountry = "LBN", mechanism = "AS.3", message = "Hello\u0000" }, Ct), HttpStatusCode.BadRequest);
        // Refused before the handler by the site-wide text rule, which names the body's field as sent.
        Assert.True(control.GetProperty("errors").TryGetProperty("message", out _), control.ToString());
    }
}

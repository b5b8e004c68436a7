using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Notices;

/// <summary>My work and the notices over the API: the caller's own, in the request's language.</summary>
public sealed class NoticesApiTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task My_work_lists_the_callers_rounds_to_rate_with_progress_and_nothing_of_another_country()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var jordan = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "JOR");

        using var respondent = await factory.CreateApiClientAsync(round.PublicRespondent);
        using var work = JsonDocument.Parse(await respondent.GetStringAsync("/api/my-work", Ct));
        var rating = Assert.Single(work.RootElement.GetProperty("rating").EnumerateArray());
        Assert.Equal(round.Id, rating.GetProperty("roundId").GetGuid());
        Assert.Equal(0, rating.GetProperty("rated").GetInt32());
        Assert.Equal(round.MechanismCodes.Count, rating.GetProperty("mechanisms").GetInt32());

        using var stranger = await factory.CreateApiClientAsync(jordan);
        var theirs = await stranger.GetStringAsync("/api/my-work", Ct);
        Assert.DoesNotContain(round.Id.ToString(), theirs, StringComparison.OrdinalIgnoreCase);

        using var anonymous = factory.CreateClient();
        using var refused = await anonymous.GetAsync("/api/my-work", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Notices_read_in_the_requests_language_and_only_the_callers_own_can_be_marked_read()
    {
        var round = await factory.CreateRoundAsync("EGY");
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        await factory.MoveAsync(round, round.FocalPoint, "Consensus");
        await factory.MoveAsync(round, round.FocalPoint, "RatingOpen");
        var theirs = (await factory.NoticesOfAsync(round.PrivateRespondent)).First();
        using var client = await factory.CreateApiClientAsync(round.PublicRespondent);

        using (var french = JsonDocument.Parse(await client.GetStringAsync("/api/notices?lang=fr", Ct)))
        {
            Assert.Equal(2, french.RootElement.GetProperty("unread").GetInt32());
            var first = french.RootElement.GetProperty("notices")[0];
            Assert.StartsWith("La notation est ouverte", first.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal($"/assessments/{round.Id}/rate", first.GetProperty("link").GetString());
        }
        using (var arabic = JsonDocument.Parse(await client.GetStringAsync("/api/notices?lang=ar", Ct)))
        {
            Assert.Contains("التقييم مفتوح", arabic.RootElement.GetProperty("notices")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var mine = (await factory.NoticesOfAsync(round.PublicRespondent)).First();
        using (var read = await client.PostAsync($"/api/notices/{mine.Id}/read", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }
        using (var other = await client.PostAsync($"/api/notices/{theirs.Id}/read", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        }
        Assert.All(await factory.NoticesOfAsync(round.PrivateRespondent), n => Assert.Null(n.ReadAt));

        using (var all = await client.PostAsync("/api/notices/read", null, Ct))
        {
            Assert.Equal(1, (await all.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32());
        }
        Assert.All(await factory.NoticesOfAsync(round.PublicRespondent), n => Assert.NotNull(n.ReadAt));
    }
}

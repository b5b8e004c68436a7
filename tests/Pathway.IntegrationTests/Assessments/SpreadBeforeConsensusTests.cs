using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Nobody sees others' ratings before consensus opens, facilitators included: they follow progress by counts.</summary>
public class SpreadBeforeConsensusTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string Secret = "A private-side view nobody may read before consensus.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Facilitators_see_progress_counts_but_no_level_or_comment_until_consensus_opens()
    {
        var round = await factory.CreateRoundAsync(status: AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PrivateRespondent, round.MechanismCodes[0], 4, Secret);

        foreach (var facilitator in new[] { round.FocalPoint, round.Facilitator })
        {
            using var api = factory.CreateClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(facilitator));
            foreach (var path in new[] { "spread", "consensus" })
            {
                using var refused = await api.GetAsync($"/api/assessments/{round.Id}/{path}", Ct);
                var body = await refused.Content.ReadAsStringAsync(Ct);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            }

            using var client = await factory.CreateSignedInClientAsync(facilitator);
            foreach (var page in new[] { "consensus", $"consensus/{round.MechanismCodes[0]}" })
            {
                var html = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/{page}", Ct));
                Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
                Assert.DoesNotContain("spread-table", html, StringComparison.Ordinal);
            }
            var workspace = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}", Ct));
            Assert.Contains("respondents have rated every mechanism", workspace, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, workspace, StringComparison.Ordinal);
        }

        await factory.MoveRoundAsync(round, AssessmentStatus.Consensus);
        using var opened = factory.CreateClient();
        opened.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(round.Facilitator));
        using var spread = await opened.GetAsync($"/api/assessments/{round.Id}/spread", Ct);
        Assert.Contains(Secret, (await HttpAssert.JsonAsync(spread)).GetRawText(), StringComparison.Ordinal);
    }

    private async Task RateAsync(TestRound round, TestUser respondent, string code, int level, string comment)
    {
        await using var scope = factory.OpenSystemDb();
        var participantId = await scope.Db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == round.Id && p.UserId == respondent.Id).Select(p => p.Id).SingleAsync(Ct);
        var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = participantId, MechanismCode = code };
        rating.Record(IndividualAnswer.Rated(level), comment, DateTimeOffset.UtcNow);
        scope.Db.Ratings.Add(rating);
        await scope.Db.SaveChangesAsync(Ct);
    }
}

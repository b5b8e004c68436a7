using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// The public country dashboard is rendered once per country, language and state of the published rows: a page is
/// served as kept until a release changes the published rows, and the team's dashboard is never served from it.
/// </summary>
public class PublicCountryPagesTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_public_page_is_kept_until_the_published_rows_change_and_the_team_page_never_is()
    {
        var first = await PublishAsync();
        using var anonymous = factory.CreatePageClient();
        var shown = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/KEN", Ct));
        Assert.True(Cells(shown, 2) > 0 && Cells(shown, 4) == 0, "every mechanism was published at level 2");

        // A change that leaves the published rows' stamp alone (no new row, no new release) is not seen by the kept page...
        await using (var scope = factory.OpenSystemDb())
        {
            await scope.Db.PublishedResults.Where(row => row.AssessmentId == first.Id && row.Level != null)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Level, 4), Ct);
        }
        var kept = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/KEN", Ct));
        var arabic = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/KEN?culture=ar", Ct));
        Assert.Equal(Cells(shown, 2), Cells(kept, 2));
        // ...while a language not rendered yet is built afresh.
        Assert.Equal(Cells(shown, 2), Cells(arabic, 4));

        // A new release changes the stamp: the next request shows it, in every language.
        var second = await PublishAsync();
        var fresh = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/KEN", Ct));
        Assert.Contains($"/published/{second.Id}", fresh, StringComparison.Ordinal);
        Assert.Equal(Cells(shown, 2), Cells(fresh, 4));

        // The team sees its unpublished round; the public page, kept or not, never does.
        var unpublished = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        var member = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        using var team = await factory.CreateSignedInClientAsync(member);
        var teamPage = await HttpAssert.HtmlAsync(await team.GetAsync("/dashboards/countries/KEN/team", Ct));
        var publicPage = await HttpAssert.HtmlAsync(await team.GetAsync("/dashboards/countries/KEN", Ct));
        Assert.Contains($"/assessments/{unpublished.Id}", teamPage, StringComparison.Ordinal);
        Assert.DoesNotContain(unpublished.Id.ToString(), publicPage, StringComparison.Ordinal);
        Assert.Contains("/dashboards/countries/KEN/team", publicPage, StringComparison.Ordinal);
    }

    private async Task<TestRound> PublishAsync()
    {
        var round = await factory.CreateRoundAsync("KEN", AssessmentStatus.Validated);
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false });
        return round;
    }

    /// <summary>The heat map's cells at a level.</summary>
    private static int Cells(string html, int level) => Regex.Count(html, $"<td class=\"level-{level} text-nowrap\" data-level=\"{level}\">");
}

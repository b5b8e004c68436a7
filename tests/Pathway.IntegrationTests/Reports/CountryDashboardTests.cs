using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Reports;

/// <summary>Issue 10 §3: the country dashboard, for the team (scoped) and for the public (published results only).</summary>
[Collection(DemoDataGroup.Name)]
public class CountryDashboardTests(DemoAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_team_sees_every_round_the_divergence_and_the_plans_figures()
    {
        await factory.LoadedAsync();
        var unpublished = await factory.CreateRoundAsync("JOR", AssessmentStatus.Validated);
        var member = await factory.CreateUserAsync(Roles.CountryContributor, country: "JOR");
        using var client = await factory.CreateSignedInClientAsync(member);

        var html = await HttpAssert.HtmlAsync(await client.GetAsync("/dashboards/countries/JOR/team", Ct));

        Assert.Contains($"/assessments/{unpublished.Id}", html, StringComparison.Ordinal);
        Assert.Contains("divergence-table", html, StringComparison.Ordinal);
        var expected = await PlanFiguresAsync("JOR");
        Assert.Equal(expected.Overdue, Figure(html, "overdue"));
        Assert.Equal(expected.DueSoon, Figure(html, "due-soon"));
        Assert.Equal(expected.Done, Figure(html, "done-since-endorsement"));
        Assert.True(expected.Overdue > 0 && expected.DueSoon > 0 && expected.Done > 0, "the demonstration plan has something in each");
        // Three rounds over time: the heat map has a column each.
        Assert.Equal(3, Columns(html));
    }

    [Fact]
    public async Task Another_countrys_user_and_an_anonymous_visitor_cannot_open_the_team_dashboard()
    {
        await factory.LoadedAsync();
        var outsider = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var client = await factory.CreateSignedInClientAsync(outsider);
        using var anonymous = factory.CreatePageClient();

        using var refused = await client.GetAsync("/dashboards/countries/JOR/team", Ct);
        using var unknown = await client.GetAsync("/dashboards/countries/ZZZ/team", Ct);
        using var signIn = await anonymous.GetAsync("/dashboards/countries/JOR/team", Ct);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/login", HttpAssert.Location(signIn)!.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_dashboard_shows_only_published_results()
    {
        await factory.LoadedAsync();
        var unpublished = await factory.CreateRoundAsync("MAR", AssessmentStatus.Validated);
        using var anonymous = factory.CreateClient();

        var html = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/MAR", Ct));

        Assert.DoesNotContain(unpublished.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("/assessments/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("divergence-table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-figure", html, StringComparison.Ordinal);
        Assert.Contains("radar", html, StringComparison.Ordinal);
        // Each cell of the heat map is the published level of the round's latest release.
        await using var scope = factory.OpenSystemDb();
        var published = await scope.Db.PublishedResults.AsNoTracking()
            .Where(row => row.CountryIso3 == "MAR" && row.IsLatest && row.Level != null).CountAsync(Ct);
        Assert.Equal(published, Regex.Count(html, "<td class=\"level-[1-4] text-nowrap\" data-level="));
    }

    [Fact]
    public async Task The_public_dashboard_of_a_corrected_round_shows_its_latest_revision_and_a_profile_only_round_has_no_column()
    {
        await factory.LoadedAsync();
        using var anonymous = factory.CreateClient();

        var corrected = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/KEN", Ct));
        var profileOnly = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/MDA", Ct));
        var nothing = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries/FRA", Ct));
        var index = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/dashboards/countries", Ct));

        Assert.Contains("Revision 2", corrected, StringComparison.Ordinal);
        Assert.Equal(1, Columns(profileOnly));
        Assert.Contains("Nothing has been published for this country yet.", nothing, StringComparison.Ordinal);
        Assert.Contains("/dashboards/countries/KEN", index, StringComparison.Ordinal);
        Assert.DoesNotContain("/dashboards/countries/FRA", index, StringComparison.Ordinal);
    }

    /// <summary>The heat map's round columns.</summary>
    private static int Columns(string html)
    {
        var timeline = html[html.IndexOf("mechanism-timeline", StringComparison.Ordinal)..];
        return Regex.Count(timeline[..timeline.IndexOf("</thead>", StringComparison.Ordinal)], "<th scope=\"col\" class=\"text-nowrap\">");
    }

    private static int Figure(string html, string name)
    {
        var match = Regex.Match(html, $"data-figure=\"{name}\">(\\d+)<");
        Assert.True(match.Success, $"no figure {name}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The figures counted straight from the latest demonstration plan's items.</summary>
    private async Task<(int Overdue, int DueSoon, int Done)> PlanFiguresAsync(string iso3)
    {
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var plans = await db.ActionPlans.IgnoreQueryFilters().AsNoTracking()
            .Where(plan => plan.CountryIso3 == iso3)
            .Join(db.Assessments.IgnoreQueryFilters(), plan => plan.AssessmentId, round => round.Id, (plan, round) => new { plan.AssessmentId, plan.EndorsedAt, round.PlannedEnd })
            .ToListAsync(Ct);
        var latest = plans.OrderBy(plan => plan.PlannedEnd).Last();
        var items = await db.ActionItems.IgnoreQueryFilters().AsNoTracking().Where(item => item.AssessmentId == latest.AssessmentId).ToListAsync(Ct);
        var today = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var endorsed = DateOnly.FromDateTime(latest.EndorsedAt!.Value.UtcDateTime);
        var open = items.Where(item => item.Status is not (ActionStatus.Done or ActionStatus.Dropped)).ToList();
        return (open.Count(item => item.Due < today), open.Count(item => item.Due >= today && item.Due <= today.AddDays(30)),
            items.Count(item => item.Status == ActionStatus.Done && item.CompletedOn >= endorsed));
    }
}

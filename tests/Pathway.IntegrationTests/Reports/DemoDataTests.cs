using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;
using Pathway.Web.Reports.Demo;

namespace Pathway.IntegrationTests.Reports;

/// <summary>The site with the demonstration data loaded once (through <see cref="DemoData.LoadAsync"/>, as the command does).</summary>
public sealed class DemoAppFactory : PathwayAppFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DemoResult? loaded;

    public async Task<DemoResult> LoadedAsync()
    {
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return loaded ??= await DemoData.LoadAsync(Services, TestContext.Current.CancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>The tests that read the loaded demonstration data share one load (it takes a while), one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DemoDataGroup : ICollectionFixture<DemoAppFactory>
{
    public const string Name = "Demonstration data";
}

/// <summary>Issue 10 §6: the demonstration data, made through the product's services and labelled wherever it shows.</summary>
[Collection(DemoDataGroup.Name)]
public class DemoDataTests(DemoAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loading_makes_two_published_rounds_in_each_of_at_least_ten_countries_all_labelled_with_their_published_rows()
    {
        var result = await factory.LoadedAsync();

        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var rounds = await db.Assessments.IgnoreQueryFilters().AsNoTracking().Where(round => round.IsDemonstration)
            .Select(round => new { round.Id, round.CountryIso3, round.Title, round.Status, round.Revision, Region = round.Country!.RegionCode })
            .ToListAsync(Ct);
        Assert.True(result.Changed);
        Assert.True(rounds.Select(round => round.CountryIso3).Distinct().Count() >= 10);
        Assert.True(rounds.Select(round => round.Region).Distinct().Count() >= 4, "several WHO regions");
        Assert.All(rounds.GroupBy(round => round.CountryIso3), country => Assert.Equal(2, country.Count()));
        Assert.All(rounds, round =>
        {
            Assert.Equal(AssessmentStatus.Published, round.Status);
            Assert.StartsWith("Demonstration data", round.Title, StringComparison.Ordinal);
        });
        Assert.Single(rounds, round => round.Revision == 2);

        var ids = rounds.Select(round => round.Id).ToList();
        var facts = await db.PublishedResults.AsNoTracking().Where(row => ids.Contains(row.AssessmentId)).ToListAsync(Ct);
        Assert.All(ids, id => Assert.Contains(facts, row => row.AssessmentId == id && row.IsLatest));
        Assert.All(facts, row => Assert.True(row.IsDemonstration));
        Assert.True(facts.Where(row => row.IsLatest).Select(row => row.Year).Distinct().Count() >= 2, "rounds in several years");
        // The corrected round kept its first release's rows as history.
        var corrected = rounds.Single(round => round.Revision == 2).Id;
        Assert.Equal([1, 2], facts.Where(row => row.AssessmentId == corrected).Select(row => row.Revision).Distinct().Order());

        // Divergent ratings (public side above, private side below), context, targets and endorsed plans with progress.
        Assert.True(await db.Ratings.IgnoreQueryFilters().CountAsync(rating => ids.Contains(rating.AssessmentId), Ct) > 1000);
        Assert.Equal(ids.Count, await db.RoundContexts.IgnoreQueryFilters().CountAsync(context => ids.Contains(context.AssessmentId), Ct));
        Assert.True(await db.MechanismTargets.IgnoreQueryFilters().CountAsync(target => ids.Contains(target.AssessmentId), Ct) > 0);
        Assert.Equal(ids.Count, await db.ActionPlans.IgnoreQueryFilters().CountAsync(plan => ids.Contains(plan.AssessmentId) && plan.Status == PlanStatus.Endorsed, Ct));
        var statuses = await db.ActionItems.IgnoreQueryFilters().Where(item => ids.Contains(item.AssessmentId)).Select(item => item.Status).Distinct().ToListAsync(Ct);
        Assert.Contains(ActionStatus.Done, statuses);
        Assert.Contains(ActionStatus.Delayed, statuses);
        Assert.True(await db.AuditEntries.IgnoreQueryFilters().CountAsync(entry => ids.Contains(entry.AssessmentId), Ct) > 0, "the audit trail is the real one");
    }

    [Fact]
    public async Task Loading_again_changes_nothing()
    {
        await factory.LoadedAsync();
        var before = await CountsAsync();

        var again = await DemoData.LoadAsync(factory.Services, Ct);

        Assert.False(again.Changed);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Demonstration_people_cannot_sign_in_and_use_example_addresses()
    {
        await factory.LoadedAsync();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var scope = factory.OpenSystemDb())
        {
            var people = await scope.Db.Users.Where(user => user.Email!.StartsWith("demo.")).ToListAsync(Ct);
            Assert.NotEmpty(people);
            Assert.All(people, person =>
            {
                Assert.EndsWith("@example.org", person.Email, StringComparison.Ordinal);
                Assert.Null(person.PasswordHash);
                Assert.True(person.LockoutEnd > now.AddYears(100));
                Assert.Contains("fictional", person.DisplayName, StringComparison.Ordinal);
            });
        }
        using var client = factory.CreateClient();
        using var response = await client.LoginAsync("demo.ken.focal@example.org", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rounds_published_rows_and_plan_files_say_demonstration_data()
    {
        await factory.LoadedAsync();
        var member = await factory.CreateUserAsync(Roles.CountryContributor, country: "GHA");
        using var api = await factory.CreateApiClientAsync(member);
        using var pages = await factory.CreateSignedInClientAsync(member);
        using var anonymous = factory.CreateClient();

        var rounds = (await HttpAssert.JsonAsync(await api.GetAsync("/api/assessments?country=GHA", Ct))).EnumerateArray().ToList();
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, round => Assert.True(round.GetProperty("isDemonstration").GetBoolean()));
        var id = rounds[0].GetProperty("id").GetGuid();
        Assert.True((await HttpAssert.JsonAsync(await api.GetAsync($"/api/assessments/{id}", Ct))).GetProperty("isDemonstration").GetBoolean());
        Assert.Contains("Demonstration data", await HttpAssert.HtmlAsync(await pages.GetAsync("/assessments?country=GHA", Ct)), StringComparison.Ordinal);
        Assert.Contains("demo-round", await HttpAssert.HtmlAsync(await pages.GetAsync($"/assessments/{id}", Ct)), StringComparison.Ordinal);

        var published = (await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/published?country=GHA", Ct))).EnumerateArray().ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, round => Assert.True(round.GetProperty("isDemonstration").GetBoolean()));
        Assert.True((await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/published/{id}", Ct))).GetProperty("isDemonstration").GetBoolean());
        Assert.Contains("demo-badge", await HttpAssert.HtmlAsync(await anonymous.GetAsync("/published", Ct)), StringComparison.Ordinal);
        Assert.Contains("demo-round", await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{id}", Ct)), StringComparison.Ordinal);
        // In French too: the label goes through the localizer.
        Assert.Contains("Données de démonstration", WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync("/published?culture=fr", Ct))), StringComparison.Ordinal);

        using var csv = await api.GetAsync($"/api/assessments/{id}/plan/export/csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("plan-demo-GHA-", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        using var docx = await api.GetAsync($"/api/assessments/{id}/plan/export/docx", Ct);
        using var archive = new ZipArchive(await docx.Content.ReadAsStreamAsync(Ct));
        using var body = new StreamReader(archive.GetEntry("word/document.xml")!.Open());
        Assert.Contains("(Demonstration data)", await body.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_page_draws_the_change_between_two_rounds()
    {
        await factory.LoadedAsync();
        var member = await factory.CreateUserAsync(Roles.CountryContributor, country: "PER");
        using var api = await factory.CreateApiClientAsync(member);
        using var pages = await factory.CreateSignedInClientAsync(member);
        var ids = (await HttpAssert.JsonAsync(await api.GetAsync("/api/assessments?country=PER", Ct))).EnumerateArray()
            .Select(round => round.GetProperty("id").GetGuid()).ToList();

        var html = await HttpAssert.HtmlAsync(await pages.GetAsync($"/assessments/{ids[0]}/compare/{ids[1]}", Ct));

        // The shared trend chart: one line per behaviour from then to now.
        var chart = html[html.IndexOf("compare-change-chart", StringComparison.Ordinal)..];
        Assert.Contains("trend-chart", chart[..200], StringComparison.Ordinal);
        Assert.Equal(6, chart.Split("class=\"trend-series\"").Length - 1);
    }

    private async Task<(int Rounds, int Releases, int Facts, int Audit, int Users, int Items)> CountsAsync()
    {
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        return (
            await db.Assessments.IgnoreQueryFilters().CountAsync(Ct),
            await db.PublishedReleases.CountAsync(Ct),
            await db.PublishedResults.CountAsync(Ct),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync(Ct),
            await db.Users.CountAsync(Ct),
            await db.ActionItems.IgnoreQueryFilters().CountAsync(Ct));
    }
}

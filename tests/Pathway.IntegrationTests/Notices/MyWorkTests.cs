using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Notices;

/// <summary>The My work page: what waits for each person by role, in their country only, in few queries.</summary>
public sealed class MyWorkTests(MailingAppFactory factory) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> MyWorkAsync(TestUser user, string culture = "en")
    {
        using var client = await factory.CreateSignedInClientAsync(user);
        return WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/my-work?culture={culture}", Ct)));
    }

    private async Task<Guid> AddActionAsync(TestRound round, string responsible, DateOnly due)
    {
        await using var scope = factory.OpenSystemDb();
        var plan = await scope.Db.ActionPlans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.AssessmentId == round.Id, Ct);
        if (plan is null)
        {
            plan = new ActionPlan { AssessmentId = round.Id, CountryIso3 = round.Country, CreatedAt = DateTimeOffset.UtcNow };
            scope.Db.ActionPlans.Add(plan);
        }
        var item = new ActionItem
        {
            AssessmentId = round.Id, ActionPlanId = plan.Id, CountryIso3 = round.Country, MechanismCode = round.MechanismCodes[0],
            What = $"Draft the contracting rules {TestAccounts.UniqueSuffix()}", ResponsiblePerson = responsible, Due = due,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        scope.Db.ActionItems.Add(item);
        await scope.Db.SaveChangesAsync(Ct);
        return item.Id;
    }

    [Fact]
    public async Task Signing_in_lands_on_my_work()
    {
        var user = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = factory.CreatePageClient();
        var form = HtmlForm.Find(await client.GetStringAsync("/account/login", Ct), "login")
            .With("Input.Email", user.Email).With("Input.Password", user.Password);

        using var response = await client.PostAsync("/account/login", form.ToContent(), Ct);

        Assert.Equal("http://localhost/my-work", await HttpAssert.RedirectAsync(response));
        var page = await client.GetStringAsync("/", Ct);
        Assert.Contains("href=\"/my-work\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_person_sees_what_waits_for_them_and_each_line_opens_the_page_where_it_is_done()
    {
        var rating = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var consensus = await factory.CreateRoundAsync("EGY", AssessmentStatus.Consensus);
        var submitted = await factory.CreateRoundAsync("EGY", AssessmentStatus.Submitted);
        var validated = await factory.CreateRoundAsync("EGY", AssessmentStatus.Validated);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdue = await AddActionAsync(validated, rating.PublicRespondent.Email, today.AddDays(-2));
        var later = await AddActionAsync(validated, rating.PublicRespondent.Email, today.AddDays(60));
        using (var api = factory.CreateClient())
        {
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(rating.FocalPoint));
            using var added = await api.PostAsJsonAsync($"/api/assessments/{rating.Id}/participants",
                new { email = TestAccounts.UniqueEmail("invited"), displayName = "Dr Nadia Invited", group = "MinistryOfHealth" }, Ct);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        var otherReviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");
        var jordan = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "JOR");

        var respondent = await MyWorkAsync(rating.PublicRespondent);
        Assert.Contains($"href=\"/assessments/{rating.Id}/rate\"", respondent, StringComparison.Ordinal);
        Assert.Contains($"0 of {rating.MechanismCodes.Count} mechanisms rated", respondent, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{validated.Id}/plan/items/{overdue}\"", respondent, StringComparison.Ordinal);
        Assert.Contains("Overdue", respondent, StringComparison.Ordinal);
        Assert.DoesNotContain(later.ToString(), respondent, StringComparison.Ordinal);
        Assert.DoesNotContain("/consensus\"", respondent, StringComparison.Ordinal);

        var facilitator = await MyWorkAsync(consensus.Facilitator);
        Assert.Contains($"href=\"/assessments/{consensus.Id}/consensus\"", facilitator, StringComparison.Ordinal);
        Assert.Contains($"{consensus.MechanismCodes.Count} of {consensus.MechanismCodes.Count} mechanisms still without an agreed answer",
            facilitator, StringComparison.Ordinal);
        Assert.DoesNotContain($"/assessments/{rating.Id}/", facilitator, StringComparison.Ordinal);

        var focal = await MyWorkAsync(validated.FocalPoint);
        Assert.Contains($"href=\"/assessments/{consensus.Id}/consensus\"", focal, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{validated.Id}/plan\"", focal, StringComparison.Ordinal);
        Assert.Contains("2 actions; 2 still need a responsible organisation or a due date", focal, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{rating.Id}/participants\"", focal, StringComparison.Ordinal);
        // A round still in rating waits for its facilitator to open consensus, from the round's page.
        Assert.Contains($"href=\"/assessments/{rating.Id}\"", focal, StringComparison.Ordinal);
        Assert.Contains("Rating is open: 0 of 2 respondents have rated every mechanism.", focal, StringComparison.Ordinal);
        Assert.Contains("Dr Nadia Invited", focal, StringComparison.Ordinal);
        Assert.DoesNotContain($"/assessments/{submitted.Id}/review", focal, StringComparison.Ordinal);

        Assert.Contains($"href=\"/assessments/{submitted.Id}/review\"", await MyWorkAsync(reviewer), StringComparison.Ordinal);
        Assert.DoesNotContain(submitted.Id.ToString(), await MyWorkAsync(otherReviewer), StringComparison.Ordinal);
        var elsewhere = await MyWorkAsync(jordan);
        foreach (var round in new[] { rating, consensus, submitted, validated })
        {
            Assert.DoesNotContain(round.Id.ToString(), elsewhere, StringComparison.Ordinal);
        }
        Assert.Contains("Nothing waits for you right now.", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reads_the_readers_language_and_remembers_it_for_notices()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);

        var arabic = await MyWorkAsync(round.PublicRespondent, "ar");

        Assert.Contains("آليات للتقييم", arabic, StringComparison.Ordinal);
        await using var scope = factory.OpenSystemDb();
        Assert.Equal("ar", await scope.Db.Users.Where(u => u.Id == round.PublicRespondent.Id).Select(u => u.PreferredLanguage).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_page_runs_as_many_queries_for_many_rounds_as_for_one()
    {
        var first = await factory.CreateRoundAsync("KEN", AssessmentStatus.Consensus);
        await AddActionAsync(first, first.FocalPoint.Email, DateOnly.FromDateTime(DateTime.UtcNow));
        using var client = await factory.CreateSignedInClientAsync(first.FocalPoint);
        using var counter = new CommandCounter(factory.DatabaseName ?? factory.DataDirectory!);
        await client.GetStringAsync("/my-work", Ct);
        counter.Reset();
        await client.GetStringAsync("/my-work", Ct);
        var forOne = counter.Count;

        foreach (var status in new[] { AssessmentStatus.Consensus, AssessmentStatus.Returned, AssessmentStatus.Validated, AssessmentStatus.RatingOpen })
        {
            var more = await factory.CreateRoundAsync("KEN", status);
            await AddActionAsync(more, first.FocalPoint.Email, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        }
        counter.Reset();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/my-work", Ct));
        var forMany = counter.Count;

        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(page, "/plan/items/"));
        Assert.Equal(forOne, forMany);
        TestContext.Current.TestOutputHelper?.WriteLine($"My work page: {forMany} SQL commands for one round or many.");
        Assert.InRange(forMany, 1, 12);
    }
}

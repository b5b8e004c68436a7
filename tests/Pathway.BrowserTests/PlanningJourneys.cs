using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Scoring;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// Decision support, as a country's focal point works through it after a validated round: context,
/// default targets, priorities, recommended actions and one of their own, endorsement, progress,
/// downloads; then a second round compared with the first.
/// </summary>
public sealed partial class PlanningJourneys(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A country no other journey uses: plans carry over between a country's rounds.
    private const string Country = "JOR";

    [Fact]
    public Task Focal_point_plans_from_a_validated_round_and_compares_the_next_one() => JourneyAsync(async page =>
    {
        var focalPoint = await People.CreateAsync(Fixture.Server, Roles.CountryFocalPoint, Country, null, "Nadia Planner");
        var firstTitle = $"Baseline {Guid.NewGuid():N}"[..24];
        var first = await SeedValidatedRoundAsync(firstTitle, DateTimeOffset.UtcNow.AddDays(-400), level: index => 1 + index % 3);
        var round = $"/assessments/{first.Id}";

        await People.SignInAsync(page, focalPoint);
        await page.GotoAsync(round);
        await page.GetByRole(AriaRole.Link, new() { Name = "Decision support", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Action plan" })).ToBeVisibleAsync();

        // Context: a fragile setting where private providers deliver most care.
        await page.GetByRole(AriaRole.Link, new() { Name = "1. Context" }).ClickAsync();
        await page.Locator("#fragile-yes").CheckAsync();
        await page.Locator("#share").FillAsync("65");
        await page.Locator("#source").FillAsync("National health accounts");
        await page.Locator("#year").FillAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the context" }).ClickAsync();
        await Expect(page.GetByText("The context is saved.")).ToBeVisibleAsync();
        var notes = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Which context notes apply" }) });
        await Expect(notes).ToContainTextAsync("ragile");
        await Expect(notes).ToContainTextAsync("private");

        // Targets: the one-year defaults (the next level everywhere).
        await page.GetByRole(AriaRole.Link, new() { Name = "2. Targets" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use one-year defaults" }).ClickAsync();
        await Expect(page.GetByText("The targets are saved.").Or(page.GetByText("Current horizon")).First).ToBeVisibleAsync();

        // Priorities: every gap is one level, so the ranking follows the framework; a feasible last mechanism moves up.
        await page.GetByRole(AriaRole.Link, new() { Name = "3. Priorities" }).ClickAsync();
        var rows = page.Locator("tr[data-code]");
        var last = await rows.Last.GetAttributeAsync("data-code");
        Assert.NotNull(last);
        Assert.NotEqual(last, await rows.First.GetAttributeAsync("data-code"));
        await page.Locator($"[id='feasibility-{last}']").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update ranking" }).ClickAsync();
        await Expect(page.GetByText("Scores and weights are saved")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-code]").First).ToHaveAttributeAsync("data-code", last);

        // Three recommended actions for it, each added in one step.
        await page.Locator("tr[data-code]").First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Recommended actions") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex("Recommended actions") })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the recommended actions of a mechanism");
        for (var added = 0; added < 3; added++)
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add to plan") }).Nth(added).ClickAsync();
            await Expect(page.GetByText("Added to the plan:")).ToBeVisibleAsync();
        }

        // One of their own, written from scratch.
        await page.GotoAsync($"{round}/plan/items/new?mechanism={Uri.EscapeDataString(first.Codes[0])}");
        var ownAction = $"Publish the list of licensed private clinics {Guid.NewGuid():N}"[..60];
        await page.Locator("#item-what").FillAsync(ownAction);
        await page.Locator("#item-organisation").FillAsync("Ministry of Health, private sector unit");
        await page.Locator("#item-start").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#item-due").FillAsync(DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(page.GetByText("The action is saved.").Or(page.GetByText(ownAction)).First).ToBeVisibleAsync();

        // Endorsement waits for every open action to have someone responsible: the three added in one step have none yet.
        await page.GotoAsync($"{round}/plan");
        // Each blocker links to the field it needs in the plan's form; all three are filled in and saved at once.
        var blockers = page.Locator("#plan-blockers a").Filter(new() { HasText = "no responsible organisation" });
        await Expect(blockers).ToHaveCountAsync(3);
        for (var blocker = 0; blocker < 3; blocker++)
        {
            var href = await blockers.Nth(blocker).GetAttributeAsync("href") ?? "";
            await page.Locator($"#{href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]}").FillAsync("Medical council");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes to these actions" }).ClickAsync();
        await Expect(page.GetByText("3 action(s) saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endorse the plan" }).ClickAsync();
        await Expect(page.GetByText("The plan is endorsed.")).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex($"Endorsed by .*{Regex.Escape(focalPoint.Name)}"))).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the action plan page");

        // Their own action is done.
        await page.GetByRole(AriaRole.Link, new() { Name = ownAction }).ClickAsync();
        await page.Locator("#note-status").SelectOptionAsync("Done");
        await page.Locator("#note-text").FillAsync("The list is on the ministry's website.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Expect(page.GetByText("The progress note is recorded.")).ToBeVisibleAsync();
        await page.GotoAsync($"{round}/plan");
        await Expect(page.GetByText(new Regex("Done on"))).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("1 change since the endorsement|changes since the endorsement"))).ToBeVisibleAsync();

        // The plan as a workbook and as a document.
        foreach (var (name, extension) in new[] { ("Excel (XLSX)", ".xlsx"), ("Word (DOCX)", ".docx") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync());
            Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
            var file = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', $"{download.SuggestedFilename} is not an Office package.");
        }

        // A year on, the next round of the same scope: opened by the focal point, rated and validated (seeded here).
        await page.GotoAsync("/assessments/new");
        var secondTitle = $"Follow-up {Guid.NewGuid():N}"[..24];
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(secondTitle);
        await page.GetByLabel("National", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(secondTitle);
        var secondId = Guid.Parse(RoundUrl().Match(page.Url).Groups[1].Value);
        await ValidateAsync(secondId, level: index => Math.Min(4, 2 + index % 3));

        // Its plan starts with the three open actions carried over; the done one stays behind.
        await page.GotoAsync($"/assessments/{secondId}/plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Expect(page.GetByText("3 actions were carried over from the earlier round")).ToBeVisibleAsync();

        // Compared with the first: levels then and now, and the action completed in between.
        await page.GetByRole(AriaRole.Link, new() { Name = "5. Progress across rounds" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(firstTitle)) }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex($"From .*{Regex.Escape(firstTitle)}.* to .*{Regex.Escape(secondTitle)}") })).ToBeVisibleAsync();
        await Expect(page.GetByText(ownAction)).ToBeVisibleAsync();
        await Expect(page.GetByText("higher").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the comparison of two rounds");

        // The first round's plan, in Arabic: right to left, the endorsement and the done action still there.
        await page.GotoAsync($"{round}/plan?culture=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "خطة العمل" })).ToBeVisibleAsync();
        // The plan's form also names the action in its fields' labels: the link is the action itself.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = ownAction })).ToBeVisibleAsync();
    });

    /// <summary>A national round of the country, validated with the given agreed levels (one "insufficient information"), as a workshop would leave it.</summary>
    private async Task<(Guid Id, IReadOnlyList<string> Codes)> SeedValidatedRoundAsync(string title, DateTimeOffset createdAt, Func<int, int> level)
    {
        Guid id;
        await using (var scope = Fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var versionId = await db.FrameworkVersions.OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync(TestContext.Current.CancellationToken);
            var round = new Assessment
            {
                CountryIso3 = Country,
                FrameworkVersionId = versionId,
                Title = title,
                Purpose = AssessmentPurpose.TakeStock,
                CreatedAt = createdAt,
            };
            db.Assessments.Add(round);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = round.Id;
        }
        return (id, await ValidateAsync(id, level));
    }

    /// <summary>Records an agreed answer for every mechanism and sets the round to Validated (the workflow's moves are another journey's subject).</summary>
    private async Task<IReadOnlyList<string>> ValidateAsync(Guid roundId, Func<int, int> level)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var round = await db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == roundId, ct);
        var mechanisms = await db.Behaviours.AsNoTracking().Where(b => b.FrameworkVersionId == round.FrameworkVersionId)
            .SelectMany(b => b.Mechanisms, (b, m) => new { m.Code, Behaviour = b.DisplayOrder, m.DisplayOrder }).ToListAsync(ct);
        var codes = mechanisms.OrderBy(m => m.Behaviour).ThenBy(m => m.DisplayOrder).Select(m => m.Code).ToList();
        for (var index = 0; index < codes.Count; index++)
        {
            var rating = new ConsensusRating { AssessmentId = roundId, CountryIso3 = Country, MechanismCode = codes[index] };
            rating.Record(new ConsensusDecision(index == 5 ? MechanismAnswer.InsufficientInformation : MechanismAnswer.Rated(level(index)),
                "Agreed at the national workshop.", RatingConfidence.Medium, ConsensusMethod.Consensus, null), null, "workshop", DateTimeOffset.UtcNow);
            db.ConsensusRatings.Add(rating);
        }
        db.Entry(round).Property(a => a.Status).CurrentValue = AssessmentStatus.Validated;
        await db.SaveChangesAsync(ct);
        return codes;
    }

    [GeneratedRegex("/assessments/([0-9a-fA-F-]{36})")]
    private static partial Regex RoundUrl();
}

using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pathway.Web.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// The country self-assessment from the first page to the public one, by five people in five
/// browsers: a focal point, two respondents (public and private side), a reviewer, and a visitor.
/// </summary>
public sealed partial class AssessmentJourneys(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static readonly string[] BehaviourCodes = ["ds", "as", "bu", "es", "nt", "fr"];

    private const string DivergentCode = "DS.1";

    [Fact]
    public Task Round_runs_from_creation_to_a_published_behaviour_profile() => JourneyAsync(async focal =>
    {
        var focalPoint = await People.CreateAsync(Fixture.Server, Roles.CountryFocalPoint, "EGY", null, "Amina Focal");
        var publicRespondent = await People.CreateAsync(Fixture.Server, Roles.CountryContributor, "EGY", null, "Omar Ministry");
        var privateRespondent = await People.CreateAsync(Fixture.Server, Roles.CountryContributor, "EGY", null, "Layla Clinics");
        var reviewer = await People.CreateAsync(Fixture.Server, Roles.Reviewer, null, "EMR", "Rami Reviewer");
        var title = $"National assessment {Guid.NewGuid():N}"[..32];
        var rationale = $"Agreed after discussion {Guid.NewGuid():N}";

        // The focal point opens a round and adds one respondent from each side.
        await People.SignInAsync(focal, focalPoint);
        await focal.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Assessments", Exact = true }).ClickAsync();
        await focal.GetByRole(AriaRole.Link, new() { Name = "New round" }).ClickAsync();
        await focal.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await focal.GetByLabel("National", new() { Exact = true }).CheckAsync();
        await focal.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var roundId = RoundIdIn(focal.Url);
        var round = $"/assessments/{roundId}";

        await focal.GotoAsync($"{round}/participants");
        await AddParticipantAsync(focal, publicRespondent, "MinistryOfHealth");
        await AddParticipantAsync(focal, privateRespondent, "PrivateForProfitProvider");
        await Expect(focal.GetByRole(AriaRole.Row).Filter(new() { HasText = publicRespondent.Name })).ToContainTextAsync("Ministry of health");
        await Expect(focal.GetByRole(AriaRole.Row).Filter(new() { HasText = privateRespondent.Name })).ToContainTextAsync("Private for-profit provider");

        await focal.GotoAsync(round);
        await focal.GetByRole(AriaRole.Button, new() { Name = "Open rating" }).ClickAsync();
        await Expect(focal.GetByText("Rating open").First).ToBeVisibleAsync();

        // Both rate every mechanism at level 2, except the first, where they are three levels apart.
        await RateAsAsync(publicRespondent, round, everywhere: "2", divergent: "1", checkAccessibility: true);
        await RateAsAsync(privateRespondent, round, everywhere: "2", divergent: "4", checkAccessibility: false);

        // The focal point, facilitating, opens consensus and sees the one divergent mechanism.
        await focal.GotoAsync(round);
        await focal.GetByRole(AriaRole.Button, new() { Name = "Open consensus" }).ClickAsync();
        await focal.GotoAsync($"{round}/consensus");
        var divergentRows = focal.GetByRole(AriaRole.Row).Filter(new() { HasText = "Divergent" });
        await Expect(divergentRows).ToHaveCountAsync(1);
        await Expect(divergentRows).ToContainTextAsync(DivergentCode);

        await focal.GotoAsync($"{round}/consensus/{DivergentCode}");
        await Expect(focal.GetByText("Private-side median").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(focal, "the consensus page of a divergent mechanism");
        await RecordConsensusAsync(focal, rationale);

        // The other mechanisms, one after the other, until every one has an agreed answer.
        var next = focal.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Next mechanism without an agreed answer") });
        while (await next.CountAsync() > 0)
        {
            await next.ClickAsync();
            await RecordConsensusAsync(focal, "Both sides agreed the mechanism is formalised but partly implemented.");
        }
        await Expect(focal.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Every mechanism now has an agreed answer") })).ToBeVisibleAsync();

        // Evidence for the divergent mechanism: an uploaded PDF.
        await focal.GotoAsync($"{round}/consensus/{DivergentCode}");
        await focal.GetByRole(AriaRole.Link, new() { Name = "Evidence for this mechanism" }).ClickAsync();
        await focal.Locator("#file-type").SelectOptionAsync("Report");
        await focal.Locator("#file-title").FillAsync("Private sector mapping report");
        await focal.Locator("#file-file").SetInputFilesAsync(new FilePayload
        {
            Name = "mapping.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await focal.GetByRole(AriaRole.Button, new() { Name = "Upload the file" }).ClickAsync();
        await Expect(focal.GetByText("The evidence was added.")).ToBeVisibleAsync();
        await Expect(focal.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Download .*mapping\\.pdf") })).ToBeVisibleAsync();

        await focal.GotoAsync(round);
        await focal.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true }).ClickAsync();
        await Expect(focal.GetByText("Submitted for review").First).ToBeVisibleAsync();

        // The reviewer comments on the divergent mechanism and returns the round once.
        await using (var reviewerContext = await Fixture.NewContextAsync())
        {
            var review = await reviewerContext.NewPageAsync();
            await People.SignInAsync(review, reviewer);
            await review.GotoAsync($"{round}/review");
            await review.GetByLabel(new Regex($"Comment on .*{Regex.Escape(DivergentCode)}")).FillAsync("Please say which report supports level 2.");
            await review.GetByLabel(new Regex($"Comment on .*{Regex.Escape(DivergentCode)}")).Locator("xpath=ancestor::form")
                .GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
            await Expect(review.GetByText("Your comment is saved.")).ToBeVisibleAsync();
            await review.GotoAsync(round);
            await review.GetByLabel("Why the round goes back").FillAsync("One rationale needs its source.");
            await review.GetByRole(AriaRole.Button, new() { Name = "Return to the country" }).ClickAsync();
            await Expect(review.GetByText("Returned").First).ToBeVisibleAsync();
        }

        // The focal point reads the comment and submits again.
        await focal.GotoAsync($"{round}/review");
        await Expect(focal.GetByText("Please say which report supports level 2.")).ToBeVisibleAsync();
        await focal.GotoAsync(round);
        await focal.GetByRole(AriaRole.Button, new() { Name = "Submit for review again" }).ClickAsync();

        await using (var reviewerContext = await Fixture.NewContextAsync())
        {
            var review = await reviewerContext.NewPageAsync();
            await People.SignInAsync(review, reviewer);
            await review.GotoAsync(round);
            await review.GetByRole(AriaRole.Button, new() { Name = "Validate", Exact = true }).ClickAsync();
            await Expect(review.GetByText("Validated").First).ToBeVisibleAsync();
        }

        // The focal point signs off the behaviour profile only.
        await focal.GotoAsync($"{round}/publish");
        await focal.GetByLabel("Behaviour profile", new() { Exact = true }).CheckAsync();
        await focal.Locator("#signoff").CheckAsync();
        await focal.GetByRole(AriaRole.Button, new() { Name = "Sign off and publish" }).ClickAsync();

        // An anonymous visitor sees exactly that and no more.
        await using var visitorContext = await Fixture.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/published");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Behaviour profile" })).ToBeVisibleAsync();
        await Expect(visitor.Locator("svg").First).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Mechanism levels" })).ToHaveCountAsync(0);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Rationales" })).ToHaveCountAsync(0);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Public evidence" })).ToHaveCountAsync(0);
        await Expect(visitor.GetByText(rationale)).ToHaveCountAsync(0);
        await Expect(visitor.GetByText("mapping.pdf")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(visitor, "the public page of a published round");

        // The round itself stays closed to the visitor.
        var response = await visitor.GotoAsync(round);
        await Expect(visitor).ToHaveURLAsync(new Regex("/account/login"));
        Assert.NotNull(response);
    });

    private async Task RateAsAsync(Person person, string round, string everywhere, string divergent, bool checkAccessibility)
    {
        await using var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await People.SignInAsync(page, person);
        foreach (var behaviour in BehaviourCodes)
        {
            await page.GotoAsync($"{round}/rate/{behaviour}");
            var choices = page.Locator($"input[type=radio][value='{everywhere}']");
            var count = await choices.CountAsync();
            Assert.True(count > 0, $"No level {everywhere} choices on the {behaviour} rating page.");
            for (var index = 0; index < count; index++)
            {
                await choices.Nth(index).CheckAsync();
            }
            if (behaviour == "ds")
            {
                await page.Locator($"input[name='answer-{DivergentCode}'][value='{divergent}']").CheckAsync();
                if (checkAccessibility)
                {
                    await Accessibility.AssertNoSeriousViolationsAsync(page, "the rating page");
                }
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByText(new Regex("were saved")).First).ToBeVisibleAsync();
        }
        await page.GotoAsync($"{round}/rate");
        await Expect(page.GetByText("28 of 28 answered").First).ToBeVisibleAsync();
    }

    private static async Task RecordConsensusAsync(IPage page, string rationale)
    {
        await page.Locator("input[type=radio][value='2']").CheckAsync();
        await page.GetByLabel("Rationale", new() { Exact = true }).FillAsync(rationale);
        await page.Locator("input[type=radio][value='Medium']").CheckAsync();
        await page.Locator("#method").SelectOptionAsync("Consensus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agreed answer" }).ClickAsync();
        await Expect(page.GetByText("The agreed answer is saved.")).ToBeVisibleAsync();
    }

    private static async Task AddParticipantAsync(IPage page, Person person, string group)
    {
        await page.Locator("#add-email").FillAsync(person.Email);
        await page.Locator("#add-group").SelectOptionAsync(group);
        await page.Locator("#add-role").SelectOptionAsync("Respondent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the round" }).ClickAsync();
        await Expect(page.GetByText($"was added to the round").First).ToBeVisibleAsync();
    }

    private static string RoundIdIn(string url)
    {
        var match = RoundUrl().Match(url);
        Assert.True(match.Success, $"Expected to be on a round's page, but the address is {url}.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("/assessments/([0-9a-fA-F-]{36})")]
    private static partial Regex RoundUrl();
}

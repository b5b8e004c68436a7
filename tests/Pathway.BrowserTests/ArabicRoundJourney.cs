using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pathway.Web.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// A round run in Arabic from creation to publication by the people who do each step, each in a browser
/// that asks for Arabic, each reaching their work from My work (the page they land on after signing in) and
/// clicking from there: the focal point opens the round and invites a public and a private respondent; they
/// rate (the invited one on a phone); the focal point, facilitating, opens consensus and agrees every
/// behaviour on its behaviour-wide page; the region's reviewer validates; the country publishes; a visitor
/// reads the published page. Every page seen is checked (<see cref="ArabicPages"/>).
/// </summary>
public sealed partial class ArabicRoundJourney(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A country no other journey uses, in the reviewer's region.
    private const string Country = "MAR";

    private const string Arabic = "ar";

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly ArabicPages pages = new();

    protected override string Locale => Arabic;

    [Fact]
    public Task Round_in_Arabic_goes_from_creation_to_publication_through_My_work() => JourneyAsync(async focal =>
    {
        var focalPoint = await People.CreateAsync(Fixture.Server, Roles.CountryFocalPoint, Country, null, "أمينة العلوي");
        var publicRespondent = await People.CreateAsync(Fixture.Server, Roles.CountryContributor, Country, null, "عمر الإدريسي");
        var reviewer = await People.CreateAsync(Fixture.Server, Roles.Reviewer, null, "EMR", "رامي الحسني");
        var invitedEmail = $"clinics-{Guid.NewGuid():N}@example.org";
        const string InvitedName = "ليلى بنعلي";
        var title = $"التقييم الوطني {Guid.NewGuid():N}"[..24];

        // The focal point signs in from the home page and lands on My work.
        pages.Watch(focal);
        await SignInFromHomeAsync(focal, focalPoint);

        // A new round, from the list of rounds.
        await FollowMenuLinkAsync(focal, "/assessments");
        await pages.CheckAsync(focal, "the list of rounds");
        await focal.Locator("main a[href='/assessments/new']").ClickAsync();
        await pages.CheckAsync(focal, "the new round form");
        await focal.Locator("#title").FillAsync(title);
        await focal.Locator("#scope-National").CheckAsync();
        await focal.Locator("main form button[type=submit]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(RoundPage());
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await pages.CheckAsync(focal, "the new round's overview");
        var round = new Uri(focal.Url).AbsolutePath;

        // One respondent with an account (public side) and one invited by e-mail (private side).
        await focal.Locator($"main a[href='{round}/participants']").First.ClickAsync();
        await pages.CheckAsync(focal, "the participants page");
        await AddParticipantAsync(focal, publicRespondent.Email, null, "MinistryOfHealth");
        await Expect(focal.Locator("main table")).ToContainTextAsync(publicRespondent.Name);
        await Expect(focal.Locator("main table")).ToContainTextAsync("وزارة الصحة");
        await pages.CheckAsync(focal, "the participants page after adding a respondent");
        await AddParticipantAsync(focal, invitedEmail, InvitedName, "PrivateForProfitProvider");
        var invitation = new Uri(await focal.Locator("#invitation-link").InputValueAsync());
        await pages.CheckAsync(focal, "the participants page showing an invitation link");

        await focal.Locator($"main a[href='{round}']").First.ClickAsync();
        await MoveAsync(focal, "RatingOpen", "the overview once rating is open");

        // The invited respondent sets a password from the link and rates on a phone; the other on a desktop.
        // Both rate level 2 everywhere except the first mechanism, where they are three levels apart.
        await using (var invitedContext = await NewArabicContextAsync(Phone))
        {
            var invited = await pages.OpenAsync(invitedContext);
            await invited.GotoAsync(invitation.PathAndQuery);
            await pages.CheckAsync(invited, "the invitation page");
            var password = $"Invited-Password-{Guid.NewGuid():N}-7";
            await invited.Locator("#password").FillAsync(password);
            await invited.Locator("#confirm").FillAsync(password);
            await invited.Locator("main form button[type=submit]").ClickAsync();
            await Expect(invited).ToHaveURLAsync(new Regex("/my-work$"));
            await RateFromMyWorkAsync(invited, round, divergent: "4");
        }
        await using (var respondentContext = await NewArabicContextAsync())
        {
            var respondent = await pages.OpenAsync(respondentContext);
            await SignInFromHomeAsync(respondent, publicRespondent);
            await RateFromMyWorkAsync(respondent, round, divergent: "1");
        }

        // The focal point, facilitating, finds the round waiting for consensus in My work and opens it.
        await FollowMenuLinkAsync(focal, "/my-work");
        await pages.CheckAsync(focal, "My work while rating is open");
        await focal.Locator($"main a[href='{round}']").First.ClickAsync();
        await MoveAsync(focal, "Consensus", "the overview once consensus is open");

        // From My work to the consensus overview, then every behaviour on its own page, saved in one post each.
        await FollowMenuLinkAsync(focal, "/my-work");
        await pages.CheckAsync(focal, "My work with consensus to run");
        await focal.Locator($"main a[href='{round}/consensus']").First.ClickAsync();
        await pages.CheckAsync(focal, "the consensus overview");
        var behaviourPages = (await focal.Locator($"main a[href^='{round}/consensus/behaviour/']").EvaluateAllAsync<string[]>(
            "links => links.map(link => link.getAttribute('href'))")).Distinct().ToArray();
        Assert.Equal(6, behaviourPages.Length);
        foreach (var behaviourPage in behaviourPages)
        {
            await focal.Locator($"main a[href='{behaviourPage}']").First.ClickAsync();
            await Expect(focal).ToHaveURLAsync(new Regex($"{Regex.Escape(behaviourPage)}$"));
            await pages.CheckAsync(focal, $"the consensus page of {behaviourPage}");
            await AgreeEveryMechanismAsync(focal);
            await Expect(focal).ToHaveURLAsync(new Regex($"{Regex.Escape(behaviourPage)}\\?saved=\\d+$"));
            await pages.CheckAsync(focal, $"the consensus page of {behaviourPage} once saved");
        }
        await FollowMenuLinkAsync(focal, "/my-work");
        await pages.CheckAsync(focal, "My work once every mechanism is agreed");
        await focal.Locator($"main a[href='{round}/consensus']").First.ClickAsync();
        await pages.CheckAsync(focal, "the consensus overview once every mechanism is agreed");
        await focal.Locator($"main a[href='{round}']").First.ClickAsync();
        await MoveAsync(focal, "Submitted", "the overview once submitted");

        // The region's reviewer signs in with two factors, finds the round in My work and validates it.
        await using (var reviewerContext = await NewArabicContextAsync())
        {
            var review = await pages.OpenAsync(reviewerContext);
            await SignInFromHomeAsync(review, reviewer);
            await review.Locator($"main a[href='{round}/review']").First.ClickAsync();
            await Expect(review.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await pages.CheckAsync(review, "the review page");
            await MoveAsync(review, "Validated", "the review page once validated");
        }

        // The country publishes the behaviour profile and the mechanism levels, from the round's page.
        await FollowMenuLinkAsync(focal, "/assessments");
        await pages.CheckAsync(focal, "the list of rounds with a validated round");
        await focal.Locator($"main a[href='{round}']").First.ClickAsync();
        await pages.CheckAsync(focal, "the overview of a validated round");
        await focal.Locator($"main a[href='{round}/publish']").First.ClickAsync();
        await pages.CheckAsync(focal, "the publication page");
        await focal.Locator("#choice-profile").CheckAsync();
        await focal.Locator("#choice-levels").CheckAsync();
        await focal.Locator("#signoff").CheckAsync();
        await focal.Locator("main form:has(#signoff) button[type=submit]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex($"/published{Regex.Escape(round["/assessments".Length..])}$"));
        await pages.CheckAsync(focal, "the public page, as its focal point sees it once published");

        // A visitor reads it, in Arabic, from the list of published rounds.
        await using var visitorContext = await NewArabicContextAsync(Phone);
        var visitor = await pages.OpenAsync(visitorContext);
        await visitor.GotoAsync("/");
        await pages.CheckAsync(visitor, "the home page");
        await FollowMenuLinkAsync(visitor, "/published");
        await pages.CheckAsync(visitor, "the published rounds");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(visitor.Locator("main svg").First).ToBeVisibleAsync();
        await pages.CheckAsync(visitor, "the published round");

        pages.AssertEveryPageChecked();
        TestContext.Current.TestOutputHelper?.WriteLine($"{pages.Checked} pages checked in Arabic.");
    });

    private Task<IBrowserContext> NewArabicContextAsync(ViewportSize? viewport = null) => Fixture.NewContextAsync(viewport, Arabic);

    /// <summary>From the home page to the sign-in page by its link, signed in, on My work.</summary>
    private async Task SignInFromHomeAsync(IPage page, Person person)
    {
        await page.GotoAsync("/");
        await pages.CheckAsync(page, "the home page");
        await FollowMenuLinkAsync(page, "/account/login");
        await pages.CheckAsync(page, "the sign-in page");
        await People.SubmitSignInAsync(page, person, pages.CheckAsync);
        await Expect(page).ToHaveURLAsync(new Regex("/my-work$"));
        await pages.CheckAsync(page, "My work");
    }

    /// <summary>Follows a link of the site's header, opening the menu first on a phone, where it is folded away.</summary>
    private static async Task FollowMenuLinkAsync(IPage page, string href)
    {
        var link = page.Locator($"header a[href='{href}']");
        if (!await link.IsVisibleAsync())
        {
            await page.Locator("header summary").ClickAsync();
        }
        await link.ClickAsync();
    }

    private static async Task AddParticipantAsync(IPage page, string email, string? name, string group)
    {
        await page.Locator("#add-email").FillAsync(email);
        if (name is not null)
        {
            await page.Locator("#add-name").FillAsync(name);
        }
        await page.Locator("#add-group").SelectOptionAsync(group);
        await page.Locator("#add-role").SelectOptionAsync("Respondent");
        await page.Locator("main form:has(#add-email) button[type=submit]").ClickAsync();
        await Expect(page.Locator("main table")).ToContainTextAsync(name ?? email);
    }

    /// <summary>From My work to the round's rating, then each behaviour in turn with "save and go to the next".</summary>
    private async Task RateFromMyWorkAsync(IPage page, string round, string divergent)
    {
        await pages.CheckAsync(page, "My work with mechanisms to rate");
        await page.Locator($"main a[href='{round}/rate']").First.ClickAsync();
        await pages.CheckAsync(page, "the rating overview");
        await page.Locator($"main table a[href^='{round}/rate/']").First.ClickAsync();
        var first = true;
        while (RatePage().IsMatch(new Uri(page.Url).AbsolutePath))
        {
            var choices = page.Locator("main input[type=radio][value='2']");
            var count = await choices.CountAsync();
            Assert.True(count > 0, $"No level 2 choices on {page.Url}.");
            for (var index = 0; index < count; index++)
            {
                await choices.Nth(index).CheckAsync();
            }
            if (first)
            {
                await page.Locator($"main input[type=radio][value='{divergent}']").First.CheckAsync();
                first = false;
            }
            await pages.CheckAsync(page, "a behaviour's rating page");
            var before = page.Url;
            await page.Locator("main button[name=then][value=next]").ClickAsync();
            await page.WaitForURLAsync(url => url != before);
        }
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(round)}/rate\\?saved=true$"));
        await pages.CheckAsync(page, "the rating overview once every behaviour is rated");
        await FollowMenuLinkAsync(page, "/my-work");
        await pages.CheckAsync(page, "My work once rating is done");
        var progress = page.Locator($"main li:has(a[href='{round}/rate']) [role=progressbar]");
        await Expect(progress).ToHaveAttributeAsync("aria-valuenow", await progress.GetAttributeAsync("aria-valuemax") ?? "?");
    }

    /// <summary>Every mechanism of the behaviour page at level 2, with a rationale, confidence and method, saved in one post.</summary>
    private static async Task AgreeEveryMechanismAsync(IPage page)
    {
        var mechanisms = await page.Locator("main form.consensus-behaviour section").CountAsync();
        Assert.True(mechanisms > 0, $"No mechanisms on {page.Url}.");
        for (var index = 0; index < mechanisms; index++)
        {
            await page.Locator($"#m{index}-answer-2").CheckAsync();
            await page.Locator($"#m{index}-rationale").FillAsync("اتفق الطرفان على أن الآلية قائمة رسميًا لكنها مطبقة جزئيًا.");
            await page.Locator($"#m{index}-confidence-medium").CheckAsync();
            await page.Locator($"#m{index}-method").SelectOptionAsync("Consensus");
        }
        await page.Locator("main form.consensus-behaviour button[type=submit]").ClickAsync();
    }

    /// <summary>Makes a workflow move from the page the person is on, and checks the page it leads back to.</summary>
    private async Task MoveAsync(IPage page, string to, string what)
    {
        await pages.CheckAsync(page, $"the page offering the move to {to}");
        var form = page.Locator($"main form:has(input[name='_handler'][value='workflow-{to}'])");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await pages.CheckAsync(page, what);
    }

    [GeneratedRegex("/assessments/[0-9a-fA-F-]{36}$")]
    private static partial Regex RoundPage();

    [GeneratedRegex("^/assessments/[0-9a-fA-F-]{36}/rate/[^/]+$")]
    private static partial Regex RatePage();
}

/// <summary>
/// Every page of a journey in Arabic: right to left, with no serious or critical axe finding and no English
/// interface text left.
/// </summary>
internal sealed partial class ArabicPages() : JourneyPages("ar", "rtl")
{
    protected override async Task CheckTextAsync(IPage page, string what)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{what} in Arabic");
        // Two English words in a row are a string the localizer missed (names, codes and e-mail addresses are single words).
        // Left out: names of organisations, which no interface translates (translate="no"), what is marked as another
        // language (an editor's English and French fields), and the contents of text boxes and lists (people's data).
        var text = await page.Locator("main").EvaluateAsync<string>("""
            main => {
              const copy = main.cloneNode(true);
              copy.querySelectorAll('[translate="no"], [lang]:not([lang|="ar"]), textarea, select').forEach(e => e.remove());
              return copy.innerText;
            }
            """);
        var english = EnglishWords().Matches(text).Select(match => match.Value).Distinct().ToList();
        Assert.True(english.Count == 0, $"English on {what} in Arabic ({page.Url}): {string.Join(" | ", english)}");
    }

    [GeneratedRegex(@"\b[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}\b")]
    private static partial Regex EnglishWords();
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>What a visitor without an account does: read the framework, in their language.</summary>
public sealed class VisitorJourneys(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static readonly string[] Behaviours =
        ["Deliver strategy", "Align structures", "Build understanding", "Enable stakeholders", "Nurture trust", "Foster relations"];

    [Fact]
    public Task Home_page_switches_to_Arabic_right_to_left() => JourneyAsync(async page =>
    {
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Govern the whole health system, public and private");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the home page in English");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" })
            .GetByRole(AriaRole.Link, new() { Name = "العربية", Exact = true })
            .ClickAsync();

        await ExpectArabicRightToLeftAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("حوكمة النظام الصحي بأكمله، العام والخاص");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "العربية", Exact = true }))
            .ToHaveAttributeAsync("aria-current", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the home page in Arabic");

        // No ?culture= this time: the language chosen is remembered.
        await page.GotoAsync("/framework");
        Assert.DoesNotContain("culture", page.Url, StringComparison.Ordinal);
        await ExpectArabicRightToLeftAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("إطار الحوكمة");
    });

    [Fact]
    public Task Visitor_reads_how_scores_are_calculated_in_English_and_Arabic() => JourneyAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Methodology", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/methodology$"));
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the methodology page in English");

        await page.GotoAsync("/methodology?culture=ar");
        await ExpectArabicRightToLeftAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("كيف تُحسب الدرجات");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the methodology page in Arabic");
    });

    [Fact]
    public Task Visitor_browses_a_behaviour_and_its_levels() => JourneyAsync(async page =>
    {
        await page.GotoAsync("/framework");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Governance framework");
        var behaviours = page.GetByRole(AriaRole.Region, new() { Name = "Behaviours and their mechanisms" });
        foreach (var behaviour in Behaviours)
        {
            await Expect(behaviours.GetByRole(AriaRole.Link, new() { Name = behaviour, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(behaviours.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveCountAsync(Behaviours.Length);

        await behaviours.GetByRole(AriaRole.Link, new() { Name = "Build understanding", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/framework/1/bu$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Build understanding");
        var mechanism = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex(@"^BU\.2\b") });
        await Expect(mechanism.GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToHaveTextAsync(new Regex(@"^BU\.2 · Maintained registry of private facilities and health professionals$"));

        // Four level cards, each headed by its number and name, each with its evidence list.
        var cards = mechanism.GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 4 }) });
        await Expect(cards).ToHaveCountAsync(4);
        await Expect(mechanism.GetByRole(AriaRole.Heading, new() { Level = 4 })).ToHaveTextAsync(
        [
            new Regex(@"^1\s+Emerging$"),
            new Regex(@"^2\s+Progressing$"),
            new Regex(@"^3\s+Established$"),
            new Regex(@"^4\s+Advanced$"),
        ]);
        for (var i = 0; i < 4; i++)
        {
            var card = cards.Nth(i);
            await Expect(card.GetByText("Evidence that would show it:")).ToBeVisibleAsync();
            var evidence = card.GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem);
            Assert.True(await evidence.CountAsync() >= 2, $"Level card {i + 1} of BU.2 should list its evidence examples.");
        }
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the Build understanding behaviour page");

        // Keyboard: the first Tab on a fresh page reaches the skip link, which leads into the main content.
        await page.ReloadAsync();
        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/framework/1/bu#main$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    });

    private static async Task ExpectArabicRightToLeftAsync(IPage page)
    {
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", "ar");
        await Expect(html).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("head link[rel=stylesheet][href*='bootstrap.rtl']")).ToHaveCountAsync(1);
        Assert.True(
            await page.EvaluateAsync<bool>(
                "() => [...document.styleSheets].some(sheet => (sheet.href ?? '').includes('bootstrap.rtl') && sheet.cssRules.length > 0)"),
            "The right-to-left Bootstrap stylesheet should be loaded.");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
    }
}

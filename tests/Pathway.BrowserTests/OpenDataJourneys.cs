using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// An operator loads the demonstration data with the command line; a visitor whose browser asks for Arabic opens
/// the world map, narrows it to a region and a behaviour, follows a country to its public dashboard, and
/// downloads the report of its published round. Every page is checked for accessibility and says what it shows
/// is demonstration data.
/// </summary>
public sealed class OpenDataJourneys(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string DemonstrationLabel = "بيانات توضيحية";

    protected override string Locale => "ar";

    [Fact]
    public Task Visitor_in_Arabic_goes_from_the_world_map_to_a_country_report_of_the_demonstration_data() => JourneyAsync(async page =>
    {
        var printed = await CommandLine.RunAsync(Fixture.Server, "demo");
        Assert.Contains("Loaded the demonstration data", printed, StringComparison.Ordinal);

        // From the home page to the global dashboard.
        await page.GotoAsync("/");
        await page.Locator("main a[href='/dashboards']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboards$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("main svg.world-map-svg")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(DemonstrationLabel);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the global dashboard in Arabic");

        // The Eastern Mediterranean and one behaviour; the address keeps the view.
        await page.Locator("#filter-region").SelectOptionAsync("EMR");
        await page.Locator("#filter-behaviour").SelectOptionAsync("DS");
        await page.Locator("main form.dashboard-filters button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"region=EMR.*behaviour=DS|behaviour=DS.*region=EMR"));
        await Expect(page.Locator("#filter-region")).ToHaveValueAsync("EMR");
        // Jordan published demonstration rounds; the map marks it with a level, and the table beside it lists it.
        await Expect(page.Locator("main svg.world-map-svg a[data-iso3='JOR']")).ToHaveAttributeAsync("data-level", new Regex("^[1-4]$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the dashboard filtered to a region and a behaviour");

        await page.Locator("main .world-map-table a[href='/dashboards/countries/JOR']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboards/countries/JOR$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("الأردن");
        await Expect(page.Locator("main")).ToContainTextAsync(DemonstrationLabel);
        await Expect(page.Locator("main svg").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a country's public dashboard");

        // Its latest published round, then that round's report, then the Word file.
        await page.Locator("main a[href^='/published/']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/published/[0-9a-f-]{36}$"));
        await page.Locator("main a[href$='/report']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/published/[0-9a-f-]{36}/report$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("main")).ToContainTextAsync("الأردن");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the public report of a round");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a.report-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var path = await download.PathAsync();
        using var docx = ZipFile.OpenRead(path);
        Assert.NotNull(docx.GetEntry("word/document.xml"));
    });
}

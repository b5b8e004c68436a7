using Microsoft.Playwright;
using Pathway.Web.Assessments;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// The focal point opens the internal report of a validated round from its results and prints it on A4: every
/// printed page starts with the running header, clear of the content below it.
/// </summary>
public sealed class ReportPrintJourney(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A country no other journey uses.
    private const string Country = "LBN";

    [Fact]
    public Task The_internal_report_of_a_validated_round_prints_with_a_running_header_clear_of_the_content_on_every_page() => JourneyAsync(async page =>
    {
        var site = await SurveyData.CreateAsync(Fixture, Country);
        var round = site.Rounds[AssessmentStatus.Validated];
        await site.SignInAsync(page, SurveyData.FocalPoint);

        await page.GotoAsync($"/assessments/{round}/results");
        await page.GetByRole(AriaRole.Link, new() { Name = "Assessment report (print or DOCX)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Assessment report:");
        var header = page.Locator(".report-running-header");
        await Expect(header).ToContainTextAsync("Validated · revision 1");
        // The print button appears where script runs.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download DOCX" })).ToHaveAttributeAsync("href", $"/assessments/{round}/report.docx");
        var sections = page.Locator(".report-section");
        var count = await sections.CountAsync();
        Assert.True(count >= 8, $"Expected every section of the report, found {count}.");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".report-toolbar")).ToBeHiddenAsync();
        Assert.Equal("fixed", await header.EvaluateAsync<string>("element => getComputedStyle(element).position"));
        Assert.Equal("auto", await sections.First.EvaluateAsync<string>("element => getComputedStyle(element).breakBefore"));
        Assert.Equal("page", await sections.Nth(1).EvaluateAsync<string>("element => getComputedStyle(element).breakBefore"));
        Assert.Equal("report", await page.Locator(".assessment-report").EvaluateAsync<string>("element => getComputedStyle(element).page"));

        var runningText = Squeeze(await page.Locator(".report-running-text").InnerTextAsync());
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        using var printed = PdfDocument.Open(pdf);
        Assert.True(printed.NumberOfPages > count,
            $"Each of the {count} sections should start a page and the longest run onto more; the PDF has {printed.NumberOfPages} pages.");
        // Every page, continuation pages included, begins with the running header on a line of its own: a content
        // line printed under the header would share its line (the header's text would not be all that is there).
        foreach (var printedPage in printed.GetPages())
        {
            var words = printedPage.GetWords().ToList();
            var top = words.MaxBy(word => word.BoundingBox.Top)!.BoundingBox;
            var firstLine = words.Where(word => word.BoundingBox.Bottom < top.Top && word.BoundingBox.Top > top.Bottom)
                .OrderBy(word => word.BoundingBox.Left).Select(word => word.Text).ToList();
            Assert.True(Squeeze(string.Concat(firstLine)) == runningText,
                $"Page {printedPage.Number} should begin with the running header alone; its first line reads: {string.Join(" ", firstLine)}");
        }
    });

    private static string Squeeze(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}

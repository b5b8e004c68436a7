using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pathway.Web.Assessments;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>The focal point opens the internal report of a validated round from its results and prints it on A4.</summary>
public sealed partial class ReportPrintJourney(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A country no other journey uses.
    private const string Country = "LBN";

    [Fact]
    public Task The_internal_report_of_a_validated_round_prints_with_a_running_header_and_a_page_per_section() => JourneyAsync(async page =>
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

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.True(pages >= count, $"Each of the {count} sections should start a page; the PDF has {pages} pages.");
    });

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}

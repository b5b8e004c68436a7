using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// A visitor on a phone, in Arabic, downloads the whole-world open-data workbook: while the file is being prepared
/// the page says so beside the link, with a progress bar, inside the screen; once the download has started the
/// status goes away. The server holds its answer until the status has been seen, so the check does not race it.
/// </summary>
public sealed class DownloadProgressJourney(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Preparing = "جارٍ تجهيز ملفك…";

    protected override string Locale => "ar";

    [Fact]
    public Task A_download_shows_that_the_file_is_being_prepared_until_it_starts() => JourneyAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        Fixture.Server.Hold.Hold("/api/open-data/results.xlsx");

        await page.GotoAsync("/open-data");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var link = page.Locator("main .open-data-downloads a[href^='/api/open-data/results.xlsx']");
        var status = page.Locator("main .open-data-downloads [role=status]").First;
        await Expect(status).ToBeEmptyAsync();

        var download = page.WaitForDownloadAsync();
        await link.ClickAsync();
        await Expect(status).ToContainTextAsync(Preparing);
        await Expect(status.Locator("progress")).ToBeVisibleAsync();
        var box = await status.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, $"The status should stay on a 390 px screen; it spans {box?.X} to {box?.X + box?.Width}.");
        // Announced politely by screen readers; the bar itself is decoration for the words.
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(status.Locator("progress")).ToHaveAttributeAsync("aria-hidden", "true");
        // The link itself keeps its plain address, for copying.
        Assert.DoesNotContain("download-token", await link.GetAttributeAsync("href"), StringComparison.Ordinal);

        Fixture.Server.Hold.Release();
        var file = await download;
        Assert.EndsWith(".xlsx", file.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(await file.PathAsync());
        await Expect(status).ToBeEmptyAsync();
        await Expect(page.Locator("main progress")).ToHaveCountAsync(0);
        // The address asked for carried the token the server answers with its "started" cookie.
        Assert.Contains("download-token=", Fixture.Server.Hold.LastHeld, StringComparison.Ordinal);
    });
}

using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Pathway.BrowserTests;

/// <summary>
/// Base of the journey classes: each test gets a fresh browser context (no cookies) on the
/// class's shared Chromium, and a failing journey leaves a screenshot in test-artifacts/browser.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IBrowserContext? context;
    private IPage? page;

    protected BrowserTest(BrowserFixture fixture)
    {
        Fixture = fixture;
    }

    protected BrowserFixture Fixture { get; }

    protected IPage Page => page ?? throw new InvalidOperationException("The page is made in InitializeAsync.");

    /// <summary>The language the journey's browser asks for.</summary>
    protected virtual string Locale => "en-GB";

    public async ValueTask InitializeAsync()
    {
        context = await Fixture.NewContextAsync(locale: Locale);
        page = await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs a journey; on any failure saves a screenshot named after the test, then rethrows.</summary>
    protected async Task JourneyAsync(Func<IPage, Task> journey, [CallerMemberName] string testName = "")
    {
        try
        {
            await journey(Page);
        }
        catch (Exception)
        {
            await ScreenshotAsync(testName);
            throw;
        }
    }

    private async Task ScreenshotAsync(string testName)
    {
        var path = Path.Combine(RepositoryPaths.ScreenshotFolder, $"{testName}.png");
        try
        {
            Directory.CreateDirectory(RepositoryPaths.ScreenshotFolder);
            await Page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = 10_000 });
            TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failure: {path} (page {Page.Url})");
        }
#pragma warning disable CA1031 // The journey's own failure is the one to report; a failed screenshot must not hide it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Could not save a screenshot to {path}: {exception.Message}");
        }
    }
}

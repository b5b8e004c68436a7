using Microsoft.Playwright;

namespace Pathway.BrowserTests;

/// <summary>
/// One running app and one Chromium for a test class. Playwright cannot download browsers here,
/// so it drives Debian's Chromium. Pages keep their Content-Security-Policy, so a journey sees what a
/// visitor sees (an inline style or script the policy refuses would be missing here too).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? playwright;

    public PathwayServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Install it with: apt-get install -y chromium fonts-noto-core");
        }
        // Fail before starting anything when the accessibility checker is missing.
        _ = Accessibility.AxeSource;

        // A cold server on a small machine renders its first pages slowly.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Server.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh, isolated browser profile (no cookies) pointed at the app, on a desktop screen or the given one,
    /// asking for pages in <paramref name="locale"/> (its Accept-Language).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.Address.ToString(),
            Locale = locale,
            ViewportSize = viewport ?? new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

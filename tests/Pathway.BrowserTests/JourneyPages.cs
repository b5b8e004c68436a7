using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// What every page of a journey in one language must be: in that language and direction, never a server error, and
/// whatever the language's own check adds (<see cref="CheckTextAsync"/>). Watches each page it opens, so a page shown
/// and never checked fails the journey.
/// </summary>
internal abstract class JourneyPages(string language, string direction)
{
    private readonly List<string> serverErrors = [];
    private readonly List<string> notChecked = [];

    public int Checked { get; private set; }

    public async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        Watch(page);
        return page;
    }

    public void Watch(IPage page)
    {
        page.Response += (_, response) =>
        {
            if (response.Status >= 500 && response.Request.IsNavigationRequest)
            {
                serverErrors.Add($"{response.Status} {response.Url}");
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                notChecked.Add(frame.Url);
            }
        };
    }

    public async Task CheckAsync(IPage page, string what)
    {
        // The document's own state, not the browser's load events (which a quick second navigation can leave unsent).
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        Assert.True(serverErrors.Count == 0, $"Server errors before {what}: {string.Join(", ", serverErrors)}");
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", language);
        await Expect(html).ToHaveAttributeAsync("dir", direction);
        await CheckTextAsync(page, what);
        notChecked.RemoveAll(url => url == page.Url);
        Checked++;
    }

    public void AssertEveryPageChecked()
    {
        Assert.True(serverErrors.Count == 0, $"Server errors: {string.Join(", ", serverErrors)}");
        Assert.True(notChecked.Count == 0, $"Pages shown but never checked: {string.Join(", ", notChecked.Distinct())}");
    }

    /// <summary>The language's own checks of a page already known to be in it.</summary>
    protected abstract Task CheckTextAsync(IPage page, string what);
}

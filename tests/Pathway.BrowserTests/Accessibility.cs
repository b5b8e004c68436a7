using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Pathway.BrowserTests;

/// <summary>
/// Runs axe-core in the page and fails on any serious or critical violation. Lesser findings
/// are written to the test output so they are seen without failing the run. The page keeps its
/// Content-Security-Policy: axe is evaluated through the browser's debugging protocol, which the
/// policy does not govern (a script tag would be refused, as the policy means it to be).
/// </summary>
internal static class Accessibility
{
    private static readonly Lazy<string> Source = new(LoadAxe);

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Targets are CSS selectors; inside iframes or shadow roots a target is a list of them.
    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            const selector = target => Array.isArray(target) ? target.join(' >>> ') : String(target);
            return JSON.stringify(results.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                helpUrl: violation.helpUrl,
                targets: violation.nodes.map(node => node.target.map(selector).join(' | ')),
            })));
        }
        """;

    public static string AxeSource => Source.Value;

    /// <summary>Checks the page as it is now; <paramref name="what"/> names it in the failure message.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var failing = await SeriousViolationsAsync(page, what);
        Assert.True(failing.Count == 0,
            $"axe found {failing.Count} serious or critical accessibility violation(s) on {what} ({page.Url}):{Environment.NewLine}{Describe(failing)}");
    }

    /// <summary>The serious and critical findings on the page as it is now (lesser ones go to the test output).</summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeSource);
        }
        var json = await page.EvaluateAsync<string>(RunAxe);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, Json) ?? [];

        var lesser = violations.Where(violation => !FailingImpacts.Contains(violation.Impact)).ToList();
        if (lesser.Count > 0)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"axe: minor or moderate findings on {what} ({page.Url}):{Environment.NewLine}{Describe(lesser)}");
        }
        return [.. violations.Where(violation => FailingImpacts.Contains(violation.Impact))];
    }

    public static string Describe(IEnumerable<Violation> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var target in violation.Targets)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      target: {target}");
            }
        }
        return text.ToString();
    }

    private static string LoadAxe()
    {
        var path = RepositoryPaths.AxeScript;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"axe-core is missing: {path} does not exist. Run `npm ci` in {RepositoryPaths.BrowserTestsFolder}.");
        }
        return File.ReadAllText(path);
    }

    public sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, List<string> Targets);
}

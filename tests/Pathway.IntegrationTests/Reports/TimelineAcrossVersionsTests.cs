using System.Net;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.IntegrationTests.Planning;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// The country dashboard's mechanisms across rounds when the rounds used different framework versions: rows line up
/// through the newer version's crosswalk. Version 2 is a Draft on this class's own database (see <see cref="CrosswalkFramework"/>).
/// </summary>
public class TimelineAcrossVersionsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rounds_on_two_framework_versions_line_up_through_the_crosswalk()
    {
        var imported = await factory.ImportFrameworkAsync(CrosswalkFramework.Version2().ToJsonString());
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        var earlier = await factory.CreateRoundOnAsync("1", "KEN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(earlier, new Dictionary<string, MechanismAnswer>
        {
            ["DS.4"] = MechanismAnswer.Rated(1),
            ["AS.3"] = MechanismAnswer.Rated(2),
            ["BU.5"] = MechanismAnswer.Rated(2),
            ["NT.5"] = MechanismAnswer.Rated(3),
        });
        var later = await factory.CreateRoundOnAsync("2", "KEN", AssessmentStatus.Validated);
        await factory.SetAgreedAsync(later, new Dictionary<string, MechanismAnswer>
        {
            ["DS.5"] = MechanismAnswer.Rated(3),
            ["AS.6"] = MechanismAnswer.Rated(4),
            ["FR.5"] = MechanismAnswer.Rated(2),
        });
        var member = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        using var client = await factory.CreateSignedInClientAsync(member);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync("/dashboards/countries/KEN/team", Ct)))
            .Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal);

        // Every mechanism not set here was agreed at 2.
        // DS.4 was renamed DS.5: one row, the earlier round's level under its old code.
        Assert.Equal(["1 as DS.4", "3"], Cells(html, "DS.5"));
        Assert.DoesNotContain("data-mechanism=\"DS.4\"", html, StringComparison.Ordinal);
        // AS.3 was split into AS.3 and AS.6: each carries the earlier level.
        Assert.Equal(["2", "2"], Cells(html, "AS.3"));
        Assert.Equal(["2 as AS.3", "4"], Cells(html, "AS.6"));
        // FR.5 is new in version 2; BU.5 was removed and NT.5 merged into NT.4: rows of their own.
        Assert.Equal(["not in this version", "2"], Cells(html, "FR.5"));
        Assert.Equal(["2", "not in this version"], Cells(html, "BU.5"));
        Assert.Equal(["3", "not in this version"], Cells(html, "NT.5"));
        // NT.4 of version 2 has two sources, so no single earlier level (the earlier NT.4 and NT.5 are rows of their own).
        Assert.Equal(["not in this version", "2"], Cells(html, "NT.4"));
    }

    /// <summary>A row's cells as text: the level's number (and the code it had then), "–", or "not in this version".</summary>
    private static List<string> Cells(string html, string code)
    {
        var start = html.IndexOf($"<tr data-mechanism=\"{code}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {code}");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        return [.. Regex.Matches(row, "<td[^>]*>(?<cell>.*?)</td>", RegexOptions.Singleline).Select(match =>
        {
            var cell = match.Groups["cell"].Value;
            var level = Regex.Match(cell, "<span class=\"level-number\">(\\d)</span>");
            var then = Regex.Match(cell, "data-code-then=\"(?<code>[^\"]+)\"");
            var text = level.Success ? level.Groups[1].Value : Regex.Replace(cell, "<[^>]+>", "").Trim();
            return then.Success ? $"{(level.Success ? text : text.Split(' ')[0])} as {then.Groups["code"].Value}" : text;
        })];
    }
}

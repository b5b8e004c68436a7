using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Microsoft.AspNetCore.Identity;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Scoring;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// Every page of the site, anonymous and signed in, with a round in each state of its workflow, in
/// English, French and Arabic, under the pages' real Content-Security-Policy: axe finds nothing
/// serious, no date is written as digits only (12/6/2026), and on a phone the menu opens and no page
/// scrolls sideways.
/// </summary>
public sealed partial class PageSurvey(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A country no other journey uses.
    private const string Country = "TUN";

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Every_page_has_no_serious_accessibility_finding_and_no_numeric_date(string language)
    {
        var site = await SurveyData.CreateAsync(Fixture, Country);
        var findings = new List<string>();
        foreach (var group in site.Pages().GroupBy(page => page.Who))
        {
            await using var context = await Fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            await site.SignInAsync(page, group.Key);
            await page.GotoAsync($"/?culture={language}");
            foreach (var visit in group)
            {
                var response = await page.GotoAsync(visit.Path);
                var what = $"{visit.Path} as {group.Key} in {language}";
                if (response is not { Ok: true })
                {
                    findings.Add($"{what}: answered {response?.Status}.");
                    continue;
                }
                if (!page.Url.EndsWith(visit.Path, StringComparison.Ordinal))
                {
                    findings.Add($"{what}: sent on to {page.Url}.");
                    continue;
                }
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                var serious = await Accessibility.SeriousViolationsAsync(page, what);
                if (serious.Count > 0)
                {
                    findings.Add($"{what}:{Environment.NewLine}{Accessibility.Describe(serious)}");
                }
                var text = await page.Locator("main").InnerTextAsync();
                if (NumericDate().Match(text) is { Success: true } date)
                {
                    findings.Add($"{what}: a date written in digits only, \"{date.Value}\".");
                }
                foreach (var untranslated in Untranslated.Find(await ReadableTextAsync(page, language), language))
                {
                    findings.Add($"{what}: untranslated text, \"{untranslated}\".");
                }
            }
        }
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task On_a_phone_the_menu_opens_and_no_page_scrolls_sideways(string language)
    {
        var site = await SurveyData.CreateAsync(Fixture, Country);
        await using var context = await Fixture.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await site.SignInAsync(page, SurveyData.FocalPoint);
        await page.GotoAsync($"/?culture={language}");

        // The menu is one button until it is opened; then its links can be followed.
        var assessments = page.Locator("header a[href='/assessments']");
        await Expect(assessments).ToBeHiddenAsync();
        await page.Locator("header summary").ClickAsync();
        await Expect(assessments).ToBeVisibleAsync();
        await assessments.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/assessments$"));

        var wide = new List<string>();
        foreach (var group in site.Pages().GroupBy(visit => visit.Who is SurveyData.Anonymous ? SurveyData.FocalPoint : visit.Who))
        {
            await using var own = await Fixture.NewContextAsync(Phone);
            var screen = await own.NewPageAsync();
            await site.SignInAsync(screen, group.Key);
            await screen.GotoAsync($"/?culture={language}");
            foreach (var path in group.Select(visit => visit.Path).Distinct())
            {
                await screen.GotoAsync(path);
                var widths = await screen.EvaluateAsync<int[]>(
                    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                if (widths[0] > widths[1])
                {
                    wide.Add($"{path} as {group.Key}: {widths[0]} px wide in a {widths[1]} px screen, because of {await WidestAsync(screen)}");
                }
            }
        }
        Assert.True(wide.Count == 0, $"Pages that scroll sideways on a phone in {language}:{Environment.NewLine}{string.Join(Environment.NewLine, wide)}");
    }

    /// <summary>
    /// The visible text of the page's main part one text node a line, leaving out what is marked as another language
    /// (<c>lang</c>) or as not to be translated (<c>translate="no"</c>, code): what a reader of the page's language reads.
    /// </summary>
    private static Task<string> ReadableTextAsync(IPage page, string language) => page.EvaluateAsync<string>("""
        language => {
          const main = document.querySelector('main');
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          const lines = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || !parent.checkVisibility() || parent.closest('script, style, code, kbd, samp, [translate="no"]')) continue;
            const marked = parent.closest('[lang]');
            if (marked && marked.lang.split('-')[0] !== language) continue;
            if (node.textContent.trim()) lines.push(node.textContent.trim());
          }
          return lines.join('\n');
        }
        """, language);

    /// <summary>The outermost elements that reach past the screen's edge, named by tag, id and class, so a failure says where to look.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const edge = document.documentElement.clientWidth;
          const over = [...document.body.querySelectorAll('*')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.right > edge + 1 || r.left < -1;
          });
          const outermost = over.filter(e => !over.includes(e.parentElement));
          return outermost.slice(0, 5).map(e => {
            const r = e.getBoundingClientRect();
            return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(r.width)} px)`;
          }).join(', ') || 'no single element';
        }
        """);

    // 12/6/2026, 6.12.2026, 2026/12/06 — any date a reader could take for another, also with the
    // direction marks Arabic puts between the parts (6‏/12‏/2026) and in Arabic-Indic digits.
    [GeneratedRegex(@"\d{1,4}[\u200E\u200F\u061C]*[/.][\u200E\u200F\u061C]*\d{1,2}[\u200E\u200F\u061C]*[/.][\u200E\u200F\u061C]*\d{2,4}")]
    private static partial Regex NumericDate();
}

/// <summary>
/// The people and rounds the survey visits: a focal point of one country with a round in every state
/// (draft, rating open with the focal point as a respondent, consensus, submitted, returned, validated
/// with a plan, published), a reviewer of its region and an administrator.
/// </summary>
internal sealed record SurveyData(
    IReadOnlyDictionary<string, Person> Accounts,
    IReadOnlyDictionary<AssessmentStatus, Guid> Rounds,
    string UserId,
    Guid EvidenceId,
    string Country,
    SurveyConnectorData Connector,
    SurveyEventsData Events)
{
    public const string Anonymous = "anonymous";
    public const string FocalPoint = "focal point";
    public const string Reviewer = "reviewer";
    public const string Administrator = "administrator";
    public const string ContentEditor = "content editor";

    public static async Task<SurveyData> CreateAsync(BrowserFixture fixture, string country)
    {
        var server = fixture.Server;
        var ct = TestContext.Current.CancellationToken;
        // Global roles sign in with two factors: without them every page would be the two-factor setup page.
        var people = new Dictionary<string, Person>();
        foreach (var (who, role, countryCode, region, name) in new[]
                 {
                     (FocalPoint, Roles.CountryFocalPoint, country, (string?)null, "Salma Survey"),
                     (Reviewer, Roles.Reviewer, null, "EMR", "Karim Survey"),
                     (Administrator, Roles.Administrator, null, null, "Ines Survey"),
                     (ContentEditor, Roles.ContentEditor, null, null, "Nadia Survey"),
                 })
        {
            people[who] = await People.CreateAsync(server, role, countryCode, region, name);
        }
        string focalId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
            focalId = (await users.FindByEmailAsync(people[FocalPoint].Email))!.Id;
        }

        var rounds = new Dictionary<AssessmentStatus, Guid>();
        foreach (var status in new[]
                 {
                     AssessmentStatus.Draft, AssessmentStatus.RatingOpen, AssessmentStatus.Consensus, AssessmentStatus.Submitted,
                     AssessmentStatus.Returned, AssessmentStatus.Validated, AssessmentStatus.Published,
                 })
        {
            rounds[status] = await SeedRoundAsync(server, country, focalId, status, ct);
        }
        var evidenceId = await SeedEvidenceAsync(server, country, rounds[AssessmentStatus.RatingOpen], ct);
        var connector = await SurveyConnectorData.CreateAsync(server, country, focalId, ct);
        var events = await SurveyEventsData.CreateAsync(server, country, ct);
        var data = new SurveyData(people, rounds, focalId, evidenceId, country, connector, events);

        // Published by its focal point, as a country signs off: the release is what the public pages read.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await data.SignInAsync(page, FocalPoint);
        await page.GotoAsync($"/assessments/{rounds[AssessmentStatus.Published]}/publish");
        await page.GetByLabel("Behaviour profile", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Mechanism levels", new() { Exact = true }).CheckAsync();
        await page.Locator("#signoff").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off and publish" }).ClickAsync();
        await Expect(page.GetByText("Published").First).ToBeVisibleAsync();
        return data;
    }

    /// <summary>Every page, with who visits it.</summary>
    public IEnumerable<(string Who, string Path)> Pages()
    {
        foreach (var path in new[]
                 {
                     "/", "/framework", "/framework/1", "/framework/1/ds", "/methodology", "/published", "/open-data",
                     $"/published/{Rounds[AssessmentStatus.Published]}", $"/published/{Rounds[AssessmentStatus.Published]}/revisions/1",
                     "/account/login", "/dashboards/countries", $"/dashboards/countries/{Country}",
                     $"/published/{Rounds[AssessmentStatus.Published]}/report", $"/published/{Rounds[AssessmentStatus.Published]}/report?bilingual=ar",
                     "/dashboards", "/dashboards?region=EMR&behaviour=DS&mechanism=DS.2",
                 })
        {
            yield return (Anonymous, path);
        }
        yield return (FocalPoint, $"/dashboards/countries/{Country}/team");
        foreach (var path in new[]
                 {
                     "/assessments", "/assessments/new", "/account/password", "/account/access-denied", "/account/two-factor",
                     "/my-work", "/notices", "/notices/settings",
                 })
        {
            yield return (FocalPoint, path);
        }
        yield return (FocalPoint, $"/assessments/{Rounds[AssessmentStatus.Draft]}/delete");
        foreach (var (status, id) in Rounds)
        {
            yield return (FocalPoint, $"/assessments/{id}");
        }
        var rating = $"/assessments/{Rounds[AssessmentStatus.RatingOpen]}";
        foreach (var path in new[] { "/participants", "/rate", "/rate/ds", "/evidence", $"/evidence/{EvidenceId}/mechanisms" })
        {
            yield return (FocalPoint, rating + path);
        }
        var consensus = $"/assessments/{Rounds[AssessmentStatus.Consensus]}";
        foreach (var path in new[] { "/consensus", "/consensus/DS.1", "/consensus/behaviour/ds", "/results", "/audit" })
        {
            yield return (FocalPoint, consensus + path);
        }
        var validated = $"/assessments/{Rounds[AssessmentStatus.Validated]}";
        foreach (var path in new[]
                 {
                     "/review", "/publish", "/results", "/plan", "/context", "/targets", "/priorities", "/plan/items/new",
                     "/plan/recommendations/DS.1", "/compare", "/participants", "/evidence", "/report", "/report?bilingual=fr",
                 })
        {
            yield return (FocalPoint, validated + path);
        }
        yield return (FocalPoint, $"/assessments/{Rounds[AssessmentStatus.Published]}/publish");
        yield return (Reviewer, $"/assessments/{Rounds[AssessmentStatus.Submitted]}");
        yield return (Reviewer, $"/assessments/{Rounds[AssessmentStatus.Submitted]}/review");
        yield return (Reviewer, $"/assessments/{Rounds[AssessmentStatus.Returned]}/review");
        foreach (var path in new[] { "/admin/users", $"/admin/users/{UserId}", "/admin/frameworks", "/admin/recommendations", "/admin/account-events" })
        {
            yield return (Administrator, path);
        }
        foreach (var visit in Connector.Pages(Country).Concat(Events.Pages()))
        {
            yield return visit;
        }
    }

    public async Task SignInAsync(IPage page, string who)
    {
        if (who == Anonymous)
        {
            return;
        }
        await page.GotoAsync("/account/login?culture=en");
        await People.SubmitSignInAsync(page, Accounts[who]);
    }

    /// <summary>A link that supports two mechanisms of the round, for the "also supports" page.</summary>
    private static async Task<Guid> SeedEvidenceAsync(PathwayServer server, string country, Guid roundId, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var item = new EvidenceItem
        {
            AssessmentId = roundId,
            CountryIso3 = country,
            Type = EvidenceType.Law,
            Title = "Private clinics licensing law",
            Url = "https://example.org/licensing-law",
            AddedAt = DateTimeOffset.UtcNow,
            Links =
            {
                new EvidenceLink { AssessmentId = roundId, CountryIso3 = country, MechanismCode = "DS.1" },
                new EvidenceLink { AssessmentId = roundId, CountryIso3 = country, MechanismCode = "AS.1" },
            },
        };
        db.Evidence.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>
    /// A round as the workflow would leave it in <paramref name="status"/>: the focal point rates in it, and
    /// from consensus on every mechanism has an agreed answer (one "insufficient information"); a
    /// published round has its release, a validated one a started plan.
    /// </summary>
    private static async Task<Guid> SeedRoundAsync(PathwayServer server, string country, string focalId, AssessmentStatus status, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var versionId = await db.FrameworkVersions.OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync(ct);
        var round = new Assessment
        {
            CountryIso3 = country,
            FrameworkVersionId = versionId,
            Title = $"Survey round {status.ToString().ToLowerInvariant()} {Guid.NewGuid():N}"[..40],
            Purpose = AssessmentPurpose.TakeStock,
            PlannedStart = new DateOnly(2026, 6, 12),
            PlannedEnd = new DateOnly(2026, 12, 6),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Assessments.Add(round);
        var participant = new Participant
        {
            AssessmentId = round.Id,
            CountryIso3 = country,
            UserId = focalId,
            DisplayName = "Salma Survey",
            Group = StakeholderGroup.MinistryOfHealth,
            Role = ParticipantRole.Respondent,
            AddedAt = DateTimeOffset.UtcNow,
        };
        db.Participants.Add(participant);
        if (status is not AssessmentStatus.Draft and not AssessmentStatus.RatingOpen)
        {
            var codes = await db.Behaviours.AsNoTracking().Where(b => b.FrameworkVersionId == versionId)
                .OrderBy(b => b.DisplayOrder)
                .SelectMany(b => b.Mechanisms.OrderBy(m => m.DisplayOrder).Select(m => m.Code))
                .ToListAsync(ct);
            for (var index = 0; index < codes.Count; index++)
            {
                var rating = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = country, MechanismCode = codes[index] };
                rating.Record(new ConsensusDecision(index == 5 ? MechanismAnswer.InsufficientInformation : MechanismAnswer.Rated(1 + index % 4),
                    "Agreed at the national workshop.", RatingConfidence.Medium, ConsensusMethod.Consensus, null), null, "workshop", DateTimeOffset.UtcNow);
                db.ConsensusRatings.Add(rating);
            }
        }
        db.Entry(round).Property(a => a.Status).CurrentValue = status == AssessmentStatus.Published ? AssessmentStatus.Validated : status;
        if (status >= AssessmentStatus.Submitted)
        {
            // Reviewers see a round once it was first submitted.
            db.Entry(round).Property(a => a.FirstSubmittedAt).CurrentValue = DateTimeOffset.UtcNow;
            db.Entry(round).Property(a => a.Submissions).CurrentValue = 1;
        }
        await db.SaveChangesAsync(ct);
        return round.Id;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Connector.Demo;
using Pathway.Web.Data;
using Pathway.Web.Scoring;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// The Country Connector in French, as issue 11's "done when" tells it: a content editor publishes a resource for a
/// mechanism; the focal point of a country with a validated round adds an action for that mechanism to the plan and
/// finds the resource from the action's page; reads a published case study filtered by evidence strength; asks the
/// helpdesk a question; the editor (two factors) answers it and publishes it as a FAQ entry; the focal point is told,
/// then finds the answer in the FAQ and through the header's search box. Every page seen is checked (<see cref="FrenchPages"/>).
/// </summary>
public sealed partial class ConnectorJourney(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A French-speaking country no other journey uses.
    private const string Country = "SEN";

    private const string French = "fr";

    private readonly FrenchPages pages = new();

    protected override string Locale => French;

    [Fact]
    public Task Focal_point_finds_a_resource_reads_a_case_study_and_gets_a_helpdesk_answer_in_French() => JourneyAsync(async focal =>
    {
        var focalPoint = await People.CreateAsync(Fixture.Server, Roles.CountryFocalPoint, Country, null, "Awa Diop");
        var editor = await People.CreateAsync(Fixture.Server, Roles.ContentEditor, null, null, "Claire Martin");
        var (roundId, behaviour, mechanism) = await SeedValidatedRoundAsync();
        // Published case studies across the evidence grades, loaded by the app's own demonstration loader.
        await DemoCaseStudies.LoadAsync(Fixture.Server.Services, TestContext.Current.CancellationToken);
        var today = Fixture.Server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var unique = Guid.NewGuid().ToString("N")[..8];

        // The editor signs in with two factors and publishes a resource tagged with the mechanism.
        await using var editorContext = await Fixture.NewContextAsync(locale: French);
        var desk = await pages.OpenAsync(editorContext);
        await SignInAsync(desk, editor);
        await desk.GotoAsync("/resources/new");
        await pages.CheckAsync(desk, "the new resource form");
        var resourceTitle = $"Guide de contractualisation des cliniques privées {unique}";
        await desk.Locator("#r-TitleEn").FillAsync($"Guide to contracting private clinics {unique}");
        await desk.Locator("#r-TitleFr").FillAsync(resourceTitle);
        await desk.Locator("#r-SummaryEn").FillAsync("How a ministry prepares, signs and follows contracts with private clinics.");
        await desk.Locator("#r-SummaryFr").FillAsync("Comment un ministère prépare, signe et suit ses contrats avec des cliniques privées.");
        await desk.Locator("#r-type").SelectOptionAsync("Guidance");
        await desk.Locator("#r-year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await desk.Locator("#r-Languages").FillAsync("fr, en");
        await desk.Locator("#r-Url").FillAsync($"https://example.org/guides/contracting-{unique}");
        await desk.Locator("#r-Mechanisms").FillAsync(mechanism);
        await desk.Locator("main form.resource-form button[type=submit]").ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex(@"/resources/[0-9a-f-]{36}\?done=saved$"));
        await pages.CheckAsync(desk, "a new resource's page");
        await desk.Locator("main button[name=To][value=Published]").ClickAsync();
        await Expect(desk.GetByText("La ressource est maintenant : Publié.")).ToBeVisibleAsync();
        await pages.CheckAsync(desk, "a resource's page once published");
        var resourcePath = new Uri(desk.Url).AbsolutePath;

        // 1. The focal point adds an action for the mechanism to the plan and finds the resource from the action's page.
        pages.Watch(focal);
        await SignInAsync(focal, focalPoint);
        await focal.GotoAsync($"/assessments/{roundId}/plan/items/new?mechanism={Uri.EscapeDataString(mechanism)}");
        await pages.CheckAsync(focal, "the new action form");
        var action = $"Contractualiser des cliniques privées pour les soins maternels {unique}";
        await focal.Locator("#item-what").FillAsync(action);
        await focal.Locator("#item-organisation").FillAsync("Ministère de la Santé, cellule du secteur privé");
        await focal.Locator("#item-start").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await focal.Locator("#item-due").FillAsync(today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await focal.Locator("main form:has(#item-what) button[type=submit]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex(@"/plan\?added="));
        await pages.CheckAsync(focal, "the action plan with the new action");
        await focal.GetByRole(AriaRole.Link, new() { Name = action }).ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex(@"/plan/items/[0-9a-f-]{36}$"));
        await pages.CheckAsync(focal, "the action's page");
        var panel = focal.Locator("section.resources-panel");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Ressources pour ce mécanisme et cette action" })).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Link, new() { Name = resourceTitle }).ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex($"{Regex.Escape(resourcePath)}$"));
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(resourceTitle);
        await Expect(focal.Locator("main")).ToContainTextAsync("Comment un ministère prépare");
        await pages.CheckAsync(focal, "the resource found from the action");

        // 2. A case study with at least monitored evidence: the grades read in French, on the list and on the case study.
        // The menu names the Connector in French; its landing page leads to the case studies.
        var connector = focal.Locator("header a[href='/connector']");
        await Expect(connector).ToHaveTextAsync("Connecteur pays");
        await connector.ClickAsync();
        await pages.CheckAsync(focal, "the Country Connector");
        await focal.Locator("main a[href='/case-studies']").ClickAsync();
        await pages.CheckAsync(focal, "the case studies");
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Études de cas" })).ToBeVisibleAsync();
        await focal.Locator("#f-evidence").SelectOptionAsync("Monitored");
        await focal.Locator("main form.case-study-filters button[type=submit]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex("evidence=Monitored"));
        await pages.CheckAsync(focal, "the case studies with at least monitored evidence");
        var badges = focal.Locator("main .case-study-list .evidence-badge");
        await Expect(badges.First).ToBeVisibleAsync();
        var grades = await badges.EvaluateAllAsync<string[]>("badges => badges.map(badge => badge.dataset.evidence)");
        Assert.All(grades, grade => Assert.Contains(grade, GradesInFrench.Keys));
        for (var index = 0; index < grades.Length; index++)
        {
            await Expect(badges.Nth(index)).ToContainTextAsync(GradesInFrench[grades[index]]);
        }
        var study = focal.Locator("main .case-study-list li").First;
        var studyTitle = await study.Locator("a").First.InnerTextAsync();
        await study.Locator("a").First.ClickAsync();
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(studyTitle);
        await pages.CheckAsync(focal, "a case study");
        await Expect(focal.Locator("main dt").Filter(new() { HasText = "Solidité des preuves" })).ToBeVisibleAsync();
        await Expect(focal.Locator("#case-study-grade")).ToContainTextAsync(GradesInFrench[grades[0]]);
        await Expect(focal.Locator("#case-study-grade")).ToContainTextAsync("Notée par");

        // 3. A question for the helpdesk, tagged with the behaviour, the mechanism and the country.
        await connector.ClickAsync();
        await pages.CheckAsync(focal, "the Country Connector, again");
        await focal.Locator("main a[href='/helpdesk']").ClickAsync();
        await pages.CheckAsync(focal, "the helpdesk");
        var question = $"Comment fixer le prix par accouchement dans un contrat avec des cliniques privées ? Référence {unique}";
        await focal.Locator("#question").FillAsync(question);
        await focal.Locator("#behaviour").SelectOptionAsync(behaviour);
        await focal.Locator("#mechanism").SelectOptionAsync(mechanism);
        await focal.Locator("#country").SelectOptionAsync(Country);
        await Form(focal, "helpdesk-ask").Locator("button[type=submit]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex(@"/helpdesk\?asked=true$"));
        await Expect(focal.GetByText("Votre question a été envoyée.")).ToBeVisibleAsync();
        await pages.CheckAsync(focal, "the helpdesk once the question is sent");
        var asked = focal.Locator("section[aria-labelledby=mine-heading] li").Filter(new() { HasText = unique });
        await Expect(asked).ToContainTextAsync("Ouverte");
        var questionPath = await asked.Locator("a[href^='/helpdesk/']").GetAttributeAsync("href") ?? "";
        var questionId = Guid.Parse(questionPath["/helpdesk/".Length..]);

        // 4. The editor finds it waiting in the queue, answers it and publishes it as a FAQ entry in three languages.
        await desk.Locator("header a[href='/connector']").ClickAsync();
        await pages.CheckAsync(desk, "the Country Connector, for an editor");
        await desk.Locator("main a[href='/helpdesk/queue']").ClickAsync();
        await pages.CheckAsync(desk, "the helpdesk queue");
        var waiting = desk.Locator("section[aria-labelledby=waiting-heading]");
        await Expect(waiting).ToContainTextAsync(focalPoint.Name);
        await waiting.Locator($"a[href='{questionPath}']").ClickAsync();
        await pages.CheckAsync(desk, "the question, for the editor");
        await desk.Locator("#answer").FillAsync("Partez du coût moyen d'un accouchement sans complication et révisez le prix chaque année avec les cliniques.");
        await Form(desk, "helpdesk-answer").Locator("button[type=submit]").ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex(@"\?done=answered$"));
        await Expect(desk.GetByText("Enregistré.")).ToBeVisibleAsync();
        await pages.CheckAsync(desk, "the question once answered");
        var faqQuestion = $"Comment fixer le prix d'un accouchement dans un contrat ? {unique}";
        await desk.Locator("#question-en").FillAsync($"How do we set the price of a delivery in a contract? {unique}");
        await desk.Locator("#answer-en").FillAsync("Start from the average cost of an uncomplicated delivery and review the price every year with the clinics.");
        await desk.Locator("#question-fr").FillAsync(faqQuestion);
        await desk.Locator("#answer-fr").FillAsync("Partez du **coût moyen** d'un accouchement sans complication et révisez le prix chaque année avec les cliniques.");
        await desk.Locator("#question-ar").FillAsync($"كيف نحدد سعر الولادة في العقد؟ {unique}");
        await desk.Locator("#answer-ar").FillAsync("ابدأوا من متوسط تكلفة الولادة غير المعقدة وراجعوا السعر كل عام مع العيادات.");
        await Form(desk, "helpdesk-publish").Locator("button[type=submit]").ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex(@"\?done=published$"));
        await Expect(desk.Locator("main h1")).ToContainTextAsync("Publiée dans la FAQ");
        await pages.CheckAsync(desk, "the question once published");

        // The focal point is told: a notice, which leads to the answered question.
        await focal.GotoAsync("/my-work");
        await pages.CheckAsync(focal, "My work with an unread notice");
        await Expect(focal.Locator("header a[href='/notices'] .badge")).ToBeVisibleAsync();
        await focal.Locator("header a[href='/notices']").ClickAsync();
        await pages.CheckAsync(focal, "the notices");
        var notice = focal.Locator("main li").Filter(new() { HasText = "Votre question a reçu une réponse" }).Filter(new() { HasText = unique });
        await Expect(notice).ToHaveCountAsync(1);
        await notice.Locator("button[name=OpenId]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex($"{Regex.Escape(questionPath)}$"));
        await pages.CheckAsync(focal, "the answered question, for its asker");
        await Expect(focal.Locator("main")).ToContainTextAsync("coût moyen");

        // The answer is in the FAQ, in French, for everyone…
        var entry = focal.Locator($"#faq-{questionId:N}");
        await focal.Locator("main a[href^='/helpdesk/faq']").ClickAsync();
        await pages.CheckAsync(focal, "the FAQ");
        await Expect(entry).ToContainTextAsync(faqQuestion);
        await Expect(entry.Locator("strong")).ToHaveTextAsync("coût moyen");

        // …and the header's search box finds it.
        await focal.Locator("#site-search-q").FillAsync($"prix accouchement {unique}");
        await focal.Locator("header form[role=search] button[type=submit]").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex(@"/search\?q="));
        await pages.CheckAsync(focal, "the search results");
        var hit = focal.Locator("main .search-result").Filter(new() { Has = focal.Locator($"a[href='/helpdesk/faq#faq-{questionId:N}']") });
        await Expect(hit.Locator("h2")).ToHaveTextAsync(faqQuestion);
        await Expect(hit).ToContainTextAsync("Réponse du service d'assistance");
        await hit.Locator("h2 a").ClickAsync();
        await pages.CheckAsync(focal, "the FAQ entry found by search");
        await Expect(entry).ToBeVisibleAsync();

        pages.AssertEveryPageChecked();
        TestContext.Current.TestOutputHelper?.WriteLine($"{pages.Checked} pages checked in French.");
    });

    /// <summary>The evidence grades at or above "monitored", as a French reader reads them.</summary>
    private static readonly Dictionary<string, string> GradesInFrench = new(StringComparer.Ordinal)
    {
        ["Monitored"] = "Suivi",
        ["Evaluated"] = "Évalué",
        ["PeerReviewed"] = "Évalué par des pairs",
    };

    private async Task SignInAsync(IPage page, Person person)
    {
        await page.GotoAsync("/account/login");
        await pages.CheckAsync(page, "the sign-in page");
        await People.SubmitSignInAsync(page, person, pages.CheckAsync);
        await pages.CheckAsync(page, $"the page {person.Name} lands on");
    }

    /// <summary>A form of the page by its Blazor form name (the hidden _handler field), whatever the language of its button.</summary>
    private static ILocator Form(IPage page, string name) => page.Locator($"main form:has(input[name='_handler'][value='{name}'])");

    /// <summary>
    /// A national round of the country, validated with an agreed level for every mechanism, as a workshop would leave
    /// it (the workflow is another journey's subject); returns it and the framework's first behaviour and mechanism.
    /// </summary>
    private async Task<(Guid Id, string Behaviour, string Mechanism)> SeedValidatedRoundAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var versionId = await db.FrameworkVersions.OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync(ct);
        var round = new Assessment
        {
            CountryIso3 = Country,
            FrameworkVersionId = versionId,
            Title = $"Évaluation nationale {Guid.NewGuid():N}"[..28],
            Purpose = AssessmentPurpose.TakeStock,
            CreatedAt = now.AddDays(-90),
        };
        db.Assessments.Add(round);
        var mechanisms = await db.Behaviours.AsNoTracking().Where(b => b.FrameworkVersionId == versionId)
            .SelectMany(b => b.Mechanisms, (b, m) => new { m.Code, BehaviourCode = b.Code, Behaviour = b.DisplayOrder, m.DisplayOrder }).ToListAsync(ct);
        var ordered = mechanisms.OrderBy(m => m.Behaviour).ThenBy(m => m.DisplayOrder).ToList();
        var codes = ordered.Select(m => m.Code).ToList();
        for (var index = 0; index < codes.Count; index++)
        {
            var rating = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = Country, MechanismCode = codes[index] };
            rating.Record(new ConsensusDecision(MechanismAnswer.Rated(1 + index % 3), "Convenu lors de l'atelier national.",
                RatingConfidence.Medium, ConsensusMethod.Consensus, null), null, "workshop", now);
            db.ConsensusRatings.Add(rating);
        }
        db.Entry(round).Property(a => a.Status).CurrentValue = AssessmentStatus.Validated;
        await db.SaveChangesAsync(ct);
        return (round.Id, ordered[0].BehaviourCode, codes[0]);
    }
}

/// <summary>
/// What every page of a journey in French must be: in French (the document's language and no interface text left in
/// English), never a server error. English interface text is found by the English resources that French translates
/// differently, outside what people wrote (Markdown bodies, and the names and titles pages isolate in bdi), which keeps
/// the language it was written in.
/// </summary>
internal sealed partial class FrenchPages() : JourneyPages("fr", "ltr")
{
    private static readonly Lazy<string[]> EnglishOnly = new(ReadEnglishOnly);

    protected override async Task CheckTextAsync(IPage page, string what)
    {
        var text = Spaces().Replace(await page.EvaluateAsync<string>(
            """
            () => {
              const body = document.body.cloneNode(true);
              body.querySelectorAll('.rich-text, bdi, script, style, [lang]:not([lang=fr])').forEach(node => node.remove());
              return body.textContent;
            }
            """), " ");
        var english = EnglishOnly.Value.Where(value => text.Contains(value, StringComparison.Ordinal)).ToList();
        Assert.True(english.Count == 0, $"English on {what} in French ({page.Url}): {string.Join(" | ", english)}");
    }

    /// <summary>
    /// The interface's English sentences that French says otherwise: each English value (or, around its placeholders,
    /// its longest literal part) of at least two words and twelve characters, whose French value differs.
    /// </summary>
    private static string[] ReadEnglishOnly()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Pathway.Web", "Resources");
        var english = Values(Path.Combine(folder, "SharedResource.resx"));
        var french = Values(Path.Combine(folder, "SharedResource.fr.resx"));
        return [.. english
            .Where(pair => french.TryGetValue(pair.Key, out var translated) && translated != pair.Value)
            .Select(pair => Placeholders().Split(pair.Value).Select(part => Spaces().Replace(part, " ").Trim()).MaxBy(part => part.Length) ?? "")
            .Where(part => part.Length >= 12 && part.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string> Values(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

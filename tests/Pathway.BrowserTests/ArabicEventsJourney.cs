using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Events;
using Pathway.Web.Events.Demo;
using Pathway.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Assessments;
using Pathway.Web.Planning;
using static Microsoft.Playwright.Assertions;

namespace Pathway.BrowserTests;

/// <summary>
/// Events in Arabic, as issue 12's "done when" tells it: a visitor finds an upcoming webinar from the menu, registers
/// (a confirmed place), lands on their registration's page and cancels; an organiser (two factors) turns one of the
/// demonstration webinar's key messages into an action in Jordan's plan; the event page then says what came of it,
/// and Jordan's focal point is told (a notice) and finds the action in the plan, with the way back to the event. Every page seen
/// is checked (<see cref="ArabicPages"/>).
/// </summary>
public sealed class ArabicEventsJourney(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    // A country no other journey uses, that speaks Arabic; it gets a validated round with a plan.
    private const string Country = "JOR";

    private const string Arabic = "ar";

    private readonly ArabicPages pages = new();

    protected override string Locale => Arabic;

    [Fact]
    public Task Visitor_registers_and_cancels_and_an_organiser_turns_a_key_message_into_a_countrys_action_in_Arabic() => JourneyAsync(async visitor =>
    {
        var ct = TestContext.Current.CancellationToken;
        await EventsDemo.LoadAsync(Fixture.Server.Services, ct);
        var round = await SeedRoundWithPlanAsync();
        var organiser = await People.CreateAsync(Fixture.Server, Roles.Organiser, null, null, "هالة المنظمة");
        var focalPoint = await People.CreateAsync(Fixture.Server, Roles.CountryFocalPoint, Country, null, "سامر الأردني");
        var unique = Guid.NewGuid().ToString("N")[..6];
        var webinarTitle = $"ندوة عن التعاقد مع العيادات الخاصة {unique}";
        var webinar = await SeedUpcomingWebinarAsync(webinarTitle);

        // 1. A visitor finds the webinar from the menu, registers and gets a confirmed place.
        pages.Watch(visitor);
        await visitor.GotoAsync("/");
        await pages.CheckAsync(visitor, "the home page");
        var menu = visitor.Locator("header a[href='/events']");
        await Expect(menu).ToHaveTextAsync("الفعاليات");
        await menu.ClickAsync();
        await pages.CheckAsync(visitor, "the events");
        await visitor.GetByRole(AriaRole.Link, new() { Name = webinarTitle }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"/events/{webinar}$"));
        await pages.CheckAsync(visitor, "the webinar's page");
        await visitor.Locator($"main a[href='/events/{webinar}/register']").First.ClickAsync();
        await pages.CheckAsync(visitor, "the registration form");
        await visitor.Locator("#name").FillAsync("ريم الحسن");
        await visitor.Locator("#email").FillAsync($"reem-{unique}@example.org");
        await visitor.Locator("#organisation").FillAsync("جمعية المستشفيات الخاصة");
        await visitor.Locator("#country").SelectOptionAsync(Country);
        await visitor.Locator("#group").SelectOptionAsync(nameof(ParticipantGroup.PrivateCompany));
        await visitor.Locator("#consent").CheckAsync();
        await visitor.Locator("main form button[type=submit]").ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex(@"/events/registration/[^/?]+\?done=confirmed$"));
        await Expect(visitor.Locator("#status")).ToContainTextAsync("المكان مؤكَّد");
        await pages.CheckAsync(visitor, "the registration's page");

        // 2. Plans change: the visitor cancels from the same page.
        await visitor.Locator("main form button[type=submit]").ClickAsync();
        await Expect(visitor.Locator("#status")).ToContainTextAsync("ملغى");
        await pages.CheckAsync(visitor, "the registration's page once cancelled");

        // 3. The organiser turns the webinar module's first key message into an action in Jordan's plan.
        await using var organiserContext = await Fixture.NewContextAsync(locale: Arabic);
        var desk = await pages.OpenAsync(organiserContext);
        await desk.GotoAsync("/account/login");
        await pages.CheckAsync(desk, "the sign-in page");
        await People.SubmitSignInAsync(desk, organiser, pages.CheckAsync);
        await Expect(desk).ToHaveURLAsync(new Regex("/my-work$"));
        await pages.CheckAsync(desk, "My work");
        await desk.GotoAsync($"/events/{EventsDemo.WebinarModule1}/key-messages");
        await pages.CheckAsync(desk, "the module's key messages");
        var message = desk.Locator("main article.key-message").First;
        await message.Locator("summary").First.ClickAsync();
        await message.Locator("select[name=CountryIso3]").SelectOptionAsync(Country);
        var action = $"تنظيم حوار منتظم مع مقدمي الخدمات الخاصين ونشر محاضره {unique}";
        await message.Locator("textarea[name=What]").FillAsync(action);
        await message.Locator("form:has(select[name=CountryIso3]) button[type=submit]").ClickAsync();
        await Expect(desk.Locator("main article.key-message").First.Locator(".follow-up")).ToContainTextAsync("إجراء في خطة");
        await pages.CheckAsync(desk, "the key messages once one became an action");

        // The public page says what came of the message, naming the country only.
        await visitor.GotoAsync($"/events/{EventsDemo.WebinarModule1}");
        await pages.CheckAsync(visitor, "the webinar module's page");
        await Expect(visitor.Locator("main ul.key-messages").First).ToContainTextAsync("أصبحت إجراءً في خطة");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(action);

        // 4. Jordan's focal point is told (an unread notice in the header), and finds the action in the plan with the
        // way back to the event.
        await using var focalContext = await Fixture.NewContextAsync(locale: Arabic);
        var focal = await pages.OpenAsync(focalContext);
        await focal.GotoAsync("/account/login");
        await pages.CheckAsync(focal, "the sign-in page");
        await People.SubmitSignInAsync(focal, focalPoint, pages.CheckAsync);
        await Expect(focal).ToHaveURLAsync(new Regex("/my-work$"));
        await pages.CheckAsync(focal, "My work");
        await Expect(focal.Locator("header a[href='/notices'] .badge")).ToHaveTextAsync("1");
        await focal.GotoAsync($"/assessments/{round}/plan");
        await pages.CheckAsync(focal, "the country's plan");
        await focal.GetByRole(AriaRole.Link, new() { Name = action }).First.ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex(@"/plan/items/[0-9a-f-]{36}$"));
        await pages.CheckAsync(focal, "the action's page");
        await Expect(focal.Locator("main")).ToContainTextAsync(action);
        await focal.Locator("main a.item-origin").ClickAsync();
        await Expect(focal).ToHaveURLAsync(new Regex($"/events/{EventsDemo.WebinarModule1}$"));
        await pages.CheckAsync(focal, "the event the action came from");
        pages.AssertEveryPageChecked();
    });

    /// <summary>A validated round of the country with its plan started, titled in Arabic as the country team would.</summary>
    private async Task<Guid> SeedRoundWithPlanAsync()
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
            Title = $"التقييم الوطني {Guid.NewGuid():N}"[..22],
            Purpose = AssessmentPurpose.TakeStock,
            CreatedAt = now.AddDays(-90),
        };
        db.Assessments.Add(round);
        db.Entry(round).Property(a => a.Status).CurrentValue = AssessmentStatus.Validated;
        db.ActionPlans.Add(new ActionPlan { AssessmentId = round.Id, CountryIso3 = Country, CreatedAt = now.AddDays(-30) });
        await db.SaveChangesAsync(ct);
        return round.Id;
    }

    /// <summary>An upcoming open webinar with places, announced by an organiser (written here as the event form would).</summary>
    private async Task<Guid> SeedUpcomingWebinarAsync(string arabicTitle)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var amman = EventTimes.FindZone("Asia/Amman")!;
        var day = EventTimes.InZone(now, amman).Date.AddDays(14);
        var webinar = new Event
        {
            Title = new LocalizedText([new("en", "Webinar on contracting private clinics"), new("fr", "Webinaire sur la contractualisation des cliniques privées"), new("ar", arabicTitle)]),
            Type = EventType.Webinar,
            Access = EventAccess.Open,
            StartsAt = EventTimes.ToMoment(day.AddHours(13), amman),
            EndsAt = EventTimes.ToMoment(day.AddHours(14).AddMinutes(30), amman),
            TimeZone = "Asia/Amman",
            OnlineLink = "https://meet.example.org/contracting",
            Capacity = 40,
            IsAnnounced = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Events.Add(webinar);
        db.EventPlaces.Add(new EventPlaces { EventId = webinar.Id });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return webinar.Id;
    }
}

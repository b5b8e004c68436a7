using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Connector.Profiles;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Demo;

/// <summary>
/// Demonstration case studies (six, one region each, across the five evidence grades) and country profile figures
/// for four demonstration countries, with a figure that has a history. Fictional and written for this app; every
/// row carries <c>IsDemonstration</c> and its pages say so. Loading twice changes nothing; removing takes out
/// exactly these rows and their search entries.
/// </summary>
public static class DemoCaseStudies
{
    private const string Editor = "Demonstration editor";
    private const string Source = "Demonstration figure (illustrative, not an official statistic)";

    private sealed record Story(
        string Country, int From, int? To, EvidenceStrength Grade, string[] Mechanisms, InstrumentCategory[] Instruments,
        string TitleEn, string TitleFr, string TitleAr, string Problem, string Done, string Results, string Lessons, string Differently,
        (string Title, string Citation)[] Sources);

    private static readonly Story[] Stories =
    [
        new("KEN", 2019, 2023, EvidenceStrength.Evaluated, ["ES.4", "DS.3"], [InstrumentCategory.FinancingAndPurchasing],
            "Contracting private clinics for maternal care in two counties",
            "Contractualisation de cliniques privées pour les soins maternels dans deux comtés",
            "التعاقد مع عيادات خاصة لرعاية الأمومة في مقاطعتين",
            "Many women in peri-urban areas gave birth in small private clinics the county neither paid nor inspected, and paid for it out of pocket.",
            "The county health departments signed service contracts with **38 accredited clinics**: a fixed price per delivery, a quality checklist visited every quarter, and data reported to the county system.",
            "Facility births rose in the contracted areas and out-of-pocket payments for deliveries fell; an evaluation compared them with two similar counties without contracts.",
            "- Start with a small number of clinics and a simple price.\n- Pay on time: late payments drove the first clinics away.",
            "Agree the reporting format with the clinics before signing, not after.",
            [("County contracting evaluation (demonstration source)", "Fictional evaluation report, county health department, 2023.")]),
        new("PER", 2020, null, EvidenceStrength.Monitored, ["BU.2", "ES.1"], [InstrumentCategory.Regulation, InstrumentCategory.InformationAndData],
            "An online register of private facilities linked to licensing",
            "Un registre en ligne des établissements privés lié aux autorisations",
            "سجل إلكتروني للمرافق الخاصة مرتبط بالترخيص",
            "Licences were issued on paper by regional offices, so nobody knew how many private facilities operated or where.",
            "The ministry moved licensing online: a facility now registers once, renews its licence in the same system, and inspectors record visits against the same record.",
            "Within three years most private facilities in the pilot regions appeared in the register; the monthly count is followed on a public dashboard.",
            "Linking the register to something providers need — their licence — did more than any awareness campaign.",
            "Plan for the informal providers from the start; the register only sees those who seek a licence.",
            [("Monthly register statistics (demonstration source)", "Fictional ministry dashboard extract, 2024.")]),
        new("JOR", 2021, 2022, EvidenceStrength.Descriptive, ["FR.1", "FR.4"], [InstrumentCategory.Dialogue],
            "A standing dialogue table with private hospital associations",
            "Une table de dialogue permanente avec les associations d’hôpitaux privés",
            "طاولة حوار دائمة مع جمعيات المستشفيات الخاصة",
            "During a supply shortage the ministry and private hospitals learned about each other's decisions from the press.",
            "A dialogue table meeting every two months was set up, with written terms of reference, minutes published within a week and a rotating co-chair from the private side.",
            "The minutes describe joint decisions on stock sharing and on referral of uninsured patients.",
            "Publishing the minutes quickly built more trust than the meetings themselves.",
            "Invite small providers' associations too, not only the large hospital groups.",
            [("Dialogue table minutes (demonstration source)", "Fictional minutes of the dialogue table, 2021–2022.")]),
        new("NPL", 2022, 2024, EvidenceStrength.Anecdotal, ["NT.3"], [InstrumentCategory.AccountabilityAndTransparency],
            "A complaint line that covers private pharmacies",
            "Une ligne de plaintes qui couvre les pharmacies privées",
            "خط للشكاوى يشمل الصيدليات الخاصة",
            "People had nowhere to report overcharging or unsafe dispensing in private pharmacies.",
            "The existing public complaint line was extended to private pharmacies, with the pharmacy council handling the cases.",
            "Staff of the council report that complaints now arrive and are answered, but no records were analysed yet.",
            "Using a line people already know was quicker than creating a new one.",
            "Record each complaint's outcome from the first day, so results can be shown later.",
            []),
        new("MDA", 2018, 2021, EvidenceStrength.PeerReviewed, ["ES.2", "NT.4"], [InstrumentCategory.QualityAssurance, InstrumentCategory.AccountabilityAndTransparency],
            "Accreditation and public quality reports for public and private hospitals",
            "Accréditation et rapports publics de qualité pour les hôpitaux publics et privés",
            "الاعتماد وتقارير الجودة العلنية للمستشفيات العامة والخاصة",
            "Private hospitals were accredited under a different, weaker scheme than public ones, and patients could not compare them.",
            "One accreditation standard was applied to both sectors, and each hospital's results were published in a yearly quality report.",
            "A peer-reviewed study found that the gap between sectors on the audited indicators narrowed after three rounds of reports.",
            "A single standard for both sectors was accepted once private hospitals sat on the standards committee.",
            "Give hospitals a trial year of unpublished results before the first public report.",
            [("Study of hospital quality reporting (demonstration source)", "Fictional peer-reviewed article, Journal of Demonstration Health Policy, 2022."),
             ("Yearly quality report (demonstration source)", "Fictional national quality report, 2021.")]),
        new("PHL", 2020, 2023, EvidenceStrength.Monitored, ["AS.5", "DS.4"], [InstrumentCategory.PublicPrivatePartnership],
            "Private laboratories in the emergency testing network",
            "Des laboratoires privés dans le réseau de dépistage d’urgence",
            "مختبرات خاصة ضمن شبكة الفحص في حالات الطوارئ",
            "Public laboratories could not test enough samples during an outbreak, while private laboratories stood idle.",
            "Private laboratories meeting the national standard joined the testing network under a framework agreement with agreed prices and reporting into surveillance.",
            "Testing capacity and turnaround times were followed weekly in the surveillance system.",
            "Agreeing prices in advance avoided a dispute in the middle of the emergency.",
            "Write the agreement into the preparedness plan before the next emergency.",
            [("Weekly testing reports (demonstration source)", "Fictional surveillance bulletins, 2020–2023.")]),
    ];

    private sealed record Figure(string Country, ProfileIndicator Indicator, FacilityType? Type, decimal? Value, string? Text, int Year);

    private static readonly Figure[] Figures =
    [
        new("KEN", ProfileIndicator.PrivateShareOutpatient, null, 41.0m, null, 2019),
        new("KEN", ProfileIndicator.PrivateShareOutpatient, null, 44.5m, null, 2022),
        new("KEN", ProfileIndicator.OutOfPocketShare, null, 24.0m, null, 2021),
        new("KEN", ProfileIndicator.PrivateFacilities, FacilityType.Hospital, 420m, null, 2022),
        new("KEN", ProfileIndicator.KeyLaw, null, null, "Demonstration: a health act that lets counties contract private providers.", 2017),
        new("JOR", ProfileIndicator.PrivateShareInpatient, null, 35.0m, null, 2021),
        new("JOR", ProfileIndicator.PrivateFacilities, FacilityType.Pharmacy, 2900m, null, 2023),
        new("PER", ProfileIndicator.OutOfPocketShare, null, 27.5m, null, 2022),
        new("PER", ProfileIndicator.PrivateFacilities, FacilityType.Clinic, 5100m, null, 2023),
        new("PHL", ProfileIndicator.PrivateShareOutpatient, null, 52.0m, null, 2021),
        new("PHL", ProfileIndicator.KeyLaw, null, null, "Demonstration: a universal health care law that empanels private providers.", 2019),
    ];

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var loaded = await db.Set<CaseStudy>().CountAsync(c => c.IsDemonstration, cancellationToken);
        var figures = await db.Set<ProfileFigure>().CountAsync(f => f.IsDemonstration, cancellationToken);
        if (loaded == Stories.Length && figures == Figures.Length)
        {
            return;
        }
        if (loaded + figures > 0)
        {
            await RemoveAsync(services, cancellationToken);
        }
        var search = scope.ServiceProvider.GetRequiredService<CaseStudySearch>();
        var framework = scope.ServiceProvider.GetRequiredService<FrameworkReader>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tree = await framework.CurrentVersionAsync(cancellationToken) is { } version ? await framework.TreeAsync(version, cancellationToken) : null;
        foreach (var story in Stories)
        {
            var study = new CaseStudy
            {
                CountryIso3 = story.Country,
                FromYear = story.From,
                ToYear = story.To,
                Title = new LocalizedText([new("en", story.TitleEn), new("fr", story.TitleFr), new("ar", story.TitleAr)]),
                Problem = LocalizedText.English(story.Problem),
                WhatWasDone = LocalizedText.English(story.Done),
                Results = LocalizedText.English(story.Results),
                Lessons = LocalizedText.English(story.Lessons),
                DoneDifferently = LocalizedText.English(story.Differently),
                State = ModerationState.Published,
                AuthorName = Editor,
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = now,
                IsDemonstration = true,
                Version = 1,
                Tags =
                [
                    .. story.Mechanisms.Select(code => new CaseStudyTag { Facet = TagFacet.Mechanism, Value = code }),
                    .. story.Mechanisms.Select(code => tree?.Behaviours.FirstOrDefault(b => b.Mechanisms.Any(m => m.Code == code))?.Code)
                        .OfType<string>().Distinct().Select(code => new CaseStudyTag { Facet = TagFacet.Behaviour, Value = code }),
                    .. story.Instruments.Select(instrument => new CaseStudyTag { Facet = TagFacet.Instrument, Value = instrument.ToString() }),
                ],
                Sources = [.. story.Sources.Select((source, i) => new CaseStudySource { Position = i, Title = source.Title, Citation = source.Citation })],
                Contacts = [new CaseStudyContact { Position = 0, Name = "Demonstration contact", Role = "Programme officer", Organisation = "Ministry of health (fictional)", Email = "contact@example.org" }],
            };
            study.Grade(story.Grade, null, Editor, now);
            db.Add(study);
            await search.StageAsync(study, cancellationToken);
        }
        foreach (var series in Figures.GroupBy(f => (f.Country, f.Indicator, f.Type, f.Indicator == ProfileIndicator.KeyLaw ? f.Text : null)))
        {
            var figureId = Guid.CreateVersion7();
            var revision = 0;
            foreach (var figure in series.OrderBy(f => f.Year))
            {
                db.Add(new ProfileFigure
                {
                    FigureId = figureId,
                    Revision = ++revision,
                    CountryIso3 = figure.Country,
                    Indicator = figure.Indicator,
                    FacilityType = figure.Type,
                    Value = figure.Value,
                    Unit = figure.Indicator is ProfileIndicator.PrivateFacilities or ProfileIndicator.KeyLaw ? null : "%",
                    Text = figure.Text,
                    Year = figure.Year,
                    Source = Source,
                    RecordedByName = Editor,
                    RecordedAt = now,
                    IsDemonstration = true,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RemoveAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var studies = await db.Set<CaseStudy>().Where(c => c.IsDemonstration).ToListAsync(cancellationToken);
        foreach (var study in studies)
        {
            await index.StageRemoval(SearchKind.CaseStudy, study.Id.ToString(), cancellationToken);
        }
        db.RemoveRange(studies);
        db.RemoveRange(await db.Set<ProfileFigure>().Where(f => f.IsDemonstration).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }
}

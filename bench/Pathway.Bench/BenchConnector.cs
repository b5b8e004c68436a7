using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Bench;

/// <summary>
/// Country Connector content for the search and mechanism-page scenarios (issue 11): published resources,
/// graded and published case studies, and partnerships (about one in three public), each with its tags and its
/// search entry staged through the app's own <see cref="SearchIndex"/>, exactly as the app's writes stage them.
/// Titles and summaries combine a small vocabulary in English, French and Arabic (the Arabic with and without
/// diacritics), so a common word matches thousands of entries and a rare one a handful.
/// </summary>
internal static class BenchConnector
{
    private const string Marker = "[bench]";
    private const int Batch = 500;

    public sealed record Sizes(int Resources, int CaseStudies, int Partnerships)
    {
        public bool Any => Resources + CaseStudies + Partnerships > 0;
    }

    // Topic phrases: (English, French, Arabic). The first words are common ("contracting" in about one title in eight).
    private static readonly (string En, string Fr, string Ar)[] Topics =
    [
        ("contracting private clinics", "contractualisation des cliniques privées", "التعاقد مع العيادات الخاصة"),
        ("regulation of private hospitals", "réglementation des hôpitaux privés", "تَنْظِيم المستشفيات الخاصة"),
        ("accreditation of laboratories", "accréditation des laboratoires", "اعتماد المختبرات"),
        ("dialogue platform with providers", "plateforme de dialogue avec les prestataires", "منصة الحوار مع مقدمي الخدمات"),
        ("health information from private facilities", "information sanitaire des établissements privés", "المعلومات الصحية من المرافق الخاصة"),
        ("purchasing maternal care", "achat de soins maternels", "شراء رعاية الأمومة"),
        ("licensing pharmacies", "autorisation des pharmacies", "ترخيص الصيدليات"),
        ("quality standards for clinics", "normes de qualité pour les cliniques", "معايير الجودة للعيادات"),
        ("social franchise for family planning", "franchise sociale pour la planification familiale", "الامتياز الاجتماعي لتنظيم الأسرة"),
        ("vouchers for antenatal visits", "bons pour les visites prénatales", "قسائم لزيارات ما قبل الولادة"),
        ("public reporting of prices", "publication des prix", "النشر العلني للأسعار"),
        ("emergency response with private partners", "riposte d'urgence avec les partenaires privés", "الاستجابة للطوارئ مع الشركاء من القطاع الخاص"),
        ("tuberculosis notification", "notification de la tuberculose", "الإبلاغ عن السل"),
        ("strategic purchasing reform", "réforme de l'achat stratégique", "إصلاح الشراء الاستراتيجي"),
        ("trust between sectors", "confiance entre les secteurs", "الثقة بين القطاعات"),
        ("joint planning of services", "planification conjointe des services", "التخطيط المشترك للخدمات"),
    ];

    private static readonly string[] Places =
        ["in urban districts", "in rural provinces", "after a crisis", "at national level", "in primary care", "for hospitals"];

    private static readonly string[] PlacesFr =
        ["dans les districts urbains", "dans les provinces rurales", "après une crise", "au niveau national", "en soins primaires", "pour les hôpitaux"];

    private static readonly string[] PlacesAr =
        ["في المناطق الحضرية", "في المحافظات الريفية", "بعد الأزمة", "على المستوى الوطني", "في الرعاية الأولية", "للمستشفيات"];

    public static async Task<bool> CreateAsync(IServiceProvider services, Sizes sizes)
    {
        var started = Stopwatch.GetTimestamp();
        var context = await LoadContextAsync(services);
        if (context is null)
        {
            return false;
        }
        var resources = await AddResourcesAsync(services, context, sizes.Resources);
        var studies = await AddCaseStudiesAsync(services, context, sizes.CaseStudies);
        var partnerships = await AddPartnershipsAsync(services, context, sizes.Partnerships);
        await using (var scope = services.CreateAsyncScope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<PathwayDb>().Set<SearchEntry>().CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Connector: created {resources} resources, {studies} case studies, {partnerships} partnerships; {entries} search entries now; in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
        }
        return true;
    }

    private sealed record Context(
        string AuthorId, IReadOnlyList<(string Behaviour, string Mechanism)> Mechanisms,
        IReadOnlyList<(string Iso3, string Region)> Countries, DateTimeOffset Now);

    private static async Task<Context?> LoadContextAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var tree = await scope.ServiceProvider.GetRequiredService<FrameworkReader>().TreeAsync("1");
        var author = await db.Users.AsNoTracking().OrderBy(user => user.Email).Select(user => user.Id).FirstOrDefaultAsync();
        if (tree is null || author is null)
        {
            await Console.Error.WriteLineAsync("Connector content needs framework version 1 and at least one user (run with --users).");
            return null;
        }
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Iso3).Select(c => new { c.Iso3, c.RegionCode }).ToListAsync();
        return new Context(
            author,
            [.. tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism => (behaviour.Code, mechanism.Code)))],
            [.. countries.Select(c => (c.Iso3, c.RegionCode))],
            scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary>The n-th title in three languages: a topic, a place and a serial number that keeps titles distinct.</summary>
    private static LocalizedText Title(int n, string country)
    {
        var topic = Topics[n % Topics.Length];
        var place = n / Topics.Length % Places.Length;
        return new LocalizedText(
        [
            new("en", string.Create(CultureInfo.InvariantCulture, $"{Capital(topic.En)} {Places[place]} ({country}, no. {n}) {Marker}")),
            new("fr", string.Create(CultureInfo.InvariantCulture, $"{Capital(topic.Fr)} {PlacesFr[place]} ({country}, n° {n}) {Marker}")),
            new("ar", string.Create(CultureInfo.InvariantCulture, $"{topic.Ar} {PlacesAr[place]} ({country}، رقم {n}) {Marker}")),
        ]);
    }

    private static LocalizedText Summary(int n)
    {
        var topic = Topics[(n * 7 + 3) % Topics.Length];
        return new LocalizedText(
        [
            new("en", $"What the team learned about {topic.En}: who took part, what it cost and what changed for patients."),
            new("fr", $"Ce que l'équipe a appris sur {topic.Fr} : qui a participé, ce que cela a coûté et ce qui a changé pour les patients."),
            new("ar", $"ما تعلمه الفريق عن {topic.Ar}: من شارك، وكم كلف، وما الذي تغير للمرضى."),
        ]);
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static async Task<int> ExistingAsync(IServiceProvider services, Func<PathwayDb, Task<int>> count)
    {
        await using var scope = services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<PathwayDb>());
    }

    private static async Task<int> AddResourcesAsync(IServiceProvider services, Context context, int target)
    {
        var existing = await ExistingAsync(services, db =>
            db.Resources.CountAsync(resource => resource.PublisherName == Marker));
        var created = 0;
        for (var start = existing; start < target; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            for (var n = start; n < Math.Min(target, start + Batch); n++)
            {
                var (behaviour, mechanism) = context.Mechanisms[n % context.Mechanisms.Count];
                var (iso3, region) = context.Countries[n * 13 % context.Countries.Count];
                var resource = new Resource
                {
                    Title = Title(n, iso3),
                    Summary = Summary(n),
                    Type = (ResourceType)(n % Enum.GetValues<ResourceType>().Length),
                    LanguageCodes = LanguageList.Format(n % 3 == 0 ? ["en", "fr", "ar"] : ["en"]),
                    Year = 2010 + n % 16,
                    PublisherName = Marker,
                    Url = string.Create(CultureInfo.InvariantCulture, $"https://example.org/bench/resources/{n}"),
                    State = ModerationState.Published,
                    CreatedById = context.AuthorId,
                    CreatedAt = context.Now,
                    UpdatedAt = context.Now,
                    StateChangedAt = context.Now,
                };
                resource.Tags.AddRange(
                [
                    new ResourceTag { Facet = TagFacet.Behaviour, Value = behaviour },
                    new ResourceTag { Facet = TagFacet.Mechanism, Value = mechanism },
                    new ResourceTag { Facet = TagFacet.Instrument, Value = ((InstrumentCategory)(n % 11)).ToString() },
                    new ResourceTag { Facet = TagFacet.Country, Value = iso3 },
                    new ResourceTag { Facet = TagFacet.Region, Value = region },
                ]);
                db.Resources.Add(resource);
                await ResourceSearch.StageAsync(search, resource, Marker, CancellationToken.None);
                created++;
            }
            await db.SaveChangesAsync();
        }
        return created;
    }

    private static async Task<int> AddCaseStudiesAsync(IServiceProvider services, Context context, int target)
    {
        var existing = await ExistingAsync(services, db =>
            db.CaseStudies.IgnoreQueryFilters().CountAsync(study => study.AuthorName == Marker));
        var created = 0;
        for (var start = existing; start < target; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var search = scope.ServiceProvider.GetRequiredService<CaseStudySearch>();
            for (var n = start; n < Math.Min(target, start + Batch); n++)
            {
                var (behaviour, mechanism) = context.Mechanisms[n * 3 % context.Mechanisms.Count];
                var (iso3, _) = context.Countries[n * 7 % context.Countries.Count];
                var study = new CaseStudy
                {
                    CountryIso3 = iso3,
                    FromYear = 2012 + n % 10,
                    ToYear = n % 4 == 0 ? null : 2016 + n % 10,
                    Title = Title(n + 1, iso3),
                    Problem = Summary(n),
                    WhatWasDone = Summary(n + 5),
                    Results = Summary(n + 9),
                    Lessons = Summary(n + 11),
                    DoneDifferently = Summary(n + 13),
                    State = ModerationState.Published,
                    AuthorName = Marker,
                    CreatedAt = context.Now,
                    UpdatedAt = context.Now,
                    PublishedAt = context.Now,
                };
                study.Grade((EvidenceStrength)(n % 5), null, Marker, context.Now);
                study.Tags.AddRange(
                [
                    new CaseStudyTag { Facet = TagFacet.Behaviour, Value = behaviour },
                    new CaseStudyTag { Facet = TagFacet.Mechanism, Value = mechanism },
                    new CaseStudyTag { Facet = TagFacet.Instrument, Value = ((InstrumentCategory)(n % 11)).ToString() },
                ]);
                study.Sources.Add(new CaseStudySource { Position = 0, Title = "Programme monitoring report", Link = "https://example.org/bench/source" });
                db.CaseStudies.Add(study);
                await search.StageAsync(study, CancellationToken.None);
                created++;
            }
            await db.SaveChangesAsync();
        }
        return created;
    }

    private static async Task<int> AddPartnershipsAsync(IServiceProvider services, Context context, int target)
    {
        if (target == 0)
        {
            return 0;
        }
        var organisations = await EnsureOrganisationsAsync(services, context);
        var existing = await ExistingAsync(services, db =>
            db.Partnerships.IgnoreQueryFilters().CountAsync(partnership => partnership.HealthArea == Marker));
        var created = 0;
        for (var start = existing; start < target; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            for (var n = start; n < Math.Min(target, start + Batch); n++)
            {
                var (behaviour, mechanism) = context.Mechanisms[n * 5 % context.Mechanisms.Count];
                var (iso3, region) = context.Countries[n % context.Countries.Count];
                var partnership = new Partnership
                {
                    CountryIso3 = iso3,
                    IsPublic = n % 3 != 0,
                    Title = Title(n + 2, iso3),
                    Description = Summary(n + 1).En,
                    Type = (ArrangementType)(n % Enum.GetValues<ArrangementType>().Length),
                    HealthArea = Marker,
                    Setting = (PartnershipSetting)(n % 3),
                    StartDate = new DateOnly(2015 + n % 10, 1 + n % 12, 1),
                    Value = 10_000 * (n % 500 + 1),
                    Currency = "USD",
                    CreatedAt = context.Now,
                    UpdatedAt = context.Now,
                };
                var (publicParty, privateParty) = organisations[iso3];
                partnership.Parties.Add(new PartnershipParty { PartnershipId = partnership.Id, OrganisationId = publicParty.Id, Role = PartyRole.PublicParty });
                partnership.Parties.Add(new PartnershipParty { PartnershipId = partnership.Id, OrganisationId = privateParty.Id, Role = PartyRole.PrivateParty });
                partnership.Tags.Add(new PartnershipTag { OwnerId = partnership.Id, Facet = TagFacet.Behaviour, Value = behaviour });
                partnership.Tags.Add(new PartnershipTag { OwnerId = partnership.Id, Facet = TagFacet.Mechanism, Value = mechanism });
                db.Partnerships.Add(partnership);
                // A register under way: the seeding command sets the stage it needs, as the demonstration data does.
                db.Entry(partnership).Property(p => p.Stage).CurrentValue = (PartnershipStage)(n % 8);
                await search.Stage(PartnershipSearch.Document(partnership, region, [publicParty.Name, privateParty.Name]));
                created++;
            }
            await db.SaveChangesAsync();
        }
        return created;
    }

    /// <summary>Two parties per country: its ministry and a private provider association.</summary>
    private static async Task<Dictionary<string, (Organisation Public, Organisation Private)>> EnsureOrganisationsAsync(IServiceProvider services, Context context)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var existing = await db.Organisations.Where(o => o.Website == "https://example.org/bench").ToListAsync();
        foreach (var (iso3, _) in context.Countries)
        {
            foreach (var (name, sector, type) in new[]
            {
                ($"Ministry of Health {iso3} {Marker}", OrganisationSector.Public, StakeholderGroup.MinistryOfHealth),
                ($"Private Providers Association {iso3} {Marker}", OrganisationSector.PrivateForProfit, StakeholderGroup.PrivateForProfitProvider),
            })
            {
                if (!existing.Any(o => o.Name == name))
                {
                    var organisation = new Organisation { Name = name, CountryIso3 = iso3, Sector = sector, Type = type, Website = "https://example.org/bench" };
                    db.Organisations.Add(organisation);
                    existing.Add(organisation);
                }
            }
        }
        await db.SaveChangesAsync();
        return context.Countries.ToDictionary(
            country => country.Iso3,
            country => (existing.Single(o => o.CountryIso3 == country.Iso3 && o.Sector == OrganisationSector.Public),
                existing.Single(o => o.CountryIso3 == country.Iso3 && o.Sector == OrganisationSector.PrivateForProfit)),
            StringComparer.Ordinal);
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Demo;

/// <summary>
/// Demonstration events, in our own words and labelled as such (<see cref="Event.IsDemonstration"/>): the July 2024
/// inter-regional meeting in Cairo that launched the Progression Pathway, and Module 1 (10 March 2021) of a webinar
/// series introducing private sector engagement in health, with its 73 participants counted by group and its key
/// messages. Only the facts in the domain notes are kept (dates, place, hosts, the launch, the participant total and
/// the groups, the themes); agenda times, the split of the 73 between groups and every sentence are illustrative.
/// Loading twice adds nothing; removing takes out exactly these rows.
/// </summary>
public static class EventsDemo
{
    public static readonly Guid CairoMeeting = new("0193a000-0000-7000-8000-0000000e0001");
    public static readonly Guid WebinarSeries = new("0193a000-0000-7000-8000-0000000e5001");
    public static readonly Guid WebinarModule1 = new("0193a000-0000-7000-8000-0000000e0002");

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await db.EventSeries.AnyAsync(series => series.Id == WebinarSeries, cancellationToken))
        {
            db.EventSeries.Add(Series(now));
        }
        if (!await db.Events.AnyAsync(e => e.Id == CairoMeeting, cancellationToken))
        {
            var launched = await db.FrameworkVersions.Where(version => version.Version == "1").Select(version => (int?)version.Id).FirstOrDefaultAsync(cancellationToken);
            Add(db, Cairo(now, launched));
        }
        if (!await db.Events.AnyAsync(e => e.Id == WebinarModule1, cancellationToken))
        {
            Add(db, Module1(now));
        }
        var search = scope.ServiceProvider.GetRequiredService<EventSearch>();
        foreach (var added in db.ChangeTracker.Entries<Event>().Where(entry => entry.State == EntityState.Added).Select(entry => entry.Entity).ToList())
        {
            await search.StageAsync(added, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RemoveAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        // Their tags, agenda, totals, key messages, follow-ups, places and registrations go with them (cascades).
        var demonstrations = await db.Events.Where(e => e.IsDemonstration).ToListAsync(cancellationToken);
        var search = scope.ServiceProvider.GetRequiredService<EventSearch>();
        foreach (var demo in demonstrations)
        {
            await search.StageRemovalAsync(demo.Id, cancellationToken);
        }
        db.Events.RemoveRange(demonstrations);
        db.EventSeries.RemoveRange(await db.EventSeries.Where(series => series.IsDemonstration).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(PathwayDb db, Event demo)
    {
        db.Events.Add(demo);
        db.EventPlaces.Add(new EventPlaces { EventId = demo.Id });
    }

    private static EventSeries Series(DateTimeOffset now) => new()
    {
        Id = WebinarSeries,
        Title = LocalizedText.Of(
            "Private sector engagement in health cooperation (demonstration)",
            "L'engagement du secteur privé dans la coopération en santé (démonstration)",
            "إشراك القطاع الخاص في التعاون الصحي (عرض توضيحي)"),
        Description = LocalizedText.Of(
            "A series of online modules, March to September 2021, for people in development cooperation who work with, fund or regulate private actors in health. Each module stands alone; together they go from why engage the private sector to how to do it well.",
            "Une série de modules en ligne, de mars à septembre 2021, pour les acteurs de la coopération au développement qui travaillent avec des acteurs privés de la santé, les financent ou les réglementent. Chaque module se suffit à lui-même ; ensemble, ils vont du pourquoi au comment d'un engagement réussi.",
            "سلسلة من الوحدات عبر الإنترنت، من مارس إلى سبتمبر 2021، للعاملين في التعاون الإنمائي الذين يعملون مع الجهات الخاصة في الصحة أو يمولونها أو ينظمونها. كل وحدة قائمة بذاتها، ومعًا تنتقل من سبب إشراك القطاع الخاص إلى كيفية القيام بذلك على نحو جيد."),
        Organisers = SwissNetwork(),
        CreatedAt = now,
        UpdatedAt = now,
        IsDemonstration = true,
    };

    private static Event Cairo(DateTimeOffset now, int? launched)
    {
        var cairo = EventTimes.FindZone("Africa/Cairo")!;
        DateTimeOffset At(int day, int hour, int minute = 0) => EventTimes.ToMoment(new DateTime(2024, 7, day, hour, minute, 0), cairo);
        var meeting = new Event
        {
            Id = CairoMeeting,
            Title = LocalizedText.Of(
                "Inter-regional meeting on private sector engagement for universal health coverage and health security (demonstration)",
                "Réunion interrégionale sur l'engagement du secteur privé pour la couverture sanitaire universelle et la sécurité sanitaire (démonstration)",
                "الاجتماع الأقاليمي بشأن إشراك القطاع الخاص من أجل التغطية الصحية الشاملة والأمن الصحي (عرض توضيحي)"),
            Description = LocalizedText.Of(
                "The first meeting of its kind: ministries of health and WHO offices from five WHO regions met in Cairo to share how they govern mixed health systems. The **Progression Pathway** was launched here. The regional office stressed fragile and conflict-affected settings, the health workforce and supply chains.",
                "Une première : des ministères de la santé et des bureaux de l'OMS de cinq Régions se sont réunis au Caire pour partager leur manière de gouverner des systèmes de santé mixtes. Le **Parcours de progression** y a été lancé. Le bureau régional a insisté sur les contextes fragiles et touchés par des conflits, les personnels de santé et les chaînes d'approvisionnement.",
                "اجتماع هو الأول من نوعه: التقت وزارات الصحة ومكاتب منظمة الصحة العالمية من خمسة أقاليم في القاهرة لتبادل طرق حوكمة النظم الصحية المختلطة. وفيه أُطلق **مسار التقدّم**. وشدّد المكتب الإقليمي على البيئات الهشة والمتأثرة بالنزاعات، والقوى العاملة الصحية، وسلاسل الإمداد."),
            Type = EventType.Meeting,
            Access = EventAccess.InviteOnly,
            StartsAt = At(15, 9),
            EndsAt = At(17, 17),
            TimeZone = "Africa/Cairo",
            Venue = LocalizedText.Of("Cairo, Egypt", "Le Caire, Égypte", "القاهرة، مصر"),
            Organisers = LocalizedText.Of("WHO headquarters", "Siège de l'OMS", "المقر الرئيسي لمنظمة الصحة العالمية"),
            CoHosts = LocalizedText.Of(
                "WHO Regional Office for the Eastern Mediterranean",
                "Bureau régional de l'OMS pour la Méditerranée orientale",
                "المكتب الإقليمي لمنظمة الصحة العالمية لشرق المتوسط"),
            IsAnnounced = true,
            Summary = LocalizedText.Of(
                "Three days of country experience on governing the private health sector, ending with the launch of the Progression Pathway and a shared wish to assess, plan and learn from one another with it.",
                "Trois jours d'expériences nationales sur la gouvernance du secteur privé de la santé, conclus par le lancement du Parcours de progression et la volonté commune de s'en servir pour évaluer, planifier et apprendre les uns des autres.",
                "ثلاثة أيام من التجارب القطرية في حوكمة القطاع الصحي الخاص، خُتمت بإطلاق مسار التقدّم وبرغبة مشتركة في استخدامه للتقييم والتخطيط والتعلّم المتبادل."),
            LaunchedFrameworkVersion = launched,
            CreatedAt = now,
            UpdatedAt = now,
            IsDemonstration = true,
            Tags =
            [
                new() { EventId = CairoMeeting, Facet = TagFacet.Region, Value = "EMR" },
                new() { EventId = CairoMeeting, Facet = TagFacet.Country, Value = "EGY" },
                new() { EventId = CairoMeeting, Facet = TagFacet.Behaviour, Value = "DS" },
                new() { EventId = CairoMeeting, Facet = TagFacet.Behaviour, Value = "AS" },
                new() { EventId = CairoMeeting, Facet = TagFacet.Behaviour, Value = "FR" },
            ],
            Agenda =
            [
                Agenda(CairoMeeting, At(15, 9), At(15, 10, 30), "Opening and why mixed health systems need governing as one",
                    "Ouverture : pourquoi gouverner les systèmes de santé mixtes comme un tout", "الافتتاح: لماذا تُحكم النظم الصحية المختلطة ككلٍّ واحد"),
                Agenda(CairoMeeting, At(15, 11), At(15, 12, 30), "Launch of the Progression Pathway",
                    "Lancement du Parcours de progression", "إطلاق مسار التقدّم"),
                Agenda(CairoMeeting, At(16, 9), At(16, 12, 30), "Country experiences: contracting, regulation and dialogue",
                    "Expériences nationales : contractualisation, réglementation et dialogue", "تجارب قطرية: التعاقد والتنظيم والحوار"),
                Agenda(CairoMeeting, At(16, 14), At(16, 17), "Fragile settings, the health workforce and supply chains",
                    "Contextes fragiles, personnels de santé et chaînes d'approvisionnement", "البيئات الهشة والقوى العاملة الصحية وسلاسل الإمداد"),
                Agenda(CairoMeeting, At(17, 9), At(17, 12), "Next steps: assessing, planning and learning across regions",
                    "Prochaines étapes : évaluer, planifier et apprendre entre Régions", "الخطوات التالية: التقييم والتخطيط والتعلّم بين الأقاليم"),
            ],
            KeyMessages =
            [
                Message(CairoMeeting, 1, ["Fragile settings", "Contextes fragiles", "البيئات الهشة"],
                    ["Where the state is stretched, private and non-state providers often carry care: governance must reach them even in a crisis.",
                     "Là où l'État est débordé, les prestataires privés et non étatiques assurent souvent les soins : la gouvernance doit les atteindre même en temps de crise.",
                     "حيث تُستنزف قدرات الدولة، كثيرًا ما يتحمل مقدمو الخدمات الخاصون وغير الحكوميين عبء الرعاية: يجب أن تصل الحوكمة إليهم حتى في الأزمات."], "AS.1"),
                Message(CairoMeeting, 2, ["Health workforce", "Personnels de santé", "القوى العاملة الصحية"],
                    ["Health workers move between public and private practice; plans for the workforce should count both.",
                     "Les soignants passent du public au privé ; la planification des personnels doit compter les deux.",
                     "ينتقل العاملون الصحيون بين الممارسة العامة والخاصة؛ وينبغي أن تحسب خطط القوى العاملة الاثنين معًا."], null),
                Message(CairoMeeting, 3, ["Supply chains", "Chaînes d'approvisionnement", "سلاسل الإمداد"],
                    ["Medicines and supplies reach people through private channels too: quality rules and data should follow them there.",
                     "Les médicaments et fournitures passent aussi par des circuits privés : les règles de qualité et les données doivent les y suivre.",
                     "تصل الأدوية والمستلزمات إلى الناس عبر قنوات خاصة أيضًا: يجب أن تتبعها قواعد الجودة والبيانات هناك."], null),
            ],
        };
        return meeting;
    }

    private static Event Module1(DateTimeOffset now)
    {
        var zurich = EventTimes.FindZone("Europe/Zurich")!;
        var module = new Event
        {
            Id = WebinarModule1,
            SeriesId = WebinarSeries,
            ModuleNumber = 1,
            Title = LocalizedText.Of(
                "Module 1: Introducing private sector engagement in health (demonstration)",
                "Module 1 : Introduction à l'engagement du secteur privé en santé (démonstration)",
                "الوحدة 1: مدخل إلى إشراك القطاع الخاص في الصحة (عرض توضيحي)"),
            Description = LocalizedText.Of(
                "What \"private sector\" means here (every non-state actor, for profit or not, formal or informal) and why engaging it is a means to the health goals, not an end.",
                "Ce que « secteur privé » veut dire ici (tout acteur non étatique, lucratif ou non, formel ou informel) et pourquoi l'engager est un moyen d'atteindre les objectifs de santé, non une fin.",
                "ما المقصود هنا بـ«القطاع الخاص» (كل جهة غير حكومية، ربحية أو غير ربحية، رسمية أو غير رسمية)، ولماذا يُعد إشراكه وسيلة لبلوغ الأهداف الصحية لا غاية في ذاته."),
            Type = EventType.Webinar,
            Access = EventAccess.Open,
            StartsAt = EventTimes.ToMoment(new DateTime(2021, 3, 10, 14, 0, 0), zurich),
            EndsAt = EventTimes.ToMoment(new DateTime(2021, 3, 10, 15, 30, 0), zurich),
            TimeZone = "Europe/Zurich",
            Organisers = SwissNetwork(),
            IsAnnounced = true,
            Summary = LocalizedText.Of(
                "73 people from development and cooperation agencies, NGOs, philanthropy, academia and private companies took part. The discussion kept returning to four themes: partnerships, regulation, trust, and showing what works.",
                "73 personnes d'agences de développement et de coopération, d'ONG, de la philanthropie, du monde universitaire et d'entreprises privées ont participé. La discussion est revenue sans cesse à quatre thèmes : les partenariats, la réglementation, la confiance et la preuve de ce qui marche.",
                "شارك 73 شخصًا من وكالات التنمية والتعاون، والمنظمات غير الحكومية، والعمل الخيري، والأوساط الأكاديمية، والشركات الخاصة. وعاد النقاش مرارًا إلى أربعة محاور: الشراكات، والتنظيم، والثقة، وإثبات ما ينجح."),
            CreatedAt = now,
            UpdatedAt = now,
            IsDemonstration = true,
            Tags =
            [
                new() { EventId = WebinarModule1, Facet = TagFacet.Behaviour, Value = "NT" },
                new() { EventId = WebinarModule1, Facet = TagFacet.Behaviour, Value = "FR" },
                new() { EventId = WebinarModule1, Facet = TagFacet.Behaviour, Value = "BU" },
            ],
            // The total of 73 and its five groups are on record; the split between them is illustrative.
            Totals =
            [
                Total(ParticipantGroup.DevelopmentAgency, 29),
                Total(ParticipantGroup.Ngo, 18),
                Total(ParticipantGroup.Philanthropy, 7),
                Total(ParticipantGroup.Academia, 11),
                Total(ParticipantGroup.PrivateCompany, 8),
            ],
            KeyMessages =
            [
                Message(WebinarModule1, 1, ["Trust", "Confiance", "الثقة"],
                    ["Engagement starts with trust: regular, open dialogue between the state and private actors, with conflicts of interest declared.",
                     "L'engagement commence par la confiance : un dialogue régulier et ouvert entre l'État et les acteurs privés, conflits d'intérêts déclarés.",
                     "يبدأ الإشراك بالثقة: حوار منتظم ومنفتح بين الدولة والجهات الخاصة، مع الإفصاح عن تضارب المصالح."], "NT.1"),
                Message(WebinarModule1, 2, ["Regulation", "Réglementation", "التنظيم"],
                    ["Strengthen regulation so that every provider, public or private, is held to the same standards of quality and safety.",
                     "Renforcer la réglementation pour que chaque prestataire, public ou privé, réponde aux mêmes exigences de qualité et de sécurité.",
                     "تعزيز التنظيم بحيث يخضع كل مقدم خدمة، عامًا كان أو خاصًا، للمعايير نفسها في الجودة والسلامة."], "AS.1"),
                Message(WebinarModule1, 3, ["Evidence", "Données probantes", "البيّنات"],
                    ["Document what works, and what does not, beyond anecdotes, so that others can learn from it.",
                     "Documenter ce qui marche, et ce qui ne marche pas, au-delà des anecdotes, pour que d'autres puissent en tirer des leçons.",
                     "توثيق ما ينجح وما لا ينجح، بما يتجاوز الروايات الفردية، ليتعلم منه الآخرون."], "BU.1"),
                Message(WebinarModule1, 4, ["Partnerships", "Partenariats", "الشراكات"],
                    ["Give partnerships a structure: clear roles, shared goals, and how results will be measured and reviewed.",
                     "Donner une structure aux partenariats : des rôles clairs, des objectifs partagés et la manière de mesurer et revoir les résultats.",
                     "منح الشراكات هيكلًا واضحًا: أدوار محددة، وأهداف مشتركة، وطريقة لقياس النتائج ومراجعتها."], "FR.1"),
            ],
        };
        return module;

        ParticipationTotal Total(ParticipantGroup group, int count) =>
            new() { EventId = WebinarModule1, Dimension = TotalDimension.Group, Key = group.ToString(), Count = count };
    }

    private static AgendaItem Agenda(Guid eventId, DateTimeOffset starts, DateTimeOffset ends, string en, string fr, string ar) =>
        new() { EventId = eventId, StartsAt = starts, EndsAt = ends, Topic = LocalizedText.Of(en, fr, ar) };

    private static KeyMessage Message(Guid eventId, int order, string[] theme, string[] text, string? mechanism) =>
        new() { EventId = eventId, Order = order, Theme = LocalizedText.Of(theme[0], theme[1], theme[2]), Text = LocalizedText.Of(text[0], text[1], text[2]), MechanismCode = mechanism };

    private static LocalizedText SwissNetwork() => LocalizedText.Of(
        "Swiss health cooperation network (demonstration)",
        "Réseau suisse de coopération en santé (démonstration)",
        "الشبكة السويسرية للتعاون الصحي (عرض توضيحي)");
}

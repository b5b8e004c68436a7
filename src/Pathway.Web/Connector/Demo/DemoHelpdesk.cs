using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Helpdesk;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Connector.Demo;

/// <summary>
/// Demonstration helpdesk answers: five questions answered and published as FAQ entries, in our own words, labelled
/// demonstration (<see cref="HelpdeskQuestion.IsDemonstration"/>) and asked by nobody real. Loading twice adds nothing;
/// removing takes out exactly these rows and their search entries.
/// </summary>
public static class DemoHelpdesk
{
    private const string Asker = "Demonstration";
    private const string Answerer = "Pathway helpdesk (demonstration)";

    private sealed record Entry(Guid Id, string Behaviour, string Mechanism, string? Country, string[] Question, string[] Answer);

    // Fixed ids: a second load finds them and adds nothing.
    private static readonly Entry[] Entries =
    [
        new(new("0193a000-0000-7000-8000-00000000a001"), "DS", "DS.1", null,
            ["Where should a ministry start when it has no policy on working with private providers?",
             "Par où un ministère doit-il commencer lorsqu'il n'a aucune politique de collaboration avec les prestataires privés ?",
             "من أين تبدأ الوزارة إذا لم تكن لديها سياسة للعمل مع مقدمي الخدمات من القطاع الخاص؟"],
            ["Start small and written down: a short note that says why the ministry wants to work with private providers, which services matter most, and who in the ministry leads. Share the draft with private associations early; their comments show where trust is missing. A **one-page statement** agreed by senior leaders is worth more than a long strategy nobody signs.",
             "Commencez modestement et par écrit : une courte note qui explique pourquoi le ministère veut travailler avec les prestataires privés, quels services comptent le plus et qui pilote au sein du ministère. Partagez tôt le projet avec les associations privées ; leurs commentaires montrent où la confiance manque. Une **déclaration d'une page** approuvée par la direction vaut mieux qu'une longue stratégie que personne ne signe.",
             "ابدأ بخطوة صغيرة ومكتوبة: مذكرة قصيرة توضح لماذا تريد الوزارة العمل مع مقدمي الخدمات الخاصين، وأي الخدمات أهم، ومن يقود العمل داخل الوزارة. شارك المسودة مبكرًا مع الجمعيات الخاصة؛ فملاحظاتها تكشف مواضع ضعف الثقة. **بيان من صفحة واحدة** يوافق عليه كبار المسؤولين أنفع من استراتيجية طويلة لا يوقعها أحد."]),
        new(new("0193a000-0000-7000-8000-00000000a002"), "BU", "BU.1", null,
            ["We do not know how many private clinics operate in our country. How can we find out quickly?",
             "Nous ne savons pas combien de cliniques privées exercent dans notre pays. Comment le savoir rapidement ?",
             "لا نعرف عدد العيادات الخاصة العاملة في بلدنا. كيف نعرف ذلك بسرعة؟"],
            ["Combine what already exists before counting anew: licensing lists, insurance and tax registers, professional council rolls and pharmacy permits. Match them by name and address, then check a sample of districts on the ground. Publish the result as a living register and ask facilities to correct their own entry.",
             "Rassemblez ce qui existe avant de recompter : listes d'autorisations, registres d'assurance et fiscaux, tableaux des ordres professionnels et licences de pharmacie. Rapprochez-les par nom et adresse, puis vérifiez un échantillon de districts sur le terrain. Publiez le résultat comme un registre vivant et invitez les établissements à corriger leur propre fiche.",
             "اجمع ما هو موجود قبل إجراء عدّ جديد: قوائم الترخيص، وسجلات التأمين والضرائب، وقوائم المجالس المهنية، وتراخيص الصيدليات. طابقها بالاسم والعنوان، ثم تحقق ميدانيًا من عينة من المناطق. انشر النتيجة سجلًا حيًا واطلب من المنشآت تصحيح بياناتها بنفسها."]),
        new(new("0193a000-0000-7000-8000-00000000a003"), "FR", "FR.1", null,
            ["How often should a dialogue platform with the private sector meet, and who should chair it?",
             "À quelle fréquence une plateforme de dialogue avec le secteur privé doit-elle se réunir, et qui doit la présider ?",
             "كم مرة يجب أن تجتمع منصة الحوار مع القطاع الخاص، ومن يجب أن يرأسها؟"],
            ["Regular beats frequent: a fixed calendar (for example each quarter) with minutes published within two weeks builds more trust than many ad hoc meetings. A co-chair from each side works well once the rules on conflicts of interest are written and every member has declared theirs.",
             "La régularité compte plus que la fréquence : un calendrier fixe (par exemple chaque trimestre) avec des comptes rendus publiés sous deux semaines crée plus de confiance que de nombreuses réunions improvisées. Une coprésidence de chaque côté fonctionne bien dès que les règles sur les conflits d'intérêts sont écrites et que chaque membre a fait sa déclaration.",
             "الانتظام أهم من كثرة الاجتماعات: جدول ثابت (كل ثلاثة أشهر مثلًا) مع نشر المحاضر خلال أسبوعين يبني ثقة أكبر من اجتماعات كثيرة مرتجلة. وتنجح الرئاسة المشتركة من الجانبين متى كُتبت قواعد تضارب المصالح وقدّم كل عضو إقراره."]),
        new(new("0193a000-0000-7000-8000-00000000a004"), "AS", "AS.1", null,
            ["Can a purchaser contract private facilities before the country has an accreditation scheme?",
             "Un acheteur peut-il contractualiser avec des établissements privés avant que le pays ait un dispositif d'accréditation ?",
             "هل يمكن للجهة المشترية التعاقد مع منشآت خاصة قبل أن يكون لدى البلد نظام اعتماد؟"],
            ["Yes, with care. Use a short list of minimum conditions that can be checked on a visit (staff licensed, essential equipment, basic infection control, reporting), make payment depend on regular reports, and plan how the contract will move to accreditation once it exists.",
             "Oui, avec prudence. Utilisez une courte liste de conditions minimales vérifiables lors d'une visite (personnel autorisé, équipement essentiel, prévention des infections de base, transmission des données), liez le paiement à des rapports réguliers et prévoyez comment le contrat passera à l'accréditation quand elle existera.",
             "نعم، مع الحذر. استخدم قائمة قصيرة من الشروط الدنيا التي يمكن التحقق منها في زيارة (موظفون مرخصون، معدات أساسية، مكافحة عدوى أساسية، رفع التقارير)، واربط الدفع بتقارير منتظمة، وخطط لكيفية انتقال العقد إلى الاعتماد عند توفره."]),
        new(new("0193a000-0000-7000-8000-00000000a005"), "NT", "NT.1", null,
            ["How can we show private providers that inspections are fair?",
             "Comment montrer aux prestataires privés que les inspections sont équitables ?",
             "كيف نُظهر لمقدمي الخدمات الخاصين أن عمليات التفتيش عادلة؟"],
            ["Publish the checklist inspectors use, apply it to public and private facilities alike, and give every facility its own report with a right to reply. A yearly summary of findings by sector, without naming individuals, lets everyone see that the same rules apply.",
             "Publiez la grille utilisée par les inspecteurs, appliquez-la aux établissements publics comme privés et remettez à chacun son propre rapport avec un droit de réponse. Une synthèse annuelle des constats par secteur, sans nommer personne, permet à tous de voir que les mêmes règles s'appliquent.",
             "انشر قائمة التحقق التي يستخدمها المفتشون، وطبّقها على المنشآت العامة والخاصة على حد سواء، وسلّم كل منشأة تقريرها مع حق الرد. ويتيح ملخص سنوي للنتائج حسب القطاع، دون تسمية أحد، للجميع أن يروا أن القواعد نفسها تُطبَّق."]),
    ];

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var faq = scope.ServiceProvider.GetRequiredService<HelpdeskFaq>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var ids = Entries.Select(entry => entry.Id).ToList();
        var present = await db.Set<HelpdeskQuestion>().Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (entry, index) in Entries.Select((entry, index) => (entry, index)).Where(pair => !present.Contains(pair.entry.Id)))
        {
            var asked = now.AddDays(-60 + index * 7);
            var question = new HelpdeskQuestion
            {
                Id = entry.Id,
                AskerName = Asker,
                Question = entry.Question[0],
                BehaviourCode = entry.Behaviour,
                MechanismCode = entry.Mechanism,
                CountryIso3 = entry.Country,
                AskedAt = asked,
                IsDemonstration = true,
            };
            question.Record(entry.Answer[0], null, Answerer, asked.AddDays(3));
            question.Publish(Text(entry.Question), Text(entry.Answer), asked.AddDays(4));
            db.Set<HelpdeskQuestion>().Add(question);
            await faq.StageAsync(question, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RemoveAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var demo = await db.Set<HelpdeskQuestion>().Where(q => q.IsDemonstration).ToListAsync(cancellationToken);
        foreach (var question in demo)
        {
            await search.StageRemoval(SearchKind.HelpdeskAnswer, question.Id.ToString(), cancellationToken);
        }
        db.Set<HelpdeskQuestion>().RemoveRange(demo);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static LocalizedText Text(string[] byLanguage) =>
        new([new("en", byLanguage[0]), new("fr", byLanguage[1]), new("ar", byLanguage[2])]);
}

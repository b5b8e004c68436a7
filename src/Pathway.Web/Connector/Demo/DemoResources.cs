using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Demo;

/// <summary>
/// Twenty demonstration resources of the knowledge hub, in our own words (fictional publishers and example.org
/// addresses), of every type and spread over the six behaviours, with the organisations they cite and a fictional,
/// locked account that wrote them. Eighteen are published, two wait in review so the editors' queue has something to
/// show. Every row says it is a demonstration; loading twice changes nothing, removing takes out exactly these rows.
/// </summary>
public static class DemoResources
{
    public const string AuthorEmail = "hub-editor.demo@example.org";

    private sealed record DemoOrganisation(string Name, string? Acronym, string? Country, OrganisationSector Sector, StakeholderGroup Type);

    private sealed record DemoResource(
        string Title, string? TitleFr, string? TitleAr, string Summary, ResourceType Type, string Languages, int Year,
        string Publisher, string Tags, bool InReview = false);

    private static readonly DemoOrganisation[] Organisations =
    [
        new("Example Institute for Health Systems Governance (demonstration)", "EIHSG", null, OrganisationSector.International, StakeholderGroup.Academia),
        new("Example Association of Private Hospitals (demonstration)", "EAPH", "KEN", OrganisationSector.PrivateForProfit, StakeholderGroup.PrivateSectorAssociation),
        new("Example Faith-Based Health Network (demonstration)", "EFHN", "UGA", OrganisationSector.FaithBased, StakeholderGroup.PrivateNotForProfitProvider),
        new("Example National Health Insurance Agency (demonstration)", "ENHIA", "GHA", OrganisationSector.Public, StakeholderGroup.OtherGovernmentAgency),
        new("Example Development Partners Group (demonstration)", "EDPG", null, OrganisationSector.International, StakeholderGroup.DevelopmentPartner),
    ];

    // Tags: "M:DS.1 I:Regulation C:KEN R:AFR T:topic" — mechanisms, instruments, countries, regions, topics.
    private static readonly DemoResource[] Resources =
    [
        new("Writing a national strategy that counts the private sector", "Rédiger une stratégie nationale qui compte le secteur privé", "كتابة استراتيجية وطنية تشمل القطاع الخاص",
            "A short guide to naming private providers' roles in a health sector strategy, with a checklist for the drafting team.",
            ResourceType.Guidance, "en fr ar", 2023, "EIHSG", "M:DS.1 M:DS.2 I:PolicyAndStrategy T:strategy"),
        new("Mapping who delivers care: a rapid census of private facilities", null, null,
            "How three ministries counted private clinics, pharmacies and laboratories in six months, and what the counts changed.",
            ResourceType.Report, "en", 2022, "EIHSG", "M:DS.3 M:BU.1 I:InformationAndData C:KEN C:GHA R:AFR T:mapping"),
        new("Policy brief: aligning public and private priorities in a five-year plan", "Note : aligner les priorités publiques et privées dans un plan quinquennal", null,
            "Four options for bringing private sector commitments into the national plan, with their costs and risks.",
            ResourceType.Brief, "en fr", 2024, "EDPG", "M:DS.4 I:PolicyAndStrategy T:planning"),
        new("Setting up a private sector unit in the ministry of health", null, "إنشاء وحدة للقطاع الخاص في وزارة الصحة",
            "Terms of reference, staffing and a first-year work plan for a small unit that speaks for the ministry to private providers.",
            ResourceType.Template, "en ar", 2021, "EIHSG", "M:AS.1 M:AS.2 I:InstitutionalArrangement T:institutions"),
        new("Regulating private laboratories: a model regulation", null, null,
            "An annotated model text covering licensing, inspection and reporting duties of private laboratories.",
            ResourceType.LawOrRegulation, "en", 2020, "Example Regional Regulators Forum", "M:AS.3 I:Regulation I:Legislation T:laboratories"),
        new("Licensing and inspection: lessons from ten countries", "Autorisation et inspection : leçons de dix pays", null,
            "A comparative review of how inspectorates decide which private facilities to visit and what they do when rules are broken.",
            ResourceType.JournalArticle, "en fr", 2023, "Journal of Example Health Policy", "M:AS.4 M:AS.5 I:Regulation R:EMR R:AFR T:inspection"),
        new("Health information from private providers: a reporting toolkit", null, null,
            "Forms, data dictionary and a step-by-step plan for bringing private facilities into routine reporting.",
            ResourceType.Tool, "en es", 2022, "EDPG", "M:BU.2 M:BU.3 I:InformationAndData T:data"),
        new("Course: understanding the mixed health system", "Cours : comprendre le système de santé mixte", "دورة: فهم النظام الصحي المختلط",
            "Six short modules for ministry staff on who delivers care, who pays for it and how the ministry can steer both sides.",
            ResourceType.CourseModule, "en fr ar", 2024, "EIHSG", "M:BU.4 M:BU.5 T:training"),
        new("Video: what patients pay in private clinics", null, null,
            "A ten-minute explainer on out-of-pocket spending in private outpatient care and how surveys measure it.",
            ResourceType.Video, "en ru", 2021, "ENHIA", "M:BU.1 I:FinancingAndPurchasing C:GHA T:financing"),
        new("Contracting private providers for primary care: a practical guide", "Contractualiser des prestataires privés pour les soins primaires", null,
            "How to prepare, tender, sign and monitor contracts with private clinics, with sample clauses and a payment model.",
            ResourceType.Guidance, "en fr", 2023, "ENHIA", "M:ES.1 M:ES.2 I:FinancingAndPurchasing I:PublicPrivatePartnership C:GHA T:contracting"),
        new("Accreditation schemes that small clinics can meet", null, null,
            "A review of stepwise accreditation that lets small private clinics improve quality over time rather than fail at once.",
            ResourceType.Report, "en", 2022, "EAPH", "M:ES.3 I:QualityAssurance C:KEN T:accreditation"),
        new("Vouchers for maternal care: design checklist", null, "قائمة تحقق لتصميم قسائم رعاية الأمومة",
            "Twenty questions to answer before launching a voucher scheme that lets women use private maternity services.",
            ResourceType.Tool, "en ar", 2020, "EDPG", "M:ES.4 I:FinancingAndPurchasing I:MarketShaping T:vouchers"),
        new("Working with faith-based providers: partnership principles", "Travailler avec les prestataires confessionnels : principes de partenariat", null,
            "Principles and a model memorandum for ministries working with church and mosque health networks.",
            ResourceType.Brief, "en fr", 2021, "EFHN", "M:ES.5 M:FR.2 I:PublicPrivatePartnership C:UGA T:faith-based"),
        new("Publishing what private facilities charge: a transparency tool", null, null,
            "A spreadsheet and guidance for publishing the prices of common services in private facilities.",
            ResourceType.Tool, "en", 2024, "EIHSG", "M:NT.1 M:NT.2 I:AccountabilityAndTransparency T:transparency"),
        new("Conflicts of interest in health policy dialogue", "Conflits d’intérêts dans le dialogue sur les politiques de santé", null,
            "How to ask for, record and manage declarations of interest when private actors sit at the policy table.",
            ResourceType.Guidance, "en fr zh", 2022, "EIHSG", "M:NT.3 M:NT.4 I:AccountabilityAndTransparency I:Dialogue T:integrity"),
        new("Complaints that lead somewhere: patient feedback in private care", null, null,
            "A study of complaint channels for private-sector patients and which ones changed what providers do.",
            ResourceType.JournalArticle, "en", 2023, "Journal of Example Health Policy", "M:NT.5 I:AccountabilityAndTransparency R:SEAR T:patients"),
        new("Running a national public–private dialogue platform", "Animer une plateforme nationale de dialogue public-privé", "إدارة منصة وطنية للحوار بين القطاعين العام والخاص",
            "Membership, agenda setting, minutes and follow-up for a standing forum between the ministry and private providers.",
            ResourceType.Guidance, "en fr ar", 2024, "EAPH", "M:FR.1 M:FR.3 I:Dialogue C:KEN T:dialogue"),
        new("Template: memorandum of understanding with a private provider association", null, null,
            "A plain-language memorandum template covering purpose, commitments, data sharing and review dates.",
            ResourceType.Template, "en", 2021, "EAPH", "M:FR.4 I:PublicPrivatePartnership T:agreements"),
        new("Private sector engagement in emergencies: a rapid guide", null, null,
            "What to agree with private hospitals and suppliers before an emergency, and how to activate it when one starts.",
            ResourceType.Guidance, "en es ru", 2024, "EDPG", "M:FR.2 M:AS.2 I:PublicPrivatePartnership T:emergencies", InReview: true),
        new("Measuring governance progress: indicators for the pathway", null, null,
            "A draft set of indicators a country can track between two self-assessments, with sources for each.",
            ResourceType.Report, "en", 2025, "EIHSG", "M:DS.2 M:BU.2 M:NT.1 I:InformationAndData T:monitoring", InReview: true),
    ];

    public static int Expected => Resources.Length;

    /// <summary>Loads the demonstration resources unless all are there; a partial set is removed first.</summary>
    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using (var check = services.CreateAsyncScope())
        {
            var count = await check.ServiceProvider.GetRequiredService<PathwayDb>().Set<Resource>()
                .CountAsync(resource => resource.IsDemonstration, cancellationToken);
            if (count == Expected)
            {
                return;
            }
            if (count > 0)
            {
                await RemoveAsync(services, cancellationToken);
            }
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var author = await AuthorAsync(scope.ServiceProvider);

        var names = Organisations.Select(o => o.Name).ToList();
        var existing = await db.Set<Organisation>().Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, cancellationToken);
        foreach (var organisation in Organisations.Where(o => !existing.ContainsKey(o.Name)))
        {
            var added = new Organisation
            {
                Name = organisation.Name, Acronym = organisation.Acronym, CountryIso3 = organisation.Country,
                Sector = organisation.Sector, Type = organisation.Type, Website = "https://example.org/", IsDemonstration = true,
            };
            db.Set<Organisation>().Add(added);
            existing[added.Name] = added;
        }
        await db.SaveChangesAsync(cancellationToken);
        var byAcronym = existing.Values.Where(o => o.Acronym is not null).ToDictionary(o => o.Acronym!, StringComparer.Ordinal);

        var index = 0;
        foreach (var item in Resources)
        {
            index++;
            var publisher = byAcronym.GetValueOrDefault(item.Publisher);
            var resource = new Resource
            {
                Title = Text(item.Title, item.TitleFr, item.TitleAr),
                Summary = LocalizedText.English(item.Summary),
                Type = item.Type,
                LanguageCodes = LanguageList.Format(item.Languages.Split(' ')),
                Year = item.Year,
                PublisherId = publisher?.Id,
                PublisherName = publisher is null ? item.Publisher : null,
                Url = $"https://example.org/pathway-demo/resource-{index}",
                Licence = "CC BY 4.0",
                State = item.InReview ? ModerationState.InReview : ModerationState.Published,
                CreatedById = author,
                CreatedAt = now,
                UpdatedAt = now,
                StateChangedAt = now,
                IsDemonstration = true,
            };
            resource.Tags.AddRange(Tags(item.Tags).Select(tag => new ResourceTag { ResourceId = resource.Id, Facet = tag.Facet, Value = tag.Value }));
            db.Set<Resource>().Add(resource);
            await ResourceSearch.StageAsync(search, resource, publisher?.Name ?? item.Publisher, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes the demonstration resources (and their search entries), their organisations and their author's account.</summary>
    public static async Task RemoveAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var ids = await db.Set<Resource>().Where(resource => resource.IsDemonstration).Select(resource => resource.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await search.StageRemoval(SearchKind.Resource, id.ToString(), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<ResourceTag>().Where(tag => ids.Contains(tag.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ResourceFile>().Where(file => ids.Contains(file.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Resource>().Where(resource => ids.Contains(resource.Id)).ExecuteDeleteAsync(cancellationToken);
        var names = Organisations.Select(o => o.Name).ToList();
        await db.Set<Organisation>().Where(o => o.IsDemonstration && names.Contains(o.Name)).ExecuteDeleteAsync(cancellationToken);
        var email = AuthorEmail.ToUpperInvariant();
        var authors = db.Users.Where(user => user.NormalizedEmail == email && user.PasswordHash == null).Select(user => user.Id);
        if (!await db.Set<Resource>().AnyAsync(resource => authors.Contains(resource.CreatedById), cancellationToken))
        {
            await db.Notices.Where(notice => authors.Contains(notice.RecipientId)).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(user => user.NormalizedEmail == email && user.PasswordHash == null).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The fictional author: an account without a password, locked, so nobody can sign in as it.</summary>
    private static async Task<string> AuthorAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<PathwayUser>>();
        if (await users.FindByEmailAsync(AuthorEmail) is { } found)
        {
            return found.PasswordHash is null
                ? found.Id
                : throw new InvalidOperationException($"{AuthorEmail} is a real account (it has a password); the demonstration data will not use it.");
        }
        var user = new PathwayUser
        {
            UserName = AuthorEmail, Email = AuthorEmail, EmailConfirmed = true, DisplayName = "Knowledge hub editor (demonstration)",
            NoticeEmailsOff = true, LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue,
        };
        var created = await users.CreateAsync(user);
        return created.Succeeded
            ? user.Id
            : throw new InvalidOperationException($"Could not create {AuthorEmail}: {string.Join("; ", created.Errors.Select(error => error.Description))}");
    }

    private static LocalizedText Text(string english, string? french, string? arabic) =>
        new(new[] { ("en", english), ("fr", french), ("ar", arabic) }
            .Where(pair => pair.Item2 is not null).Select(pair => new KeyValuePair<string, string>(pair.Item1, pair.Item2!)));

    private static IEnumerable<ContentTag> Tags(string tags)
    {
        var list = tags.Split(' ').Select(tag => tag.Split(':', 2)).Select(parts => parts[0] switch
        {
            "M" => new ContentTag(TagFacet.Mechanism, parts[1]),
            "I" => new ContentTag(TagFacet.Instrument, parts[1]),
            "C" => new ContentTag(TagFacet.Country, parts[1]),
            "R" => new ContentTag(TagFacet.Region, parts[1]),
            _ => new ContentTag(TagFacet.Topic, parts[1]),
        }).ToList();
        // Each mechanism's behaviour too, so the behaviour filter finds them.
        var behaviours = list.Where(tag => tag.Facet == TagFacet.Mechanism).Select(tag => new ContentTag(TagFacet.Behaviour, tag.Value.Split('.')[0]));
        return list.Concat(behaviours).Distinct();
    }
}

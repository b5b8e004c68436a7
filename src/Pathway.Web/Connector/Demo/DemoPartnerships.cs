using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Localization;
using Pathway.Web.Scoring;

namespace Pathway.Web.Connector.Demo;

/// <summary>
/// Five demonstration partnerships in demonstration countries, at different stages of their life, with their
/// parties (demonstration organisations), the due diligence their stage needs and a risk log; four public, one not.
/// Every row carries <c>IsDemonstration</c>; loading twice changes nothing and removal takes exactly these rows.
/// The texts are ours, written for the demonstration.
/// </summary>
public static class DemoPartnerships
{
    private sealed record DemoOrganisation(string Name, string? Acronym, string? Country, OrganisationSector Sector, StakeholderGroup Type);

    private sealed record DemoParty(int Organisation, PartyRole Role);

    private sealed record DemoRisk(string Description, int Likelihood, int Impact, string Mitigation, string Owner, int ReviewInDays, bool Closed = false);

    private sealed record DemoPartnership(
        string Country, string Title, string TitleFr, string TitleAr, string Description, ArrangementType Type, string HealthArea,
        PartnershipSetting Setting, PartnershipStage Stage, bool IsPublic, int StartYear, int Years, decimal? Value, string? Currency,
        string[] Mechanisms, InstrumentCategory[] Instruments, DemoParty[] Parties, bool Checked, DemoRisk[] Risks);

    private static readonly DemoOrganisation[] Organisations =
    [
        new("Demo Ministry of Health of Kenya (fictional)", "MOH-K", "KEN", OrganisationSector.Public, StakeholderGroup.MinistryOfHealth),
        new("Demo Lakeside Private Clinics Network (fictional)", "LPCN", "KEN", OrganisationSector.PrivateForProfit, StakeholderGroup.PrivateForProfitProvider),
        new("Demo Ghana Health Insurance Office (fictional)", null, "GHA", OrganisationSector.Public, StakeholderGroup.OtherGovernmentAgency),
        new("Demo Faith Hospitals Association of Ghana (fictional)", "FHAG", "GHA", OrganisationSector.FaithBased, StakeholderGroup.PrivateNotForProfitProvider),
        new("Demo Punjab Health Department (fictional)", null, "PAK", OrganisationSector.Public, StakeholderGroup.MinistryOfHealth),
        new("Demo Pharmacy Owners Council (fictional)", "POC", "PAK", OrganisationSector.PrivateForProfit, StakeholderGroup.PrivateSectorAssociation),
        new("Demo Philippine Laboratory Alliance (fictional)", null, "PHL", OrganisationSector.PrivateForProfit, StakeholderGroup.PrivateSectorAssociation),
        new("Demo Department of Health, Philippines (fictional)", "DOH-D", "PHL", OrganisationSector.Public, StakeholderGroup.MinistryOfHealth),
        new("Demo Colombian Health Superintendence (fictional)", null, "COL", OrganisationSector.Public, StakeholderGroup.OtherGovernmentAgency),
        new("Demo Quality Care Foundation (fictional)", "QCF", null, OrganisationSector.International, StakeholderGroup.DevelopmentPartner),
    ];

    private static readonly DemoPartnership[] Partnerships =
    [
        new("KEN", "Demonstration: contracted maternity care in private clinics",
            "Démonstration : soins de maternité contractés dans des cliniques privées", "عرض توضيحي: رعاية الأمومة المتعاقد عليها في العيادات الخاصة",
            "The county pays private clinics a fixed fee per **normal delivery** and per referral, against quality checks every quarter.\n\n- clinics report births to the county system\n- prices are set for two years",
            ArrangementType.Contract, "Maternal and newborn health", PartnershipSetting.Stable, PartnershipStage.ImplementationAndReview, true, 2024, 3, 1_850_000m, "KES",
            ["DS.1", "FR.1"], [InstrumentCategory.FinancingAndPurchasing, InstrumentCategory.QualityAssurance],
            [new(0, PartyRole.PublicParty), new(1, PartyRole.PrivateParty), new(9, PartyRole.Funder)], true,
            [
                new("Clinics under-report complications to keep their rating", 3, 4, "Spot audits of ten records per clinic each quarter", "County health office", -12),
                new("Fee no longer covers costs after inflation", 4, 3, "Yearly price review written into the contract", "Contract manager", 45),
                new("Late payments push clinics out", 2, 4, "Payment within 30 days tracked on the dashboard", "County treasury", 20, Closed: true),
            ]),
        new("GHA", "Demonstration: faith-based hospitals in the insurance network",
            "Démonstration : hôpitaux confessionnels dans le réseau d'assurance", "عرض توضيحي: المستشفيات الدينية في شبكة التأمين",
            "A memorandum that brings the association's hospitals into the national insurance network, with shared claims rules.",
            ArrangementType.MemorandumOfUnderstanding, "Health financing", PartnershipSetting.Stable, PartnershipStage.PartnershipAgreement, true, 2025, 5, null, null,
            ["FR.2"], [InstrumentCategory.FinancingAndPurchasing],
            [new(2, PartyRole.PublicParty), new(3, PartyRole.PrivateParty)], true,
            [new("Claims backlog delays reimbursements", 3, 3, "Joint claims desk meeting every month", "Insurance office", 60)]),
        new("PAK", "Demonstration: pharmacy dialogue platform after the floods",
            "Démonstration : plateforme de dialogue avec les pharmacies après les inondations", "عرض توضيحي: منصة حوار مع الصيدليات بعد الفيضانات",
            "A standing table where the department and pharmacy owners agree on essential medicine stocks in flooded districts.",
            ArrangementType.DialoguePlatform, "Essential medicines", PartnershipSetting.Emergency, PartnershipStage.JointRiskAssessment, true, 2026, 2, 40_000m, "USD",
            ["FR.1", "BU.1"], [InstrumentCategory.Dialogue, InstrumentCategory.MarketShaping],
            [new(4, PartyRole.PublicParty), new(5, PartyRole.PrivateParty), new(9, PartyRole.Facilitator)], true,
            [new("Price gouging on scarce medicines", 4, 5, "Agreed ceiling prices published weekly", "Pharmacy council", 7)]),
        new("PHL", "Demonstration: laboratory accreditation scheme (in preparation)",
            "Démonstration : dispositif d'accréditation des laboratoires (en préparation)", "عرض توضيحي: نظام اعتماد المختبرات (قيد الإعداد)",
            "The department is weighing a joint accreditation scheme with the private laboratory alliance. Not yet shared beyond the country.",
            ArrangementType.AccreditationScheme, "Diagnostics", PartnershipSetting.Stable, PartnershipStage.GettingToKnowEachOther, false, 2026, 3, null, null,
            ["AS.1"], [InstrumentCategory.QualityAssurance, InstrumentCategory.Regulation],
            [new(7, PartyRole.PublicParty), new(6, PartyRole.PrivateParty)], false,
            [new("Smaller laboratories cannot afford the fees", 3, 3, "Tiered fees to be discussed", "Department focal point", 30)]),
        new("COL", "Demonstration: quality vouchers for rural consultations (closed)",
            "Démonstration : bons de qualité pour les consultations rurales (clos)", "عرض توضيحي: قسائم الجودة للاستشارات الريفية (مغلق)",
            "Vouchers let rural families consult accredited private doctors. The scheme ended as planned and its lessons fed the new insurance rules.",
            ArrangementType.VoucherScheme, "Primary health care", PartnershipSetting.Fragile, PartnershipStage.Closure, true, 2022, 3, 600_000m, "USD",
            ["DS.1", "NT.1"], [InstrumentCategory.FinancingAndPurchasing, InstrumentCategory.AccountabilityAndTransparency],
            [new(8, PartyRole.PublicParty), new(9, PartyRole.Funder)], true,
            [new("Vouchers resold outside the target districts", 2, 3, "Named vouchers checked at the clinic", "Superintendence", -200, Closed: true)]),
    ];

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        if (await db.Set<Partnership>().IgnoreQueryFilters().AnyAsync(row => row.IsDemonstration, cancellationToken))
        {
            return;
        }
        var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var mechanisms = await db.Mechanisms.AsNoTracking().Select(mechanism => mechanism.Code).Distinct().ToListAsync(cancellationToken);

        var organisations = new List<Organisation>();
        foreach (var demo in Organisations)
        {
            var existing = await db.Organisations.SingleOrDefaultAsync(row => row.Name == demo.Name && row.CountryIso3 == demo.Country, cancellationToken);
            if (existing is null)
            {
                existing = new Organisation
                {
                    Name = demo.Name, Acronym = demo.Acronym, CountryIso3 = demo.Country, Sector = demo.Sector, Type = demo.Type, IsDemonstration = true,
                };
                db.Organisations.Add(existing);
            }
            organisations.Add(existing);
        }
        var regions = await db.Countries.AsNoTracking().ToDictionaryAsync(country => country.Iso3, country => country.RegionCode, cancellationToken);

        foreach (var demo in Partnerships)
        {
            var start = new DateOnly(demo.StartYear, 1, 15);
            var partnership = new Partnership
            {
                CountryIso3 = demo.Country,
                IsPublic = demo.IsPublic,
                Title = new LocalizedText([new("en", demo.Title), new("fr", demo.TitleFr), new("ar", demo.TitleAr)]),
                Description = demo.Description,
                Type = demo.Type,
                HealthArea = demo.HealthArea,
                Setting = demo.Setting,
                StartDate = start,
                EndDate = start.AddYears(demo.Years),
                Value = demo.Value,
                Currency = demo.Currency,
                CreatedAt = now,
                UpdatedAt = now,
                IsDemonstration = true,
            };
            partnership.StartAt(demo.Stage);
            foreach (var code in demo.Mechanisms.Where(mechanisms.Contains))
            {
                partnership.Tags.Add(new PartnershipTag { OwnerId = partnership.Id, Facet = TagFacet.Mechanism, Value = code });
            }
            foreach (var instrument in demo.Instruments)
            {
                partnership.Tags.Add(new PartnershipTag { OwnerId = partnership.Id, Facet = TagFacet.Instrument, Value = instrument.ToString() });
            }
            foreach (var party in demo.Parties)
            {
                partnership.Parties.Add(new PartnershipParty { PartnershipId = partnership.Id, Organisation = organisations[party.Organisation], Role = party.Role });
            }
            if (demo.Checked)
            {
                partnership.Checks.Add(new DueDiligenceCheck
                {
                    PartnershipId = partnership.Id,
                    CheckedOn = start.AddMonths(-4),
                    CheckedBy = "Demo legal and procurement unit (fictional)",
                    Scope = "Registration, ownership, licences, tax standing and past public contracts of each private party.",
                    Finding = "Licences current; one past contract ended early over late reports, since resolved.",
                    Outcome = DueDiligenceOutcome.ProceedWithConditions,
                    RecordedAt = now,
                });
            }
            foreach (var demoRisk in demo.Risks)
            {
                var risk = new PartnershipRisk
                {
                    PartnershipId = partnership.Id,
                    Description = demoRisk.Description,
                    Likelihood = demoRisk.Likelihood,
                    Impact = demoRisk.Impact,
                    Mitigation = demoRisk.Mitigation,
                    Owner = demoRisk.Owner,
                    ReviewOn = today.AddDays(demoRisk.ReviewInDays),
                    CreatedAt = now,
                };
                if (demoRisk.Closed)
                {
                    risk.Close("Demo Focal Point (fictional)", now);
                }
                partnership.Risks.Add(risk);
            }
            db.Add(partnership);
            var names = demo.Parties.Select(party => organisations[party.Organisation].Name);
            await search.Stage(PartnershipSearch.Document(partnership, regions[demo.Country], names), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RemoveAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var partnerships = await db.Set<Partnership>().IgnoreQueryFilters().Where(row => row.IsDemonstration).ToListAsync(cancellationToken);
        foreach (var partnership in partnerships)
        {
            await search.StageRemoval(SearchKind.Partnership, partnership.Id.ToString(), cancellationToken);
        }
        db.RemoveRange(partnerships);
        await db.SaveChangesAsync(cancellationToken);
        // Demonstration organisations go too, unless a real partnership has since named one as a party.
        var organisations = await db.Organisations
            .Where(organisation => organisation.IsDemonstration && !db.Set<PartnershipParty>().Any(party => party.OrganisationId == organisation.Id))
            .ToListAsync(cancellationToken);
        db.Organisations.RemoveRange(organisations);
        await db.SaveChangesAsync(cancellationToken);
    }
}

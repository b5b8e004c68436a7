using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Helpdesk;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Data;
using Pathway.Web.Localization;
using Pathway.Web.Reports.Demo;

namespace Pathway.BrowserTests;

/// <summary>
/// What the survey's Country Connector pages show: the demonstration data (<c>-- demo</c>: published rounds of
/// thirteen countries for the peer lists, resources, case studies, partnerships with risk logs, profile figures,
/// FAQ entries), plus what only the survey's country has: a resource waiting for review, an open helpdesk question
/// and an exchange request to a demonstration country.
/// </summary>
internal sealed record SurveyConnectorData(
    Guid Resource, Guid ResourceInReview, Guid CaseStudy, Guid Partnership, int Organisation, Guid Figure,
    string FigureCountry, Guid Question, Guid Exchange)
{
    /// <summary>A mechanism the demonstration countries published levels on, with resources, case studies and partnerships.</summary>
    public const string Mechanism = "DS.1";

    private const string PeerCountry = "KEN";

    public static async Task<SurveyConnectorData> CreateAsync(PathwayServer server, string country, string focalId, CancellationToken ct)
    {
        await DemoData.LoadAsync(server.Services, ct);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var inReview = new Resource
        {
            Title = new LocalizedText([new("en", "Survey guide to contracting private clinics"), new("fr", "Guide de l’enquête sur la contractualisation des cliniques privées")]),
            Summary = LocalizedText.English("A short guide the survey's country sent for review.\n\n- what to contract\n- how to pay"),
            Type = ResourceType.Guidance,
            LanguageCodes = LanguageList.Format(["en", "fr"]),
            Year = 2026,
            PublisherName = "Survey ministry of health",
            Url = "https://example.org/survey-guide",
            State = ModerationState.InReview,
            CreatedById = focalId,
            CreatedAt = now,
            UpdatedAt = now,
            StateChangedAt = now,
            Tags = [new ResourceTag { Facet = TagFacet.Mechanism, Value = Mechanism }, new ResourceTag { Facet = TagFacet.Country, Value = country }],
        };
        db.Resources.Add(inReview);
        var question = new HelpdeskQuestion
        {
            AskerId = focalId,
            AskerName = "Salma Survey",
            Question = "How do other countries **pay** contracted private clinics on time?",
            BehaviourCode = "DS",
            MechanismCode = Mechanism,
            CountryIso3 = country,
            AskedAt = now,
        };
        db.Set<HelpdeskQuestion>().Add(question);
        // One pending request per pair and mechanism: every survey run of this server asks once.
        var exchange = await db.Set<ExchangeRequest>().FirstOrDefaultAsync(
            r => r.FromCountryIso3 == country && r.ToCountryIso3 == PeerCountry && r.Status == ExchangeStatus.Pending, ct);
        if (exchange is null)
        {
            exchange = new ExchangeRequest
            {
                FromCountryIso3 = country,
                ToCountryIso3 = PeerCountry,
                MechanismCode = Mechanism,
                Message = "Could your team tell us how the county contracts were priced?",
                RequesterId = focalId,
                RequesterName = "Salma Survey",
                RequestedAt = now,
            };
            db.Set<ExchangeRequest>().Add(exchange);
        }
        await db.SaveChangesAsync(ct);

        var resource = await db.Resources.Where(r => r.IsDemonstration && r.State == ModerationState.Published)
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        var caseStudy = await db.CaseStudies.Where(c => c.IsDemonstration && c.Sources.Count > 1).Select(c => c.Id).FirstAsync(ct);
        var partnership = await db.Set<Partnership>().IgnoreQueryFilters()
            .Where(p => p.IsDemonstration && p.IsPublic && p.Stage == PartnershipStage.ImplementationAndReview).Select(p => p.Id).FirstAsync(ct);
        var organisation = await db.Organisations.Where(o => o.IsDemonstration && o.CountryIso3 == PeerCountry && o.Sector == OrganisationSector.PrivateForProfit)
            .Select(o => o.Id).FirstAsync(ct);
        var figure = await db.ProfileFigures.Where(f => f.IsDemonstration && f.CountryIso3 == PeerCountry && f.Revision > 1)
            .Select(f => f.FigureId).FirstAsync(ct);
        return new SurveyConnectorData(resource, inReview.Id, caseStudy, partnership, organisation, figure, PeerCountry, question.Id, exchange.Id);
    }

    /// <summary>The Connector's pages, with who visits each.</summary>
    public IEnumerable<(string Who, string Path)> Pages(string country)
    {
        var mechanism = Mechanism.ToLowerInvariant();
        var behaviour = mechanism.Split('.')[0];
        foreach (var path in new[]
                 {
                     "/connector", "/resources", $"/resources?mechanism={Mechanism}", $"/resources/{Resource}", "/case-studies",
                     $"/case-studies/{CaseStudy}", $"/countries/{FigureCountry}", $"/countries/{country}", "/partnerships",
                     $"/partnerships/{Partnership}", "/organisations", $"/organisations/{Organisation}", "/search?q=clinics",
                     "/search?q=%D8%A7%D9%84%D8%B9%D9%8A%D8%A7%D8%AF%D8%A7%D8%AA", $"/peers/{Mechanism}", "/helpdesk/faq",
                     $"/framework/1/{behaviour}/{mechanism}",
                 })
        {
            yield return (SurveyData.Anonymous, path);
        }
        foreach (var path in new[]
                 {
                     "/connector", $"/resources/{ResourceInReview}", $"/resources/{ResourceInReview}/edit", "/resources/new",
                     "/case-studies/new", $"/case-studies/{CaseStudy}", $"/countries/{country}/figures/new", "/partnerships/new",
                     $"/peers/{Mechanism}", $"/peers/{Mechanism}/exchange/{FigureCountry}", "/exchanges", $"/exchanges/{Exchange}",
                     "/helpdesk", $"/helpdesk/{Question}", "/search?q=clinics", $"/framework/1/{behaviour}/{mechanism}",
                 })
        {
            yield return (SurveyData.FocalPoint, path);
        }
        foreach (var path in new[]
                 {
                     "/connector", "/connector/review", "/connector/import", $"/resources/{Resource}/edit", "/case-studies?state=InReview",
                     $"/case-studies/{CaseStudy}/edit", $"/case-studies/{CaseStudy}/grade", $"/countries/{FigureCountry}",
                     $"/countries/{FigureCountry}/figures/{Figure}", $"/partnerships/{Partnership}", $"/partnerships/{Partnership}/edit",
                     "/organisations/new", $"/organisations/{Organisation}/edit", "/helpdesk/queue", $"/helpdesk/{Question}",
                 })
        {
            yield return (SurveyData.ContentEditor, path);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts.SignIn;
using Pathway.Web.Components.Countries;
using Pathway.Web.Components.Mechanisms;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Connector.Helpdesk;
using Pathway.Web.Connector.Import;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Connector.Profiles;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Connector.Review;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector;

/// <summary>The Country Connector's services and routes: knowledge hub, case studies, profiles, partnerships, search, peer learning, helpdesk.</summary>
public static class ConnectorSetup
{
    /// <summary>
    /// The Connector's public API reads: nobody is refused, and a bearer token is read when sent, so a signed-in
    /// client sees what its scope allows (its drafts, its country's partnerships, a case study's contacts). As on
    /// every API route, the browser's cookie is not read.
    /// </summary>
    public const string OptionalBearer = "ConnectorOptionalBearer";

    public static IServiceCollection AddConnector(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddPeers();
        services.AddHelpdesk();
        services.AddAuthorizationBuilder().AddPolicy(OptionalBearer, policy => policy
            .AddAuthenticationSchemes(CheckedBearerHandler.SchemeName)
            .RequireAssertion(_ => true));
        services.AddScoped<CaseStudyReader>();
        services.AddScoped<CaseStudyBook>();
        services.AddScoped<CaseStudySearch>();
        services.AddScoped<CaseStudyProposals>();
        services.AddScoped<IPeerEvidenceSource, CaseStudyPeerEvidence>();
        services.AddSingleton(new MechanismPanelAddOn(typeof(ProposeCaseStudyPanel), Order: 50));
        services.AddScoped<CountryProfiles>();
        services.AddScoped<ReviewNotices>();
        services.AddScoped<ResourceLibrary>();
        services.AddScoped<ResourceCatalogue>();
        services.AddScoped<IReviewQueueSource, ResourceReviewSource>();
        services.AddScoped<IPeerEvidenceSource, ResourcePeerEvidence>();
        services.AddScoped<IReviewQueueSource, CaseStudyReviewSource>();
        services.AddScoped<CsvImport>();
        services.AddSingleton(new MechanismPanelAddOn(typeof(ResourcesPanel), 10));
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<IOrganisationRenameListener, PartnershipPartyRenames>();
        services.AddScoped<PartnershipWrites>();
        services.AddScoped<PartnershipRegister>();
        services.AddScoped<PartnershipLog>();
        services.AddScoped<IPeerEvidenceSource, PartnershipPeerEvidence>();
        services.AddSingleton(new CountryProfileSection(typeof(PartnershipProfileSection), Order: 20));
        services.AddScoped<ISearchEngine>(provider => provider.GetRequiredService<PathwayDb>().Database.IsNpgsql()
            ? new PostgresSearchEngine(provider.GetRequiredService<PathwayDb>())
            : new SqliteSearchEngine(provider.GetRequiredService<PathwayDb>()));
        services.AddScoped<SearchLookup>();
        services.AddKeyedSingleton(SearchLookup.KeptResults, (provider, _) => new PublicReads(provider.GetRequiredService<PublicContent>(), SearchLookup.KeptCapacity));
        services.AddScoped<FrameworkSearchEntries>();
        services.AddScoped<IFrameworkContentListener>(provider => provider.GetRequiredService<FrameworkSearchEntries>());
        services.AddScoped<IStartupSeed>(provider => provider.GetRequiredService<FrameworkSearchEntries>());
        return services;
    }

    public static IEndpointRouteBuilder MapConnectorApi(this IEndpointRouteBuilder app)
    {
        app.MapPeersApi();
        app.MapHelpdeskApi();
        app.MapCaseStudiesApi();
        app.MapProfilesApi();
        app.MapResourcesApi();
        app.MapResourceDownloads();
        app.MapImportApi();
        app.MapPartnershipsApi();
        app.MapOrganisationsApi();
        app.MapSearchApi();
        return app;
    }
}

using Pathway.Web.Components.Mechanisms;
using Pathway.Web.Connector.Import;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Connector.Review;
using Pathway.Web.Connector.Search;

namespace Pathway.Web.Connector;

/// <summary>The Country Connector's services and routes: knowledge hub, case studies, profiles, partnerships, search, peer learning, helpdesk.</summary>
public static class ConnectorSetup
{
    public static IServiceCollection AddConnector(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddScoped<ReviewNotices>();
        services.AddScoped<ResourceLibrary>();
        services.AddScoped<ResourceCatalogue>();
        services.AddScoped<IReviewQueueSource, ResourceReviewSource>();
        services.AddScoped<CsvImport>();
        services.AddSingleton(new MechanismPanelAddOn(typeof(ResourcesPanel), 10));
        services.AddAuthorizationBuilder()
            // Public reads that also recognise a bearer token when one is sent (an author's drafts, an editor's queue).
            .AddPolicy(ResourcesApi.ReaderPolicy, policy => policy
                .AddAuthenticationSchemes(Accounts.SignIn.CheckedBearerHandler.SchemeName)
                .RequireAssertion(_ => true));
        return services;
    }

    public static IEndpointRouteBuilder MapConnectorApi(this IEndpointRouteBuilder app)
    {
        app.MapResourcesApi();
        app.MapResourceDownloads();
        app.MapImportApi();
        return app;
    }
}

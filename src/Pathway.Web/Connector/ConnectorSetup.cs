using Pathway.Web.Connector.Helpdesk;
using Pathway.Web.Connector.Peers;
using Pathway.Web.Connector.Search;

namespace Pathway.Web.Connector;

/// <summary>The Country Connector's services and routes: knowledge hub, case studies, profiles, partnerships, search, peer learning, helpdesk.</summary>
public static class ConnectorSetup
{
    public static IServiceCollection AddConnector(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddPeers();
        services.AddHelpdesk();
        return services;
    }

    public static IEndpointRouteBuilder MapConnectorApi(this IEndpointRouteBuilder app)
    {
        app.MapPeersApi();
        app.MapHelpdeskApi();
        return app;
    }
}

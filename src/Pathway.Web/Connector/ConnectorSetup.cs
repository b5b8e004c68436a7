using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Partnerships;
using Pathway.Web.Connector.Search;

namespace Pathway.Web.Connector;

/// <summary>The Country Connector's services and routes: knowledge hub, case studies, profiles, partnerships, search, peer learning, helpdesk.</summary>
public static class ConnectorSetup
{
    public static IServiceCollection AddConnector(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<PartnershipWrites>();
        services.AddScoped<PartnershipRegister>();
        services.AddScoped<PartnershipLog>();
        return services;
    }

    public static IEndpointRouteBuilder MapConnectorApi(this IEndpointRouteBuilder app)
    {
        app.MapPartnershipsApi();
        app.MapOrganisationsApi();
        return app;
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Connector.Search;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector;

/// <summary>The Country Connector's services and routes: knowledge hub, case studies, profiles, partnerships, search, peer learning, helpdesk.</summary>
public static class ConnectorSetup
{
    public static IServiceCollection AddConnector(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddScoped<ISearchEngine>(provider => provider.GetRequiredService<PathwayDb>().Database.IsNpgsql()
            ? new PostgresSearchEngine(provider.GetRequiredService<PathwayDb>())
            : new SqliteSearchEngine(provider.GetRequiredService<PathwayDb>()));
        services.AddScoped<SearchLookup>();
        services.AddScoped<FrameworkSearchEntries>();
        services.AddScoped<IFrameworkContentListener>(provider => provider.GetRequiredService<FrameworkSearchEntries>());
        services.AddScoped<IStartupSeed>(provider => provider.GetRequiredService<FrameworkSearchEntries>());
        return services;
    }

    public static IEndpointRouteBuilder MapConnectorApi(this IEndpointRouteBuilder app)
    {
        app.MapSearchApi();
        return app;
    }
}

using Pathway.Web.Components.Charts;
using Pathway.Web.Data;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>The regional and global dashboards' services: the world map's outlines (read once) and the published figures.</summary>
public static class GlobalDashboardSetup
{
    public static IServiceCollection AddGlobalDashboards(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            WorldMapGeometry.Load(WorldMapGeometry.PathIn(Seeding.ContentDirectory(provider.GetRequiredService<IConfiguration>()))));
        services.AddSingleton<PublishedReads>();
        services.AddScoped<GlobalDashboard>();
        services.AddSingleton<GlobalFiguresCache>();
        return services;
    }
}

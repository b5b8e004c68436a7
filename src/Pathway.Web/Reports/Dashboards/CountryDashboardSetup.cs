namespace Pathway.Web.Reports.Dashboards;

public static class CountryDashboardSetup
{
    /// <summary>The country dashboards: the team's (scoped) and the public's (published results only).</summary>
    public static IServiceCollection AddCountryDashboards(this IServiceCollection services)
    {
        services.AddScoped<CountryDashboards>();
        services.AddScoped<PublicCountryDashboards>();
        services.AddSingleton<PublicCountryPages>();
        services.AddSingleton(new Components.Countries.CountryProfileSection(typeof(PublishedProfileSection), Order: 10));
        return services;
    }
}

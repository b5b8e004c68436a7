namespace Pathway.Web.Reports;

/// <summary>The open-data services: filters, the results reader and the DHIS2 export.</summary>
public static class OpenDataSetup
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddScoped<OpenDataFilters>();
        services.AddScoped<OpenResults>();
        services.AddScoped<Dhis2Export>();
        return services;
    }
}

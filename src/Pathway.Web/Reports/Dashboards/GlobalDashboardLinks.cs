namespace Pathway.Web.Reports.Dashboards;

/// <summary>Where the dashboards link a country to: its public dashboard.</summary>
public static class GlobalDashboardLinks
{
    public static string Country(string iso3) => $"/dashboards/countries/{Uri.EscapeDataString(iso3)}";
}

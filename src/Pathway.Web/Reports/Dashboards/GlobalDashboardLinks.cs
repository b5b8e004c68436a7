namespace Pathway.Web.Reports.Dashboards;

/// <summary>Where the dashboards link a country to: its published results.</summary>
public static class GlobalDashboardLinks
{
    public static string Country(string iso3) => $"/published?country={Uri.EscapeDataString(iso3)}";
}

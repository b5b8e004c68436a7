namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>The assessment report's services and downloads.</summary>
public static class AssessmentReportSetup
{
    public static IServiceCollection AddAssessmentReport(this IServiceCollection services)
    {
        services.AddScoped<ReportReader>();
        services.AddScoped<AssessmentReports>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentReport(this IEndpointRouteBuilder routes) => AssessmentReportApi.Map(routes);
}

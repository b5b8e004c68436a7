using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.ResponseCompression;
using Pathway.Web.Accounts;
using Pathway.Web.Accounts.SignIn;
using Pathway.Web.Assessments;
using Pathway.Web.Components;
using Pathway.Web.Connector;
using Pathway.Web.Countries;
using Pathway.Web.Data;
using Pathway.Web.Events;
using Pathway.Web.Framework;
using Pathway.Web.Planning;
using Pathway.Web.Reports.Dashboards;
using Pathway.Web.Reports.AssessmentReport;
using Pathway.Web.Reports;
using Pathway.Web.Notices;
using Pathway.Web.Localization;

namespace Pathway.Web.Operations;

/// <summary>The composition root, kept out of Program.cs so it reads as a list.</summary>
public static class PathwaySetup
{
    public static WebApplicationBuilder AddPathway(this WebApplicationBuilder builder)
    {
        // `dotnet run`, the tests and the benchmarks serve wwwroot from the source tree in every
        // environment (not only Development); a published build has no such manifest and is unaffected.
        builder.WebHost.UseStaticWebAssets();
        // Serving from the build output (not a publish), MapStaticAssets would otherwise watch wwwroot for
        // edits in every environment: it sends every file with `no-cache`, and it takes a file whose
        // time stamp has more precision than the manifest's (any git checkout) for an edited one and
        // re-sends its precompressed copy as gzip at level 0 (larger than the file). `dotnet run` rebuilds,
        // and a rebuilt file gets a new fingerprint: serve the manifest as built, as a publish does.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddPathwayData(builder.Configuration, builder.Environment);
        builder.AddPathwayDataProtection();
        services.AddPathwayAccounts();
        services.AddPathwayRateLimits(builder.Configuration);
        services.AddPathwayLocalization();
        services.AddScoped<FrameworkImporter>();
        services.AddScoped<FrameworkReader>();
        services.AddSingleton<FrameworkTreeCache>();
        services.AddScoped<IStartupSeed, FrameworkSeed>();
        services.AddScoped<CountryDirectory>();
        services.AddSingleton<CountryListCache>();
        services.AddScoped<IStartupSeed, ReferenceDataSeed>();
        services.AddAssessments();
        services.AddPlanning();
        services.AddAssessmentReport();
        services.AddNotices();
        services.AddCountryDashboards();
        services.AddGlobalDashboards();
        services.AddOpenData();
        services.AddConnector();
        services.AddEvents();
        services.AddScoped<SiblingLoads>();
        services.AddPublicPageCache();

        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(options => options.Cookie.Name = ".Pathway.Antiforgery");
        services.AddProblemDetails();
        services.AddInputRules();
        // Arabic and French written as themselves, never as \u escapes; characters that matter to HTML stay escaped.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddValidation();
        services.AddOpenApi();
        // Pages and JSON shrink four- to eightfold, which counts on slow links. Left off for HTTPS (the
        // default) because compressing secrets beside reflected input invites BREACH; a TLS proxy in front
        // compresses what it can judge safe.
        services.AddResponseCompression(options =>
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]));
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }

    public static WebApplication UsePathway(this WebApplication app)
    {
        // A malformed Pathway:PublicBaseUrl stops the start with its reason, not the first invitation.
        _ = app.Services.GetRequiredService<PublicAddress>();
        app.UseSecurityHeaders();
        app.UseDownloadStartedSignal();
        app.UseResponseCompression();
        app.UseHttpLogging();
        // Before the error handling, so the error and not-found pages speak the reader's language.
        app.UsePathwayLocalization();
        // API callers get problem details; people get the error page and, for an unknown address, the not-found page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
        app.UseWhen(context => IsApi(context) || !IsPageRead(context), other => other.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context) && IsPageRead(context),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseInputRules();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorRequirement();
        app.UseAntiforgery();
        // After authentication, so a signed-in person is never answered from (or stored in) the public page cache.
        app.UseOutputCache();

        app.MapStaticAssets();
        app.MapOpenApi();
        // Liveness: the process answers, without the database (a database outage must not get every server restarted).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        // Readiness: the database answers too; what a load balancer routes by. /health is readiness, as it always was.
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseSetup.ReadyTag) };
        app.MapHealthChecks("/health/ready", ready).DisableHttpMetrics();
        app.MapHealthChecks("/health", ready).DisableHttpMetrics();
        app.MapAuthApi();
        app.MapFrameworkApi();
        app.MapAssessmentsApi();
        app.MapPlanningApi();
        app.MapAssessmentReport();
        app.MapCountriesApi();
        app.MapNoticesApi();
        app.MapGlobalDashboardApi();
        app.MapOpenDataApi();
        app.MapConnectorApi();
        app.MapEventsApi();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static bool IsPageRead(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
}

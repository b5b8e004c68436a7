using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>Decision support's services and API: context, targets, priorities, plan, comparison, exports.</summary>
public static class PlanningSetup
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<PlanningRounds>();
        services.AddScoped<IRoundAddOn, PlanningAddOn>();
        services.AddScoped<Recommender>();
        services.AddScoped<CatalogueImporter>();
        services.AddScoped<IStartupSeed, CatalogueSeed>();
        services.AddScoped<CatalogueReader>();
        services.AddSingleton<CatalogueCache>();
        services.AddScoped<ContextBook>();
        services.AddScoped<TargetBook>();
        services.AddScoped<TargetDefaults>();
        services.AddScoped<PriorityBoard>();
        services.AddScoped<ActionPlanBook>();
        services.AddScoped<PlanItemsFromOutside>();
        services.AddScoped<PlanCarryOver>();
        services.AddScoped<PlanEndorsement>();
        services.AddScoped<PlanBulkEdit>();
        services.AddScoped<ActionItemText>();
        services.AddScoped<RoundComparison>();
        services.AddScoped<PlanExports>();
        // The plan's rows in the round's audit trail, described by the feature that owns them.
        services.AddScoped<IAuditVocabulary, PlanningAuditVocabulary>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder routes)
    {
        CatalogueApi.MapPublic(routes);
        var api = routes.MapGroup("/api/assessments").WithTags("Decision support").RequireAuthorization(Policies.ApiUser).DeclaringRoundProblems();
        ContextApi.Map(api);
        CatalogueApi.MapRound(api);
        TargetsApi.Map(api);
        PrioritiesApi.Map(api);
        PlanApi.Map(api);
        CompareApi.Map(api);
        PlanExportApi.Map(api);
        PlanExportApi.MapPage(routes);
        _ = api;
        return routes;
    }
}

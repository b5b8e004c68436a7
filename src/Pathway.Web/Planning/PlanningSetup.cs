using Pathway.Web.Accounts;

namespace Pathway.Web.Planning;

/// <summary>Decision support's services and API: context, targets, priorities, plan, comparison, exports.</summary>
public static class PlanningSetup
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<PlanningRounds>();
        services.AddScoped<Recommender>();
        services.AddScoped<ContextBook>();
        services.AddScoped<TargetBook>();
        services.AddScoped<ActionPlanBook>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/assessments").WithTags("Decision support").RequireAuthorization(Policies.ApiUser);
        _ = api;
        return routes;
    }
}

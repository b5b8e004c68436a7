using Pathway.Web.Components.Layout;

namespace Pathway.Web.Connector.Helpdesk;

public static class HelpdeskSetup
{
    /// <summary>The helpdesk: questions (asker, expert, editors) and the public FAQ with its search entries.</summary>
    public static IServiceCollection AddHelpdesk(this IServiceCollection services)
    {
        services.AddScoped<HelpdeskDesk>();
        services.AddScoped<HelpdeskFaq>();
        services.AddSingleton(new HeaderAddOn(typeof(HelpdeskLink)));
        return services;
    }
}

using Pathway.Web.Events.Editing;
using Pathway.Web.Events.KeyMessages;
using Pathway.Web.Planning;

namespace Pathway.Web.Events;

/// <summary>Events and webinar series: listings, event pages, registration, attendance, key messages, calendar feeds.</summary>
public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        // Organisers: events, series, agenda, totals, key messages and their follow-up.
        services.AddScoped<EventBook>();
        services.AddScoped<KeyMessageBook>();
        services.AddScoped<IActionItemOrigins, EventActionOrigins>();
        return services;
    }

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapEventAdminApi();
        return app;
    }
}

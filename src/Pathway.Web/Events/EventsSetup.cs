namespace Pathway.Web.Events;

/// <summary>Events and webinar series: listings, event pages, registration, attendance, key messages, calendar feeds.</summary>
public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventReader>();
        services.AddScoped<EventCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapEventsReadApi();
        return app;
    }
}

using Pathway.Web.Events.Registrations;
using Pathway.Web.Events.Editing;
using Pathway.Web.Events.KeyMessages;
using Pathway.Web.Notices;
using Pathway.Web.Planning;

namespace Pathway.Web.Events;

/// <summary>Events and webinar series: listings, event pages, registration, attendance, key messages, calendar feeds.</summary>
public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        // Registration, the waiting list, registrants' e-mails, attendance and the retention of registrations.
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section);
        services.AddSingleton<RegistrationLinks>();
        services.AddScoped<RegistrationDesk>();
        services.AddScoped<RegistrationRoster>();
        services.AddScoped<AttendanceImport>();
        services.AddScoped<EventMailer>();
        services.AddScoped<EventJob>();
        services.AddHostedService<LeasedJobScheduler<EventJob, EventOptions>>();
        // Organisers: events, series, agenda, totals, key messages and their follow-up.
        services.AddScoped<EventBook>();
        services.AddScoped<EventSearch>();
        services.AddScoped<KeyMessageBook>();
        services.AddScoped<IActionItemOrigins, EventActionOrigins>();
        services.AddScoped<EventReader>();
        services.AddScoped<EventCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapRegistrationsApi();
        app.MapRegistrationExport();
        app.MapEventAdminApi();
        app.MapEventsReadApi();
        return app;
    }
}

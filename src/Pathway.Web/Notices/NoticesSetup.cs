using Pathway.Web.Assessments;

namespace Pathway.Web.Notices;

/// <summary>Notices and reminders: in-app and e-mail, made on workflow moves and by the scheduled job.</summary>
public static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<NoticeBoard>();
        services.AddScoped<IRoundEvents, RoundNotices>();
        services.AddScoped<DailyNotices>();
        services.AddScoped<NoticeMailer>();
        services.AddScoped<NoticeJob>();
        services.AddScoped<WorkList>();
        services.AddHostedService<NoticeScheduler>();
        return services;
    }
}

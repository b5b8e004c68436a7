using Pathway.Web.Assessments;
using Pathway.Web.Components.Layout;
using Pathway.Web.Notices.Pages;

namespace Pathway.Web.Notices;

/// <summary>Notices and reminders: in-app and e-mail, made on workflow moves and by the scheduled job.</summary>
public static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<NoticeBoard>();
        services.AddSingleton(new HeaderAddOn(typeof(NoticeBell)));
        services.AddScoped<IRoundEvents, RoundNotices>();
        services.AddScoped<DailyNotices>();
        services.AddScoped<NoticeMailer>();
        services.AddScoped<NoticeJob>();
        services.AddScoped<WorkList>();
        services.AddHostedService<LeasedJobScheduler<NoticeJob, NoticeOptions>>();
        return services;
    }
}

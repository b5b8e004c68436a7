using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Assessments;

/// <summary>The assessment feature's services and its API, each slice mapping its own routes.</summary>
public static class AssessmentsSetup
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<RoundDirectory>();
        services.AddScoped<IFrameworkPins, RoundPins>();
        services.AddScoped<ParticipantRoster>();
        // Invitations go by e-mail when Mail:Smtp:Host is set; otherwise to the log (the link is also shown to whoever invites).
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddScoped<IInvitationSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<LogInvitationSender>(provider)
                : ActivatorUtilities.CreateInstance<SmtpInvitationSender>(provider));
        services.AddScoped<RatingBook>();
        services.AddScoped<ConsensusBook>();
        services.AddScoped<ConsensusBatch>();
        services.AddScoped<RoundArchive>();
        services.AddScoped<EvidenceLocker>();
        services.AddScoped<RoundTransitions>();
        // Notices (when registered) replace this: they follow the workflow without Assessments knowing them.
        services.TryAddScoped<IRoundEvents, NoRoundEvents>();
        services.AddScoped<Publisher>();
        services.AddScoped<IStartupSeed, PublishedResultsSeed>();
        services.AddScoped<RoundResults>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditDescriber>();
        services.AddScoped<IAuditVocabulary, AssessmentAuditVocabulary>();
        // Every save of the one context goes through it, so no write path can skip the trail.
        services.AddScoped<IInterceptor, AuditInterceptor>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/assessments").WithTags("Assessments").RequireAuthorization(Policies.ApiUser).DeclaringRoundProblems();
        RoundsApi.Map(api);
        ParticipantsApi.Map(api);
        RatingsApi.Map(api);
        ConsensusApi.Map(api);
        EvidenceApi.Map(api);
        TransitionsApi.Map(api);
        ResultsApi.Map(api);
        AuditApi.Map(api);
        AuditApi.MapPage(routes);
        PublishedApi.Map(routes);
        EvidenceDownloads.Map(routes);
        return routes;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// The report as a DOCX: the internal version for whoever can see the round (page-side with the sign-in
/// cookie, and the API with a bearer token; 404 for a round the caller cannot see), and the public
/// version for anyone, built only from the published release (404 when nothing was published).
/// <c>?bilingual=fr|ar</c> puts English beside that language; the API's <c>?lang=</c> picks the language.
/// </summary>
public static class AssessmentReportApi
{
    public static string InternalPage(Guid id) => $"/assessments/{id}/report";

    public static string PublicPage(Guid id) => $"/published/{id}/report";

    public static string InternalDocx(Guid id, string? bilingual = null) => $"/assessments/{id}/report.docx{Query(bilingual)}";

    public static string PublicDocx(Guid id, string? bilingual = null) => $"/published/{id}/report.docx{Query(bilingual)}";

    private static string Query(string? bilingual) => bilingual is null ? "" : $"?bilingual={bilingual}";

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/assessments/{id:guid}/report.docx", InternalPageDocxAsync)
            .RequireAuthorization()
            .WithName("DownloadAssessmentReportPage")
            .ExcludeFromDescription();
        routes.MapGet("/published/{id:guid}/report.docx", PublicDocxAsync)
            .AllowAnonymous()
            .WithName("DownloadPublishedReportPage")
            .ExcludeFromDescription();

        var api = routes.MapGroup("/api/assessments").WithTags("Reports").RequireAuthorization(Policies.ApiUser).DeclaringRoundProblems();
        api.MapGet("/{id:guid}/report.docx", InternalApiDocxAsync)
            .WithName("DownloadAssessmentReport")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDocxWriter.ContentType)
            .ProducesValidationProblem()
            .WithDescription("The round's assessment report (internal version: participants named, consensus records, divergence, " +
                "targets and plan) as a DOCX. ?lang=en|fr|ar picks the language (else the request's); ?bilingual=fr|ar puts English " +
                "beside that language section by section. 404 for a round the caller cannot see.");
        var published = routes.MapGroup("/api/published").WithTags("Published").AllowAnonymous();
        published.MapGet("/{id:guid}/report.docx", PublicApiDocxAsync)
            .WithName("DownloadPublishedReport")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDocxWriter.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("The public assessment report of a published round as a DOCX, built only from its latest public release. " +
                "?lang=en|fr|ar and ?bilingual=fr|ar as for the internal report. 404 when nothing of the round was published.");
        return routes;
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> InternalPageDocxAsync(
        Guid id, string? bilingual, HttpResponse response, AssessmentReports reports, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!AssessmentReports.TryBilingual(bilingual, out var pair))
        {
            return BilingualProblem(l);
        }
        var edition = (await reports.InternalAsync(id, CultureInfo.CurrentUICulture, pair, cancellationToken)).Value;
        return edition is null ? TypedResults.NotFound() : Serve(response, reports.Docx(edition));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PublicDocxAsync(
        Guid id, string? bilingual, HttpResponse response, AssessmentReports reports, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!AssessmentReports.TryBilingual(bilingual, out var pair))
        {
            return BilingualProblem(l);
        }
        var edition = await reports.PublicAsync(id, CultureInfo.CurrentUICulture, pair, cancellationToken);
        return edition is null ? TypedResults.NotFound() : Serve(response, reports.Docx(edition));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> InternalApiDocxAsync(
        Guid id, string? lang, string? bilingual, HttpResponse response, AssessmentReports reports, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!AssessmentReports.TryBilingual(bilingual, out var pair))
        {
            return BilingualProblem(l);
        }
        var culture = string.IsNullOrEmpty(lang) ? CultureInfo.CurrentUICulture : Cultures.Create(language);
        if (!(await reports.InternalAsync(id, culture, pair, cancellationToken)).TryGet(out var edition, out var closed))
        {
            return closed.ToProblem();
        }
        return Serve(response, reports.Docx(edition));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> PublicApiDocxAsync(
        Guid id, string? lang, string? bilingual, HttpResponse response, AssessmentReports reports, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!AssessmentReports.TryBilingual(bilingual, out var pair))
        {
            return BilingualProblem(l);
        }
        var culture = string.IsNullOrEmpty(lang) ? CultureInfo.CurrentUICulture : Cultures.Create(language);
        var edition = await reports.PublicAsync(id, culture, pair, cancellationToken);
        if (edition is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Report.NotPublished"]);
        }
        return Serve(response, reports.Docx(edition));
    }

    private static ValidationProblem BilingualProblem(IStringLocalizer l) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["bilingual"] = [l["Report.Error.Bilingual", string.Join(", ", AssessmentReports.BilingualLanguages)]],
    });

    private static FileContentHttpResult Serve(HttpResponse response, ReportFile file) =>
        EvidenceDownloads.Serve(response, new EvidenceDownload(file.Content, ReportDocxWriter.ContentType, file.FileName));
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// Downloads of a round's action plan as XLSX, DOCX or CSV: the page-side address (sign-in cookie)
/// and the API's (bearer token). Anyone who can see the round may export its plan; a round the caller
/// cannot see is a 404 on both. Files are served as attachments, never sniffed or cached by shared caches.
/// </summary>
public static class PlanExportApi
{
    /// <summary>The page-side address of an export, as the plan page links to it ("xlsx", "docx" or "csv").</summary>
    public static string PageHref(Guid roundId, string format) => $"/assessments/{roundId}/plan/export/{format}";

    /// <summary>The page-side route, outside the API group: the default policy signs people in with the cookie and sends anonymous visitors to the login page.</summary>
    public static IEndpointRouteBuilder MapPage(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/assessments/{id:guid}/plan/export/{format}", DownloadPageAsync)
            .RequireAuthorization()
            .WithName("DownloadPlanExportPage")
            .ExcludeFromDescription();
        return routes;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/{id:guid}/plan/export/{format}", DownloadAsync)
            .WithName("DownloadPlanExport")
            .Produces<Stream>(StatusCodes.Status200OK, PlanExports.XlsxType, PlanExports.DocxType, PlanExports.CsvType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("The round's action plan as a file: format xlsx (sheets Plan, Columns, About), docx (a plan document " +
                "with summary and one table per mechanism) or csv (UTF-8 with BOM, the Plan sheet's columns). Text is in the " +
                "language of ?lang=en|fr|ar, else the request's language; Arabic files run right to left. Anyone who can see " +
                "the round may export; 404 for a round the caller cannot see.");
    }

    /// <summary>404 for an unknown format or a round the caller cannot see (the not-found page, for people).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadPageAsync(
        Guid id, string format, HttpResponse response, PlanningRounds rounds, PlanExports exports, CancellationToken cancellationToken)
    {
        if (PlanExports.Parse(format) is not { } parsed)
        {
            return TypedResults.NotFound();
        }
        var opened = await rounds.OpenAsync(id, cancellationToken);
        if (opened.Value is not { } round)
        {
            return TypedResults.NotFound();
        }
        var export = await exports.ReadAsync(round, CultureInfo.CurrentUICulture, cancellationToken);
        return Serve(response, exports.Write(export, parsed));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        Guid id, string format, string? lang, HttpResponse response, PlanningRounds rounds, PlanExports exports,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (PlanExports.Parse(format) is not { } parsed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [l["Export.Error.Format"]],
            });
        }
        if (!ApiLanguage.TryResolve(lang, out var language, out var problem))
        {
            return problem!;
        }
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var culture = string.IsNullOrEmpty(lang) ? CultureInfo.CurrentUICulture : Cultures.Create(language);
        var export = await exports.ReadAsync(round, culture, cancellationToken);
        return Serve(response, exports.Write(export, parsed));
    }

    private static FileContentHttpResult Serve(HttpResponse response, PlanExportFile file) =>
        EvidenceDownloads.Serve(response, new EvidenceDownload(file.Content, file.ContentType, file.FileName));
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Pathway.Web.Accounts;

namespace Pathway.Web.Connector.Import;

/// <summary>The CSV import over the API (editors), and the templates (anyone: they hold no data).</summary>
public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/connector/import/{kind}/template.csv", Template).AllowAnonymous()
            .WithName("DownloadImportTemplatePage").ExcludeFromDescription();
        var api = routes.MapGroup("/api/connector/import").WithTags("Import").RequireAuthorization(Policies.ApiUser);
        api.MapGet("/{kind}/template.csv", Template).AllowAnonymous().WithName("DownloadImportTemplate")
            .WithDescription("The CSV template of an import (resources or organisations): the header row and one example row.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{kind}", Import).WithName("ImportCsv")
            .WithDescription($"Imports resources or organisations from a CSV file (multipart/form-data: file; publish=true to publish imported "
                + $"resources at once, else they are drafts). All or nothing: a file with any problem is refused (400) with every problem "
                + $"under problems (row — the header is row 1 —, column, message) and nothing written. At most {CsvImport.MaxBytes / (1024 * 1024)} MB. Editors only.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static Results<FileContentHttpResult, NotFound> Template(string kind, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (ImportTemplates.Parse(kind) is not { } parsed)
        {
            return TypedResults.NotFound();
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(ImportTemplates.FileName(parsed));
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(ImportTemplates.Template(parsed), ImportTemplates.ContentType);
    }

    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(
        string kind, HttpRequest request, CsvImport import, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ImportTemplates.Parse(kind) is not { } parsed)
        {
            return Failure.NotFound(l["Import.Error.Title"], l["Import.Error.UnknownKind"]).ToProblem();
        }
        var file = await ReadFileAsync(request, cancellationToken);
        if (file is null)
        {
            return Failure.Invalid(l["Import.Error.Title"], "file", l["Import.Error.FileRequired", CsvImport.MaxBytes / (1024 * 1024)]).ToProblem();
        }
        var publish = request.Form.TryGetValue("publish", out var flag) && string.Equals(flag.ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var outcome = await import.ImportAsync(parsed, file, publish, cancellationToken);
        if (!outcome.TryGet(out var result, out var failure))
        {
            return failure.ToProblem();
        }
        return result.Succeeded
            ? TypedResults.Ok(result)
            : TypedResults.Problem(title: l["Import.Error.Title"], detail: l["Import.Refused", result.Problems.Count], statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
    }

    /// <summary>The form's file, read whole when it is within the limit (one byte more tells it is not); null when absent or unreadable.</summary>
    public static async Task<byte[]?> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = CsvImport.MaxBytes + (64 * 1024);
        }
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return null;
            }
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while (buffer.Length <= CsvImport.MaxBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException)
        {
            return null;
        }
    }
}

using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.Web.Connector.Resources;

public sealed record ResourceRowDto(
    Guid Id, LocalizedTextDto Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ResourceType>))] ResourceType Type,
    int Year, IReadOnlyList<string> Languages, string? Publisher,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ModerationState>))] ModerationState State,
    bool HasFile, bool HasLink, bool IsDemonstration);

/// <summary>A text per language as the API writes it.</summary>
public sealed record LocalizedTextDto(IReadOnlyDictionary<string, string> Values);

public sealed record ResourceListDto(IReadOnlyList<ResourceRowDto> Resources, int Total, int Page, int Pages);

/// <summary>A moderation move: the state to go to (InReview, Draft, Published, Withdrawn).</summary>
public sealed record ModerationMoveInput(string? To);

/// <summary>
/// The knowledge hub's resources over the API. Reads are open to everyone (a bearer token, when sent, shows the
/// caller's own drafts and, to editors, everything); writes need a signed-in caller of a country team or an editor.
/// An unpublished resource is 404 to everyone but its author and the editors, exactly as an unknown id.
/// </summary>
public static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var reads = routes.MapGroup("/api/resources").WithTags("Resources").RequireAuthorization(ConnectorSetup.OptionalBearer);
        reads.MapGet("/", List).WithName("ListResources")
            .WithDescription($"Resources, newest first, {ResourceCatalogue.PageSize} a page (?page=); filters type, behaviour, mechanism, "
                + "instrument, country, region, language, year; editors also state, and ?mine=true lists the caller's own in any state.");
        reads.MapGet("/{id:guid}", Get).WithName("GetResource")
            .WithDescription("One resource; 404 for an unpublished one unless the caller wrote it or edits content.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{id:guid}/file", Download).WithName("DownloadResourceFile")
            .WithDescription("The resource's file, as an attachment under its real content type.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = routes.MapGroup("/api/resources").WithTags("Resources").RequireAuthorization(Policies.ApiUser)
            .DeclaringRoundProblems();
        writes.MapPost("/", Create).WithName("CreateResource")
            .WithDescription("Adds a draft resource (JSON: titleEn, titleFr, titleAr, summaryEn…, type, languages, year, publisherId or "
                + "publisherName, url, licence, behaviours, mechanisms, instruments, countries, regions, flagshipAreas, topics — lists "
                + "separated by commas). A resource needs a link or a file: send a link here, or a file afterwards with PUT …/file.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        writes.MapPut("/{id:guid}", Update).WithName("UpdateResource")
            .WithDescription("Changes a resource (the same body, with the version last read: 409 with the stored one when it changed).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPost("/{id:guid}/moves", Move).WithName("MoveResource")
            .WithDescription("A moderation move {\"to\": \"InReview\"|\"Draft\"|\"Published\"|\"Withdrawn\"}: authors send their draft for "
                + "review and take it back; editors publish, return, withdraw. 400 for a move the workflow has not, 403 for one not the caller's.");
        writes.MapPut("/{id:guid}/file", Upload).WithName("UploadResourceFile")
            .WithDescription($"Attaches or replaces the file (multipart/form-data, field file): PDF, DOCX, XLSX, PNG or JPEG, at most "
                + $"{ResourceFiles.MaxMegabytes} MB, checked by content.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ResourceFiles.MaxUploadRequestBytes });
        return routes;
    }

    public static async Task<Ok<ResourceListDto>> List(
        [AsParameters] ResourceQuery query, ResourceCatalogue catalogue, CancellationToken cancellationToken)
    {
        var page = await catalogue.ListAsync(query.ToFilter(), query.Page ?? 1, cancellationToken);
        return TypedResults.Ok(new ResourceListDto(
            [.. page.Rows.Select(row => new ResourceRowDto(row.Id, new(row.Title.Values), row.Type, row.Year, LanguageList.Parse(row.Languages),
                row.Publisher, row.State, row.HasFile, row.HasLink, row.IsDemonstration))],
            page.Total, page.Page, page.Pages));
    }

    public static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> Get(
        Guid id, ResourceLibrary library, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        (await library.OpenAsync(id, cancellationToken)).ToResult(resource => TypedResults.Ok(ResourceDto.From(resource)));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        Guid id, HttpResponse response, ResourceLibrary library, CancellationToken cancellationToken)
    {
        var file = await library.OpenFileAsync(id, cancellationToken);
        return file.TryGet(out var download, out var failure) ? EvidenceDownloads.Serve(response, download) : failure.ToProblem();
    }

    public static async Task<Results<Created<ResourceDto>, ProblemHttpResult>> Create(
        ResourceInput input, ResourceLibrary library, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        (await library.CreateAsync(input, null, cancellationToken))
            .ToResult(resource => TypedResults.Created($"/api/resources/{resource.Id}", ResourceDto.From(resource)));

    public static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> Update(
        Guid id, ResourceInput input, ResourceLibrary library, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await library.UpdateAsync(id, input, null, removeFile: false, cancellationToken)).TryGet(out _, out var failure))
        {
            return failure.ToProblem();
        }
        return (await library.OpenAsync(id, cancellationToken)).ToResult(resource => TypedResults.Ok(ResourceDto.From(resource)));
    }

    public static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> Move(
        Guid id, ModerationMoveInput input, ResourceLibrary library, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ResourceInput.ParseName<ModerationState>(input.To) is not { } to)
        {
            return Failure.Invalid(l["Resource.Error.Title"], nameof(ModerationMoveInput.To),
                l["Resource.Error.State", string.Join(", ", Enum.GetNames<ModerationState>())]).ToProblem();
        }
        if (!(await library.MoveAsync(id, to, cancellationToken)).TryGet(out _, out var failure))
        {
            return failure.ToProblem();
        }
        return (await library.OpenAsync(id, cancellationToken)).ToResult(resource => TypedResults.Ok(ResourceDto.From(resource)));
    }

    public static async Task<Results<Ok<ResourceDto>, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, ResourceLibrary library, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(await library.OpenAsync(id, cancellationToken)).TryGet(out var resource, out var hidden))
        {
            return hidden.ToProblem();
        }
        if (!request.HasFormContentType || request.ContentLength > ResourceFiles.MaxUploadRequestBytes)
        {
            return TooLarge(l);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = ResourceFiles.MaxUploadRequestBytes;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException)
        {
            return TooLarge(l);
        }
        if (ResourceUpload.From(form.Files.GetFile("file")) is not { } upload)
        {
            return Failure.Invalid(l["Resource.Error.Title"], ResourceFiles.FileField, l["Resource.Error.FileRequired"]).ToProblem();
        }
        var input = ResourceInput.From(resource);
        if (!(await library.UpdateAsync(id, input, upload, removeFile: false, cancellationToken)).TryGet(out _, out var failure))
        {
            return failure.ToProblem();
        }
        return (await library.OpenAsync(id, cancellationToken)).ToResult(updated => TypedResults.Ok(ResourceDto.From(updated)));
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer l) =>
        Failure.Invalid(l["Resource.Error.Title"], ResourceFiles.FileField,
            l["Evidence.Error.FormUnreadable", ResourceFiles.MaxMegabytes]).ToProblem();
}

/// <summary>The list's query parameters.</summary>
public sealed record ResourceQuery(
    string? Type, string? Behaviour, string? Mechanism, string? Instrument, string? Country, string? Region, string? Language,
    int? Year, string? State, bool? Mine, int? Page)
{
    public ResourceFilter ToFilter() => new(Type, Behaviour, Mechanism, Instrument, Country, Region, Language, Year, State, Mine == true);
}

using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.Web.Assessments;

/// <summary>
/// A piece of evidence as the API returns it; enums as their names. <see cref="MechanismCodes"/> lists
/// every mechanism it supports in framework order; <see cref="MechanismCode"/> is the first of them
/// (kept for clients written when an item had one mechanism).
/// </summary>
public sealed record EvidenceDto(
    Guid Id,
    string MechanismCode,
    IReadOnlyList<string> MechanismCodes,
    string Type,
    string Title,
    DateOnly? Date,
    string? Issuer,
    bool IsPublic,
    string? Url,
    string? FileName,
    string? FileType,
    long? FileSize,
    string? FileUrl,
    string? AddedBy,
    DateTimeOffset AddedAt,
    bool CanRemove);

/// <summary>
/// The fields of <c>POST /api/assessments/{id}/evidence</c> (multipart/form-data): a link (<see cref="Url"/>)
/// or a file (<see cref="File"/>), exactly one of the two.
/// </summary>
public sealed class EvidenceForm
{
    /// <summary>One mechanism of the round's framework version, e.g. "DS.1" (the field of one-mechanism clients).</summary>
    public string? MechanismCode { get; set; }

    /// <summary>
    /// Every mechanism the item supports: the field repeated, or codes separated by commas ("DS.1,RE.2");
    /// added to <see cref="MechanismCode"/> when both are sent.
    /// </summary>
    public List<string>? MechanismCodes { get; set; }

    /// <summary>Law, Policy, Regulation, Contract, Report, Dataset, Minutes, Interview, SiteVisit or Other.</summary>
    public string? Type { get; set; }

    public string? Title { get; set; }

    /// <summary>yyyy-MM-dd, optional.</summary>
    public string? Date { get; set; }

    public string? Issuer { get; set; }

    /// <summary>true when the item may be shown on the published page.</summary>
    public bool? IsPublic { get; set; }

    /// <summary>An absolute http(s) address, for a link.</summary>
    public string? Url { get; set; }

    /// <summary>PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB, checked by content.</summary>
    public IFormFile? File { get; set; }
}

/// <summary>The body of <c>PUT /api/assessments/{id}/evidence/{evidenceId}/mechanisms</c>: the full list the item supports afterwards.</summary>
public sealed record EvidenceMechanismsInput(List<string?>? MechanismCodes);

/// <summary>Evidence of a round: list, add (link or file), choose the mechanisms an item supports, download a file, remove.</summary>
internal static class EvidenceApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/evidence", ListEvidence).WithName("ListEvidence")
            .WithDescription("The round's evidence, oldest first; ?mechanism=CODE for one mechanism. File bytes come from each item's fileUrl.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/{id:guid}/evidence", AddEvidence).WithName("AddEvidence")
            .WithDescription("Adds a link or a file supporting one or more mechanisms (multipart/form-data: mechanismCodes — repeated or "
                + "comma-separated — and/or mechanismCode, type, title, date, issuer, isPublic, and url or file). One upload serves every "
                + "mechanism given. Files: PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB, checked by their content. "
                + "Facilitators and respondents, while rating is open, in consensus, or after the round is returned.")
            .Accepts<EvidenceForm>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            // Bearer tokens are never sent by a browser on its own, so a cross-site form cannot use this endpoint.
            .DisableAntiforgery()
            // A file part may be as large as the whole upload allows; the request body limit is set in the handler.
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = EvidenceLocker.MaxUploadRequestBytes });
        routes.MapPut("/{id:guid}/evidence/{evidenceId:guid}/mechanisms", SetEvidenceMechanisms).WithName("SetEvidenceMechanisms")
            .WithDescription("Sets the mechanisms an item supports to exactly the list given (JSON: {\"mechanismCodes\": [\"DS.1\", \"RE.2\"]}): "
                + "missing ones are unlinked, new ones linked, the file stays one copy. Every code must be a mechanism of the round's framework "
                + "(400 naming the code); an empty list is refused (400): to withdraw the item from every mechanism, delete it. "
                + "Whoever may add evidence, while the round takes evidence. Each link and unlink is audited.")
            .Accepts<EvidenceMechanismsInput>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/{id:guid}/evidence/{evidenceId:guid}/file", DownloadEvidenceFile).WithName("DownloadEvidenceFile")
            .WithDescription("The uploaded file, as an attachment under its real content type.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapDelete("/{id:guid}/evidence/{evidenceId:guid}", RemoveEvidence).WithName("RemoveEvidence")
            .WithDescription("Removes an item and its file: by the person who added it or a facilitator, while the round takes evidence.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Ok<List<EvidenceDto>>, ProblemHttpResult>> ListEvidence(
        Guid id, string? mechanism, RoundDirectory rounds, EvidenceLocker locker, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (!string.IsNullOrWhiteSpace(mechanism) && locker.CheckMechanism(round, mechanism) is { } unknown)
        {
            return unknown.ToProblem();
        }
        var items = await locker.ListAsync(round, mechanism, cancellationToken);
        return TypedResults.Ok(items.Select(item => ToDto(round.Id, item)).ToList());
    }

    public static async Task<Results<Created<EvidenceDto>, ProblemHttpResult>> AddEvidence(
        Guid id, HttpRequest request, RoundDirectory rounds, EvidenceLocker locker, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(title: l["Evidence.Error.Title"], detail: l["Evidence.Error.FormUnreadable", EvidenceLocker.MaxMegabytes],
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > EvidenceLocker.MaxUploadRequestBytes)
        {
            return TooLarge(locker, l);
        }
        // The server stops reading past the limit (a body sent without a declared length); only this
        // endpoint's limit changes, the global default stays for the rest of the site.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = EvidenceLocker.MaxUploadRequestBytes;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(locker, l);
        }
        catch (InvalidDataException)
        {
            // A malformed body, or one past the form limits (a body without a declared length).
            return TypedResults.Problem(title: l["Evidence.Error.Title"], detail: l["Evidence.Error.FormUnreadable", EvidenceLocker.MaxMegabytes],
                statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = new Dictionary<string, string[]>();
        var input = ReadInput(form, errors, l);
        if (form.Files.Count > 1)
        {
            errors[EvidenceLocker.FileField] = [l["Evidence.Error.OneFile"]];
        }
        var file = form.Files.Count > 0 ? form.Files[0] : null;
        if (file is null && string.IsNullOrWhiteSpace(input.Url))
        {
            errors[nameof(NewEvidence.Url)] = [l["Evidence.Error.LinkOrFile"]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Evidence.Error.Title"], l["Evidence.Error.Detail"], errors).ToProblem();
        }

        var outcome = file is null
            ? await locker.AddLinkAsync(round, input, cancellationToken)
            : await locker.AddFileAsync(round, input, file, cancellationToken);
        if (!outcome.TryGet(out var added, out var failure))
        {
            return failure.ToProblem();
        }
        var dto = ToDto(round.Id, added);
        return TypedResults.Created(dto.FileUrl ?? $"/api/assessments/{round.Id}/evidence?mechanism={Uri.EscapeDataString(dto.MechanismCode)}", dto);
    }

    public static async Task<Results<Ok<EvidenceDto>, ProblemHttpResult>> SetEvidenceMechanisms(
        Guid id, Guid evidenceId, EvidenceMechanismsInput input, RoundDirectory rounds, EvidenceLocker locker, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var outcome = await locker.SetMechanismsAsync(round, evidenceId, input?.MechanismCodes, cancellationToken);
        return outcome.ToResult(item => TypedResults.Ok(ToDto(round.Id, item)));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadEvidenceFile(
        Guid id, Guid evidenceId, HttpResponse response, RoundDirectory rounds, EvidenceLocker locker, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var file = await locker.OpenFileAsync(round, evidenceId, cancellationToken);
        return file.TryGet(out var stored, out var failure) ? EvidenceDownloads.Serve(response, stored) : failure.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveEvidence(
        Guid id, Guid evidenceId, RoundDirectory rounds, EvidenceLocker locker, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var failure = await locker.RemoveAsync(round, evidenceId, cancellationToken);
        return failure is null ? TypedResults.NoContent() : failure.ToProblem();
    }

    private static NewEvidence ReadInput(IFormCollection form, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> l)
    {
        var input = new NewEvidence
        {
            MechanismCodes = Codes(form),
            Title = Text(form, "title"),
            Issuer = Text(form, "issuer"),
            Url = Text(form, "url"),
        };
        if (Text(form, "type") is { } type)
        {
            // Names only: "3" or "Law,Policy" would otherwise parse.
            if (Enum.TryParse<EvidenceType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && char.IsAsciiLetter(type[0])
                && !type.Contains(',', StringComparison.Ordinal))
            {
                input.Type = parsed;
            }
            else
            {
                errors[nameof(NewEvidence.Type)] = [l["Evidence.Error.TypeUnknown", type, string.Join(", ", Enum.GetNames<EvidenceType>())]];
            }
        }
        if (Text(form, "date") is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                input.Date = parsed;
            }
            else
            {
                errors[nameof(NewEvidence.Date)] = [l["Evidence.Error.DateFormat"]];
            }
        }
        if (Text(form, "isPublic") is { } isPublic)
        {
            if (bool.TryParse(isPublic, out var parsed))
            {
                input.IsPublic = parsed;
            }
            else
            {
                errors[nameof(NewEvidence.IsPublic)] = [l["Evidence.Error.IsPublic"]];
            }
        }
        return input;
    }

    /// <summary>mechanismCode and mechanismCodes (repeated or comma-separated), as given; checked by the locker.</summary>
    private static List<string> Codes(IFormCollection form)
    {
        var values = new List<string>();
        foreach (var name in (string[])["mechanismCode", "mechanismCodes"])
        {
            if (form.TryGetValue(name, out var given))
            {
                values.AddRange(given.OfType<string>().SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            }
        }
        return values;
    }

    private static string? Text(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    private static EvidenceDto ToDto(Guid roundId, EvidenceView item) => new(
        item.Id, item.MechanismCodes.Count > 0 ? item.MechanismCodes[0] : "", item.MechanismCodes, item.Type.ToString(), item.Title, item.Date, item.Issuer, item.IsPublic, item.Url,
        item.FileName, item.FileType?.ToString(), item.FileSize,
        item.IsFile ? $"/api/assessments/{roundId}/evidence/{item.Id}/file" : null,
        item.AddedByName, item.AddedAt, item.CanRemove);

    private static ProblemHttpResult TooLarge(EvidenceLocker locker, IStringLocalizer<SharedResource> l) => TypedResults.Problem(
        title: l["Evidence.Error.TooLargeTitle"], detail: locker.RefusalMessage(EvidenceFileRefusal.TooLarge),
        statusCode: StatusCodes.Status413PayloadTooLarge);
}

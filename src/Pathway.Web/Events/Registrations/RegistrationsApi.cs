using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Import;

namespace Pathway.Web.Events.Registrations;

/// <summary>
/// A registration: name, email, organisation (optional), country (ISO3), group (DevelopmentAgency|Ngo|Philanthropy|Academia|
/// PrivateCompany|Ministry|Who|Other) and consent (true: the person agreed to the privacy note on the registration page).
/// </summary>
public sealed record RegistrationBody(string? Name, string? Email, string? Organisation, string? Country, string? Group, bool? Consent);

/// <summary>The registration made: status Confirmed or Waiting; alreadyRegistered when the address was registered before (its link is sent again).</summary>
public sealed record RegistrationDto(Guid Id, string Status, bool AlreadyRegistered);

/// <summary>One person on the list (organisers only). Erased rows keep group, country, role, status and attendance.</summary>
public sealed record RegistrationRowDto(
    Guid Id, string? Name, string? Email, string? Organisation, string? Country, string Group, string Role, string Status, bool? Attended,
    DateTimeOffset RegisteredAt, DateTimeOffset? WaitingSince, bool AddedByOrganiser, bool Erased);

/// <summary>Registration by API (open to all, rate-limited per address), and the organisers' list and attendance.</summary>
public static class RegistrationsApi
{
    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var open = routes.MapGroup("/api/events").WithTags("Events").RequireAuthorization(ConnectorSetup.OptionalBearer);
        open.MapPost("/{id:guid}/registrations", RegisterAsync).WithName("RegisterForEvent")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithDescription("Registers a person for an announced, open event that is not over: status Confirmed while places last, else Waiting. "
                + "The same e-mail twice gives the same registration (alreadyRegistered, the link is e-mailed again). 400 with field errors, or when "
                + "registration is closed (draft, invite-only, over); 404 when there is no such event; 429 past the rate limit.");

        var organisers = routes.MapGroup("/api/events").WithTags("Events").RequireAuthorization(Policies.ApiUser)
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisers.MapGet("/{id:guid}/registrations", ListAsync).WithName("GetEventRegistrations")
            .WithDescription("The event's registrations with personal details, for its organisers (organiser, content editor, administrator); 404 for anyone else.");
        organisers.MapPost("/{id:guid}/attendance", AttendanceAsync).WithName("ImportEventAttendance")
            .Accepts<IReadOnlyList<AttendanceRowInput>>("application/json", "text/csv", "multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Attendance, all or nothing: a JSON array of {email, name, organisation, country, group, attended}, a text/csv body or a "
                + "multipart file (columns email (required), name, organisation, country (ISO3 or name), group, attended (yes/no/1/0/true/false; empty: yes)). "
                + "A known address gets its attendance; an unknown one is added as a walk-in. 400 with every bad row named (\"problems\"): nothing is saved.");
        return routes;
    }

    /// <summary>The organisers' CSV download of the list (signed in through the site; 404 for anyone who does not organise the event).</summary>
    public static IEndpointRouteBuilder MapRegistrationExport(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/events/{id:guid}/registrations.csv", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(Guid id, RegistrationRoster roster, TimeProvider clock, CancellationToken cancellationToken)
    {
        var csv = await roster.ExportAsync(id, cancellationToken);
        return csv is null
            ? TypedResults.NotFound()
            : TypedResults.File(csv, "text/csv; charset=utf-8", $"registrations-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }

    public static async Task<Results<Ok<RegistrationDto>, ProblemHttpResult>> RegisterAsync(
        Guid id, RegistrationBody body, RegistrationDesk desk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var input = new RegistrationInput
        {
            Name = body.Name, Email = body.Email, Organisation = body.Organisation, Country = body.Country, Group = body.Group, Consent = body.Consent == true,
        };
        var made = await desk.RegisterAsync(id, input, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        if (!made.TryGet(out var registered, out var failure))
        {
            return CamelCase(failure).ToProblem();
        }
        return TypedResults.Ok(new RegistrationDto(registered.Id, registered.Status.ToString(), registered.AlreadyRegistered));
    }

    public static async Task<Results<Ok<List<RegistrationRowDto>>, ProblemHttpResult>> ListAsync(
        Guid id, RegistrationRoster roster, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var list = await roster.OpenAsync(id, cancellationToken);
        if (list is null)
        {
            return Failure.NotFound(l["Registration.NotFound.Title"], l["Registration.NotFound.Detail"]).ToProblem();
        }
        return TypedResults.Ok(list.Rows.Select(r => new RegistrationRowDto(r.Id, r.Name, r.Email, r.Organisation, r.CountryIso3?.Trim(), r.Group.ToString(),
            r.Role.ToString(), r.Status.ToString(), r.Attended, r.RegisteredAt, r.WaitingSince, r.AddedByOrganiser, r.ErasedAt is not null)).ToList());
    }

    public static async Task<Results<Ok<AttendanceResult>, ProblemHttpResult>> AttendanceAsync(
        Guid id, HttpRequest request, AttendanceImport import, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Outcome<AttendanceResult> outcome;
        if (request.HasJsonContentType())
        {
            List<AttendanceRowInput>? rows;
            try
            {
                rows = await request.ReadFromJsonAsync<List<AttendanceRowInput>>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                rows = null;
            }
            if (rows is null)
            {
                return Failure.Invalid(l["Attendance.Error.Title"], "rows", l["Attendance.Error.Body"]).ToProblem();
            }
            outcome = await import.ImportRowsAsync(id, rows, cancellationToken);
        }
        else
        {
            var content = request.HasFormContentType ? await ImportApi.ReadFileAsync(request, cancellationToken) : await ReadBodyAsync(request, cancellationToken);
            if (content is null)
            {
                return Failure.Invalid(l["Attendance.Error.Title"], "file", l["Import.Error.FileRequired", AttendanceImport.MaxBytes / (1024 * 1024)]).ToProblem();
            }
            outcome = await import.ImportCsvAsync(id, content, cancellationToken);
        }
        if (!outcome.TryGet(out var result, out var failure))
        {
            return failure.ToProblem();
        }
        return result.Succeeded
            ? TypedResults.Ok(result)
            : TypedResults.Problem(title: l["Attendance.Error.Title"], detail: l["Import.Refused", result.Problems.Count], statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
    }

    /// <summary>A text/csv body, read whole when within the limit; null when empty or too large.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AttendanceImport.MaxBytes)
            {
                return null;
            }
        }
        return buffer.Length == 0 ? null : buffer.ToArray();
    }

    /// <summary>Field errors under the JSON body's camelCase names.</summary>
    private static Failure CamelCase(Failure failure) => failure.Errors is { Count: > 0 } errors
        ? failure with { Errors = errors.ToDictionary(pair => JsonNamingPolicyName(pair.Key), pair => pair.Value) }
        : failure;

    private static string JsonNamingPolicyName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

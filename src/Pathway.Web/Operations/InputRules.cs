using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Pathway.Web.Operations;

/// <summary>
/// <see cref="TextRules"/> applied to every text a request brings, before any endpoint sees it: the path
/// and route values, the query string, form fields (pages and multipart uploads) and JSON string values.
/// A refused character is a 400 naming the field, on both databases, never a 500 from PostgreSQL.
/// </summary>
/// <remarks>
/// Cheap on every request: the query is parsed only when its raw text holds an escaped control
/// (<c>%00</c>–<c>%1F</c>); the form is checked once, when someone reads it (antiforgery, a page's form
/// binding, an upload endpoint), so nobody pays for a form they don't read; a JSON string is scanned only
/// when it carries an escape, the only way a control can appear in JSON text.
/// </remarks>
public static class InputRules
{
    public static IServiceCollection AddInputRules(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new CheckedStringConverter()));
        // Bad JSON becomes an exception the handler below turns into a 400 naming the field; without it the
        // endpoint answers a bare 400 and the field is lost.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RefusedInputHandler>();
        return services;
    }

    /// <summary>After routing, so route values are known and the endpoint's form limits are in place.</summary>
    public static IApplicationBuilder UseInputRules(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if ((RefusedInPath(context) ?? RefusedInQuery(context.Request)) is { } refused)
            {
                throw refused;
            }
            if (context.Request.HasFormContentType)
            {
                var inner = context.Features.Get<IFormFeature>()
                    ?? new FormFeature(context.Request, context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value);
                var urlEncoded = IsUrlEncoded(context.Request);
                if (urlEncoded)
                {
                    // ASP.NET's form reader refuses an escaped NUL (%00) without saying where it was; keeping the
                    // body lets CheckedForm read it again to name the field. Such forms are small (no files).
                    context.Request.EnableBuffering();
                }
                context.Features.Set<IFormFeature>(new CheckedForm(inner, urlEncoded ? context.Request : null));
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    // A page's form is read by antiforgery, which turns any failure into a bare 400; read it here
                    // first so a refused field is named. API endpoints read their own forms (with their own limits).
                    await ReadPageFormAsync(context);
                }
            }
            await next(context);
        });

    private static async Task ReadPageFormAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // A malformed or cut-off form: left to antiforgery, which answers it with a 400 as before.
        }
    }

    private static RefusedTextException? RefusedInPath(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || !TextRules.HasRefused(path))
        {
            return null;
        }
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && TextRules.IndexOfRefused(text) is >= 0 and var at)
            {
                return new RefusedTextException(name, text[at]);
            }
        }
        return new RefusedTextException("path", path[TextRules.IndexOfRefused(path)]);
    }

    private static RefusedTextException? RefusedInQuery(HttpRequest request)
    {
        var raw = request.QueryString.Value;
        if (raw is null || !(raw.Contains("%0", StringComparison.Ordinal) || raw.Contains("%1", StringComparison.Ordinal)))
        {
            return null;
        }
        return Refused(request.Query);
    }

    internal static RefusedTextException? Refused(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields)
    {
        foreach (var (name, values) in fields)
        {
            if (TextRules.IndexOfRefused(name) is >= 0 and var inName)
            {
                return new RefusedTextException(name, name[inName]);
            }
            foreach (var value in values)
            {
                if (value is not null && TextRules.IndexOfRefused(value) is >= 0 and var at)
                {
                    return new RefusedTextException(name, value[at]);
                }
            }
        }
        return null;
    }

    /// <summary>How much of a refused URL-encoded body is searched for the field: page forms are far smaller.</summary>
    private const int RereadLimit = 1024 * 1024;

    private static bool IsUrlEncoded(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first field of a URL-encoded body whose name or value holds an escaped NUL (<c>%00</c>), which the
    /// form reader refuses as "invalid characters" without naming it; null when there is none.
    /// </summary>
    private static RefusedTextException? EscapedNulIn(ReadOnlySpan<byte> body)
    {
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IndexOf("%00"u8) < 0)
            {
                continue;
            }
            var equals = pair.IndexOf((byte)'=');
            var name = equals < 0 ? pair : pair[..equals];
            return new RefusedTextException(Encoding.UTF8.GetString(WebUtility.UrlDecodeToBytes(name.ToArray(), 0, name.Length)), '\0');
        }
        return null;
    }

    /// <summary>The form as read by whoever reads it, checked once before anyone uses a field.</summary>
    /// <param name="inner">The form feature that reads the body.</param>
    /// <param name="rereadable">A URL-encoded request whose body is kept, to name the field when the reader refuses it.</param>
    private sealed class CheckedForm(IFormFeature inner, HttpRequest? rereadable) : IFormFeature
    {
        private IFormCollection? checkedForm;

        public bool HasFormContentType => inner.HasFormContentType;

        public IFormCollection? Form
        {
            get => inner.Form is { } form ? Check(form) : null;
            set => inner.Form = value;
        }

        public IFormCollection ReadForm() => Check(inner.ReadForm());

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
        {
            IFormCollection form;
            try
            {
                form = await inner.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException) when (rereadable is not null)
            {
                if (await EscapedNulAsync(rereadable, cancellationToken) is { } refused)
                {
                    throw refused;
                }
                throw;
            }
            return Check(form);
        }

        private static async Task<RefusedTextException?> EscapedNulAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            request.Body.Position = 0;
            var body = ArrayPool<byte>.Shared.Rent(RereadLimit);
            try
            {
                var length = await request.Body.ReadAtLeastAsync(body.AsMemory(0, RereadLimit), RereadLimit, throwOnEndOfStream: false, cancellationToken);
                return EscapedNulIn(body.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }

        private IFormCollection Check(IFormCollection form)
        {
            if (!ReferenceEquals(form, checkedForm))
            {
                if (Refused(form) is { } refused)
                {
                    throw refused;
                }
                checkedForm = form;
            }
            return form;
        }
    }

    /// <summary>Every JSON string the API reads, values and dictionary keys alike.</summary>
    private sealed class CheckedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(ref reader) ?? "";

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string? Checked(ref Utf8JsonReader reader)
        {
            var text = reader.GetString();
            // JSON text cannot hold a raw control character; only an escape (\u0000, \b, \f) can bring one.
            if (reader.ValueIsEscaped && text is not null && TextRules.IndexOfRefused(text) is >= 0 and var at)
            {
                throw new RefusedJsonTextException(text[at]);
            }
            return text;
        }
    }

    /// <summary>Thrown inside the JSON reader; the serializer adds the path of the field (<c>$.title</c>).</summary>
    private sealed class RefusedJsonTextException(char character) : JsonException
    {
        public char Character { get; } = character;
    }

    /// <summary>
    /// Turns a refused text into a 400 naming the field: problem details for the API (the field under
    /// "errors", as every validation problem), a short page in the reader's language for a person.
    /// Other bad API requests (unreadable JSON, a missing body) keep their 4xx as problem details.
    /// </summary>
    private sealed class RefusedInputHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var refused = exception switch
            {
                RefusedTextException text => (Field: text.Field, text.Character),
                BadHttpRequestException { InnerException: RefusedJsonTextException json } => (Field: FieldOf(json.Path), json.Character),
                _ => ((string Field, char Character)?)null,
            };
            var isApi = httpContext.Request.Path.StartsWithSegments("/api");
            if (refused is null)
            {
                if (exception is not BadHttpRequestException bad)
                {
                    return false;
                }
                // A form without its antiforgery token, an unreadable body: the request's fault, never a 500.
                httpContext.Response.StatusCode = bad.StatusCode;
                return !isApi || await problems.TryWriteAsync(new() { HttpContext = httpContext, Exception = exception });
            }

            var (field, character) = refused.Value;
            // The name is the caller's own text: echoed without the refused characters and kept short.
            field = TextRules.Truncate(string.Concat(field.Where(c => !TextRules.HasRefused([c]))), 100);
            string message = l["Input.Error.ControlCharacter", field, TextRules.Describe(character)];
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (isApi)
            {
                var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = l["Input.Error.Title"],
                    Detail = message,
                };
                return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
            }
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync($"{l["Input.Error.Title"]}\n\n{message}\n", cancellationToken);
            return true;
        }

        private static string FieldOf(string? path) =>
            string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }
}

/// <summary>
/// A text with a character no stored text may hold (<see cref="TextRules"/>), found in a request field.
/// Not an <see cref="IOException"/> (as <see cref="BadHttpRequestException"/> is): antiforgery would take
/// that for an unreadable form and answer an empty 400 instead of naming the field.
/// </summary>
public sealed class RefusedTextException(string field, char character)
    : Exception($"The field '{field}' holds the refused character {TextRules.Describe(character)}.")
{
    public string Field { get; } = field;

    public char Character { get; } = character;
}

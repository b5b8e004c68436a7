using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>The people the access matrix asks about, in the order of a grid's columns.</summary>
public enum Caller
{
    /// <summary>The focal point of the round's country.</summary>
    FocalPoint,

    /// <summary>A contributor of the round's country who facilitates the round (not the focal point).</summary>
    Facilitator,

    /// <summary>A respondent of the round (a contributor of its country).</summary>
    Respondent,

    /// <summary>An observer of the round (a contributor of its country who follows it without rating).</summary>
    Observer,

    /// <summary>A contributor of the round's country who takes no part in the round.</summary>
    Contributor,

    /// <summary>An administrator (global scope, takes no part in the round).</summary>
    Administrator,

    /// <summary>The regional officer of the round's region, who takes no part in it.</summary>
    RegionalOfficer,

    /// <summary>A reviewer scoped to the round's region.</summary>
    Reviewer,

    /// <summary>A reviewer scoped to another region.</summary>
    OtherReviewer,

    /// <summary>The focal point of another country, in another WHO region.</summary>
    OtherCountry,

    /// <summary>A content editor of the Country Connector: global for shared content, no country's assessment data.</summary>
    ContentEditor,

    /// <summary>Nobody signed in.</summary>
    Anonymous,
}

/// <summary>The rounds the matrix is asked about: one in every state of the workflow, in its order.</summary>
public enum RoundKind
{
    /// <summary>Being prepared: no rating yet, never submitted.</summary>
    Draft,

    /// <summary>Rating open, never submitted: reviewers and regional officers do not see it.</summary>
    Open,

    /// <summary>At the consensus step, never submitted: the spread is open to the round, consensus can be recorded.</summary>
    Consensus,

    /// <summary>Submitted for review: reviewers and regional officers of its region may read it.</summary>
    Submitted,

    /// <summary>Sent back by the reviewer: consensus and evidence open again for the team.</summary>
    Returned,

    /// <summary>Validated by the reviewer, not published: planning opens, the focal point may publish.</summary>
    Validated,

    /// <summary>Published, with a release that makes everything public.</summary>
    Published,
}

/// <summary>What a caller gets from one endpoint for one round.</summary>
public enum Access
{
    /// <summary>Passed access control: 2xx, a redirect other than to the login page, or a 400/409 validation or state answer.</summary>
    Allowed,

    /// <summary>2xx, but the round is not in it (lists: another country's rounds never appear).</summary>
    Hidden,

    /// <summary>404: the round (or item) does not exist for this caller.</summary>
    NotFound,

    /// <summary>403: the caller sees the round but may not do this.</summary>
    Forbidden,

    /// <summary>Sign in first: 401 from the API, a redirect to /account/login from a page.</summary>
    SignIn,

    /// <summary>
    /// Answered exactly as for a round that does not exist (404, or the same 4xx for an unknown id), and
    /// nothing written: a page's form posted from outside the round is refused by Blazor's form dispatch
    /// (the page rendered no form) before the not-found page, so existence does not leak either way.
    /// </summary>
    Indistinct,

    /// <summary>Not asked (a page's form post is asked only of people outside the round).</summary>
    NotChecked,

    /// <summary>Anything else (5xx, 405, 415…): never expected.</summary>
    Unexpected,
}

/// <summary>
/// One row of the grid per round kind: twelve letters, one per <see cref="Caller"/> in column order —
/// A allowed, H hidden (2xx without the round), N not found, F forbidden, S sign in, U as for an unknown
/// round, - not checked.
/// </summary>
public sealed record AccessGrid(
    string Draft, string Open, string Consensus, string Submitted, string Returned, string Validated, string Published)
{
    /// <summary>The same row for every round kind.</summary>
    public static AccessGrid All(string row) => new(row, row, row, row, row, row, row);

    public Access Expected(RoundKind kind, Caller caller)
    {
        var row = kind switch
        {
            RoundKind.Draft => Draft,
            RoundKind.Open => Open,
            RoundKind.Consensus => Consensus,
            RoundKind.Submitted => Submitted,
            RoundKind.Returned => Returned,
            RoundKind.Validated => Validated,
            _ => Published,
        };
        var letters = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (letters.Length != Enum.GetValues<Caller>().Length)
        {
            throw new InvalidOperationException($"The grid row '{row}' needs one letter per caller ({string.Join(" ", Enum.GetNames<Caller>())}).");
        }
        return letters[(int)caller] switch
        {
            "A" => Access.Allowed,
            "H" => Access.Hidden,
            "N" => Access.NotFound,
            "F" => Access.Forbidden,
            "S" => Access.SignIn,
            "U" => Access.Indistinct,
            "-" => Access.NotChecked,
            var other => throw new InvalidOperationException($"Unknown grid letter '{other}' in '{row}'."),
        };
    }
}

/// <summary>The round and caller one request is made for.</summary>
public sealed record Cell(AccessWorld World, RoundKind Kind, Caller Caller)
{
    public MatrixRound Round => World.Rounds[Kind];

    /// <summary>A string no other cell uses (titles, e-mail addresses).</summary>
    public string Unique => $"{Kind}-{Caller}-{TestAccounts.UniqueSuffix()}".ToLowerInvariant();
}

/// <summary>
/// The expected outcome of one endpoint (method + route pattern, exactly as the app registers it) for
/// every caller and round kind, and how to make a plausible request to it. Route parameters are filled
/// from the round (<see cref="MatrixRound.RouteValues"/>); <see cref="Fresh"/> replaces some per request
/// (a new item to delete), <see cref="Body"/> gives the request body, <see cref="After"/> undoes a change
/// that would disturb later cells.
/// </summary>
public sealed record AccessRule(string Method, string Pattern, AccessGrid Grid)
{
    public string? Query { get; init; }

    /// <summary>
    /// For a page that shows someone the round but not this part of it (with a message, 200): what only
    /// those allowed are shown. A 2xx without it counts as <see cref="Access.Forbidden"/>, with it as allowed.
    /// </summary>
    public string? Shows { get; init; }

    /// <summary>The request body, given the cell and the filled-in URL.</summary>
    public Func<Cell, string, Task<HttpContent?>>? Body { get; init; }

    public Func<Cell, Task<IReadOnlyDictionary<string, string>>>? Fresh { get; init; }

    public Func<Cell, Task>? After { get; init; }

    /// <summary>API routes are called with a bearer token; everything else as a signed-in browser (cookie).</summary>
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    public bool IsWrite => Method is "POST" or "PUT" or "DELETE" or "PATCH";

    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;
}

/// <summary>A round of the matrix and the values its routes are called with.</summary>
public sealed record MatrixRound(
    RoundKind Kind,
    TestRound Round,
    string Title,
    string MechanismCode,
    string BehaviourCode,
    Guid EvidenceId,
    Guid ParticipantId,
    int Revision)
{
    public Guid Id => Round.Id;

    /// <summary>Route parameter name (lower case) → value.</summary>
    public IReadOnlyDictionary<string, string> RouteValues => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = Id.ToString(),
        ["evidenceId"] = EvidenceId.ToString(),
        ["mechanismCode"] = MechanismCode,
        ["code"] = MechanismCode,
        ["behaviourCode"] = BehaviourCode.ToLowerInvariant(),
        ["participantId"] = ParticipantId.ToString(),
        ["revision"] = Revision.ToString(CultureInfo.InvariantCulture),
        ["iso3"] = Round.Country,
    };
}

/// <summary>An endpoint the app serves, as the matrix keys it.</summary>
public sealed record AppEndpoint(string Method, string Pattern, bool IsComponent)
{
    public string Key => $"{Method} {Pattern}";
}

/// <summary>What one cell did, against what the grid says.</summary>
public sealed record CellResult(AccessRule Rule, RoundKind Kind, Caller Caller, Access Expected, Access Actual, string Detail)
{
    public override string ToString() =>
        $"{Rule.Key,-72} {Kind,-9} {Caller,-13} expected {Expected,-9} got {Actual,-9} {Detail}";
}

/// <summary>An endpoint left out of the matrix on purpose, and why (where its access is proven instead).</summary>
public sealed record Exemption(string Pattern, string Why, string? Method = null)
{
    /// <summary>A pattern ending in "/**" covers the route and everything under it; with a method, only that method's endpoint.</summary>
    public bool Covers(string method, string pattern) => (Method is null || Method == method) && (Pattern.EndsWith("/**", StringComparison.Ordinal)
        ? pattern == Pattern[..^3] || pattern.StartsWith(Pattern[..^2], StringComparison.Ordinal)
        : pattern == Pattern);
}

/// <summary>Enumerates the app's endpoints the matrix must cover: every one it maps, but the exempted and the static files.</summary>
public static partial class AccessEndpoints
{
    /// <summary>
    /// Endpoints that read or write no round and no country's results, so the matrix has nothing to ask of them.
    /// Anything else the app maps needs a rule: a new route without one fails the completeness test.
    /// </summary>
    public static readonly Exemption[] Exempt =
    [
        // Public reference content, the same for everyone: the home page, the framework and the recommendation catalogue.
        new("/", "home page"),
        new("/methodology", "methodology note"),
        new("/framework/**", "the framework's text (FrameworkApiTests)"),
        new("/api/frameworks/**", "the framework's text (FrameworkApiTests)"),
        new("/api/recommendations/**", "the recommendation catalogue (CatalogueApiTests)"),
        new("/api/regions", "reference list of WHO regions (ReferenceApiTests)"),
        new("/api/countries", "reference list of Member States (ReferenceApiTests)"),

        // Operations: health, the API description and the error pages.
        new("/health", "health check (OperationsTests)"),
        new("/health/live", "liveness: the process answers, no data (OperationsTests)"),
        new("/health/ready", "readiness: the database answers, no data (OperationsTests)"),
        new("/openapi/{documentName}.json", "the API description (OpenApiTests)"),
        new("/error", "error page (ErrorTests)"),
        new("/not-found", "not-found page (ErrorTests)"),
        new("/_framework/opaque-redirect", "Blazor's own redirect for enhanced navigation, no data"),

        // The caller's own account and sign-in, never another person's data.
        new("/account/login/**", "sign-in and its second factor (SignInTests, TwoFactorTests)"),
        new("/account/password", "the caller's own password (SignInTests)"),
        new("/account/two-factor", "the caller's own second factor (TwoFactorTests)"),
        new("/account/access-denied", "the refusal page itself"),
        new("/account/logout", "sign-out (AccountSessionTests)"),
        new("/api/auth/**", "bearer sign-in and sign-out (AuthApiTests)"),

        // Administrators only, about accounts and reference content, no round (AdminUserTests, FrameworkAdminTests, CatalogueAdminTests, AccountEventsTests).
        new("/admin/**", "administration"),

        // The caller's own tasks and notices: built from RoundQueries for that person alone (MyWorkTests, NoticeTests, NoticesApiTests).
        new("/my-work", "the caller's own work"),
        new("/api/my-work", "the caller's own work"),
        new("/notices/**", "the caller's own notices"),
        new("/api/notices/**", "the caller's own notices"),

        // Events' public reads: shared content, no round and no country's results; drafts only for organisers and the
        // online link never public (EventPagesTests, EventCalendarTests, ParticipationStatsTests).
        new("/events", "the events listing"),
        new("/events/{Id:guid}", "an event's public page"),
        new("/events/series/{Id:guid}", "a series' public page"),
        new("/events/calendar.ics", "the events' calendar feed"),
        new("/events/{id:guid}/event.ics", "one event's calendar file"),
        new("/api/events", "the events list (API)", "GET"),
        new("/api/events/{id:guid}", "one event (API)", "GET"),

        // Registration: the public form and the registrant's own page reached by the token in their e-mail, no round
        // and no country's data (RegistrationTests, RegistrationConcurrencyTests). The organisers' list, attendance and
        // export show attendees' details to organisers only (RegistrationPrivacyTests: anonymous, a focal point, an
        // organiser, a content editor; AttendanceImportTests).
        new("/events/{Id:guid}/register", "the public registration form"),
        new("/api/events/{id:guid}/registrations", "registering (POST, public) and the organisers' list (GET)"),
        new("/events/registration/{Token}", "the registrant's own page, by the token mailed to them"),
        new("/events/{Id:guid}/registrations", "the organisers' list of registrations"),
        new("/events/{id:guid}/registrations.csv", "the organisers' export of registrations"),
        new("/api/events/{id:guid}/attendance", "the organisers' attendance import"),
    ];

    /// <summary>
    /// Every route endpoint the app maps (static files aside), one per HTTP method: minimal API routes, and Blazor
    /// pages (GET, and POST for their forms).
    /// </summary>
    public static List<AppEndpoint> Enumerate(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !IsStaticFile(endpoint))
            .Select(endpoint => (endpoint, pattern: Normalise(endpoint.RoutePattern.RawText ?? "")))
            .SelectMany(pair => (pair.endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new AppEndpoint(method, pair.pattern, pair.endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)))
            .Distinct()
            .OrderBy(endpoint => endpoint.Pattern, StringComparer.Ordinal)
            .ThenBy(endpoint => endpoint.Method, StringComparer.Ordinal)];
    }

    /// <summary>The exemption covering a pattern, if any.</summary>
    public static Exemption? ExemptionFor(string method, string pattern) => Exempt.FirstOrDefault(exemption => exemption.Covers(method, pattern));

    /// <summary>MapStaticAssets maps each file of wwwroot (and the framework's scripts) as an endpoint carrying its descriptor.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(item => item.GetType().Name == "StaticAssetDescriptor");

    /// <summary>Route groups register "/api/assessments/" for their root; the matrix writes it without the slash.</summary>
    private static string Normalise(string pattern)
    {
        var text = pattern.StartsWith('/') ? pattern : "/" + pattern;
        return text.Length > 1 ? text.TrimEnd('/') : text;
    }

    /// <summary>The pattern with its parameters filled in from <paramref name="values"/>; a parameter without a value fails.</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string> values) =>
        ParameterPattern().Replace(pattern, match =>
        {
            var name = match.Groups["name"].Value;
            return values.TryGetValue(name, out var value)
                ? Uri.EscapeDataString(value)
                : throw new InvalidOperationException($"No value for the route parameter '{name}' of {pattern}: give the rule a Fresh value or add it to MatrixRound.RouteValues.");
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();
}

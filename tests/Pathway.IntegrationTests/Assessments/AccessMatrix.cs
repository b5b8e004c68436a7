using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>The people the access matrix asks about, in the order of a grid's columns.</summary>
public enum Caller
{
    /// <summary>The focal point of the round's country.</summary>
    FocalPoint,

    /// <summary>A respondent of the round (a contributor of its country).</summary>
    Respondent,

    /// <summary>A contributor of the round's country who takes no part in the round.</summary>
    Contributor,

    /// <summary>The focal point of another country, in another WHO region.</summary>
    OtherCountry,

    /// <summary>A reviewer scoped to the round's region.</summary>
    Reviewer,

    /// <summary>A reviewer scoped to another region.</summary>
    OtherReviewer,

    /// <summary>Nobody signed in.</summary>
    Anonymous,
}

/// <summary>The rounds the matrix is asked about: two reviewers may not see yet, a submitted one, and a published one.</summary>
public enum RoundKind
{
    /// <summary>Rating open, never submitted: reviewers do not see it.</summary>
    Open,

    /// <summary>At the consensus step, never submitted: the spread is open to the round, consensus can be recorded.</summary>
    Consensus,

    /// <summary>Submitted for review: a reviewer of its region may read it.</summary>
    Submitted,

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
/// One row of the grid per round kind: seven letters, one per <see cref="Caller"/> in column order —
/// A allowed, H hidden (2xx without the round), N not found, F forbidden, S sign in, U as for an unknown
/// round, - not checked.
/// </summary>
public sealed record AccessGrid(string Open, string Consensus, string Submitted, string Published)
{
    /// <summary>The same row for every round kind.</summary>
    public static AccessGrid All(string row) => new(row, row, row, row);

    public Access Expected(RoundKind kind, Caller caller)
    {
        var row = kind switch
        {
            RoundKind.Open => Open,
            RoundKind.Consensus => Consensus,
            RoundKind.Submitted => Submitted,
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

/// <summary>Enumerates the app's endpoints the matrix must cover.</summary>
public static partial class AccessEndpoints
{
    /// <summary>Every route under these prefixes needs a rule.</summary>
    public static readonly string[] Prefixes = ["/api/assessments", "/assessments", "/api/published", "/published"];

    /// <summary>
    /// The app's route endpoints under <see cref="Prefixes"/> (and any further patterns named), one per
    /// HTTP method. Blazor pages appear as endpoints too (GET, and POST for their forms).
    /// </summary>
    public static List<AppEndpoint> Enumerate(IServiceProvider services, IEnumerable<string> alsoPatterns)
    {
        var also = alsoPatterns.ToHashSet(StringComparer.Ordinal);
        var source = services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint, pattern: Normalise(endpoint.RoutePattern.RawText ?? "")))
            .Where(pair => also.Contains(pair.pattern) || Prefixes.Any(prefix => Under(pair.pattern, prefix)))
            .SelectMany(pair => (pair.endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new AppEndpoint(method, pair.pattern, pair.endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)))
            .Distinct()
            .OrderBy(endpoint => endpoint.Pattern, StringComparer.Ordinal)
            .ThenBy(endpoint => endpoint.Method, StringComparer.Ordinal)];
    }

    private static bool Under(string pattern, string prefix) =>
        pattern == prefix || pattern.StartsWith(prefix + "/", StringComparison.Ordinal) || pattern.StartsWith(prefix + "?", StringComparison.Ordinal);

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

/// <summary>
/// The people, rounds and signed-in clients the matrix runs against, made once per test class:
/// four rounds of one country (rating open, consensus, submitted, published with a release), each
/// with an evidence item carrying a file, and a signed-in browser and bearer token for every caller.
/// </summary>
public sealed partial class AccessWorld : IAsyncDisposable
{
    public const string Country = "EGY";
    public const string CountryRegion = "EMR";
    public const string OtherCountryIso3 = "KEN";
    public const string OtherRegion = "EUR";

    /// <summary>A valid 1×1 PNG, the smallest file the evidence checks accept.</summary>
    public static readonly byte[] PngFile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly Dictionary<Caller, HttpClient> apiClients = [];
    private readonly Dictionary<Caller, HttpClient> pageClients = [];
    private readonly Dictionary<Caller, string> antiforgeryTokens = [];
    private readonly Dictionary<Caller, TestUser> spares = [];

    private AccessWorld(PathwayAppFactory factory) => Factory = factory;

    public PathwayAppFactory Factory { get; }

    public Dictionary<Caller, TestUser> Users { get; } = [];

    public Dictionary<RoundKind, MatrixRound> Rounds { get; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AccessWorld> CreateAsync(PathwayAppFactory factory)
    {
        var world = new AccessWorld(factory);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var open = await Factory.CreateRoundAsync(Country, AssessmentStatus.RatingOpen);
        var consensus = await Factory.CreateRoundAsync(Country, AssessmentStatus.Consensus);
        var submitted = await Factory.CreateRoundAsync(Country, AssessmentStatus.Submitted);
        var published = await Factory.CreateRoundAsync(Country, AssessmentStatus.Validated);

        Users[Caller.FocalPoint] = open.FocalPoint;
        Users[Caller.Respondent] = open.PublicRespondent;
        Users[Caller.Contributor] = await Factory.CreateUserAsync(Roles.CountryContributor, country: Country);
        Users[Caller.OtherCountry] = await Factory.CreateUserAsync(Roles.CountryFocalPoint, country: OtherCountryIso3);
        Users[Caller.Reviewer] = await Factory.CreateUserAsync(Roles.Reviewer, region: CountryRegion);
        Users[Caller.OtherReviewer] = await Factory.CreateUserAsync(Roles.Reviewer, region: OtherRegion);
        foreach (var caller in Enum.GetValues<Caller>())
        {
            // People to add to and remove from rounds, one per caller so no two cells share one.
            spares[caller] = await Factory.CreateUserAsync(Roles.CountryContributor, country: Country);
        }

        // The same respondent takes part in every round, so one caller answers for all.
        foreach (var round in new[] { consensus, submitted, published })
        {
            await JoinAsync(round, Users[Caller.Respondent], ParticipantRole.Respondent, StakeholderGroup.MinistryOfHealth);
        }

        Rounds[RoundKind.Open] = await DescribeAsync(RoundKind.Open, open);
        Rounds[RoundKind.Consensus] = await DescribeAsync(RoundKind.Consensus, consensus);
        Rounds[RoundKind.Submitted] = await DescribeAsync(RoundKind.Submitted, submitted);
        Rounds[RoundKind.Published] = await DescribeAsync(RoundKind.Published, published);
        await PublishAsync(Rounds[RoundKind.Published]);

        foreach (var (caller, user) in Users)
        {
            var api = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Factory.GetBearerTokenAsync(user));
            apiClients[caller] = api;
            pageClients[caller] = await Factory.CreateSignedInClientAsync(user);
        }
        apiClients[Caller.Anonymous] = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        pageClients[Caller.Anonymous] = Factory.CreatePageClient();
    }

    public HttpClient ApiClient(Caller caller) => apiClients[caller];

    public HttpClient PageClient(Caller caller) => pageClients[caller];

    /// <summary>
    /// The caller's antiforgery token: signed-in pages carry one in the layout's sign-out form, the
    /// login page carries one for anonymous visitors.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync(Caller caller)
    {
        if (antiforgeryTokens.TryGetValue(caller, out var known))
        {
            return known;
        }
        var page = caller == Caller.Anonymous ? "/account/login" : "/";
        var html = await PageClient(caller).GetStringAsync(page, Ct);
        var token = HtmlForm.All(html).Select(form => form.Fields.GetValueOrDefault("__RequestVerificationToken"))
            .FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? throw new InvalidOperationException($"{page} carries no antiforgery token for {caller}.");
        antiforgeryTokens[caller] = token;
        return token;
    }

    /// <summary>
    /// A page's form as it would be posted by the cell's caller: the fields as <paramref name="insider"/>
    /// sees them on the round (or just the form name when the insider is not shown that form now), with the
    /// caller's own antiforgery token — what someone outside the round would have to forge.
    /// </summary>
    public async Task<HttpContent> FormAsync(Cell cell, string url, string formName, Caller insider)
    {
        ArgumentNullException.ThrowIfNull(cell);
        using var page = await PageClient(insider).GetAsync(url, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var form = HtmlForm.All(html).FirstOrDefault(candidate => candidate.Fields.GetValueOrDefault("_handler") == formName);
        var fields = form?.Fields.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["_handler"] = formName };
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(cell.Caller);
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>A participant row for this cell's spare person (to be removed by the cell).</summary>
    public async Task<Guid> AddSpareParticipantAsync(Cell cell)
    {
        var participant = await JoinAsync(cell.Round.Round, spares[cell.Caller], ParticipantRole.Observer, StakeholderGroup.Academia);
        return participant.Id;
    }

    /// <summary>A link evidence item on the round's first mechanism (to be removed by the cell).</summary>
    public async Task<Guid> AddLinkEvidenceAsync(Cell cell)
    {
        await using var scope = Factory.OpenSystemDb();
        var item = new EvidenceItem
        {
            AssessmentId = cell.Round.Id,
            CountryIso3 = Country,
            Links = { TestEvidence.Supports(cell.Round.Id, Country, cell.Round.MechanismCode) },
            Type = EvidenceType.Report,
            Title = $"Link {cell.Unique}",
            Url = "https://example.org/report",
            AddedById = Users[Caller.FocalPoint].Id,
            AddedByName = "Focal point",
            AddedAt = DateTimeOffset.UtcNow,
        };
        scope.Db.Evidence.Add(item);
        await scope.Db.SaveChangesAsync(Ct);
        return item.Id;
    }

    /// <summary>How many audit entries the round has: a refused request must not add one.</summary>
    public async Task<int> AuditCountAsync(Guid roundId)
    {
        await using var scope = Factory.OpenSystemDb();
        return await scope.Db.AuditEntries.IgnoreQueryFilters().CountAsync(entry => entry.AssessmentId == roundId, Ct);
    }

    /// <summary>The round's workflow fields, to put back after a cell moved it.</summary>
    public async Task<RoundState> StateOfAsync(Guid roundId)
    {
        await using var scope = Factory.OpenSystemDb();
        var round = await scope.Db.Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == roundId, Ct);
        return new RoundState(round.Status, round.Revision, round.Submissions, round.FirstSubmittedAt, round.Version);
    }

    /// <summary>Puts a round's workflow fields back as they were (a cell that moved it must not change what later cells see).</summary>
    public async Task RestoreAsync(Guid roundId, RoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var scope = Factory.OpenSystemDb();
        var round = await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == roundId, Ct);
        if (round.Status == state.Status && round.Revision == state.Revision && round.Submissions == state.Submissions)
        {
            return;
        }
        var entry = scope.Db.Entry(round);
        entry.Property(a => a.Status).CurrentValue = state.Status;
        entry.Property(a => a.Revision).CurrentValue = state.Revision;
        entry.Property(a => a.Submissions).CurrentValue = state.Submissions;
        entry.Property(a => a.FirstSubmittedAt).CurrentValue = state.FirstSubmittedAt;
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<Participant> JoinAsync(TestRound round, TestUser user, ParticipantRole role, StakeholderGroup group)
    {
        await using var scope = Factory.OpenSystemDb();
        var participant = new Participant
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            UserId = user.Id,
            DisplayName = user.Email,
            Group = group,
            Role = role,
            AddedAt = DateTimeOffset.UtcNow,
        };
        scope.Db.Participants.Add(participant);
        await scope.Db.SaveChangesAsync(Ct);
        return participant;
    }

    /// <summary>Reads the round's title and observer, and gives it a public evidence item with a PNG file.</summary>
    private async Task<MatrixRound> DescribeAsync(RoundKind kind, TestRound round)
    {
        await using var scope = Factory.OpenSystemDb();
        var db = scope.Db;
        var title = await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id).Select(a => a.Title).SingleAsync(Ct);
        var observer = await db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == round.Id && p.UserId == round.Observer.Id).Select(p => p.Id).SingleAsync(Ct);
        var code = round.MechanismCodes[0];
        var file = new EvidenceFile { CountryIso3 = round.Country, Content = PngFile, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PngFile)) };
        var item = new EvidenceItem
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            Links = { TestEvidence.Supports(round.Id, round.Country, code) },
            Type = EvidenceType.Law,
            Title = $"Licensing law {kind}",
            Date = new DateOnly(2024, 3, 1),
            Issuer = "Ministry of Health",
            IsPublic = true,
            FileId = file.Id,
            File = file,
            FileName = "law.png",
            FileType = EvidenceFileType.Png,
            FileSize = PngFile.Length,
            AddedById = round.FocalPoint.Id,
            AddedByName = "Focal point",
            AddedAt = DateTimeOffset.UtcNow,
        };
        db.Evidence.Add(item);
        await db.SaveChangesAsync(Ct);
        return new MatrixRound(kind, round, title, code, code.Split('.')[0], item.Id, observer, 1);
    }

    /// <summary>Publishes revision 1 with everything public, as the focal point's sign-off would.</summary>
    private async Task PublishAsync(MatrixRound round)
    {
        await Factory.MoveRoundAsync(round.Round, AssessmentStatus.Published);
        await using var scope = Factory.OpenSystemDb();
        var db = scope.Db;
        var snapshot = new ReleaseSnapshot(
            round.Title, "1", nameof(AssessmentScope.National), null, nameof(AssessmentPurpose.TakeStock),
            [new BehaviourSnapshot(round.BehaviourCode, 2m, "Rated", "2", 1, 0, 0, 0)],
            [new MechanismSnapshot(round.MechanismCode, round.BehaviourCode, "Rated", 2, "Agreed in the test workshop.")],
            [new EvidenceSnapshot(round.EvidenceId, round.MechanismCode, nameof(EvidenceType.Law), $"Licensing law {round.Kind}",
                new DateOnly(2024, 3, 1), "Ministry of Health", null, "law.png", HasFile: true)]);
        db.PublishedReleases.Add(new PublishedRelease
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Round.Country,
            Revision = round.Revision,
            Choices = new PublicationChoices(true, true, true, true),
            Snapshot = snapshot,
            RuleVersion = ScoringRule.Version,
            SignedOffById = round.Round.FocalPoint.Id,
            SignedOffByName = "Focal point",
            SignedOffAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in apiClients.Values.Concat(pageClients.Values))
        {
            client.Dispose();
        }
        await Task.CompletedTask;
    }
}

/// <summary>A round's workflow fields at one moment.</summary>
public sealed record RoundState(AssessmentStatus Status, int Revision, int Submissions, DateTimeOffset? FirstSubmittedAt, int Version);

/// <summary>Runs rules cell by cell and sorts each answer into an <see cref="Access"/> category.</summary>
public static class AccessMatrixRunner
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<List<CellResult>> RunAsync(AccessWorld world, IEnumerable<AccessRule> rules)
    {
        ArgumentNullException.ThrowIfNull(world);
        var results = new List<CellResult>();
        foreach (var rule in rules)
        {
            foreach (var kind in Enum.GetValues<RoundKind>())
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    var expected = rule.Grid.Expected(kind, caller);
                    if (expected == Access.NotChecked)
                    {
                        continue;
                    }
                    results.Add(await RunCellAsync(rule, new Cell(world, kind, caller), expected));
                }
            }
        }
        return results;
    }

    private static async Task<CellResult> RunCellAsync(AccessRule rule, Cell cell, Access expected)
    {
        var world = cell.World;
        var round = cell.Round;
        var values = new Dictionary<string, string>(round.RouteValues.ToDictionary(), StringComparer.OrdinalIgnoreCase);
        if (rule.Fresh is not null)
        {
            foreach (var (name, value) in await rule.Fresh(cell))
            {
                values[name] = value;
            }
        }
        var url = AccessEndpoints.Fill(rule.Pattern, values) + (rule.Query is null ? "" : "?" + rule.Query.Replace("{country}", round.Round.Country, StringComparison.Ordinal));
        var before = rule.IsWrite ? await world.StateOfAsync(round.Id) : null;
        var auditBefore = rule.IsWrite ? await world.AuditCountAsync(round.Id) : 0;

        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
        if (rule.Body is not null)
        {
            request.Content = await rule.Body(cell, url);
        }
        var client = rule.IsApi ? world.ApiClient(cell.Caller) : world.PageClient(cell.Caller);
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var (actual, detail) = Classify(rule, response, body, round);

        if (expected == Access.Indistinct && (actual == Access.NotFound || (int)response.StatusCode is >= 400 and < 500 and not 401 and not 403))
        {
            (actual, detail) = await CompareWithUnknownRoundAsync(rule, cell, values, response, body, detail);
        }
        if (rule.IsWrite && actual is not Access.Allowed && expected is not Access.Allowed)
        {
            var added = await world.AuditCountAsync(round.Id) - auditBefore;
            if (added > 0)
            {
                actual = Access.Allowed;
                detail += $" — but {added} audit entr{(added == 1 ? "y was" : "ies were")} written";
            }
        }
        if (rule.After is not null)
        {
            await rule.After(cell);
        }
        if (before is not null)
        {
            await world.RestoreAsync(round.Id, before);
        }
        return new CellResult(rule, cell.Kind, cell.Caller, expected, actual, $"{url} → {detail}");
    }

    /// <summary>The same request for a round id that does not exist: the answer must be the same (status and body, ids aside).</summary>
    private static async Task<(Access, string)> CompareWithUnknownRoundAsync(
        AccessRule rule, Cell cell, Dictionary<string, string> values, HttpResponseMessage response, string body, string detail)
    {
        var unknown = Guid.NewGuid().ToString();
        var other = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase) { ["id"] = unknown };
        var url = AccessEndpoints.Fill(rule.Pattern, other);
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
        if (rule.Body is not null)
        {
            request.Content = await rule.Body(cell, url);
        }
        var client = rule.IsApi ? cell.World.ApiClient(cell.Caller) : cell.World.PageClient(cell.Caller);
        using var answer = await client.SendAsync(request, Ct);
        var otherBody = await answer.Content.ReadAsStringAsync(Ct);
        var same = answer.StatusCode == response.StatusCode
            && otherBody.Replace(unknown, "{id}", StringComparison.OrdinalIgnoreCase) == body.Replace(cell.Round.Id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase);
        return same
            ? (Access.Indistinct, detail + " (as for an unknown round)")
            : (Access.Unexpected, detail + $" but {(int)answer.StatusCode} for an unknown round: existence shows");
    }

    /// <summary>The category of a response, and a short description for the failure report.</summary>
    public static (Access Access, string Detail) Classify(AccessRule rule, HttpResponseMessage response, string body, MatrixRound round)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(round);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString;
        var detail = location is null ? $"{status}" : $"{status} → {location}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return (Access.SignIn, detail);
        }
        if (status is >= 300 and < 400 && location is not null)
        {
            if (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            {
                return (Access.SignIn, detail);
            }
            if (location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase))
            {
                return (Access.Forbidden, detail);
            }
            return (Access.Allowed, detail);
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (Access.NotFound, detail);
        }
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return (Access.Forbidden, detail);
        }
        if (response.IsSuccessStatusCode && rule.Shows is { } marker)
        {
            return body.Contains(marker, StringComparison.Ordinal)
                ? (Access.Allowed, detail + $" (shows {marker})")
                : (Access.Forbidden, detail + $" (without {marker})");
        }
        if (response.IsSuccessStatusCode)
        {
            var mentions = body.Contains(round.Id.ToString(), StringComparison.OrdinalIgnoreCase)
                || body.Contains(WebUtility.HtmlEncode(round.Title), StringComparison.Ordinal)
                || body.Contains(round.Title, StringComparison.Ordinal);
            return mentions ? (Access.Allowed, detail + " (shows the round)") : (Access.Hidden, detail + " (without the round)");
        }
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            return (Access.Allowed, detail + ": " + Excerpt(body));
        }
        return (Access.Unexpected, detail + ": " + Excerpt(body));
    }

    /// <summary>A 2xx that does not show the round counts as allowed where allowed is expected (an empty list of mine, a file).</summary>
    public static bool Matches(Access expected, Access actual) =>
        expected == actual || (expected == Access.Allowed && actual == Access.Hidden);

    private static string Excerpt(string body)
    {
        var text = Regex.Replace(body, @"\s+", " ");
        return text.Length <= 160 ? text : text[..160] + "…";
    }

    /// <summary>The measured matrix in the grids' notation: one line per endpoint and round kind, with the status codes.</summary>
    public static string Grid(IReadOnlyList<CellResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"endpoint",-72} {"round",-9} {string.Join(" ", Enum.GetValues<Caller>().Select(Short))}");
        foreach (var row in results.GroupBy(result => (result.Rule.Key, result.Kind)))
        {
            var cells = Enum.GetValues<Caller>().Select(caller => row.FirstOrDefault(result => result.Caller == caller) is { } cell
                ? Letter(cell.Actual) + (Matches(cell.Expected, cell.Actual) ? " " : "!")
                : "- ");
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Key.Key,-72} {row.Key.Kind,-9} {string.Join(" ", cells)}");
        }
        return text.ToString();
    }

    private static string Short(Caller caller) => caller switch
    {
        Caller.FocalPoint => "FP",
        Caller.Respondent => "Re",
        Caller.Contributor => "Co",
        Caller.OtherCountry => "OC",
        Caller.Reviewer => "Rv",
        Caller.OtherReviewer => "OR",
        _ => "An",
    };

    private static string Letter(Access access) => access switch
    {
        Access.Allowed => "A",
        Access.Hidden => "H",
        Access.NotFound => "N",
        Access.Forbidden => "F",
        Access.SignIn => "S",
        Access.Indistinct => "U",
        Access.NotChecked => "-",
        _ => "?",
    };

    /// <summary>A report of every cell that differs from the grid, grouped by endpoint.</summary>
    public static string Report(IReadOnlyList<CellResult> results)
    {
        var failed = results.Where(result => !Matches(result.Expected, result.Actual)).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{failed.Count} of {results.Count} cells differ from the access matrix:");
        foreach (var result in failed)
        {
            text.AppendLine(result.ToString());
        }
        return text.ToString();
    }
}

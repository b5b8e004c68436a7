using System.Net.Http.Json;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>The world of the access matrix, made once for the class: one app, its rounds and signed-in callers.</summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    private AccessWorld? world;

    public PathwayAppFactory Factory { get; } = new();

    public AccessWorld World => world ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        await Factory.InitializeAsync();
        world = await AccessWorld.CreateAsync(Factory);
    }

    public async ValueTask DisposeAsync()
    {
        if (world is not null)
        {
            await world.DisposeAsync();
        }
        await Factory.DisposeAsync();
    }
}

/// <summary>
/// Issue 3, access: every assessment endpoint and page, against every kind of caller, for a round
/// reviewers may not see yet, a submitted one and a published one. The rules below are the whole
/// matrix; an endpoint the app serves without a rule fails <see cref="Every_assessment_endpoint_and_page_has_a_rule"/>.
/// </summary>
public class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public void Every_assessment_endpoint_and_page_has_a_rule()
    {
        var endpoints = AccessEndpoints.Enumerate(fixture.Factory.Services, AccessRules.ExtraPatterns);
        var ruled = AccessRules.All.Select(rule => rule.Key).ToHashSet(StringComparer.Ordinal);
        var served = endpoints.Select(endpoint => endpoint.Key).ToHashSet(StringComparer.Ordinal);

        var withoutRule = endpoints.Where(endpoint => !ruled.Contains(endpoint.Key))
            .Select(endpoint => $"  {endpoint.Key}{(endpoint.IsComponent ? "  (page)" : "")}").ToList();
        var stale = AccessRules.All.Where(rule => !served.Contains(rule.Key)).Select(rule => $"  {rule.Key}").ToList();
        var duplicates = AccessRules.All.GroupBy(rule => rule.Key).Where(group => group.Count() > 1).Select(group => $"  {group.Key}").ToList();

        Assert.True(withoutRule.Count == 0 && stale.Count == 0 && duplicates.Count == 0,
            string.Join(Environment.NewLine, new[]
            {
                withoutRule.Count > 0 ? $"Endpoints without an access rule (add them to AccessRules):{Environment.NewLine}{string.Join(Environment.NewLine, withoutRule)}" : null,
                stale.Count > 0 ? $"Rules for endpoints the app does not serve (stale):{Environment.NewLine}{string.Join(Environment.NewLine, stale)}" : null,
                duplicates.Count > 0 ? $"Rules given twice:{Environment.NewLine}{string.Join(Environment.NewLine, duplicates)}" : null,
                $"Served: {served.Count} endpoints, rules: {AccessRules.All.Count}.",
            }.OfType<string>()));
    }

    [Fact]
    public async Task Api_answers_every_caller_as_the_matrix_says()
    {
        var results = await AccessMatrixRunner.RunAsync(fixture.World, AccessRules.All.Where(rule => rule.IsApi));
        TestContext.Current.TestOutputHelper?.WriteLine(AccessMatrixRunner.Grid(results));

        Assert.NotEmpty(results);
        Assert.True(results.All(result => AccessMatrixRunner.Matches(result.Expected, result.Actual)), AccessMatrixRunner.Report(results));
    }

    [Fact]
    public async Task Pages_answer_every_caller_as_the_matrix_says()
    {
        var results = await AccessMatrixRunner.RunAsync(fixture.World, AccessRules.All.Where(rule => !rule.IsApi));
        TestContext.Current.TestOutputHelper?.WriteLine(AccessMatrixRunner.Grid(results));

        Assert.NotEmpty(results);
        Assert.True(results.All(result => AccessMatrixRunner.Matches(result.Expected, result.Actual)), AccessMatrixRunner.Report(results));
    }
}

/// <summary>
/// The access matrix. Each grid has a row per round kind (rating open, consensus, submitted, published)
/// and a letter per caller, in this order:
/// <code>
///   FP  focal point of the round's country       OC  focal point of another country (other region)
///   Re  respondent of the round                  Rv  reviewer of the round's region
///   Co  contributor of the country, not in it    OR  reviewer of another region
///                                                An  anonymous
/// </code>
/// Letters: A allowed (2xx/3xx, or a 400/409 answer on the merits), H 2xx without the round in it,
/// N not found, F forbidden (403; for a page with a <see cref="AccessRule.Shows"/> marker also a 2xx
/// without it), S sign in (401, or a redirect to the login page), U the same answer as for a round that
/// does not exist, - not checked. Every refused write is also checked to have written no audit entry.
/// Other countries and other regions get N for everything about a round, never F and never data.
/// </summary>
public static class AccessRules
{
    /// <summary>Routes outside the assessment prefixes that the matrix also covers.</summary>
    public static readonly string[] ExtraPatterns = ["/account/invitation"];

    // ---- Grids ------------------------------------------------------------------------------------------
    //                                                   FP Re Co OC Rv OR An

    /// <summary>Everyone of the country reads; a reviewer of the region once the round was submitted.</summary>
    private static readonly AccessGrid TeamReads = new(
        Open: /*                                       */ "A  A  A  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  N  N  N  S",
        Submitted: /*                                  */ "A  A  A  N  A  N  S",
        Published: /*                                  */ "A  A  A  N  A  N  S");

    /// <summary>The spread and the agreed answers: nobody while rating is open (facilitators see progress counts only); the round from the consensus step.</summary>
    private static readonly AccessGrid SpreadReads = new(
        Open: /*                                       */ "F  F  F  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  N  N  N  S",
        Submitted: /*                                  */ "A  A  A  N  A  N  S",
        Published: /*                                  */ "A  A  A  N  A  N  S");

    /// <summary>The audit trail: the team running the round (focal point, facilitators) and reviewers.</summary>
    private static readonly AccessGrid AuditReads = new(
        Open: /*                                       */ "A  F  F  N  N  N  S",
        Consensus: /*                                  */ "A  F  F  N  N  N  S",
        Submitted: /*                                  */ "A  F  F  N  A  N  S",
        Published: /*                                  */ "A  F  F  N  A  N  S");

    /// <summary>Lists: people outside see a list without the round.</summary>
    private static readonly AccessGrid ListsShowTheRound = new(
        Open: /*                                       */ "A  A  A  H  H  H  S",
        Consensus: /*                                  */ "A  A  A  H  H  H  S",
        Submitted: /*                                  */ "A  A  A  H  A  H  S",
        Published: /*                                  */ "A  A  A  H  A  H  S");

    /// <summary>Published pages and open data: nothing until published, then everyone, signed in or not.</summary>
    private static readonly AccessGrid PublicOnceReleased = new(
        Open: /*                                       */ "N  N  N  N  N  N  N",
        Consensus: /*                                  */ "N  N  N  N  N  N  N",
        Submitted: /*                                  */ "N  N  N  N  N  N  N",
        Published: /*                                  */ "A  A  A  A  A  A  A");

    private static readonly AccessGrid PublicListOnceReleased = new(
        Open: /*                                       */ "H  H  H  H  H  H  H",
        Consensus: /*                                  */ "H  H  H  H  H  H  H",
        Submitted: /*                                  */ "H  H  H  H  H  H  H",
        Published: /*                                  */ "A  A  A  A  A  A  A");

    /// <summary>
    /// A page's form posted by people outside the round: the same answer as for a round that does not
    /// exist, and nothing written. (People in the round post forms in each slice's own tests.)
    /// </summary>
    private static readonly AccessGrid OutsidersPostingAForm = new(
        Open: /*                                       */ "-  -  -  U  U  U  S",
        Consensus: /*                                  */ "-  -  -  U  U  U  S",
        Submitted: /*                                  */ "-  -  -  U  -  U  S",
        Published: /*                                  */ "-  -  -  U  -  U  S");

    // ---- Rules ------------------------------------------------------------------------------------------

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Rounds
        Get("/api/assessments", ListsShowTheRound, query: "country={country}"),
        Json("POST", "/api/assessments", AccessGrid.All("A  F  F  F  F  F  S"), cell => new
        {
            countryIso3 = cell.Round.Round.Country, title = $"New round {cell.Unique}", scope = "National", purpose = "TakeStock",
        }),
        Get("/api/assessments/{id:guid}", TeamReads),
        new AccessRule("DELETE", "/api/assessments/{id:guid}", new(
            Open: /*       409 for FP: not a draft     */ "A  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*                              */ "A  F  F  N  F  N  S",
            Published: /*                              */ "A  F  F  N  F  N  S")),
        // The focal point's archiving is not run here: it would take the shared rounds out of the lists.
        new AccessRule("POST", "/api/assessments/{id:guid}/archive", new(
            Open: /*                                   */ "-  F  F  N  N  N  S",
            Consensus: /*                              */ "-  F  F  N  N  N  S",
            Submitted: /*                              */ "-  F  F  N  F  N  S",
            Published: /*                              */ "-  F  F  N  F  N  S")),
        new AccessRule("DELETE", "/api/assessments/{id:guid}/archive", new(
            Open: /*       not archived: nothing to do */ "A  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*                              */ "A  F  F  N  F  N  S",
            Published: /*                              */ "A  F  F  N  F  N  S")),

        // Participants
        Get("/api/assessments/{id:guid}/participants", TeamReads),
        Json("POST", "/api/assessments/{id:guid}/participants", new(
            Open: /*                                   */ "A  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*  409: closed to new people   */ "A  F  F  N  F  N  S",
            Published: /*                              */ "A  F  F  N  F  N  S"), cell => new
        {
            email = $"invitee-{cell.Unique}@example.org", displayName = "Invited person", group = "Academia", role = "Observer",
        }),
        new AccessRule("DELETE", "/api/assessments/{id:guid}/participants/{participantId:guid}", new(
            Open: /*                                   */ "A  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*  409: closed                 */ "A  F  F  N  F  N  S",
            Published: /*                              */ "A  F  F  N  F  N  S"))
        {
            Fresh = async cell => Values("participantId", await cell.World.AddSpareParticipantAsync(cell)),
        },

        // Ratings
        Get("/api/assessments/{id:guid}/my-ratings", TeamReads),
        Json("PUT", "/api/assessments/{id:guid}/my-ratings/{mechanismCode}", new(
            Open: /*                                   */ "F  A  F  N  N  N  S",
            Consensus: /*  409: rating closed          */ "F  A  F  N  N  N  S",
            Submitted: /*                              */ "F  A  F  N  F  N  S",
            Published: /*                              */ "F  A  F  N  F  N  S"), _ => new { level = 3, comment = "Seen in the districts." }),

        // Consensus
        Get("/api/assessments/{id:guid}/spread", SpreadReads),
        Get("/api/assessments/{id:guid}/consensus", SpreadReads),
        Json("PUT", "/api/assessments/{id:guid}/consensus/{mechanismCode}", new(
            Open: /*   403 for the step too            */ "F  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*                              */ "F  F  F  N  F  N  S",
            Published: /*                              */ "F  F  F  N  F  N  S"), _ => new
        {
            state = "Rated", level = 3, rationale = "Agreed at the workshop.", confidence = "Medium", method = "Consensus", version = 0,
        }),

        Json("PUT", "/api/assessments/{id:guid}/consensus", new(
            Open: /*   403 for the step too            */ "F  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*                              */ "F  F  F  N  F  N  S",
            Published: /*                              */ "F  F  F  N  F  N  S"), cell => new[]
        {
            new
            {
                mechanismCode = cell.Round.MechanismCode, state = "Rated", level = 3, rationale = "Agreed at the workshop.",
                confidence = "Medium", method = "Consensus", version = 0,
            },
        }),

        // Evidence
        Get("/api/assessments/{id:guid}/evidence", TeamReads),
        new AccessRule("POST", "/api/assessments/{id:guid}/evidence", new(
            Open: /*                                   */ "A  A  F  N  N  N  S",
            Consensus: /*                              */ "A  A  F  N  N  N  S",
            Submitted: /*  409 to all: closed          */ "A  A  A  N  A  N  S",
            Published: /*  409 to all: read-only       */ "A  A  A  N  A  N  S"))
        {
            Body = (cell, _) => Task.FromResult<HttpContent?>(new MultipartFormDataContent
            {
                { new StringContent(cell.Round.MechanismCode), "mechanismCode" },
                { new StringContent("Report"), "type" },
                { new StringContent($"Report {cell.Unique}"), "title" },
                { new StringContent("https://example.org/report.pdf"), "url" },
            }),
        },
        Get("/api/assessments/{id:guid}/evidence/{evidenceId:guid}/file", TeamReads),
        new AccessRule("DELETE", "/api/assessments/{id:guid}/evidence/{evidenceId:guid}", new(
            Open: /*                                   */ "A  F  F  N  N  N  S",
            Consensus: /*                              */ "A  F  F  N  N  N  S",
            Submitted: /*  409 to all: closed          */ "A  A  A  N  A  N  S",
            Published: /*  409 to all: read-only       */ "A  A  A  N  A  N  S"))
        {
            Fresh = async cell => Values("evidenceId", await cell.World.AddLinkEvidenceAsync(cell)),
        },

        // Workflow and review
        Get("/api/assessments/{id:guid}/transitions", TeamReads),
        new AccessRule("POST", "/api/assessments/{id:guid}/transitions", new(
            Open: /*       → Consensus (team)          */ "A  F  F  N  N  N  S",
            Consensus: /*  → RatingOpen (team)         */ "A  F  F  N  N  N  S",
            Submitted: /*  → Validated (reviewer)      */ "F  F  F  N  A  N  S",
            Published: /*  → Consensus (correction)    */ "A  F  F  N  F  N  S"))
        {
            Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(cell.Kind switch
            {
                RoundKind.Open => new { to = "Consensus", comment = (string?)null },
                RoundKind.Consensus => new { to = "RatingOpen", comment = (string?)null },
                RoundKind.Submitted => new { to = "Validated", comment = (string?)null },
                _ => new { to = "Consensus", comment = (string?)"A typo in a rationale." },
            })),
        },
        Get("/api/assessments/{id:guid}/review-comments", TeamReads),
        Json("POST", "/api/assessments/{id:guid}/review-comments", new(
            Open: /*                                   */ "F  F  F  N  N  N  S",
            Consensus: /*                              */ "F  F  F  N  N  N  S",
            Submitted: /*                              */ "F  F  F  N  A  N  S",
            Published: /*                              */ "F  F  F  N  F  N  S"), cell => new
        {
            mechanismCode = cell.Round.MechanismCode, text = "Please cite the law's article.",
        }),

        // Results and audit
        Get("/api/assessments/{id:guid}/scores", TeamReads),
        Get("/api/assessments/{id:guid}/audit", AuditReads),
        Get("/api/assessments/{id:guid}/audit/export.csv", AuditReads),

        // Open data
        Get("/api/published", PublicListOnceReleased, query: "country={country}"),
        Get("/api/published/{id:guid}", PublicOnceReleased),

        // ---- Pages (signed in with the cookie) ----
        Get("/assessments", ListsShowTheRound),
        // No form on the list: a post is answered 400 whoever sends it.
        Form("/assessments", "none", Caller.FocalPoint, AccessGrid.All("A  A  A  A  A  A  S")),
        // Focal points get the form (for their own country only); others a page saying they cannot open rounds.
        Get("/assessments/new", AccessGrid.All("A  H  H  A  H  H  S")),
        Form("/assessments/new", "new-round", Caller.FocalPoint, AccessGrid.All("A  A  A  A  A  A  S")),
        Get("/assessments/{Id:guid}", TeamReads),
        Form("/assessments/{Id:guid}", "none", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/participants", TeamReads),
        Form("/assessments/{Id:guid}/participants", "add-participant", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/rate", TeamReads),
        Form("/assessments/{Id:guid}/rate", "none", Caller.Respondent, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/rate/{BehaviourCode}", TeamReads),
        Form("/assessments/{Id:guid}/rate/{BehaviourCode}", "rate-behaviour", Caller.Respondent, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/consensus", SpreadReads) with { Shows = "consensus-index" },
        Form("/assessments/{Id:guid}/consensus", "none", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/consensus/{MechanismCode}", SpreadReads) with { Shows = "spread-table" },
        Form("/assessments/{Id:guid}/consensus/{MechanismCode}", "consensus", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/consensus/behaviour/{BehaviourCode}", SpreadReads) with { Shows = "consensus-behaviour" },
        Form("/assessments/{Id:guid}/consensus/behaviour/{BehaviourCode}", "consensus-behaviour", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/delete", TeamReads),
        Form("/assessments/{Id:guid}/delete", "round-delete", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/evidence", TeamReads),
        Form("/assessments/{Id:guid}/evidence", "evidence-link", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{id:guid}/evidence/{evidenceId:guid}/file", TeamReads),
        Get("/assessments/{Id:guid}/review", TeamReads),
        Form("/assessments/{Id:guid}/review", "review-general", Caller.Reviewer, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/publish", TeamReads),
        Form("/assessments/{Id:guid}/publish", "publish", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/results", TeamReads),
        Form("/assessments/{Id:guid}/results", "none", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/audit", AuditReads),
        Get("/assessments/{id:guid}/audit/export.csv", AuditReads),
        Form("/assessments/{Id:guid}/audit", "none", Caller.FocalPoint, OutsidersPostingAForm),

        // Public pages (no sign-in)
        Get("/published", PublicListOnceReleased),
        Form("/published", "none", Caller.Anonymous, AccessGrid.All("-  -  -  A  -  -  A")),
        Get("/published/{Id:guid}", PublicOnceReleased),
        Form("/published/{Id:guid}", "none", Caller.Anonymous, AccessGrid.All("-  -  -  A  -  -  A")),
        Get("/published/{Id:guid}/revisions/{Revision:int}", PublicOnceReleased),
        Form("/published/{Id:guid}/revisions/{Revision:int}", "none", Caller.Anonymous, AccessGrid.All("-  -  -  A  -  -  A")),
        Get("/published/{id:guid}/evidence/{evidenceId:guid}/file", PublicOnceReleased),
        Get("/account/invitation", AccessGrid.All("A  A  A  A  A  A  A"), query: "token=not-a-real-token"),
        Form("/account/invitation", "invitation", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  A")),

        // One evidence item, several mechanisms (issue 9 §1.6): the same rule as adding evidence.
        new AccessRule("PUT", "/api/assessments/{id:guid}/evidence/{evidenceId:guid}/mechanisms", new(
            Open: /*                                   */ "A  A  F  N  N  N  S",
            Consensus: /*                              */ "A  A  F  N  N  N  S",
            Submitted: /*  409 to all: closed          */ "A  A  A  N  A  N  S",
            Published: /*  409 to all: read-only       */ "A  A  A  N  A  N  S"))
        {
            Fresh = async cell => Values("evidenceId", await cell.World.AddLinkEvidenceAsync(cell)),
            Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(new { mechanismCodes = new[] { cell.Round.MechanismCode } })),
        },
        Get("/assessments/{Id:guid}/evidence/{EvidenceId:guid}/mechanisms", TeamReads),
        Form("/assessments/{Id:guid}/evidence/{EvidenceId:guid}/mechanisms", "evidence-mechanisms", Caller.FocalPoint, OutsidersPostingAForm),

        // Decision support (issue 4)
        .. PlanningAccessRules.All,
    ];

    private static AccessRule Get(string pattern, AccessGrid grid, string? query = null) => new("GET", pattern, grid) { Query = query };

    private static AccessRule Json(string method, string pattern, AccessGrid grid, Func<Cell, object> body) =>
        new(method, pattern, grid) { Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(body(cell))) };

    /// <summary>A page's form, as <paramref name="insider"/> is shown it, posted by the cell's caller with their own antiforgery token.</summary>
    private static AccessRule Form(string pattern, string formName, Caller insider, AccessGrid grid) =>
        new("POST", pattern, grid) { Body = async (cell, url) => await cell.World.FormAsync(cell, url, formName, insider) };

    private static Dictionary<string, string> Values(string name, Guid value) =>
        new(StringComparer.OrdinalIgnoreCase) { [name] = value.ToString() };
}

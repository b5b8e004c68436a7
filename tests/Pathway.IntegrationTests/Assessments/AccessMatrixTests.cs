using System.Net.Http.Json;
using Pathway.IntegrationTests.Infrastructure;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

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
/// Issue 3, access (widened in issue 9): every assessment endpoint and page, against every kind of caller,
/// for a round in every state of the workflow. The rules in <see cref="AccessRules"/> are the whole matrix;
/// an endpoint the app serves without a rule (or a stated exemption) fails <see cref="Every_endpoint_and_page_the_app_maps_has_a_rule_or_a_stated_exemption"/>.
/// The pages and decision support run in their own classes, each with its own world, so the three run side by side.
/// </summary>
public class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public void Every_endpoint_and_page_the_app_maps_has_a_rule_or_a_stated_exemption()
    {
        var endpoints = AccessEndpoints.Enumerate(fixture.Factory.Services);
        var ruled = AccessRules.All.Select(rule => rule.Key).ToHashSet(StringComparer.Ordinal);
        var served = endpoints.Select(endpoint => endpoint.Key).ToHashSet(StringComparer.Ordinal);

        var withoutRule = endpoints.Where(endpoint => !ruled.Contains(endpoint.Key) && AccessEndpoints.ExemptionFor(endpoint.Method, endpoint.Pattern) is null)
            .Select(endpoint => $"  {endpoint.Key}{(endpoint.IsComponent ? "  (page)" : "")}").ToList();
        var stale = AccessRules.All.Where(rule => !served.Contains(rule.Key)).Select(rule => $"  {rule.Key}").ToList();
        var duplicates = AccessRules.All.GroupBy(rule => rule.Key).Where(group => group.Count() > 1).Select(group => $"  {group.Key}").ToList();
        // An exemption is for endpoints without round or country data: one that also has a rule, or covers nothing, is a mistake.
        var ruledAndExempt = AccessRules.All.Where(rule => AccessEndpoints.ExemptionFor(rule.Method, rule.Pattern) is not null).Select(rule => $"  {rule.Key}").ToList();
        var unusedExemptions = AccessEndpoints.Exempt.Where(exemption => !endpoints.Any(endpoint => exemption.Covers(endpoint.Method, endpoint.Pattern)))
            .Select(exemption => $"  {exemption.Pattern}").ToList();

        Assert.True(withoutRule.Count + stale.Count + duplicates.Count + ruledAndExempt.Count + unusedExemptions.Count == 0,
            string.Join(Environment.NewLine, new[]
            {
                withoutRule.Count > 0 ? $"Endpoints without an access rule (add them to AccessRules, PlanningAccessRules or ReportsAccessRules):{Environment.NewLine}{string.Join(Environment.NewLine, withoutRule)}" : null,
                stale.Count > 0 ? $"Rules for endpoints the app does not serve (stale):{Environment.NewLine}{string.Join(Environment.NewLine, stale)}" : null,
                duplicates.Count > 0 ? $"Rules given twice:{Environment.NewLine}{string.Join(Environment.NewLine, duplicates)}" : null,
                ruledAndExempt.Count > 0 ? $"Rules for exempted endpoints (drop the exemption):{Environment.NewLine}{string.Join(Environment.NewLine, ruledAndExempt)}" : null,
                unusedExemptions.Count > 0 ? $"Exemptions that cover no endpoint (stale):{Environment.NewLine}{string.Join(Environment.NewLine, unusedExemptions)}" : null,
                $"Served: {served.Count} endpoints, rules: {AccessRules.All.Count}.",
            }.OfType<string>()));
    }

    [Fact]
    public Task Api_answers_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, AccessRules.Assessments.Where(rule => rule.IsApi));
}

/// <summary>The assessment pages and their forms, as the matrix says.</summary>
public class AccessMatrixPageTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Pages_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, AccessRules.Assessments.Where(rule => !rule.IsApi));
}

/// <summary>Decision support (issue 4), API and pages, as the matrix says.</summary>
public class PlanningAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Planning_answers_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, PlanningAccessRules.All);
}

/// <summary>Dashboards and open data (issue 10), API and pages, as the matrix says.</summary>
public class ReportsAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Dashboards_and_open_data_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, ReportsAccessRules.All);
}

/// <summary>The partnership register and the organisations directory (issue 11 §4), API and pages, as the matrix says.</summary>
public class PartnershipsAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Partnerships_and_organisations_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, Connector.PartnershipsAccessRules.All);
}

/// <summary>
/// The access matrix: a rule per endpoint, with a grid per rule (a row per round kind, a letter per caller;
/// the callers and the shared grids are in <see cref="AccessGrids"/>).
/// Letters: A allowed (2xx/3xx, or a 400/409 answer on the merits), H 2xx without the round in it,
/// N not found, F forbidden (403; for a page with a <see cref="AccessRule.Shows"/> marker also a 2xx
/// without it), S sign in (401, or a redirect to the login page), U the same answer as for a round that
/// does not exist, - not checked. Every refused write is also checked to have written no audit entry.
/// Other countries and other regions get N for everything about a round, never F and never data.
/// </summary>
public static class AccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    /// <summary>The agreed level (<c>CanRecordConsensus</c>): facilitators, at the consensus step and after a return; 403 in every other state.</summary>
    private static readonly AccessGrid ConsensusWrites = new(
        Draft: /*      403 for the step too            */ "F  F  F  F  F  F  N  N  N  N  N  S",
        Open: /*                                       */ "F  F  F  F  F  F  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Submitted: /*                                  */ "F  F  F  F  F  F  F  F  N  N  N  S",
        Returned: /*                                   */ "A  A  F  F  F  A  F  F  N  N  N  S",
        Validated: /*                                  */ "F  F  F  F  F  F  F  F  N  N  N  S",
        Published: /*                                  */ "F  F  F  F  F  F  F  F  N  N  N  S");

    // ---- Rules ------------------------------------------------------------------------------------------

    /// <summary>Every rule: the assessments', decision support's, and the reports', dashboards' and open data's.</summary>
    public static IReadOnlyList<AccessRule> All =>
    [
        .. Assessments, .. PlanningAccessRules.All, .. ReportsAccessRules.All, .. Connector.PeersAccessRules.All,
        .. Connector.CaseStudiesAccessRules.All, .. Connector.ResourcesAccessRules.All, .. Connector.PartnershipsAccessRules.All, .. Connector.SearchAccessRules.All,
        .. Events.EventsAccessRules.All,
    ];

    public static IReadOnlyList<AccessRule> Assessments { get; } =
    [
        // Rounds
        Get("/api/assessments", ListsShowTheRound, query: "country={country}"),
        // For the round's country: its focal point or an administrator.
        Json("POST", "/api/assessments", AccessGrid.All("A  F  F  F  F  A  F  F  F  F  F  S"), cell => new
        {
            countryIso3 = cell.Round.Round.Country, title = $"New round {cell.Unique}", scope = "National", purpose = "TakeStock",
        }),
        Get("/api/assessments/{id:guid}", TeamReads),
        // The focal point's and the administrator's deleting the draft is not run here: it would take the shared draft away.
        new AccessRule("DELETE", "/api/assessments/{id:guid}", new(
            Draft: /*                                  */ "-  F  F  F  F  -  N  N  N  N  N  S",
            Open: /*       409 for FP, Ad: not a draft */ "A  F  F  F  F  A  N  N  N  N  N  S",
            Consensus: /*                              */ "A  F  F  F  F  A  N  N  N  N  N  S",
            Submitted: /*                              */ "A  F  F  F  F  A  F  F  N  N  N  S",
            Returned: /*                               */ "A  F  F  F  F  A  F  F  N  N  N  S",
            Validated: /*                              */ "A  F  F  F  F  A  F  F  N  N  N  S",
            Published: /*                              */ "A  F  F  F  F  A  F  F  N  N  N  S")),
        // Archiving by the focal point or an administrator is not run here: it would take the shared rounds out of the lists.
        new AccessRule("POST", "/api/assessments/{id:guid}/archive", new(
            Draft: /*                                  */ "-  F  F  F  F  -  N  N  N  N  N  S",
            Open: /*                                   */ "-  F  F  F  F  -  N  N  N  N  N  S",
            Consensus: /*                              */ "-  F  F  F  F  -  N  N  N  N  N  S",
            Submitted: /*                              */ "-  F  F  F  F  -  F  F  N  N  N  S",
            Returned: /*                               */ "-  F  F  F  F  -  F  F  N  N  N  S",
            Validated: /*                              */ "-  F  F  F  F  -  F  F  N  N  N  S",
            Published: /*                              */ "-  F  F  F  F  -  F  F  N  N  N  S")),
        // Not archived: nothing to do for the focal point or an administrator.
        new AccessRule("DELETE", "/api/assessments/{id:guid}/archive", ManagerWrites),

        // Participants
        Get("/api/assessments/{id:guid}/participants", TeamReads),
        // From submission on, 409 for the focal point and administrators: closed to new people.
        Json("POST", "/api/assessments/{id:guid}/participants", ManagerWrites, cell => new
        {
            email = $"invitee-{cell.Unique}@example.org", displayName = "Invited person", group = "Academia", role = "Observer",
        }),
        new AccessRule("DELETE", "/api/assessments/{id:guid}/participants/{participantId:guid}", ManagerWrites)
        {
            Fresh = async cell => Values("participantId", await cell.World.AddSpareParticipantAsync(cell)),
        },

        // Ratings
        Get("/api/assessments/{id:guid}/my-ratings", TeamReads),
        Json("PUT", "/api/assessments/{id:guid}/my-ratings/{mechanismCode}", new(
            Draft: /*      409 for Re: rating closed   */ "F  F  A  F  F  F  N  N  N  N  N  S",
            Open: /*                                   */ "F  F  A  F  F  F  N  N  N  N  N  S",
            Consensus: /*                              */ "F  F  A  F  F  F  N  N  N  N  N  S",
            Submitted: /*                              */ "F  F  A  F  F  F  F  F  N  N  N  S",
            Returned: /*                               */ "F  F  A  F  F  F  F  F  N  N  N  S",
            Validated: /*                              */ "F  F  A  F  F  F  F  F  N  N  N  S",
            Published: /*                              */ "F  F  A  F  F  F  F  F  N  N  N  S"), _ => new { level = 3, comment = "Seen in the districts." }),

        // Consensus
        Get("/api/assessments/{id:guid}/spread", SpreadReads),
        Get("/api/assessments/{id:guid}/consensus", SpreadReads),
        Json("PUT", "/api/assessments/{id:guid}/consensus/{mechanismCode}", ConsensusWrites, _ => new
        {
            state = "Rated", level = 3, rationale = "Agreed at the workshop.", confidence = "Medium", method = "Consensus", version = 0,
        }),

        Json("PUT", "/api/assessments/{id:guid}/consensus", ConsensusWrites, cell => new[]
        {
            new
            {
                mechanismCode = cell.Round.MechanismCode, state = "Rated", level = 3, rationale = "Agreed at the workshop.",
                confidence = "Medium", method = "Consensus", version = 0,
            },
        }),

        // Evidence
        Get("/api/assessments/{id:guid}/evidence", TeamReads),
        new AccessRule("POST", "/api/assessments/{id:guid}/evidence", AddsEvidence)
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
        // The item was added by the focal point: removed by a facilitator while the round takes evidence; in other states 409 to all who see it.
        new AccessRule("DELETE", "/api/assessments/{id:guid}/evidence/{evidenceId:guid}", new(
            Draft: /*      409 to all: not yet         */ "A  A  A  A  A  A  N  N  N  N  N  S",
            Open: /*                                   */ "A  A  F  F  F  A  N  N  N  N  N  S",
            Consensus: /*                              */ "A  A  F  F  F  A  N  N  N  N  N  S",
            Submitted: /*  409 to all: closed          */ "A  A  A  A  A  A  A  A  N  N  N  S",
            Returned: /*                               */ "A  A  F  F  F  A  F  F  N  N  N  S",
            Validated: /*  409 to all: closed          */ "A  A  A  A  A  A  A  A  N  N  N  S",
            Published: /*  409 to all: read-only       */ "A  A  A  A  A  A  A  A  N  N  N  S"))
        {
            Fresh = async cell => Values("evidenceId", await cell.World.AddLinkEvidenceAsync(cell)),
        },

        // Workflow and review
        Get("/api/assessments/{id:guid}/transitions", TeamReads),
        // Each round's move is made by whom RoundWorkflow gives it to: the team (the focal point, the round's
        // facilitators, administrators), the reviewer, or the focal point alone.
        new AccessRule("POST", "/api/assessments/{id:guid}/transitions", new(
            Draft: /*      → RatingOpen (team)         */ "A  A  F  F  F  A  N  N  N  N  N  S",
            Open: /*       → Consensus (team)          */ "A  A  F  F  F  A  N  N  N  N  N  S",
            Consensus: /*  → RatingOpen (team)         */ "A  A  F  F  F  A  N  N  N  N  N  S",
            Submitted: /*  → Validated (reviewer)      */ "F  F  F  F  F  F  F  A  N  N  N  S",
            Returned: /*   → Submitted (team)          */ "A  A  F  F  F  A  F  F  N  N  N  S",
            Validated: /*  → Published (FP; 400: no choices) */ "A  F  F  F  F  F  F  F  N  N  N  S",
            Published: /*  → Consensus (correction, FP) */ "A  F  F  F  F  F  F  F  N  N  N  S"))
        {
            // The publication is sent without its choices, so the focal point's answer is a 400 and nothing is published.
            Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(cell.Kind switch
            {
                RoundKind.Draft => new { to = "RatingOpen", comment = (string?)null },
                RoundKind.Open => new { to = "Consensus", comment = (string?)null },
                RoundKind.Consensus => new { to = "RatingOpen", comment = (string?)null },
                RoundKind.Submitted => new { to = "Validated", comment = (string?)null },
                RoundKind.Returned => new { to = "Submitted", comment = (string?)null },
                RoundKind.Validated => new { to = "Published", comment = (string?)null },
                _ => new { to = "Consensus", comment = (string?)"A typo in a rationale." },
            })),
        },
        Get("/api/assessments/{id:guid}/review-comments", TeamReads),
        // Reviewers only, while the round is submitted (CanReview).
        Json("POST", "/api/assessments/{id:guid}/review-comments", new(
            Draft: /*                                  */ "F  F  F  F  F  F  N  N  N  N  N  S",
            Open: /*                                   */ "F  F  F  F  F  F  N  N  N  N  N  S",
            Consensus: /*                              */ "F  F  F  F  F  F  N  N  N  N  N  S",
            Submitted: /*                              */ "F  F  F  F  F  F  F  A  N  N  N  S",
            Returned: /*                               */ "F  F  F  F  F  F  F  F  N  N  N  S",
            Validated: /*                              */ "F  F  F  F  F  F  F  F  N  N  N  S",
            Published: /*                              */ "F  F  F  F  F  F  F  F  N  N  N  S"), cell => new
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
        Form("/assessments", "none", Caller.FocalPoint, AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  S")),
        // Focal points (for their own country only) and administrators get the form; others a page saying they cannot open rounds.
        Get("/assessments/new", AccessGrid.All("A  H  H  H  H  A  H  H  H  A  A  S")),
        Form("/assessments/new", "new-round", Caller.FocalPoint, AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  S")),
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
        Form("/published", "none", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A")),
        Get("/published/{Id:guid}", PublicOnceReleased),
        Form("/published/{Id:guid}", "none", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A")),
        Get("/published/{Id:guid}/revisions/{Revision:int}", PublicOnceReleased),
        Form("/published/{Id:guid}/revisions/{Revision:int}", "none", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A")),
        Get("/published/{id:guid}/evidence/{evidenceId:guid}/file", PublicOnceReleased),
        Get("/account/invitation", AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  A"), query: "token=not-a-real-token"),
        Form("/account/invitation", "invitation", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  -  -  -  -  -  A")),

        // One evidence item, several mechanisms (issue 9 §1.6): the same rule as adding evidence.
        new AccessRule("PUT", "/api/assessments/{id:guid}/evidence/{evidenceId:guid}/mechanisms", AddsEvidence)
        {
            Fresh = async cell => Values("evidenceId", await cell.World.AddLinkEvidenceAsync(cell)),
            Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(new { mechanismCodes = new[] { cell.Round.MechanismCode } })),
        },
        Get("/assessments/{Id:guid}/evidence/{EvidenceId:guid}/mechanisms", TeamReads),
        Form("/assessments/{Id:guid}/evidence/{EvidenceId:guid}/mechanisms", "evidence-mechanisms", Caller.FocalPoint, OutsidersPostingAForm),

        // The assessment report (issue 10 §1): the internal one for whoever reads the round's results, the public one
        // only from a release that made something public.
        Get("/assessments/{Id:guid}/report", TeamReads),
        Form("/assessments/{Id:guid}/report", "none", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{id:guid}/report.docx", TeamReads),
        Get("/api/assessments/{id:guid}/report.docx", TeamReads),
        Get("/published/{Id:guid}/report", PublicOnceReleased),
        Form("/published/{Id:guid}/report", "none", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A")),
        Get("/published/{id:guid}/report.docx", PublicOnceReleased),
        Get("/api/published/{id:guid}/report.docx", PublicOnceReleased),
    ];
}

using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// Issue 4's part of the access matrix: decision support (context, targets, priorities, plan, items,
/// endorsement, exports, comparison), same grids and callers as <see cref="AccessRules"/>. Planning
/// opens once a round is validated — of the matrix's rounds, only the published one — so the team's
/// writes on the others are 400s on the merits ("A"), while everyone else is refused before that.
/// </summary>
public static class PlanningAccessRules
{
    //                                                   FP Re Co OC Rv OR An

    /// <summary>Anyone who sees the round reads its decision support.</summary>
    private static readonly AccessGrid Reads = new(
        Open: /*                                       */ "A  A  A  N  N  N  S",
        Consensus: /*                                  */ "A  A  A  N  N  N  S",
        Submitted: /*                                  */ "A  A  A  N  A  N  S",
        Published: /*                                  */ "A  A  A  N  A  N  S");

    /// <summary>The team (focal point, facilitators) writes; 400 for them before validation; 403 for others who see the round.</summary>
    private static readonly AccessGrid TeamWrites = new(
        Open: /*       400: not validated yet          */ "A  F  F  N  N  N  S",
        Consensus: /*                                  */ "A  F  F  N  N  N  S",
        Submitted: /*                                  */ "A  F  F  N  F  N  S",
        Published: /*                                  */ "A  F  F  N  F  N  S");

    /// <summary>A page's form posted by people outside the round: as for a round that does not exist.</summary>
    private static readonly AccessGrid OutsidersPostingAForm = new(
        Open: /*                                       */ "-  -  -  U  U  U  S",
        Consensus: /*                                  */ "-  -  -  U  U  U  S",
        Submitted: /*                                  */ "-  -  -  U  -  U  S",
        Published: /*                                  */ "-  -  -  U  -  U  S");

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        Get("/api/assessments/{id:guid}/context", Reads),
        Json("PUT", "/api/assessments/{id:guid}/context", TeamWrites, _ => new { isFragile = false, governance = "Unitary" }),
        Get("/api/assessments/{id:guid}/targets", Reads),
        Json("PUT", "/api/assessments/{id:guid}/targets", TeamWrites, cell => new[]
        {
            new { mechanism = cell.Round.MechanismCode, targetLevel = 3, horizonMonths = 12 },
        }),
        Json("POST", "/api/assessments/{id:guid}/targets/defaults", TeamWrites, _ => new { horizon = "OneYear" }),
        Get("/api/assessments/{id:guid}/priorities", Reads),
        Json("PUT", "/api/assessments/{id:guid}/priorities", TeamWrites, _ => new { weights = new { gap = 2, impact = 1, feasibility = 1 } }),
        Get("/api/assessments/{id:guid}/mechanisms/{mechanismCode}/recommendations", Reads),
        Get("/api/assessments/{id:guid}/plan", Reads),
        Json("POST", "/api/assessments/{id:guid}/plan", TeamWrites, _ => new { }),
        Json("POST", "/api/assessments/{id:guid}/plan/items", TeamWrites, cell => new
        {
            mechanismCode = cell.Round.MechanismCode, what = $"Convene the associations {cell.Unique}", responsibleOrganisation = "Ministry of Health",
        }),
        // An id the plan does not have: the team gets the 400 naming it, everyone else the refusal before any check.
        Json("PATCH", "/api/assessments/{id:guid}/plan/items", TeamWrites, _ => new
        {
            items = new[] { new { id = Guid.NewGuid(), version = 1, responsibleOrganisation = "Ministry of Health" } },
        }),
        Get("/api/assessments/{id:guid}/plan/items/{itemId:guid}", Reads) with { Fresh = NewItem },
        Json("PUT", "/api/assessments/{id:guid}/plan/items/{itemId:guid}", TeamWrites, cell => new
        {
            mechanismCode = cell.Round.MechanismCode, what = "Convene the associations, then draft the terms", responsibleOrganisation = "Ministry of Health", version = 0,
        }) with { Fresh = NewItem },
        new AccessRule("DELETE", "/api/assessments/{id:guid}/plan/items/{itemId:guid}", TeamWrites) { Fresh = NewItem },
        Json("POST", "/api/assessments/{id:guid}/plan/items/{itemId:guid}/notes", TeamWrites, _ => new
        {
            on = DateOnly.FromDateTime(DateTime.UtcNow.Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            status = "OnTrack", text = "First meeting held.",
        }) with { Fresh = NewItem },
        // The focal point endorses; facilitators and everyone else who sees the round may not.
        Json("POST", "/api/assessments/{id:guid}/plan/endorsement", TeamWrites, _ => new { note = "Endorsed at the steering committee." }),
        Get("/api/assessments/{id:guid}/plan/export/{format}", Reads) with { Fresh = Format },
        Get("/api/assessments/{id:guid}/comparable-rounds", Reads),
        // Compared with itself: a 400 on the merits for whoever sees the round.
        Get("/api/assessments/{id:guid}/compare/{otherId:guid}", Reads) with { Fresh = Itself },

        // ---- Pages (signed in with the cookie) ----
        Get("/assessments/{Id:guid}/context", Reads),
        Form("/assessments/{Id:guid}/context", "context", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/targets", Reads),
        Form("/assessments/{Id:guid}/targets", "targets", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/priorities", Reads),
        Form("/assessments/{Id:guid}/priorities", "priorities", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/plan", Reads),
        Form("/assessments/{Id:guid}/plan", "plan-endorse", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/plan/items/new", Reads),
        Form("/assessments/{Id:guid}/plan/items/new", "plan-item", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/plan/items/{ItemId:guid}", Reads) with { Fresh = NewItem },
        Form("/assessments/{Id:guid}/plan/items/{ItemId:guid}", "plan-item", Caller.FocalPoint, OutsidersPostingAForm) with { Fresh = NewItem },
        Get("/assessments/{Id:guid}/plan/recommendations/{Code}", Reads),
        Form("/assessments/{Id:guid}/plan/recommendations/{Code}", "plan-add", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{id:guid}/plan/export/{format}", Reads) with { Fresh = Format },
        Get("/assessments/{Id:guid}/compare", Reads),
        Form("/assessments/{Id:guid}/compare", "none", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/compare/{OtherId:guid}", Reads) with { Fresh = Itself },
        Form("/assessments/{Id:guid}/compare/{OtherId:guid}", "none", Caller.FocalPoint, OutsidersPostingAForm) with { Fresh = Itself },
    ];

    /// <summary>A fresh item on the round's plan, so a cell that changes or removes it disturbs no other.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> NewItem(Cell cell)
    {
        await using var scope = cell.World.Factory.OpenSystemDb();
        var db = scope.Db;
        var round = cell.Round;
        var plan = await db.ActionPlans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.AssessmentId == round.Id, TestContext.Current.CancellationToken);
        if (plan is null)
        {
            plan = new ActionPlan { AssessmentId = round.Id, CountryIso3 = round.Round.Country, CreatedAt = DateTimeOffset.UtcNow };
            db.ActionPlans.Add(plan);
        }
        var item = new ActionItem
        {
            AssessmentId = round.Id,
            ActionPlanId = plan.Id,
            CountryIso3 = round.Round.Country,
            MechanismCode = round.MechanismCode,
            What = $"Action {cell.Unique}",
            ResponsibleOrganisation = "Ministry of Health",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["itemId"] = item.Id.ToString() };
    }

    private static Task<IReadOnlyDictionary<string, string>> Format(Cell cell) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["format"] = "xlsx" });

    private static Task<IReadOnlyDictionary<string, string>> Itself(Cell cell) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["otherId"] = cell.Round.Id.ToString() });

    private static AccessRule Get(string pattern, AccessGrid grid) => new("GET", pattern, grid);

    private static AccessRule Json(string method, string pattern, AccessGrid grid, Func<Cell, object> body) =>
        new(method, pattern, grid) { Body = (cell, _) => Task.FromResult<HttpContent?>(JsonContent.Create(body(cell))) };

    private static AccessRule Form(string pattern, string formName, Caller insider, AccessGrid grid) =>
        new("POST", pattern, grid) { Body = async (cell, url) => await cell.World.FormAsync(cell, url, formName, insider) };
}

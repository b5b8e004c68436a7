using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Planning;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// Issue 4's part of the access matrix: decision support (context, targets, priorities, plan, items,
/// endorsement, exports, comparison), with the rounds, callers, shared grids and builders of
/// <see cref="AccessGrids"/>. Anyone who sees the round reads its decision support; planning opens once
/// a round is validated (<c>PlanPermissions.OpensAt</c>: Validated and Published), so the team's writes on
/// the earlier rounds are 400s on the merits ("A"), while everyone else is refused before that.
/// </summary>
public static class PlanningAccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    /// <summary>
    /// The team (<c>PlanPermissions.IsTeam</c>: the focal point, the round's facilitators, administrators) writes:
    /// 400 for them before validation, a real write after; 403 for the others who see the round.
    /// </summary>
    private static readonly AccessGrid TeamWrites = new(
        Draft: /*      400: not validated yet          */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Open: /*                                       */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Consensus: /*                                  */ "A  A  F  F  F  A  N  N  N  N  N  S",
        Submitted: /*                                  */ "A  A  F  F  F  A  F  F  N  N  N  S",
        Returned: /*                                   */ "A  A  F  F  F  A  F  F  N  N  N  S",
        Validated: /*  planning is open                */ "A  A  F  F  F  A  F  F  N  N  N  S",
        Published: /*                                  */ "A  A  F  F  F  A  F  F  N  N  N  S");

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        Get("/api/assessments/{id:guid}/context", TeamReads),
        Json("PUT", "/api/assessments/{id:guid}/context", TeamWrites, _ => new { isFragile = false, governance = "Unitary" }),
        Get("/api/assessments/{id:guid}/targets", TeamReads),
        Json("PUT", "/api/assessments/{id:guid}/targets", TeamWrites, cell => new[]
        {
            new { mechanism = cell.Round.MechanismCode, targetLevel = 3, horizonMonths = 12 },
        }),
        Json("POST", "/api/assessments/{id:guid}/targets/defaults", TeamWrites, _ => new { horizon = "OneYear" }),
        Get("/api/assessments/{id:guid}/priorities", TeamReads),
        Json("PUT", "/api/assessments/{id:guid}/priorities", TeamWrites, _ => new { weights = new { gap = 2, impact = 1, feasibility = 1 } }),
        Get("/api/assessments/{id:guid}/mechanisms/{mechanismCode}/recommendations", TeamReads),
        Get("/api/assessments/{id:guid}/plan", TeamReads),
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
        Get("/api/assessments/{id:guid}/plan/items/{itemId:guid}", TeamReads) with { Fresh = NewItem },
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
        // The focal point or an administrator endorses (PlanPermissions.IsEndorser); the round's facilitators and everyone else who sees it may not.
        Json("POST", "/api/assessments/{id:guid}/plan/endorsement", ManagerWrites, _ => new { note = "Endorsed at the steering committee." }),
        Get("/api/assessments/{id:guid}/plan/export/{format}", TeamReads) with { Fresh = Format },
        Get("/api/assessments/{id:guid}/comparable-rounds", TeamReads),
        // Compared with itself: a 400 on the merits for whoever sees the round.
        Get("/api/assessments/{id:guid}/compare/{otherId:guid}", TeamReads) with { Fresh = Itself },

        // ---- Pages (signed in with the cookie) ----
        Get("/assessments/{Id:guid}/context", TeamReads),
        Form("/assessments/{Id:guid}/context", "context", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/targets", TeamReads),
        Form("/assessments/{Id:guid}/targets", "targets", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/priorities", TeamReads),
        Form("/assessments/{Id:guid}/priorities", "priorities", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/plan", TeamReads),
        Form("/assessments/{Id:guid}/plan", "plan-endorse", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/plan/items/new", TeamReads),
        Form("/assessments/{Id:guid}/plan/items/new", "plan-item", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/plan/items/{ItemId:guid}", TeamReads) with { Fresh = NewItem },
        Form("/assessments/{Id:guid}/plan/items/{ItemId:guid}", "plan-item", Caller.FocalPoint, OutsidersPostingAForm) with { Fresh = NewItem },
        Get("/assessments/{Id:guid}/plan/recommendations/{Code}", TeamReads),
        Form("/assessments/{Id:guid}/plan/recommendations/{Code}", "plan-add", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{id:guid}/plan/export/{format}", TeamReads) with { Fresh = Format },
        Get("/assessments/{Id:guid}/compare", TeamReads),
        Form("/assessments/{Id:guid}/compare", "none", Caller.FocalPoint, OutsidersPostingAForm),
        Get("/assessments/{Id:guid}/compare/{OtherId:guid}", TeamReads) with { Fresh = Itself },
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
}

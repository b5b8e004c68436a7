using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Framework;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>Rounds on a chosen framework version, framework imports and completed actions, for the comparison tests.</summary>
internal static class ComparisonRounds
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ImportOutcome> ImportFrameworkAsync(this PathwayAppFactory factory, string json)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().ImportAsync(json, Ct);
    }

    /// <summary>
    /// A round pinned to <paramref name="version"/>. <see cref="TestRounds.CreateRoundAsync"/> pins the
    /// newest version, which depends on what other tests of the class imported first, so the new draft
    /// round is pinned here before it moves on (and gets its agreed levels for that version's mechanisms).
    /// </summary>
    public static async Task<TestRound> CreateRoundOnAsync(this PathwayAppFactory factory, string version, string country, AssessmentStatus status)
    {
        var made = await factory.CreateRoundAsync(country, AssessmentStatus.Draft);
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var versionId = await db.FrameworkVersions.Where(v => v.Version == version).Select(v => v.Id).SingleAsync(Ct);
        var mechanisms = await db.Behaviours.AsNoTracking().Where(b => b.FrameworkVersionId == versionId)
            .SelectMany(b => b.Mechanisms, (b, m) => new { m.Code, Behaviour = b.DisplayOrder, m.DisplayOrder }).ToListAsync(Ct);
        var assessment = await db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == made.Id, Ct);
        db.Entry(assessment).Property(a => a.FrameworkVersionId).CurrentValue = versionId;
        await db.SaveChangesAsync(Ct);

        var pinned = made with
        {
            MechanismCodes = [.. mechanisms.OrderBy(m => m.Behaviour).ThenBy(m => m.DisplayOrder).Select(m => m.Code)],
        };
        await factory.MoveRoundAsync(pinned, status);
        return pinned;
    }

    /// <summary>An item in the round's plan (the plan is made when the round has none).</summary>
    public static async Task<Guid> AddActionAsync(
        this PathwayAppFactory factory, TestRound round, string mechanismCode, string what, ActionStatus status = ActionStatus.Done, DateOnly? completedOn = null)
    {
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var plan = await db.ActionPlans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.AssessmentId == round.Id, Ct);
        if (plan is null)
        {
            plan = new ActionPlan { AssessmentId = round.Id, CountryIso3 = round.Country, CreatedAt = DateTimeOffset.UtcNow };
            db.ActionPlans.Add(plan);
        }
        var item = new ActionItem
        {
            AssessmentId = round.Id,
            ActionPlanId = plan.Id,
            CountryIso3 = round.Country,
            MechanismCode = mechanismCode,
            What = what,
            ResponsibleOrganisation = "Ministry of Health",
            Status = status,
            CompletedOn = status == ActionStatus.Done ? completedOn ?? new DateOnly(2026, 6, 30) : null,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    }

    /// <summary>Moves a round to another scope, as its focal point could before rating starts.</summary>
    public static async Task SetScopeAsync(this PathwayAppFactory factory, TestRound round, AssessmentScope scope, string? detail)
    {
        await using var system = factory.OpenSystemDb();
        var assessment = await system.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == round.Id, Ct);
        assessment.Scope = scope;
        assessment.ScopeDetail = detail;
        await system.Db.SaveChangesAsync(Ct);
    }
}

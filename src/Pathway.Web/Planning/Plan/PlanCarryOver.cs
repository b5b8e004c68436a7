using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>
/// A round's plan row and what it carries over: the open items of the country's previous round of the
/// same scope that has a plan, where their mechanism is still in the round's framework.
/// </summary>
public sealed class PlanCarryOver(PathwayDb db, CurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// The round's plan row, created (with the open items of the country's previous round of the same
    /// scope carried over) when it does not exist yet. Tracked; the caller saves.
    /// </summary>
    public async Task<ActionPlan> EnsureAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var plan = db.ActionPlans.Local.SingleOrDefault(p => p.AssessmentId == roundId)
            ?? await db.ActionPlans.SingleOrDefaultAsync(p => p.AssessmentId == roundId, cancellationToken);
        if (plan is not null)
        {
            return plan;
        }
        var now = clock.GetUtcNow();
        plan = new ActionPlan { AssessmentId = roundId, CountryIso3 = round.Round.CountryIso3, CreatedAt = now };
        db.ActionPlans.Add(plan);

        var earlier = await EarlierPlanAsync(round, cancellationToken);
        if (earlier is null)
        {
            return plan;
        }
        plan.CarriedFromAssessmentId = earlier.RoundId;
        var selection = PlanRules.SelectCarryOver(await ItemsOfAsync(earlier.PlanId, cancellationToken), MechanismCodes(round));
        var tick = 0;
        foreach (var from in selection.Carried)
        {
            db.ActionItems.Add(new ActionItem
            {
                AssessmentId = roundId,
                ActionPlanId = plan.Id,
                CountryIso3 = round.Round.CountryIso3,
                MechanismCode = from.MechanismCode,
                RecommendationCode = from.RecommendationCode,
                CatalogueVersion = from.CatalogueVersion,
                WhatFromCatalogue = from.WhatFromCatalogue,
                What = from.What,
                Type = from.Type,
                ResponsibleOrganisation = from.ResponsibleOrganisation,
                ResponsiblePerson = from.ResponsiblePerson,
                Start = from.Start,
                Due = from.Due,
                Resources = from.Resources,
                Budget = from.Budget,
                Currency = from.Currency,
                FromLevel = from.FromLevel,
                ToLevel = from.ToLevel,
                Status = from.Status,
                CarriedFromItemId = from.Id,
                // One tick apart, so the carried items keep the earlier plan's order among themselves.
                CreatedAt = now.AddTicks(tick++),
                Version = 1,
            });
        }
        return plan;
    }

    /// <summary>
    /// What carrying over means for this round: before the plan starts, what starting it will bring from the
    /// country's previous plan of the same scope; afterwards, what it brought. Items whose mechanism left the
    /// framework are listed, never silently dropped.
    /// </summary>
    public async Task<CarryOverView> ReadAsync(PlanningRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Round.Id;
        var plan = await db.ActionPlans.AsNoTracking()
            .Where(p => p.AssessmentId == roundId)
            .Select(p => new { p.Id, p.CarriedFromAssessmentId })
            .SingleOrDefaultAsync(cancellationToken);
        var earlier = plan switch
        {
            null => await EarlierPlanAsync(round, cancellationToken),
            { CarriedFromAssessmentId: { } fromId } => await PlansWithRounds()
                .Where(row => row.RoundId == fromId)
                .Select(row => new EarlierPlan(row.RoundId, row.Title, row.PlanId))
                .SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (earlier is null)
        {
            return new CarryOverView(null, null, 0, []);
        }
        var selection = PlanRules.SelectCarryOver(await ItemsOfAsync(earlier.PlanId, cancellationToken), MechanismCodes(round));
        var carried = plan is null
            ? selection.Carried.Count
            : await db.ActionItems.AsNoTracking().CountAsync(i => i.ActionPlanId == plan.Id && i.CarriedFromItemId != null, cancellationToken);
        return new CarryOverView(earlier.RoundId, earlier.Title, carried,
            [.. selection.NotCarried.Select(item => new NotCarriedItem(item.MechanismCode, item.What))]);
    }

    private sealed record EarlierPlan(Guid RoundId, string Title, Guid PlanId);

    /// <summary>Plans with their rounds, as far as the caller may see the rounds.</summary>
    private IQueryable<PlanWithRound> PlansWithRounds() =>
        db.ActionPlans.AsNoTracking().Join(
            db.Assessments.AsNoTracking().VisibleTo(user),
            plan => plan.AssessmentId,
            assessment => assessment.Id,
            (plan, assessment) => new PlanWithRound
            {
                PlanId = plan.Id,
                RoundId = assessment.Id,
                Title = assessment.Title,
                CountryIso3 = assessment.CountryIso3,
                Scope = assessment.Scope,
                ScopeDetail = assessment.ScopeDetail,
                CreatedAt = assessment.CreatedAt,
                IsDemonstration = assessment.IsDemonstration,
            });

    /// <summary>Set through an initializer, not a constructor, so that queries can filter on its members.</summary>
    private sealed class PlanWithRound
    {
        public Guid PlanId { get; init; }
        public Guid RoundId { get; init; }
        public required string Title { get; init; }
        public required string CountryIso3 { get; init; }
        public AssessmentScope Scope { get; init; }
        public string? ScopeDetail { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public bool IsDemonstration { get; init; }
    }

    /// <summary>The country's most recent earlier round with the same scope (and area or theme) that has a plan.</summary>
    private Task<EarlierPlan?> EarlierPlanAsync(PlanningRound round, CancellationToken cancellationToken)
    {
        var (id, country, scope, createdAt) = (round.Round.Id, round.Round.CountryIso3, round.Round.Scope, round.Round.CreatedAt);
        var detail = round.Round.ScopeDetail ?? "";
        var isDemonstration = round.Round.IsDemonstration;
        // A real round never inherits a demonstration plan's actions (nor the reverse).
        return PlansWithRounds()
            .Where(row => row.CountryIso3 == country && row.Scope == scope && (row.ScopeDetail ?? "") == detail
                && row.CreatedAt < createdAt && row.RoundId != id && row.IsDemonstration == isDemonstration)
            .OrderByDescending(row => row.CreatedAt)
            .Select(row => new EarlierPlan(row.RoundId, row.Title, row.PlanId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A plan's items in the order they were added.</summary>
    private async Task<List<ActionItem>> ItemsOfAsync(Guid planId, CancellationToken cancellationToken)
    {
        var items = await db.ActionItems.AsNoTracking().Where(item => item.ActionPlanId == planId).ToListAsync(cancellationToken);
        return [.. items.OrderBy(item => item.CreatedAt).ThenBy(item => item.Id)];
    }

    private static HashSet<string> MechanismCodes(PlanningRound round) =>
        round.Mechanisms.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
}

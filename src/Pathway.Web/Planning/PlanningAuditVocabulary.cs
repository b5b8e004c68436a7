using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Planning;

/// <summary>Decision support's rows in the round's audit trail: context, targets, the plan, its actions and their notes.</summary>
public sealed class PlanningAuditVocabulary(PathwayDb db, IStringLocalizer<SharedResource> l) : IAuditVocabulary
{
    public IReadOnlyList<Type> Entities { get; } =
        [typeof(RoundContext), typeof(MechanismTarget), typeof(ActionPlan), typeof(ActionItem), typeof(ProgressNote)];

    public IReadOnlySet<Type> OnePerRound { get; } = new HashSet<Type> { typeof(RoundContext), typeof(ActionPlan) };

    public IReadOnlyDictionary<Type, string> ValueKeys { get; } = new Dictionary<Type, string>
    {
        [typeof(IncomeGroup)] = "IncomeGroup.",
        [typeof(GovernanceSystem)] = "Governance.",
        [typeof(FlagshipArea)] = "Flagship.",
        [typeof(PlanHorizon)] = "Horizon.",
        [typeof(PlanStatus)] = "PlanStatus.",
        [typeof(ActionType)] = "ActionType.",
        [typeof(ActionStatus)] = "ActionStatus.",
    };

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(Guid roundId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }
        foreach (var plan in await db.ActionPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken))
        {
            names[plan] = l["Audit.Entity.ActionPlan"];
        }
        // An action is named by its mechanism and text; one carried over from an earlier round is looked up there too.
        foreach (var item in await db.ActionItems.AsNoTracking()
            .Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.MechanismCode, i.What }).ToListAsync(cancellationToken))
        {
            names[item.Id] = $"{item.MechanismCode}: {item.What}";
        }
        foreach (var note in await db.ProgressNotes.AsNoTracking()
            .Where(n => n.AssessmentId == roundId && ids.Contains(n.Id)).Select(n => new { n.Id, n.Text }).ToListAsync(cancellationToken))
        {
            names[note.Id] = note.Text;
        }
        return names;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;
using Pathway.Web.Planning;

namespace Pathway.Bench;

/// <summary>
/// Action plans for the bench rounds: the plan of 300 items on the results round (endorsed,
/// statuses mixed, a third with a progress note), and a smaller plan on the earlier round, most of it
/// done, so the comparison page lists completed actions. Written through the audited context.
/// </summary>
internal static class BenchPlans
{
    public const int PlanItems = 300;
    public const int EarlierPlanItems = 40;

    private static readonly ActionStatus[] Statuses =
        [ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.OnTrack, ActionStatus.Delayed, ActionStatus.Done, ActionStatus.Dropped];

    private static readonly string[] Organisations =
        ["Ministry of Health, private sector unit", "National health insurance fund", "Medical council", "Private hospitals association", "County health department"];

    /// <summary>The round's plan with <paramref name="items"/> items, made when missing; returns the item count.</summary>
    public static async Task<int> EnsureAsync(PathwayDb db, Guid roundId, IReadOnlyList<string> codes, string focalPointId, int items, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var existing = await db.ActionItems.IgnoreQueryFilters([PathwayDb.CountryScopeFilter]).CountAsync(i => i.AssessmentId == roundId);
        if (existing > 0)
        {
            return existing;
        }
        var earlier = items == EarlierPlanItems;
        var plan = new ActionPlan
        {
            AssessmentId = roundId,
            CountryIso3 = BenchRounds.Country,
            CreatedAt = createdAt,
            Status = PlanStatus.Endorsed,
            EndorsedById = focalPointId,
            EndorsedByName = "Bench round focal point",
            EndorsedAt = createdAt.AddDays(2),
            EndorsementNote = "Endorsed at the steering committee.",
        };
        db.ActionPlans.Add(plan);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = DateOnly.FromDateTime(createdAt.UtcDateTime);
        for (var n = 0; n < items; n++)
        {
            var code = codes[n % codes.Count];
            var status = earlier ? (n % 3 == 2 ? ActionStatus.Delayed : ActionStatus.Done) : Statuses[n % Statuses.Length];
            var due = start.AddDays(30 + (n * 7 % 330));
            var item = new ActionItem
            {
                AssessmentId = roundId,
                ActionPlanId = plan.Id,
                CountryIso3 = BenchRounds.Country,
                MechanismCode = code,
                What = string.Create(CultureInfo.InvariantCulture,
                    $"Action {n + 1} on {code}: convene the private providers' associations and the regulator to agree the next step, draft it and table it at the steering committee."),
                Type = (ActionType)(n % Enum.GetValues<ActionType>().Length),
                ResponsibleOrganisation = Organisations[n % Organisations.Length],
                ResponsiblePerson = string.Create(CultureInfo.InvariantCulture, $"Officer {n % 17 + 1}"),
                Start = start.AddDays(n % 30),
                Due = due,
                Resources = n % 4 == 0 ? "Two staff days a month; meeting costs." : null,
                Budget = n % 5 == 0 ? 2_500m + n * 10 : null,
                Currency = n % 5 == 0 ? "KES" : null,
                FromLevel = 1 + n % 3,
                ToLevel = 2 + n % 3,
                Status = status,
                CompletedOn = status == ActionStatus.Done ? (due < today ? due : today) : null,
                CreatedAt = createdAt,
            };
            db.ActionItems.Add(item);
            if (n % 3 == 0)
            {
                db.ProgressNotes.Add(new ProgressNote
                {
                    AssessmentId = roundId,
                    ActionItemId = item.Id,
                    CountryIso3 = BenchRounds.Country,
                    On = item.Start!.Value.AddDays(20),
                    Status = status,
                    Text = "Terms of reference agreed; first meeting held with the associations.",
                    AuthorId = focalPointId,
                    AuthorName = "Bench round focal point",
                    At = createdAt.AddDays(20),
                });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return items;
    }
}

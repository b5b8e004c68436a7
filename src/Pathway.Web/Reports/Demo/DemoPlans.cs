using Pathway.Web.Planning;

namespace Pathway.Web.Reports.Demo;

/// <summary>
/// Decision support for a validated demonstration round, through the planning services as the focal point
/// uses them: context, targets, catalogue actions for the widest gaps, endorsement, then dated progress.
/// The first round's actions are all past their due dates (some done, some overdue, carried to the next
/// round); the second round's are due soon, later, or already overdue, and one is done after endorsement.
/// </summary>
internal sealed class DemoPlans(DemoPeople people, TimeProvider clock)
{
    private const int ActionsPerRound = 5;

    public async Task PlanAsync(DemoCountry country, Guid id, int year, bool isFirstRound, CancellationToken cancellationToken)
    {
        var focal = people.Of(country.Iso3, "focal");
        await using var scope = people.Act(focal);
        var services = scope.ServiceProvider;
        var round = DemoRounds.Must(await services.GetRequiredService<PlanningRounds>().OpenForEditAsync(id, cancellationToken), "planning");

        DemoRounds.Must(await services.GetRequiredService<ContextBook>().SaveAsync(round, new ContextInput
        {
            IsFragile = country.IsFragile,
            IncomeGroup = country.Income.ToString(),
            PrivateSharePercent = country.PrivateShare + (isFirstRound ? 0m : 2m),
            PrivateShareSource = DemoScript.PrivateShareSource,
            PrivateShareYear = year - 1,
            Governance = country.Governance.ToString(),
            FlagshipAreas = [.. country.Flagships.Select(area => area.ToString())],
        }, cancellationToken), "context");

        var targets = round.Mechanisms.Where(mechanism => mechanism.Kind == TargetKind.Level)
            .Select(mechanism => new TargetInput
            {
                Mechanism = mechanism.Code,
                TargetLevel = Math.Min(4, mechanism.Answer.Level!.Value + 1),
                Impact = 2 + (mechanism.Order % 4),
                Feasibility = 5 - (mechanism.Order % 3),
            })
            .ToList();
        DemoRounds.Must(await services.GetRequiredService<TargetBook>().SaveAsync(round, targets, cancellationToken), "targets");

        var book = services.GetRequiredService<ActionPlanBook>();
        var plan = DemoRounds.Must(await book.StartAsync(round, cancellationToken), "starting the plan");
        var carried = plan.Items.Count;
        var recommender = services.GetRequiredService<Recommender>();
        var today = PlanRules.Today(clock);
        var added = new List<Guid>();
        var widest = round.Mechanisms
            .Where(mechanism => mechanism.Answer.Level is < 4 && plan.Items.All(item => item.MechanismCode != mechanism.Code))
            .OrderBy(mechanism => mechanism.Answer.Level).ThenBy(mechanism => mechanism.Order)
            .Take(ActionsPerRound);
        foreach (var mechanism in widest)
        {
            var offer = await recommender.ForMechanismAsync(round, mechanism, null, new HashSet<PlanningContext>(), cancellationToken);
            if (offer.Steps.Count == 0 || offer.Steps[0].Recommended.Count == 0)
            {
                continue;
            }
            var action = offer.Steps[0].Recommended[0];
            var index = added.Count;
            var (start, due) = isFirstRound
                ? (new DateOnly(year, 7, 1), new DateOnly(year, 7, 1).AddMonths(6 + 3 * index))
                : (today.AddMonths(-2), index switch
                {
                    0 => today.AddDays(5),
                    1 => today.AddDays(-20),
                    2 => today.AddMonths(4),
                    _ => today.AddMonths(9),
                });
            var item = DemoRounds.Must(await book.AddFromRecommendationAsync(round, new ActionItemInput
            {
                MechanismCode = mechanism.Code,
                RecommendationCode = action.Code,
                ResponsibleOrganisation = DemoScript.ResponsibleOrganisation,
                ResponsiblePerson = focal.Person.DisplayName,
                Start = start,
                Due = due,
                Budget = 10_000m * (index + 1),
                Currency = "USD",
            }, cancellationToken), "adding an action");
            added.Add(item.Id);
        }

        // Progress before endorsement (the first round's history) and after it (the second round's news).
        if (isFirstRound)
        {
            await NoteAsync(book, round, added, 0, ActionStatus.Done, new DateOnly(year + 1, 1, 15), cancellationToken);
            await NoteAsync(book, round, added, 1, ActionStatus.Done, new DateOnly(year + 1, 3, 10), cancellationToken);
            await NoteAsync(book, round, added, 2, ActionStatus.Delayed, new DateOnly(year + 1, 4, 2), cancellationToken);
            await NoteAsync(book, round, added, 3, ActionStatus.OnTrack, new DateOnly(year + 1, 2, 20), cancellationToken);
        }
        DemoRounds.Must(await services.GetRequiredService<PlanEndorsement>().EndorseAsync(round, DemoScript.EndorsementNote, cancellationToken), "endorsement");
        if (!isFirstRound)
        {
            await NoteAsync(book, round, added, 2, ActionStatus.OnTrack, today, cancellationToken);
            await NoteAsync(book, round, added, 3, ActionStatus.Done, today, cancellationToken);
            if (carried > 0)
            {
                var first = (await book.ReadAsync(round, cancellationToken)).Items.First(item => item.Id != Guid.Empty && !added.Contains(item.Id));
                await NoteAsync(book, round, [first.Id], 0, ActionStatus.Done, today, cancellationToken);
            }
        }
    }

    private static async Task NoteAsync(
        ActionPlanBook book, PlanningRound round, List<Guid> items, int index, ActionStatus status, DateOnly on, CancellationToken cancellationToken)
    {
        if (index >= items.Count)
        {
            return;
        }
        DemoRounds.Must(await book.AddNoteAsync(round, items[index], new ProgressNoteInput
        {
            On = on,
            Status = status.ToString(),
            Text = DemoScript.ProgressNote(status),
        }, cancellationToken), "progress note");
    }
}

using Pathway.Web.Planning;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>The internal report's decision-support sections: targets and priorities, and the plan's summary.</summary>
internal static class ReportPlanSections
{
    public static ReportSection Targets(ReportPlanning? planning, ReportComposer.Names names, ReportText text)
    {
        if (planning is null)
        {
            return new ReportSection("targets", text["Report.Section.Targets"], [new ReportParagraph(text["Report.Planning.NotOpen"])]);
        }
        var targets = planning.Targets.Where(row => row.TargetLevel is not null).ToList();
        List<ReportBlock> blocks =
        [
            new ReportTable(text["Report.Targets.Caption"],
                [text["Chart.Col.Mechanism"], text["Report.Col.Current"], text["Report.Col.Target"], text["Report.Col.Horizon"]],
                [.. targets.Select(row => (IReadOnlyList<ReportCell>)
                [
                    new($"{row.Mechanism.Code} {names.Mechanism(row.Mechanism.Code)}"),
                    row.CurrentLevel is { } current ? new(text.Number(current), current) : new(ReportComposer.Answer(row.Mechanism.Answer, text)),
                    new(text.Number(row.TargetLevel!.Value), row.TargetLevel),
                    new(text.Format("Report.Months", text.Number(row.HorizonMonths))),
                ])]),
        ];
        var ranked = planning.Priorities.Ranked;
        blocks.Add(new ReportHeading(text["Report.Priorities"]));
        blocks.Add(ranked.Count == 0
            ? new ReportParagraph(text["Report.Priorities.None"])
            : new ReportTable(text["Report.Priorities"],
                [text["Report.Col.Rank"], text["Chart.Col.Mechanism"], text["Report.Col.Gap"], text["Report.Col.Score"]],
                [.. ranked.Select(row => (IReadOnlyList<ReportCell>)
                [
                    new(text.Number(row.Ranked.Rank)), new($"{row.Code} {names.Mechanism(row.Code)}"),
                    new(text.Number(row.Ranked.Candidate.Gap)), new(text.Number(row.Ranked.Score)),
                ])]));
        return new ReportSection("targets", text["Report.Section.Targets"], blocks);
    }

    public static ReportSection Plan(ReportPlanning? planning, ReportComposer.Names names, ReportText text)
    {
        if (planning is null)
        {
            return new ReportSection("plan", text["Report.Section.Plan"], [new ReportParagraph(text["Report.Planning.NotOpen"])]);
        }
        var plan = planning.Plan;
        var status = plan.Status == PlanStatus.Endorsed
            ? text.Format("Report.Plan.Endorsed", plan.EndorsedByName ?? "—", text.Date(plan.EndorsedAt))
            : text["Plan.NotEndorsed"];
        List<ReportFact> facts =
        [
            new(text["Plan.Status"], status),
            new(text["Report.Plan.Items"], text.Number(plan.Items.Count)),
            .. Enum.GetValues<ActionStatus>().Select(value => new ReportFact(text[$"ActionStatus.{value}"], text.Number(plan.Items.Count(item => item.Status == value)))),
            new(text["Report.Plan.Overdue"], text.Number(plan.Items.Count(item => item.IsOverdue))),
        ];
        List<ReportBlock> blocks = [new ReportFacts(facts)];
        if (plan.Items.Count > 0)
        {
            blocks.Add(new ReportTable(text["Report.Plan.Caption"],
                [text["Chart.Col.Mechanism"], text["Report.Col.Action"], text["Report.Col.Responsible"], text["Report.Col.Due"], text["Plan.Status"]],
                [.. plan.Items.Select(item => (IReadOnlyList<ReportCell>)
                [
                    new($"{item.MechanismCode} {names.Mechanism(item.MechanismCode)}"), new(item.What), new(item.ResponsibleOrganisation ?? "—"), new(text.Date(item.Due)),
                    new(item.IsOverdue ? text.Format("Report.Plan.StatusOverdue", text[$"ActionStatus.{item.Status}"], text["Report.Plan.Overdue"]) : text[$"ActionStatus.{item.Status}"]),
                ])]));
        }
        return new ReportSection("plan", text["Report.Section.Plan"], blocks);
    }
}

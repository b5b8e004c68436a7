using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;

namespace Pathway.Web.Planning;

/// <summary>Decision support on a round's pages: the plan tab and the workspace's list of steps, once planning opens.</summary>
internal sealed class PlanningAddOn(IStringLocalizer<SharedResource> l) : IRoundAddOn
{
    private static readonly string[] Steps = ["context", "targets", "priorities", "plan", "compare"];

    public RoundTab? TabFor(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return PlanPermissions.OpensAt(round.Status) ? new RoundTab("plan", "plan", l["Rounds.Tab.plan"]) : null;
    }

    public RoundSection? SectionFor(Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return PlanPermissions.OpensAt(round.Status)
            ? new RoundSection("decision-support", l["Plan.Workspace.Title"], l["Plan.Workspace.Intro"],
                [.. Steps.Select(step => new RoundLink(step, l[$"Planning.Step.{step}"]))])
            : null;
    }
}

using Pathway.Web.Connector.Partnerships;

namespace Pathway.UnitTests.Connector;

/// <summary>The partnership lifecycle as data: every move into the agreement or beyond needs due diligence; the assessing steps go one back.</summary>
public class PartnershipLifecycleTests
{
    [Fact]
    public void Every_move_into_the_agreement_or_a_later_stage_needs_due_diligence_except_closing_a_prospect()
    {
        foreach (var step in PartnershipLifecycle.Steps)
        {
            var intoAgreementOrLater = step.To is PartnershipStage.PartnershipAgreement or PartnershipStage.ImplementationAndReview or PartnershipStage.Adaptation
                || (step.To == PartnershipStage.Closure && step.From >= PartnershipStage.PartnershipAgreement);
            Assert.Equal(intoAgreementOrLater, step.RequiresDueDiligence);
        }
    }

    [Fact]
    public void The_agreement_is_reached_only_from_the_joint_risk_assessment()
    {
        var into = PartnershipLifecycle.Steps.Where(step => step.To == PartnershipStage.PartnershipAgreement).ToList();
        Assert.Single(into);
        Assert.Equal(PartnershipStage.JointRiskAssessment, into[0].From);
        Assert.Null(PartnershipLifecycle.Find(PartnershipStage.InternalPreparation, PartnershipStage.PartnershipAgreement));
    }

    [Fact]
    public void Closure_is_the_end_and_every_other_stage_has_a_way_forward()
    {
        Assert.Empty(PartnershipLifecycle.Next(PartnershipStage.Closure));
        foreach (var stage in Enum.GetValues<PartnershipStage>().Where(stage => stage != PartnershipStage.Closure))
        {
            Assert.Contains(PartnershipLifecycle.Next(stage), next => next > stage);
        }
    }
}

using Pathway.Web.Assessments;

namespace Pathway.UnitTests.Assessments;

/// <summary>The round's state machine: exactly the moves the issue describes, who makes each, and what each step accepts.</summary>
public class RoundWorkflowTests
{
    private const AssessmentStatus Draft = AssessmentStatus.Draft;
    private const AssessmentStatus RatingOpen = AssessmentStatus.RatingOpen;
    private const AssessmentStatus Consensus = AssessmentStatus.Consensus;
    private const AssessmentStatus Submitted = AssessmentStatus.Submitted;
    private const AssessmentStatus Returned = AssessmentStatus.Returned;
    private const AssessmentStatus Validated = AssessmentStatus.Validated;
    private const AssessmentStatus Published = AssessmentStatus.Published;

    [Theory]
    [InlineData(Draft, RatingOpen, WorkflowActor.Team, false)]
    [InlineData(RatingOpen, Consensus, WorkflowActor.Team, false)]
    [InlineData(Consensus, RatingOpen, WorkflowActor.Team, false)]
    [InlineData(Consensus, Submitted, WorkflowActor.Team, false)]
    [InlineData(Returned, Submitted, WorkflowActor.Team, false)]
    [InlineData(Submitted, Returned, WorkflowActor.Reviewer, true)]
    [InlineData(Submitted, Validated, WorkflowActor.Reviewer, false)]
    [InlineData(Validated, Published, WorkflowActor.FocalPoint, false)]
    [InlineData(Published, Consensus, WorkflowActor.FocalPoint, true)]
    public void Each_allowed_move_exists_with_its_actor_and_comment_rule(
        AssessmentStatus from, AssessmentStatus to, WorkflowActor actor, bool requiresComment)
    {
        var move = RoundWorkflow.Find(from, to);

        Assert.NotNull(move);
        Assert.Equal(actor, move.Actor);
        Assert.Equal(requiresComment, move.RequiresComment);
    }

    [Fact]
    public void There_are_exactly_nine_moves_and_no_move_is_listed_twice()
    {
        Assert.Equal(9, RoundWorkflow.Moves.Count);
        Assert.Equal(RoundWorkflow.Moves.Count, RoundWorkflow.Moves.Select(move => (move.From, move.To)).Distinct().Count());
    }

    [Theory]
    [InlineData(Draft, Consensus)]
    [InlineData(Draft, Submitted)]
    [InlineData(Draft, Published)]
    [InlineData(RatingOpen, Submitted)]
    [InlineData(RatingOpen, Draft)]
    [InlineData(Submitted, Published)]
    [InlineData(Submitted, Consensus)]
    [InlineData(Returned, Validated)]
    [InlineData(Returned, Consensus)]
    [InlineData(Validated, Returned)]
    [InlineData(Validated, Consensus)]
    [InlineData(Published, Draft)]
    [InlineData(Published, RatingOpen)]
    [InlineData(Consensus, Consensus)]
    public void Moves_out_of_order_do_not_exist(AssessmentStatus from, AssessmentStatus to)
    {
        Assert.Null(RoundWorkflow.Find(from, to));
        Assert.DoesNotContain(RoundWorkflow.From(from), move => move.To == to);
    }

    [Theory]
    [InlineData(Draft, new[] { RatingOpen })]
    [InlineData(RatingOpen, new[] { Consensus })]
    [InlineData(Consensus, new[] { RatingOpen, Submitted })]
    [InlineData(Submitted, new[] { Returned, Validated })]
    [InlineData(Returned, new[] { Submitted })]
    [InlineData(Validated, new[] { Published })]
    [InlineData(Published, new[] { Consensus })]
    public void From_lists_the_moves_out_of_each_status(AssessmentStatus from, AssessmentStatus[] expected)
    {
        Assert.Equal(expected.Order(), RoundWorkflow.From(from).Select(move => move.To).Order());
    }

    [Fact]
    public void Every_status_is_reachable_from_draft_and_none_is_a_dead_end()
    {
        var reached = new HashSet<AssessmentStatus> { Draft };
        var queue = new Queue<AssessmentStatus>([Draft]);
        while (queue.TryDequeue(out var status))
        {
            foreach (var move in RoundWorkflow.From(status).Where(move => reached.Add(move.To)))
            {
                queue.Enqueue(move.To);
            }
        }

        Assert.Equal(Enum.GetValues<AssessmentStatus>().Order(), reached.Order());
        Assert.All(Enum.GetValues<AssessmentStatus>(), status => Assert.NotEmpty(RoundWorkflow.From(status)));
    }

    [Fact]
    public void Only_the_focal_point_publishes_and_corrects()
    {
        Assert.Equal(
            [(Validated, Published), (Published, Consensus)],
            RoundWorkflow.Moves.Where(move => move.Actor == WorkflowActor.FocalPoint).Select(move => (move.From, move.To)));
        Assert.All(RoundWorkflow.Moves.Where(move => move.Actor == WorkflowActor.Reviewer), move => Assert.Equal(Submitted, move.From));
    }

    [Theory]
    [InlineData(Draft, false, false, false, true, false)]
    [InlineData(RatingOpen, true, false, true, true, false)]
    [InlineData(Consensus, false, true, true, true, true)]
    [InlineData(Submitted, false, false, false, false, true)]
    [InlineData(Returned, false, true, true, false, true)]
    [InlineData(Validated, false, false, false, false, true)]
    [InlineData(Published, false, false, false, false, true)]
    public void Each_step_accepts_only_its_own_work(
        AssessmentStatus status, bool ratings, bool consensus, bool evidence, bool participants, bool spreadOpen)
    {
        Assert.Equal(ratings, RoundWorkflow.AcceptsRatings(status));
        Assert.Equal(consensus, RoundWorkflow.AcceptsConsensus(status));
        Assert.Equal(evidence, RoundWorkflow.AcceptsEvidence(status));
        Assert.Equal(participants, RoundWorkflow.AcceptsParticipants(status));
        Assert.Equal(spreadOpen, RoundWorkflow.SpreadIsOpen(status));
    }

    [Fact]
    public void A_correction_opens_the_next_revision_and_restarts_the_submission_count()
    {
        var round = new Assessment { CountryIso3 = "EGY", Title = "Round" };
        var now = DateTimeOffset.UnixEpoch;
        foreach (var step in new[] { RatingOpen, Consensus, Submitted, Returned, Submitted, Validated, Published })
        {
            round.MoveTo(step, now);
        }
        Assert.Equal((1, 2), (round.Revision, round.Submissions));
        Assert.True(round.IsReadOnly);

        round.MoveTo(Consensus, now.AddDays(1));

        Assert.Equal((2, 0), (round.Revision, round.Submissions));
        Assert.False(round.IsReadOnly);
        Assert.Equal(now, round.FirstSubmittedAt);
    }
}

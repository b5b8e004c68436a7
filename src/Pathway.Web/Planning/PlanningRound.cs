using Microsoft.Extensions.Localization;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Web.Planning;

/// <summary>
/// What the caller may do with a round's decision support. Anyone who can see the round can read its
/// context, targets, priorities and plan; the country team (focal point, facilitators) edits them once
/// the round is validated; the focal point endorses the plan.
/// </summary>
public sealed record PlanPermissions(bool IsOpen, bool IsTeam, bool IsEndorser)
{
    /// <summary>Planning starts from an agreed, validated profile.</summary>
    public static bool OpensAt(AssessmentStatus status) => status is AssessmentStatus.Validated or AssessmentStatus.Published;

    public bool CanEdit => IsOpen && IsTeam;

    public bool CanEndorse => IsOpen && IsEndorser;

    public static PlanPermissions For(RoundPermissions can)
    {
        ArgumentNullException.ThrowIfNull(can);
        return new(OpensAt(can.Status), can.IsFacilitator, can.IsFocalPoint || can.IsAdministrator);
    }
}

/// <summary>A mechanism in framework order, with its behaviour and its agreed answer in this round.</summary>
public sealed record PlanningMechanism(int Order, BehaviourView Behaviour, MechanismView Mechanism, MechanismAnswer Answer)
{
    public string Code => Mechanism.Code;

    public TargetKind Kind => Answer.State switch
    {
        MechanismAnswerState.Rated => TargetKind.Level,
        MechanismAnswerState.NotApplicable => TargetKind.None,
        _ => TargetKind.BuildEvidence,
    };
}

/// <summary>
/// A round opened for decision support: the round as the caller sees it, its framework tree, the
/// agreed answer of every mechanism, and what the caller may do. Every planning service starts here,
/// so visibility (country scope and <see cref="RoundQueries.VisibleTo"/>) is decided in one query.
/// </summary>
public sealed record PlanningRound(Round Round, FrameworkTree Framework, IReadOnlyList<PlanningMechanism> Mechanisms, PlanPermissions Can)
{
    public PlanningMechanism? Find(string? code) => Mechanisms.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));
}

/// <summary>Opens rounds for planning; shared by the planning pages and API.</summary>
public sealed class PlanningRounds(PathwayDb db, RoundDirectory rounds, IStringLocalizer<SharedResource> l)
{
    /// <summary>The round, or the one not-found failure when it does not exist or the caller may not see it.</summary>
    public async Task<Outcome<PlanningRound>> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed;
        }
        var tree = round.Framework;
        var agreed = await AgreedAnswers.ForRoundAsync(db, round.Id, cancellationToken);
        var order = 0;
        var mechanisms = tree.Behaviours
            .SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism => new PlanningMechanism(
                ++order, behaviour, mechanism, agreed.GetValueOrDefault(mechanism.Code)?.Answer ?? MechanismAnswer.NotAssessed)))
            .ToList();
        return new PlanningRound(round, tree, mechanisms, PlanPermissions.For(round.Can));
    }

    /// <summary>The same, refused unless the caller may edit the round's plan: 403 outside the team, 400 before validation.</summary>
    public async Task<Outcome<PlanningRound>> OpenForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(id, cancellationToken);
        if (opened.Value is not { } planning)
        {
            return opened;
        }
        // Who may edit is answered before when: someone outside the team learns nothing about the round's state.
        if (!planning.Can.IsTeam)
        {
            return Failure.Forbidden(l["Planning.Error.Title"], l["Planning.Error.NotTeam"]);
        }
        return planning.Can.IsOpen ? opened : Failure.Invalid(l["Planning.Error.Title"], l["Planning.Error.NotOpen"]);
    }
}

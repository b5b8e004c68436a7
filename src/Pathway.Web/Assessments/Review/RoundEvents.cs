namespace Pathway.Web.Assessments;

/// <summary>A round about to move, as those who follow the workflow (notices) need to know it.</summary>
public sealed record RoundMove(
    Guid RoundId, string CountryIso3, string RoundTitle, AssessmentStatus From, AssessmentStatus To, Guid ChangeId, string? ActorId);

/// <summary>
/// Told of every workflow move while it is staged, before the one save: whatever it adds to the same
/// database context is saved with the move or not at all. Assessments raises it; features that follow
/// the workflow (Notices) implement it, so the dependency points their way, never back here.
/// </summary>
public interface IRoundEvents
{
    Task MovingAsync(RoundMove move, CancellationToken cancellationToken);
}

/// <summary>The default: nobody follows the workflow.</summary>
internal sealed class NoRoundEvents : IRoundEvents
{
    public Task MovingAsync(RoundMove move, CancellationToken cancellationToken) => Task.CompletedTask;
}

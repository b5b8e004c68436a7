using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>One field's value before and after (null: had no value). Values are invariant text: ISO 8601 times, enum names.</summary>
public sealed record AuditChangeDto(string Field, string? Before, string? After);

/// <summary>
/// One recorded change: when (UTC), who, which row (entity kind, id and label), the action (Added,
/// Changed, Removed) and each field before → after.
/// </summary>
public sealed record AuditEntryDto(
    Guid Id, DateTimeOffset At, string? ActorId, string ActorName, string Entity, Guid EntityId, string Label, string Action,
    IReadOnlyList<AuditChangeDto> Changes);

/// <summary>A page of the audit trail, newest first.</summary>
public sealed record AuditPageDto(int Page, int PageSize, int Total, int PageCount, string? Entity, IReadOnlyList<AuditEntryDto> Entries);

/// <summary>GET /api/assessments/{id}/audit.</summary>
internal static class AuditApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/audit", GetAudit).WithName("GetAssessmentAudit")
            .WithDescription("The round's audit trail, newest first: who changed what, when, each field before → after. " +
                "For the round's focal point, facilitators, reviewers and regional officers (403 for others on the round). " +
                $"?page= from 1, ?pageSize= 1–{AuditTrail.MaxPageSize} (default {AuditTrail.DefaultPageSize}), " +
                "?entity=Assessment|Participant|Rating|ConsensusRating|EvidenceItem|ReviewComment|StatusChange|PublishedRelease.");
    }

    public static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> GetAudit(
        Guid id, int? page, int? pageSize, string? entity, RoundDirectory rounds, AuditTrail trail,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var outcome = await trail.ReadAsync(round, page ?? 1, pageSize ?? AuditTrail.DefaultPageSize, entity, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            return failure.ToProblem();
        }
        var result = outcome.Value!;
        return TypedResults.Ok(new AuditPageDto(result.Page, result.PageSize, result.Total, result.PageCount, result.Entity,
            [.. result.Entries.Select(entry => new AuditEntryDto(
                entry.Id, entry.At, entry.ActorId, entry.ActorName, entry.Entity, entry.EntityId, entry.Label, entry.Action.ToString(),
                [.. entry.Changes.Select(change => new AuditChangeDto(change.Field, change.Before, change.After))]))]));
    }
}

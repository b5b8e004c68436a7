using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>
/// One field's value before and after (null: had no value), as stored — invariant text: ISO 8601 times,
/// enum names, ids — and as the reader reads it (<c>beforeText</c>, <c>afterText</c>: in the request's language,
/// ids as what they point to).
/// </summary>
public sealed record AuditChangeDto(string Field, string FieldName, string? Before, string? After, string? BeforeText, string? AfterText);

/// <summary>
/// One recorded change: when (UTC), who, which row (entity kind, id and the label stored with it), the action
/// (Added, Changed, Removed) and each field before → after; the <c>…Name</c> and <c>what</c> members say the
/// same in the request's language.
/// </summary>
public sealed record AuditEntryDto(
    Guid Id, DateTimeOffset At, string? ActorId, string ActorName, string Entity, string EntityName, Guid EntityId, string Label, string What,
    string Action, string ActionName, IReadOnlyList<AuditChangeDto> Changes);

/// <summary>A page of the audit trail, newest first, with the filters it was read with.</summary>
public sealed record AuditPageDto(
    int Page, int PageSize, int Total, int PageCount, string? Entity, string? Action, string? Actor, DateOnly? From, DateOnly? To,
    IReadOnlyList<AuditEntryDto> Entries);

/// <summary>GET /api/assessments/{id}/audit and its CSV export; the page's download link reads the same export.</summary>
internal static class AuditApi
{
    private const string Filters =
        "?entity= one kind of row (Assessment, Participant, Rating, ConsensusRating, EvidenceItem, EvidenceLink, ReviewComment, StatusChange, " +
        "PublishedRelease, RoundContext, MechanismTarget, ActionPlan, ActionItem, ProgressNote), ?action=Added|Changed|Removed, " +
        "?actor= an account id (or 'system'), ?from=/?to= UTC days (yyyy-MM-dd, both included).";

    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/{id:guid}/audit", GetAudit).WithName("GetAssessmentAudit")
            .WithDescription("The round's audit trail, newest first: who changed what, when, each field before → after, raw and in the request's language. " +
                "For the round's focal point, facilitators, reviewers and regional officers (403 for others on the round). " +
                $"?page= from 1, ?pageSize= 1–{AuditTrail.MaxPageSize} (default {AuditTrail.DefaultPageSize}); " + Filters);
        routes.MapGet("/{id:guid}/audit/export.csv", ExportCsv).WithName("ExportAssessmentAudit")
            .Produces<Stream>(StatusCodes.Status200OK, AuditCsv.ContentType)
            .WithDescription("The round's audit trail as CSV (UTF-8 with BOM), oldest first, one line per changed field, with the same filters; " +
                $"at most {AuditTrail.MaxExport} entries. " + Filters + " Each value is given raw (for analysis) and in the language of the request (for people).");
    }

    /// <summary>The download the audit page links to (signed in with the cookie).</summary>
    public static void MapPage(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/assessments/{id:guid}/audit/export.csv", ExportCsv).RequireAuthorization()
            .WithName("ExportAssessmentAuditPage").ExcludeFromDescription();
    }

    public static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> GetAudit(
        Guid id, int? page, int? pageSize, string? entity, string? action, string? actor, DateOnly? from, DateOnly? to,
        RoundDirectory rounds, AuditTrail trail, AuditDescriber describer, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var outcome = await trail.ReadAsync(round, new AuditQuery(page ?? 1, pageSize ?? AuditTrail.DefaultPageSize, entity, action, actor, from, to), cancellationToken);
        if (!outcome.TryGet(out var result, out var refused))
        {
            return refused.ToProblem();
        }
        var lines = await describer.DescribeAsync(round, result.Entries, cancellationToken);
        return TypedResults.Ok(new AuditPageDto(result.Page, result.PageSize, result.Total, result.PageCount,
            result.Query.Entity, result.Query.Action, result.Query.Actor, result.Query.From, result.Query.To,
            [.. lines.Select(line => new AuditEntryDto(
                line.Entry.Id, line.Entry.At, line.Entry.ActorId, line.Entry.ActorName, line.Entry.Entity, line.EntityName, line.Entry.EntityId,
                line.Entry.Label, line.What, line.Entry.Action.ToString(), line.ActionName,
                [.. line.Changes.Select(change => new AuditChangeDto(change.Field, change.FieldName, change.Before, change.After, change.BeforeText, change.AfterText))]))]));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCsv(
        Guid id, string? entity, string? action, string? actor, DateOnly? from, DateOnly? to,
        RoundDirectory rounds, AuditTrail trail, AuditDescriber describer, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!(await rounds.OpenAsync(id, cancellationToken)).TryGet(out var round, out var closed))
        {
            return closed.ToProblem();
        }
        var outcome = await trail.ReadAllAsync(round, new AuditQuery(1, 1, entity, action, actor, from, to), cancellationToken);
        if (!outcome.TryGet(out var entries, out var refused))
        {
            return refused.ToProblem();
        }
        var lines = await describer.DescribeAsync(round, entries, cancellationToken);
        return TypedResults.File(AuditCsv.Write(lines, l), AuditCsv.ContentType, $"audit-{round.Id:N}.csv");
    }
}

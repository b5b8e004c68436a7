using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>One page of a round's audit trail, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, int Total, string? Entity)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>Reads a round's audit trail for its team and reviewers (<see cref="RoundPermissions.CanSeeAudit"/>).</summary>
public sealed class AuditTrail(PathwayDb db, IStringLocalizer<SharedResource> l)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real trail; keeps the row offset inside an int.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The kinds of row the trail records, in the order a filter lists them.</summary>
    public static IReadOnlyList<string> EntityKinds { get; } =
    [
        nameof(Assessment), nameof(Participant), nameof(Rating), nameof(ConsensusRating), nameof(EvidenceItem),
        nameof(ReviewComment), nameof(StatusChange), nameof(PublishedRelease),
        nameof(Planning.RoundContext), nameof(Planning.MechanismTarget), nameof(Planning.ActionPlan), nameof(Planning.ActionItem),
        nameof(Planning.ProgressNote),
    ];

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the round's entries, newest first, optionally only those
    /// about one kind of row (<see cref="EntityKinds"/>). Refused unless the caller may see the audit.
    /// </summary>
    public async Task<Outcome<AuditPage>> ReadAsync(
        Round round, int page = 1, int pageSize = DefaultPageSize, string? entity = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanSeeAudit)
        {
            return Failure.Forbidden(l["Audit.Error.Title"], l["Audit.Error.Forbidden"]);
        }
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage)
        {
            errors[nameof(page)] = [l["Audit.Error.Page", MaxPage]];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors[nameof(pageSize)] = [l["Audit.Error.PageSize", MaxPageSize]];
        }
        var kind = string.IsNullOrWhiteSpace(entity) ? null : EntityKinds.FirstOrDefault(k => string.Equals(k, entity.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(entity) && kind is null)
        {
            errors[nameof(entity)] = [l["Audit.Error.Entity", string.Join(", ", EntityKinds)]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Audit.Error.Title"], l["Audit.Error.Detail"], errors);
        }

        var query = db.AuditEntries.AsNoTracking().Where(entry => entry.AssessmentId == round.Id);
        if (kind is not null)
        {
            query = query.Where(entry => entry.Entity == kind);
        }
        var total = await query.CountAsync(cancellationToken);
        var entries = await query
            .OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(entries, page, pageSize, total, kind);
    }
}

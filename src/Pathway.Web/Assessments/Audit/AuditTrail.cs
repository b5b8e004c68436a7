using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>
/// Which entries of a round's trail to read: page (from 1) and size, and optionally one kind of row,
/// one action, one person (an account id, or <see cref="AuditQuery.System"/> for commands) and a
/// date range (UTC days, both ends included).
/// </summary>
public sealed record AuditQuery(
    int Page = 1, int PageSize = AuditTrail.DefaultPageSize, string? Entity = null, string? Action = null, string? Actor = null,
    DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The person filter's value for changes made by commands and seeding (no account).</summary>
    public const string System = "system";
}

/// <summary>One page of a round's audit trail, newest first, with the filter it was read with.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, int Total, AuditQuery Query)
{
    public string? Entity => Query.Entity;

    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>Someone who appears in a round's trail, for the person filter.</summary>
public sealed record AuditActor(string Value, string Name);

/// <summary>Reads a round's audit trail for its team and reviewers (<see cref="RoundPermissions.CanSeeAudit"/>).</summary>
public sealed class AuditTrail(PathwayDb db, AuditDescriber describer, IStringLocalizer<SharedResource> l)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real trail; keeps the row offset inside an int.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The most entries one CSV export carries; a bigger trail is exported by date range.</summary>
    public const int MaxExport = 100_000;

    /// <summary>The kinds of row the trail records, in the order a filter lists them.</summary>
    public IReadOnlyList<string> EntityKinds => describer.EntityKinds;

    /// <summary>
    /// Page <see cref="AuditQuery.Page"/> of the round's entries that match the query, newest first.
    /// Refused unless the caller may see the audit; a filter value that is not allowed is refused naming it.
    /// </summary>
    public async Task<Outcome<AuditPage>> ReadAsync(Round round, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(query);
        if (Check(round, query, maxPageSize: MaxPageSize) is { } failure)
        {
            return failure;
        }
        var checkedQuery = Normalized(query);
        var matching = Matching(round, checkedQuery);
        var total = await matching.CountAsync(cancellationToken);
        var entries = await matching
            .OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id)
            .Skip((checkedQuery.Page - 1) * checkedQuery.PageSize).Take(checkedQuery.PageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(entries, checkedQuery.Page, checkedQuery.PageSize, total, checkedQuery);
    }

    /// <summary>Every entry that matches the query (paging ignored), oldest first, for an export.</summary>
    public async Task<Outcome<IReadOnlyList<AuditEntry>>> ReadAllAsync(Round round, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(query);
        if (Check(round, query with { Page = 1, PageSize = 1 }, MaxPageSize) is { } failure)
        {
            return failure;
        }
        var entries = await Matching(round, Normalized(query))
            .OrderBy(entry => entry.At).ThenBy(entry => entry.Id)
            .Take(MaxExport)
            .ToListAsync(cancellationToken);
        return entries;
    }

    /// <summary>The people who made changes in this round, for the person filter, by name.</summary>
    public async Task<IReadOnlyList<AuditActor>> ActorsAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var actors = await db.AuditEntries.AsNoTracking().Where(entry => entry.AssessmentId == round.Id)
            .Select(entry => new { entry.ActorId, entry.ActorName }).Distinct().ToListAsync(cancellationToken);
        return [.. actors
            .GroupBy(actor => actor.ActorId ?? AuditQuery.System, StringComparer.Ordinal)
            .Select(group => new AuditActor(group.Key, group.Key == AuditQuery.System ? l["Audit.System"] : group.First().ActorName))
            .OrderBy(actor => actor.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private Failure? Check(Round round, AuditQuery query, int maxPageSize)
    {
        if (!round.Can.CanSeeAudit)
        {
            return Failure.Forbidden(l["Audit.Error.Title"], l["Audit.Error.Forbidden"]);
        }
        var errors = new Dictionary<string, string[]>();
        if (query.Page is < 1 or > MaxPage)
        {
            errors["page"] = [l["Audit.Error.Page", MaxPage]];
        }
        if (query.PageSize < 1 || query.PageSize > maxPageSize)
        {
            errors["pageSize"] = [l["Audit.Error.PageSize", maxPageSize]];
        }
        if (!string.IsNullOrWhiteSpace(query.Entity) && KindOf(query.Entity) is null)
        {
            errors["entity"] = [l["Audit.Error.Entity", string.Join(", ", EntityKinds)]];
        }
        if (!string.IsNullOrWhiteSpace(query.Action) && !Enum.TryParse<AuditAction>(query.Action.Trim(), ignoreCase: true, out _))
        {
            errors["action"] = [l["Audit.Error.Action", string.Join(", ", Enum.GetNames<AuditAction>())]];
        }
        if (query.Actor?.Length > 450)
        {
            errors["actor"] = [l["Audit.Error.Actor"]];
        }
        if (query is { From: { } from, To: { } to } && to < from)
        {
            errors["to"] = [l["Audit.Error.Dates"]];
        }
        return errors.Count > 0 ? Failure.Invalid(l["Audit.Error.Title"], l["Audit.Error.Detail"], errors) : null;
    }

    private string? KindOf(string? entity) =>
        string.IsNullOrWhiteSpace(entity) ? null : EntityKinds.FirstOrDefault(kind => string.Equals(kind, entity.Trim(), StringComparison.OrdinalIgnoreCase));

    private AuditQuery Normalized(AuditQuery query) => query with
    {
        Entity = KindOf(query.Entity),
        Action = string.IsNullOrWhiteSpace(query.Action) ? null : Enum.Parse<AuditAction>(query.Action.Trim(), ignoreCase: true).ToString(),
        Actor = string.IsNullOrWhiteSpace(query.Actor) ? null : query.Actor.Trim(),
    };

    private IQueryable<AuditEntry> Matching(Round round, AuditQuery query)
    {
        var matching = db.AuditEntries.AsNoTracking().Where(entry => entry.AssessmentId == round.Id);
        if (query.Entity is { } kind)
        {
            matching = matching.Where(entry => entry.Entity == kind);
        }
        if (query.Action is { } actionName)
        {
            var action = Enum.Parse<AuditAction>(actionName);
            matching = matching.Where(entry => entry.Action == action);
        }
        if (query.Actor == AuditQuery.System)
        {
            matching = matching.Where(entry => entry.ActorId == null);
        }
        else if (query.Actor is { } actor)
        {
            matching = matching.Where(entry => entry.ActorId == actor);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            matching = matching.Where(entry => entry.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            matching = matching.Where(entry => entry.At < end);
        }
        return matching;
    }
}

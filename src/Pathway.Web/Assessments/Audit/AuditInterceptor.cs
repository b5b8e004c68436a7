using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pathway.Web.Accounts;

namespace Pathway.Web.Assessments;

/// <summary>
/// The one audit mechanism: every save that adds, changes or removes an <see cref="IAudited"/> row
/// writes <see cref="AuditEntry"/> rows in the same transaction, so no write path can skip it (bulk
/// ExecuteUpdate/ExecuteDelete would, and are not used on audited tables — a unit test checks).
/// </summary>
public sealed class AuditInterceptor(CurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Keys and the country never change after insert; the concurrency counter is noise for a reader.
    // The column's length (AuditEntry's configuration); labels are cut between characters to fit it.
    private const int LabelLength = 400;

    private static readonly HashSet<string> Skipped = ["Id", "AssessmentId", "CountryIso3", "Version"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries<AuditEntry>().Any(entry => entry.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only.");
        }
        var now = clock.GetUtcNow();
        var actorId = currentUser.Id;
        var actorName = currentUser.Name ?? "system";
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries<IAudited>())
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Modified => AuditAction.Changed,
                EntityState.Deleted => AuditAction.Removed,
                _ => (AuditAction?)null,
            };
            if (action is null)
            {
                continue;
            }
            var changes = Changes(entry, action.Value);
            if (action == AuditAction.Changed && changes.Count == 0)
            {
                continue;
            }
            entries.Add(new AuditEntry
            {
                AssessmentId = entry.Entity.AssessmentId,
                CountryIso3 = entry.Entity.CountryIso3,
                At = now,
                ActorId = actorId,
                ActorName = actorName,
                Entity = entry.Metadata.ClrType.Name,
                EntityId = entry.Property("Id").CurrentValue is Guid id ? id : Guid.Empty,
                Label = TextRules.Truncate(entry.Entity.AuditLabel, LabelLength),
                Action = action.Value,
                Changes = changes,
            });
        }
        context.Set<AuditEntry>().AddRange(entries);
    }

    private static List<AuditChange> Changes(EntityEntry<IAudited> entry, AuditAction action)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Skipped.Contains(name) || property.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                continue;
            }
            var before = action == AuditAction.Added ? null : Format(property.OriginalValue);
            var after = action == AuditAction.Removed ? null : Format(property.CurrentValue);
            if (before == after || (action == AuditAction.Changed && !property.IsModified))
            {
                continue;
            }
            changes.Add(new AuditChange(name, before, after));
        }
        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset at => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum or Guid or int or long or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Assessments;

/// <summary>One field's change, raw (as stored) and in the reader's words.</summary>
public sealed record AuditChangeLine(string Field, string FieldName, string? Before, string? After, string? BeforeText, string? AfterText);

/// <summary>One audit entry in the reader's words: the kind of row, what it is, the action and each change.</summary>
public sealed record AuditLine(AuditEntry Entry, string EntityName, string What, string ActionName, IReadOnlyList<AuditChangeLine> Changes);

/// <summary>
/// Turns stored audit entries (invariant values, enum names, ids) into what a reader reads: field and
/// kind names, enum values, yes/no, dates and numbers in the reader's language, and ids as what they
/// point to (a person, a mechanism's code and name, an action's text). Each feature describes its own
/// rows through an <see cref="IAuditVocabulary"/>.
/// </summary>
public sealed class AuditDescriber(IEnumerable<IAuditVocabulary> vocabularies, PathwayDb db, IStringLocalizer<SharedResource> l)
{
    private readonly IReadOnlyList<IAuditVocabulary> features = [.. vocabularies];

    /// <summary>Every audited kind of row, by its stored name, in filter order.</summary>
    public IReadOnlyList<string> EntityKinds => [.. features.SelectMany(feature => feature.Entities).Select(type => type.Name)];

    /// <summary>The kind's name in the reader's language.</summary>
    public string EntityName(string kind) => Localized($"Audit.Entity.{kind}", kind);

    /// <summary>The field's name in the reader's language.</summary>
    public string FieldName(string field) => Localized($"Audit.Field.{field}", field);

    public string ActionName(AuditAction action) => l[$"Audit.Action.{action}"];

    public async Task<IReadOnlyList<AuditLine>> DescribeAsync(Round round, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new HashSet<Guid>();
        var users = new HashSet<string>(StringComparer.Ordinal);
        var frameworkVersions = new HashSet<int>();
        foreach (var entry in entries)
        {
            ids.Add(entry.EntityId);
            foreach (var change in entry.Changes)
            {
                var type = Underlying(PropertyOf(entry.Entity, change.Field)?.PropertyType);
                foreach (var value in new[] { change.Before, change.After }.OfType<string>())
                {
                    if (type == typeof(Guid) && Guid.TryParse(value, out var id))
                    {
                        ids.Add(id);
                    }
                    else if (type == typeof(string) && IsUserId(change.Field))
                    {
                        users.Add(value);
                    }
                    else if (change.Field == nameof(Assessment.FrameworkVersionId) && int.TryParse(value, CultureInfo.InvariantCulture, out var version))
                    {
                        frameworkVersions.Add(version);
                    }
                }
            }
        }
        var names = new Dictionary<Guid, string>();
        foreach (var feature in features)
        {
            foreach (var (id, name) in await feature.NamesAsync(round.Id, ids, cancellationToken))
            {
                names[id] = name;
            }
        }
        var people = users.Count == 0 ? [] : await db.Users.AsNoTracking().Where(user => users.Contains(user.Id))
            .Select(user => new { user.Id, user.DisplayName, user.Email })
            .ToDictionaryAsync(user => user.Id, user => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName,
                StringComparer.Ordinal, cancellationToken);
        var versions = frameworkVersions.Count == 0 ? [] : await db.FrameworkVersions.AsNoTracking().Where(v => frameworkVersions.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id.ToString(CultureInfo.InvariantCulture), v => v.Version, StringComparer.Ordinal, cancellationToken);
        var mechanisms = round.Framework.Behaviours.SelectMany(behaviour => behaviour.Mechanisms)
            .ToDictionary(mechanism => mechanism.Code, mechanism => $"{mechanism.Code} {mechanism.Name.Current}", StringComparer.Ordinal);

        var known = new Known(names, people, versions, mechanisms);
        return [.. entries.Select(entry => new AuditLine(
            entry, EntityName(entry.Entity), What(entry, known), ActionName(entry.Action),
            [.. entry.Changes.Select(change => new AuditChangeLine(
                change.Field, FieldName(change.Field), change.Before, change.After,
                Value(entry.Entity, change.Field, change.Before, known), Value(entry.Entity, change.Field, change.After, known)))]))];
    }

    private sealed record Known(
        IReadOnlyDictionary<Guid, string> Names, IReadOnlyDictionary<string, string> People,
        IReadOnlyDictionary<string, string> FrameworkVersions, IReadOnlyDictionary<string, string> Mechanisms);

    /// <summary>What the row is, in words: a mechanism by code and name, a status change by its two statuses, a release by revision.</summary>
    private string What(AuditEntry entry, Known known)
    {
        var type = TypeOf(entry.Entity);
        if (type is not null && features.Any(feature => feature.OnePerRound.Contains(type)))
        {
            return "";
        }
        switch (entry.Entity)
        {
            case nameof(StatusChange):
                var from = entry.Changes.FirstOrDefault(change => change.Field == nameof(StatusChange.From))?.After;
                var to = entry.Changes.FirstOrDefault(change => change.Field == nameof(StatusChange.To))?.After;
                return from is null || to is null ? entry.Label : l["Audit.StatusChange", Localized($"Status.{from}", from), Localized($"Status.{to}", to)];
            case nameof(PublishedRelease):
                var revision = entry.Changes.FirstOrDefault(change => change.Field == nameof(PublishedRelease.Revision))?.After;
                return revision is null ? entry.Label : l["Audit.Release", Number(revision)];
            case nameof(ReviewComment) when entry.Label == "—":
                return l["Audit.GeneralComment"];
        }
        if (known.Mechanisms.TryGetValue(entry.Label, out var mechanism))
        {
            // A rating is also named by whose it is.
            return known.Names.TryGetValue(entry.EntityId, out var whose) && entry.Entity == nameof(Rating) ? $"{mechanism} · {whose}" : mechanism;
        }
        return entry.Label;
    }

    /// <summary>A stored value as the reader reads it; null stays null (the page shows a dash).</summary>
    private string? Value(string entity, string field, string? value, Known known)
    {
        if (value is null)
        {
            return null;
        }
        var property = PropertyOf(entity, field);
        var type = Underlying(property?.PropertyType);
        if (field == nameof(ConsensusRating.MechanismCode))
        {
            return known.Mechanisms.GetValueOrDefault(value, value);
        }
        if (field == nameof(Assessment.FrameworkVersionId))
        {
            return known.FrameworkVersions.GetValueOrDefault(value, value);
        }
        if (type is null)
        {
            return value;
        }
        if (type.IsEnum)
        {
            return EnumValue(type, value);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0].IsEnum)
        {
            return EnumList(type.GetGenericArguments()[0], value);
        }
        if (type == typeof(bool))
        {
            return l[value == "true" ? "Audit.Yes" : "Audit.No"];
        }
        if (type == typeof(DateOnly) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DateText.Date(date);
        }
        if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return DateText.DateTime(at);
        }
        if (type == typeof(Guid))
        {
            return Guid.TryParse(value, out var id) && known.Names.TryGetValue(id, out var name) ? name : value;
        }
        if (type == typeof(string) && IsUserId(field))
        {
            return known.People.GetValueOrDefault(value, value);
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal))
        {
            return Number(value);
        }
        if (type == typeof(PublicationChoices))
        {
            return Choices(value);
        }
        return value;
    }

    private string EnumValue(Type type, string value)
    {
        if (features.Select(feature => feature.ValueKeys.GetValueOrDefault(type)).FirstOrDefault(prefix => prefix is not null) is not { } prefix)
        {
            return value;
        }
        // Stored by name; a number (inside JSON lists) is turned into its name first.
        var name = long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? Enum.ToObject(type, number).ToString() : value;
        return Localized(prefix + name, value);
    }

    private string EnumList(Type type, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return json;
            }
            var values = document.RootElement.EnumerateArray()
                .Select(element => EnumValue(type, element.ValueKind == JsonValueKind.Number ? element.GetRawText() : element.GetString() ?? ""))
                .ToList();
            return values.Count == 0 ? l["Audit.NoneChosen"] : string.Join(l["Audit.ListSeparator"], values);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>The parts a release made public, named as the publish page names them.</summary>
    private string Choices(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var chosen = document.RootElement.EnumerateObject()
                .Where(part => part.Value.ValueKind == JsonValueKind.True)
                .Select(part => Localized($"Publish.Choice.{char.ToUpperInvariant(part.Name[0])}{part.Name[1..]}", part.Name))
                .ToList();
            return chosen.Count == 0 ? l["Audit.NoneChosen"] : string.Join(l["Audit.ListSeparator"], chosen);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string Number(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number.ToString("#,0.##", CultureInfo.CurrentCulture) : value;

    /// <summary>Account ids: the person's name is looked up (RecordedById, AuthorId, UserId…).</summary>
    private static bool IsUserId(string field) => field.EndsWith("Id", StringComparison.Ordinal);

    private Type? TypeOf(string kind) =>
        features.SelectMany(feature => feature.Entities).FirstOrDefault(type => type.Name == kind);

    private PropertyInfo? PropertyOf(string kind, string field) =>
        TypeOf(kind)?.GetProperty(field, BindingFlags.Public | BindingFlags.Instance);

    private static Type? Underlying(Type? type) => type is null ? null : Nullable.GetUnderlyingType(type) ?? type;

    private string Localized(string key, string fallback)
    {
        var text = l[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}

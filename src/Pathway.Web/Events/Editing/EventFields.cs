using System.Globalization;

namespace Pathway.Web.Events.Editing;

/// <summary>What the organisers' forms share: the zones to offer and local times as a datetime-local field writes them.</summary>
public static class EventFields
{
    /// <summary>The IANA zones this server knows, for the time zone field's suggestions.</summary>
    public static IReadOnlyList<string> Zones { get; } = [.. TimeZoneInfo.GetSystemTimeZones()
        .Where(zone => zone.HasIanaId && zone.Id.Contains('/', StringComparison.Ordinal))
        .Select(zone => zone.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>"2026-03-10T14:00", the value of a datetime-local field; empty for none.</summary>
    public static string Local(DateTime? value) =>
        value is { } time ? time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";
}

using System.Globalization;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>
/// The reader's time zone on the event pages: chosen with <c>?tz=</c> (an IANA id, from a short list of common
/// zones or any other valid one); an unknown value is ignored. And the text of a start–end span in a zone.
/// </summary>
public static class ReaderZone
{
    /// <summary>Zones offered in the chooser: one or two per region of the world, where WHO's meetings are followed.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "UTC", "Africa/Abidjan", "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi",
        "America/Bogota", "America/Mexico_City", "America/New_York", "America/Sao_Paulo", "America/Los_Angeles",
        "Asia/Bangkok", "Asia/Dhaka", "Asia/Dubai", "Asia/Jakarta", "Asia/Karachi", "Asia/Kolkata", "Asia/Manila", "Asia/Riyadh",
        "Asia/Tokyo", "Australia/Sydney", "Europe/Copenhagen", "Europe/London", "Europe/Paris", "Europe/Zurich", "Pacific/Auckland",
    ];

    /// <summary>The zone the reader asked for, or null (nothing asked, or not a zone).</summary>
    public static TimeZoneInfo? Parse(string? tz) =>
        string.Equals(tz?.Trim(), "UTC", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc : EventTimes.FindZone(tz);

    /// <summary>
    /// "15 Jul 2024, 09:00–17:00 (UTC+03:00)" when both ends fall on the same day at the same offset there,
    /// else both ends written out in full.
    /// </summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var reader = culture ?? CultureInfo.CurrentCulture;
        var from = EventTimes.InZone(start, zone);
        var to = EventTimes.InZone(end, zone);
        if (from.Date == to.Date && from.Offset == to.Offset)
        {
            var separator = reader.TextInfo.IsRightToLeft ? "، " : ", ";
            return DateText.Date(DateOnly.FromDateTime(from.DateTime), reader) + separator
                + from.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + to.ToString("HH:mm", CultureInfo.InvariantCulture)
                + " (" + EventTimes.OffsetText(start, zone) + ")";
        }
        return EventTimes.Format(start, zone, reader) + " – " + EventTimes.Format(end, zone, reader);
    }

    /// <summary>The event's zone, falling back to UTC for a zone this server does not know.</summary>
    public static TimeZoneInfo Of(string timeZone) => EventTimes.FindZone(timeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The zone's id as people read it ("Africa/Cairo" → "Africa/Cairo"; UTC stays UTC).</summary>
    public static string Name(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone == TimeZoneInfo.Utc ? "UTC" : zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }
}

using System.Globalization;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>
/// Time zones of events: an event is held in an IANA zone ("Africa/Cairo") and stored in UTC; people read it in that
/// zone and in their own. Every conversion between a wall-clock time and a moment goes through here.
/// </summary>
public static class EventTimes
{
    /// <summary>The zone with this IANA id, or null when there is none (the caller names the field).</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > Event.TimeZoneLength)
        {
            return null;
        }
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            // Windows ids ("Egypt Standard Time") are found too on some systems; only IANA ids are kept, for calendars.
            return zone.HasIanaId ? zone : null;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// The moment a wall-clock time in <paramref name="zone"/> names. A time skipped by a clock change is read as the
    /// hour after; a repeated one as its first occurrence (the standard offset's twin comes second).
    /// </summary>
    public static DateTimeOffset ToMoment(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The moment as it reads in <paramref name="zone"/>.</summary>
    public static DateTimeOffset InZone(DateTimeOffset moment, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(moment, zone);

    /// <summary>"UTC+03:00", "UTC−05:00", "UTC": the zone's offset at that moment.</summary>
    public static string OffsetText(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(moment);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return "UTC" + sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"15 Jul 2024, 09:00 (UTC+03:00)": the day as <see cref="DateText"/> writes it, the time on a 24-hour clock.</summary>
    public static string Format(DateTimeOffset moment, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var reader = culture ?? CultureInfo.CurrentCulture;
        var there = InZone(moment, zone);
        var separator = reader.TextInfo.IsRightToLeft ? "، " : ", ";
        return DateText.Date(DateOnly.FromDateTime(there.DateTime), reader) + separator
            + there.ToString("HH:mm", CultureInfo.InvariantCulture) + " (" + OffsetText(moment, zone) + ")";
    }
}

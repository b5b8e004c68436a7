using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;

namespace Pathway.Web.Events;

/// <summary>
/// Events as iCalendar (RFC 5545) through Ical.Net: the feed of upcoming events and the .ics of one event.
/// </summary>
/// <remarks>
/// Times are written in the event's own IANA zone (DTSTART;TZID=Africa/Cairo:20240715T090000) with a VTIMEZONE for
/// each zone used. Google Calendar and Apple Calendar read IANA TZIDs directly; Outlook does not know IANA names and
/// reads the offsets from the VTIMEZONE, which is why it is always included. Keeping the zone (rather than UTC times)
/// lets a calendar show the event where it is held and keeps a later clock-change rule right. The UID is the event's
/// id and never changes, so a calendar that subscribed updates the event instead of adding a second copy. The online
/// link is never written: only registered people get it, on their registration page.
/// </remarks>
public sealed class EventCalendar(PublicAddress address, IStringLocalizer<SharedResource> localizer, TimeProvider time)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(Guid id) => $"{id:D}@pathway";

    /// <summary>The calendar of the given events, serialized.</summary>
    public string Write(IEnumerable<CalendarEntry> entries, string name)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var calendar = new Ical.Net.Calendar { ProductId = "-//WHO Pathway//Events//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("METHOD", "PUBLISH");
        var zones = new HashSet<string>(StringComparer.Ordinal);
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, "UTC");
        foreach (var entry in entries)
        {
            var zone = EventTimes.FindZone(entry.TimeZone);
            var tzId = zone is null ? "UTC" : entry.TimeZone.Trim();
            if (zone is not null && zones.Add(tzId))
            {
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(tzId, entry.StartsAt.UtcDateTime.AddYears(-1), includeHistoricalData: false));
            }
            var link = address.Link($"/events/{entry.Id}");
            var description = new StringBuilder();
            description.Append(localizer[$"EventType.{entry.Type}"].Value);
            if (!string.IsNullOrWhiteSpace(entry.SeriesTitle))
            {
                description.Append(" · ").Append(entry.SeriesTitle);
                if (entry.ModuleNumber is { } module)
                {
                    description.Append(' ').Append(localizer["Events.Module", module.ToString(CultureInfo.CurrentCulture)].Value);
                }
            }
            description.Append("\n\n").Append(link);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(entry.Id),
                DtStamp = stamp,
                Start = Wall(entry.StartsAt, zone, tzId),
                End = Wall(entry.EndsAt, zone, tzId),
                Summary = entry.Title,
                Description = description.ToString(),
                Location = string.IsNullOrWhiteSpace(entry.Venue) ? null : entry.Venue,
                Url = new Uri(link),
                Status = Ical.Net.EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Wall(DateTimeOffset moment, TimeZoneInfo? zone, string tzId)
    {
        var local = zone is null ? moment.UtcDateTime : EventTimes.InZone(moment, zone).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), tzId);
    }

    /// <summary>A file name safe in a Content-Disposition header: ASCII letters, digits and dashes.</summary>
    public static string FileName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((c == ' ' || c == '-' || c == '_') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
            if (builder.Length >= 60)
            {
                break;
            }
        }
        var name = builder.ToString().Trim('-');
        return (name.Length == 0 ? "event" : name) + ".ics";
    }
}

/// <summary>What the calendar writes of an event, titles already in the reader's language.</summary>
public sealed record CalendarEntry(Guid Id, string Title, EventType Type, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string? Venue, string? SeriesTitle, int? ModuleNumber)
{
    public static CalendarEntry From(EventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Title.Current, row.Type, row.StartsAt, row.EndsAt, row.TimeZone, row.Venue?.Current, row.SeriesTitle?.Current, row.ModuleNumber);
    }

    public static CalendarEntry From(EventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Title.Current, view.Type, view.StartsAt, view.EndsAt, view.TimeZone, view.Venue?.Current, view.Series?.Title.Current, view.ModuleNumber);
    }
}

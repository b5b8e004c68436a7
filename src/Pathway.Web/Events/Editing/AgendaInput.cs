using Microsoft.Extensions.Localization;
using Pathway.Web.Connector;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Editing;

/// <summary>One agenda row as stored: times in UTC.</summary>
public sealed record AgendaRow(DateTimeOffset StartsAt, DateTimeOffset? EndsAt, LocalizedText Topic, string? Speakers, string? Moderator);

/// <summary>One agenda row as the form sends it: times on the clock of the event's zone.</summary>
public sealed class AgendaRowInput
{
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public string? TopicEn { get; set; }
    public string? TopicFr { get; set; }
    public string? TopicAr { get; set; }
    public string? Speakers { get; set; }
    public string? Moderator { get; set; }

    /// <summary>Ticked to take the row out on this save.</summary>
    public bool Remove { get; set; }

    public bool IsBlank =>
        Start is null && End is null && string.IsNullOrWhiteSpace(TopicEn) && string.IsNullOrWhiteSpace(TopicFr)
        && string.IsNullOrWhiteSpace(TopicAr) && string.IsNullOrWhiteSpace(Speakers) && string.IsNullOrWhiteSpace(Moderator);
}

/// <summary>
/// The whole agenda in one form post: every row at once, blank and removed rows left out. Errors are keyed
/// <c>Rows[i].Field</c>, so the page puts each beside its row.
/// </summary>
public sealed class AgendaInput
{
    public const int MaxRows = 100;

    public List<AgendaRowInput> Rows { get; set; } = [];

    public int Version { get; set; }

    public IReadOnlyList<AgendaRow>? Check(TimeZoneInfo zone, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var rows = new List<AgendaRow>();
        var kept = Rows.Select((row, index) => (row, index)).Where(pair => !pair.row.Remove && !pair.row.IsBlank).ToList();
        if (kept.Count > MaxRows)
        {
            errors[nameof(Rows)] = [l["Agenda.Error.TooMany", MaxRows]];
            return null;
        }
        foreach (var (row, index) in kept)
        {
            var prefix = $"{nameof(Rows)}[{index}].";
            var rowErrors = new Dictionary<string, string[]>();
            var topic = EventText.Localized("Topic", row.TopicEn, row.TopicFr, row.TopicAr, required: true, EventText.TitleLength, l, rowErrors);
            var speakers = FieldText.Check(row.Speakers, nameof(row.Speakers), AgendaItem.PeopleLength, required: false, l, rowErrors);
            var moderator = FieldText.Check(row.Moderator, nameof(row.Moderator), AgendaItem.PeopleLength, required: false, l, rowErrors);
            DateTimeOffset? startsAt = null, endsAt = null;
            if (row.Start is not { } start || start.Year < 1990 || start.Year > 2100)
            {
                rowErrors[nameof(row.Start)] = [l["Agenda.Error.Start"]];
            }
            else
            {
                startsAt = EventTimes.ToMoment(start, zone);
            }
            if (row.End is { } end)
            {
                endsAt = EventTimes.ToMoment(end, zone);
                if (startsAt is { } from && endsAt <= from)
                {
                    rowErrors[nameof(row.End)] = [l["Event.Error.EndBeforeStart"]];
                }
            }
            foreach (var (field, messages) in rowErrors)
            {
                errors[prefix + field] = messages;
            }
            if (rowErrors.Count == 0)
            {
                rows.Add(new AgendaRow(startsAt!.Value, endsAt, topic!, speakers, moderator));
            }
        }
        return errors.Count == 0 ? [.. rows.OrderBy(row => row.StartsAt)] : null;
    }

    public static AgendaInput From(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var zone = EventTimes.FindZone(e.TimeZone) ?? TimeZoneInfo.Utc;
        return new AgendaInput
        {
            Version = e.Version,
            Rows = [.. e.Agenda.OrderBy(item => item.StartsAt).Select(item => new AgendaRowInput
            {
                Start = EventTimes.InZone(item.StartsAt, zone).DateTime,
                End = item.EndsAt is { } end ? EventTimes.InZone(end, zone).DateTime : null,
                TopicEn = item.Topic.En,
                TopicFr = item.Topic.Values.GetValueOrDefault("fr"),
                TopicAr = item.Topic.Values.GetValueOrDefault("ar"),
                Speakers = item.Speakers,
                Moderator = item.Moderator,
            })],
        };
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Countries;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events;

/// <summary>What the listing, the feed and the API filter by (each optional), as their query strings name them.</summary>
public sealed record EventFilter(EventType? Type = null, string? Region = null, Guid? Series = null, string? Behaviour = null, bool Past = false)
{
    /// <summary>The filter's query string ("type=Webinar&amp;region=EMR"), without the tab and page; empty when nothing is chosen.</summary>
    public string Query(bool withPast = false)
    {
        var parts = new List<string>();
        if (Type is { } type)
        {
            parts.Add("type=" + type);
        }
        if (!string.IsNullOrWhiteSpace(Region))
        {
            parts.Add("region=" + Uri.EscapeDataString(Region));
        }
        if (Series is { } series)
        {
            parts.Add("series=" + series);
        }
        if (!string.IsNullOrWhiteSpace(Behaviour))
        {
            parts.Add("behaviour=" + Uri.EscapeDataString(Behaviour));
        }
        if (withPast && Past)
        {
            parts.Add("when=past");
        }
        return string.Join("&", parts);
    }
}

/// <summary>A line of the listing: no description, agenda or figures.</summary>
public sealed record EventRow(
    Guid Id, LocalizedText Title, EventType Type, EventAccess Access, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZone, bool IsDemonstration, Guid? SeriesId, LocalizedText? SeriesTitle, int? ModuleNumber, LocalizedText? Venue, bool IsOnline);

public sealed record EventListPage(IReadOnlyList<EventRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record SeriesLink(Guid Id, LocalizedText Title);

public sealed record ModuleLink(Guid Id, int Number, LocalizedText Title);

public sealed record AgendaLine(DateTimeOffset StartsAt, DateTimeOffset? EndsAt, LocalizedText Topic, string? Speakers, string? Moderator);

public sealed record ResourceLink(Guid Id, LocalizedText Title);

/// <summary>What came of a key message, as the public may read it: the country's name, never the plan's details; a published resource.</summary>
public sealed record FollowUpLine(FollowUpKind Kind, string? CountryIso3, string? CountryName, ResourceLink? Resource);

public sealed record KeyMessageLine(Guid Id, LocalizedText Theme, LocalizedText Text, string? MechanismCode, IReadOnlyList<FollowUpLine> FollowUps);

/// <summary>An event as its page and the API show it. <see cref="OnlineLink"/> is set only for organisers.</summary>
public sealed record EventView(
    Guid Id, LocalizedText Title, LocalizedText? Description, EventType Type, EventAccess Access, EventStatus Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, LocalizedText? Venue, bool IsOnline, string? OnlineLink,
    LocalizedText? Organisers, LocalizedText? CoHosts, int? Capacity, bool IsAnnounced, bool IsDemonstration, bool TakesRegistrations,
    LocalizedText? Summary, string? RecordingUrl, string? SlidesUrl, string? LaunchedFrameworkVersion,
    SeriesLink? Series, int? ModuleNumber, ModuleLink? Previous, ModuleLink? Next,
    IReadOnlyList<string> Behaviours, IReadOnlyList<string> Mechanisms, IReadOnlyList<string> FlagshipAreas,
    IReadOnlyList<RegionOption> Regions, IReadOnlyList<CountryOption> Countries,
    IReadOnlyList<AgendaLine> Agenda, IReadOnlyList<ResourceLink> Resources, IReadOnlyList<KeyMessageLine> KeyMessages,
    ParticipationFigures Participation, int Version);

public sealed record SeriesModule(Guid Id, int? Number, LocalizedText Title, EventType Type, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZone, bool IsDemonstration);

public sealed record SeriesView(Guid Id, LocalizedText Title, LocalizedText? Description, LocalizedText? Organisers, bool IsDemonstration,
    IReadOnlyList<SeriesModule> Modules, ParticipationFigures Participation);

/// <summary>
/// The read side of events for pages, the feed and the API. Every query starts at <see cref="EventVisibility"/>
/// (drafts only for organisers), is untracked and projects into small records; the listing is one query for the
/// page's rows and one count.
/// </summary>
public sealed class EventReader(PathwayDb db, CurrentUser user, CountryDirectory directory, TimeProvider time)
{
    public const int PageSize = 20;
    public const int FeedSize = 500;

    public bool CanOrganise => user.OrganisesEvents;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<EventListPage> ListAsync(EventFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var query = Filtered(filter, now);
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var ordered = filter.Past ? query.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id) : query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var rows = await Rows(ordered.Skip((page - 1) * PageSize).Take(PageSize), now, cancellationToken);
        return new EventListPage(rows, total, page, PageSize);
    }

    /// <summary>Announced events not yet over (ongoing ones too), soonest first, for the calendar feed.</summary>
    public async Task<IReadOnlyList<EventRow>> FeedAsync(EventFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var query = Filtered(filter with { Past = false }, now).Where(e => e.IsAnnounced).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(FeedSize);
        return await Rows(query, now, cancellationToken);
    }

    private IQueryable<Event> Filtered(EventFilter filter, DateTimeOffset now)
    {
        var query = db.VisibleEvents(user).AsNoTracking();
        query = filter.Past ? query.Where(e => e.EndsAt <= now) : query.Where(e => e.EndsAt > now);
        if (filter.Type is { } type)
        {
            query = query.Where(e => e.Type == type);
        }
        if (filter.Series is { } series)
        {
            query = query.Where(e => e.SeriesId == series);
        }
        query = Tagged(query, TagFacet.Region, filter.Region);
        query = Tagged(query, TagFacet.Behaviour, filter.Behaviour);
        return query;
    }

    private IQueryable<Event> Tagged(IQueryable<Event> query, TagFacet facet, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return query;
        }
        var code = value.Trim().ToUpperInvariant();
        return query.Where(e => db.EventTags.Any(tag => tag.EventId == e.Id && tag.Facet == facet && tag.Value == code));
    }

    private static async Task<List<EventRow>> Rows(IQueryable<Event> query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await query.Select(e => new
        {
            e.Id, e.Title, e.Type, e.Access, e.IsAnnounced, e.StartsAt, e.EndsAt, e.TimeZone, e.IsDemonstration, e.SeriesId,
            SeriesTitle = e.Series == null ? null : e.Series.Title, e.ModuleNumber, e.Venue, IsOnline = e.OnlineLink != null,
            Messages = e.KeyMessages.Count, FollowedUp = e.KeyMessages.Count(message => message.FollowUps.Count > 0),
        }).ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(e => new EventRow(e.Id, e.Title, e.Type, e.Access,
                EventLifecycle.StatusOf(e.IsAnnounced, e.StartsAt, e.EndsAt, now, e.Messages, e.FollowedUp), e.StartsAt, e.EndsAt, e.TimeZone,
                e.IsDemonstration, e.SeriesId, e.SeriesTitle, e.ModuleNumber, e.Venue, e.IsOnline)),
        ];
    }

    /// <summary>Series to filter by, in title order of the reader's language.</summary>
    public async Task<IReadOnlyList<SeriesLink>> SeriesChoicesAsync(CancellationToken cancellationToken = default)
    {
        var series = await db.EventSeries.AsNoTracking().Select(s => new SeriesLink(s.Id, s.Title)).ToListAsync(cancellationToken);
        return [.. series.OrderBy(s => s.Title.Current, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>One event as its page shows it; null when it does not exist or the reader may not see it.</summary>
    public async Task<EventView?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var e = await db.VisibleEvents(user).AsNoTracking()
            .Where(candidate => candidate.Id == id)
            .Select(candidate => new
            {
                Event = candidate,
                SeriesTitle = candidate.Series == null ? null : candidate.Series.Title,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return null;
        }
        var ev = e.Event;
        var tags = await db.EventTags.AsNoTracking().Where(tag => tag.EventId == id).Select(tag => new { tag.Facet, tag.Value }).ToListAsync(cancellationToken);
        var agenda = await db.AgendaItems.AsNoTracking().Where(item => item.EventId == id).OrderBy(item => item.StartsAt)
            .Select(item => new AgendaLine(item.StartsAt, item.EndsAt, item.Topic, item.Speakers, item.Moderator)).ToListAsync(cancellationToken);
        var resources = await (from link in db.EventResources.AsNoTracking()
                               join resource in db.Set<Resource>().AsNoTracking() on link.ResourceId equals resource.Id
                               where link.EventId == id && resource.State == ModerationState.Published
                               select new ResourceLink(resource.Id, resource.Title)).ToListAsync(cancellationToken);
        var messages = await db.KeyMessages.AsNoTracking().Where(message => message.EventId == id).OrderBy(message => message.Order)
            .Select(message => new { message.Id, message.Theme, message.Text, message.MechanismCode }).ToListAsync(cancellationToken);
        var messageIds = messages.Select(message => message.Id).ToList();
        var followUps = await db.KeyMessageFollowUps.AsNoTracking().Where(followUp => messageIds.Contains(followUp.KeyMessageId))
            .OrderBy(followUp => followUp.CreatedAt)
            .Select(followUp => new { followUp.KeyMessageId, followUp.Kind, followUp.CountryIso3, followUp.ResourceId }).ToListAsync(cancellationToken);
        var followUpResourceIds = followUps.Where(f => f.ResourceId != null).Select(f => f.ResourceId!.Value).Distinct().ToList();
        var published = await db.Set<Resource>().AsNoTracking()
            .Where(resource => followUpResourceIds.Contains(resource.Id) && resource.State == ModerationState.Published)
            .Select(resource => new ResourceLink(resource.Id, resource.Title)).ToDictionaryAsync(resource => resource.Id, cancellationToken);

        var countries = (await directory.CountriesAsync(cancellationToken)).ToDictionary(country => country.Iso3, StringComparer.OrdinalIgnoreCase);
        var regions = await directory.RegionsAsync(cancellationToken);

        ModuleLink? previous = null, next = null;
        if (ev.SeriesId is { } seriesId && ev.ModuleNumber is { } number)
        {
            var siblings = db.VisibleEvents(user).AsNoTracking().Where(other => other.SeriesId == seriesId && other.ModuleNumber != null);
            previous = await siblings.Where(other => other.ModuleNumber < number).OrderByDescending(other => other.ModuleNumber)
                .Select(other => new ModuleLink(other.Id, other.ModuleNumber!.Value, other.Title)).FirstOrDefaultAsync(cancellationToken);
            next = await siblings.Where(other => other.ModuleNumber > number).OrderBy(other => other.ModuleNumber)
                .Select(other => new ModuleLink(other.Id, other.ModuleNumber!.Value, other.Title)).FirstOrDefaultAsync(cancellationToken);
        }

        string? launched = null;
        if (ev.LaunchedFrameworkVersion is { } versionId)
        {
            launched = await db.FrameworkVersions.AsNoTracking().Where(version => version.Id == versionId).Select(version => version.Version)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var counted = await ParticipationStats.CountAsync(db, [id], cancellationToken);
        var totals = await ParticipationStats.TotalsAsync(db, [id], cancellationToken);
        var figures = ParticipationStats.Resolve(counted[id], totals[id], now >= ev.EndsAt, RegionOf(countries));

        var lines = messages.Select(message => new KeyMessageLine(message.Id, message.Theme, message.Text, message.MechanismCode,
            [
                .. followUps.Where(f => f.KeyMessageId == message.Id)
                    .Select(f => f.Kind == FollowUpKind.Action
                        ? new FollowUpLine(FollowUpKind.Action, f.CountryIso3,
                            f.CountryIso3 is { } iso3 && countries.TryGetValue(iso3, out var country) ? country.Name : f.CountryIso3, null)
                        : new FollowUpLine(FollowUpKind.Resource, null, null,
                            f.ResourceId is { } resourceId && published.TryGetValue(resourceId, out var resource) ? resource : null))
                    .Where(f => f.Kind == FollowUpKind.Action ? f.CountryIso3 is not null : f.Resource is not null),
            ])).ToList();
        var followedUp = lines.Count(line => line.FollowUps.Count > 0);
        string[] Tags(TagFacet facet) => [.. tags.Where(tag => tag.Facet == facet).Select(tag => tag.Value).Order(StringComparer.Ordinal)];
        var regionTags = Tags(TagFacet.Region);
        var countryTags = Tags(TagFacet.Country);

        return new EventView(ev.Id, ev.Title, ev.Description, ev.Type, ev.Access,
            EventLifecycle.StatusOf(ev.IsAnnounced, ev.StartsAt, ev.EndsAt, now, messages.Count, followedUp),
            ev.StartsAt, ev.EndsAt, ev.TimeZone, ev.Venue, ev.OnlineLink is not null, user.OrganisesEvents ? ev.OnlineLink : null,
            ev.Organisers, ev.CoHosts, ev.Capacity, ev.IsAnnounced, ev.IsDemonstration,
            EventLifecycle.TakesRegistrations(ev.IsAnnounced, ev.Access, ev.EndsAt, now),
            ev.Summary, ev.RecordingUrl, ev.SlidesUrl, launched,
            ev.SeriesId is { } sid && e.SeriesTitle is { } seriesTitle ? new SeriesLink(sid, seriesTitle) : null, ev.ModuleNumber, previous, next,
            Tags(TagFacet.Behaviour), Tags(TagFacet.Mechanism), Tags(TagFacet.FlagshipArea),
            [.. regions.Where(region => regionTags.Contains(region.Code, StringComparer.OrdinalIgnoreCase))],
            [.. countryTags.Select(code => countries.TryGetValue(code, out var country) ? country : new CountryOption(code, code, ""))
                .OrderBy(country => country.Name, StringComparer.CurrentCultureIgnoreCase)],
            agenda, resources, lines, figures, ev.Version);
    }

    /// <summary>A series with its modules in order and its participation summed; null when it does not exist.</summary>
    public async Task<SeriesView?> SeriesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var series = await db.EventSeries.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Title, s.Description, s.Organisers, s.IsDemonstration }).SingleOrDefaultAsync(cancellationToken);
        if (series is null)
        {
            return null;
        }
        var modules = await db.VisibleEvents(user).AsNoTracking().Where(e => e.SeriesId == id)
            .OrderBy(e => e.ModuleNumber == null).ThenBy(e => e.ModuleNumber).ThenBy(e => e.StartsAt)
            .Select(e => new
            {
                e.Id, e.ModuleNumber, e.Title, e.Type, e.IsAnnounced, e.StartsAt, e.EndsAt, e.TimeZone, e.IsDemonstration,
                Messages = e.KeyMessages.Count, FollowedUp = e.KeyMessages.Count(message => message.FollowUps.Count > 0),
            }).ToListAsync(cancellationToken);
        var ids = modules.Select(module => module.Id).ToList();
        var counted = await ParticipationStats.CountAsync(db, ids, cancellationToken);
        var totals = await ParticipationStats.TotalsAsync(db, ids, cancellationToken);
        var countries = (await directory.CountriesAsync(cancellationToken)).ToDictionary(country => country.Iso3, StringComparer.OrdinalIgnoreCase);
        var figures = ParticipationStats.Sum(modules.Select(module =>
            ParticipationStats.Resolve(counted[module.Id], totals[module.Id], now >= module.EndsAt, RegionOf(countries))));
        return new SeriesView(series.Id, series.Title, series.Description, series.Organisers, series.IsDemonstration,
            [
                .. modules.Select(module => new SeriesModule(module.Id, module.ModuleNumber, module.Title, module.Type,
                    EventLifecycle.StatusOf(module.IsAnnounced, module.StartsAt, module.EndsAt, now, module.Messages, module.FollowedUp),
                    module.StartsAt, module.EndsAt, module.TimeZone, module.IsDemonstration)),
            ],
            figures);
    }

    /// <summary>Localized names of regions and countries, for the figures' tables.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Regions, IReadOnlyDictionary<string, string> Countries)> NamesAsync(CancellationToken cancellationToken = default)
    {
        var regions = (await directory.RegionsAsync(cancellationToken)).ToDictionary(region => region.Code, region => region.Name, StringComparer.OrdinalIgnoreCase);
        var countries = (await directory.CountriesAsync(cancellationToken)).ToDictionary(country => country.Iso3, country => country.Name, StringComparer.OrdinalIgnoreCase);
        return (regions, countries);
    }

    private static Func<string, string?> RegionOf(Dictionary<string, CountryOption> countries) =>
        iso3 => countries.TryGetValue(iso3, out var country) && country.RegionCode.Length > 0 ? country.RegionCode : null;
}

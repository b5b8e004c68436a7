using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Data;
using Pathway.Web.Events.Registrations;

namespace Pathway.Web.Events.Editing;

/// <summary>
/// The one place events and series are written: create, change, announce, back to draft, delete a draft, the agenda
/// and the recorded totals. Every method refuses callers who do not organise events, opens the event through
/// <see cref="EventVisibility.OrganisedEvents"/>, checks all its input before writing anything, and marks the event
/// changed (<see cref="Event.Touch"/>), so its concurrency token moves on and the kept public pages are dropped.
/// </summary>
public sealed class EventBook(
    PathwayDb db, CurrentUser user, RegistrationDesk desk, EventSearch search, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public bool MayOrganise => user.IsSignedIn && user.OrganisesEvents;

    /// <summary>The event with its tags, agenda, resources and totals, tracked; not found for unknown ids and for non-organisers.</summary>
    public async Task<Outcome<Event>> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!MayOrganise)
        {
            return Forbidden();
        }
        var found = await db.OrganisedEvents(user).AsSplitQuery()
            .Include(e => e.Tags).Include(e => e.Agenda).Include(e => e.Resources).Include(e => e.Totals).Include(e => e.Series)
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return found is null ? NotFound() : found;
    }

    public async Task<Outcome<Event>> CreateAsync(EventInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayOrganise)
        {
            return Forbidden();
        }
        var (draft, failure) = await CheckAsync(input, null, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var now = clock.GetUtcNow();
        var e = new Event
        {
            Title = draft!.Title,
            TimeZone = draft.TimeZone,
            CreatedAt = now,
            CreatedById = user.Id,
            UpdatedAt = now,
        };
        Apply(e, draft);
        e.IsAnnounced = input.IsAnnounced == true;
        db.Events.Add(e);
        // Registration takes places through this row: it exists from the start.
        db.EventPlaces.Add(new EventPlaces { EventId = e.Id });
        return await SaveAsync(e, cancellationToken);
    }

    /// <summary>Changes the event; a version other than the stored one is a conflict carrying the stored values.</summary>
    public async Task<Outcome<Event>> UpdateAsync(Guid id, EventInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var e, out var closed))
        {
            return closed;
        }
        if (input.Version > 0 && input.Version != e.Version)
        {
            return Conflict(e);
        }
        var (draft, failure) = await CheckAsync(input, e.Id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var capacityBefore = e.Capacity;
        Apply(e, draft!);
        e.IsAnnounced = input.IsAnnounced ?? e.IsAnnounced;
        e.Touch(clock.GetUtcNow());
        var saved = await SaveAsync(e, cancellationToken);
        if (saved.Succeeded && capacityBefore is { } before && (e.Capacity is null || e.Capacity > before))
        {
            // More places: the people waiting longest move up, in order, each told by e-mail.
            await desk.CapacityChangedAsync(e.Id, cancellationToken);
        }
        return saved;
    }

    /// <summary>Announces the event (it appears on the public pages) or takes it back to a draft.</summary>
    public async Task<Outcome<Event>> AnnounceAsync(Guid id, bool announce, int version, CancellationToken cancellationToken = default)
    {
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var e, out var closed))
        {
            return closed;
        }
        if (version > 0 && version != e.Version)
        {
            return Conflict(e);
        }
        e.IsAnnounced = announce;
        e.Touch(clock.GetUtcNow());
        return await SaveAsync(e, cancellationToken);
    }

    /// <summary>Deletes a draft nobody registered for; an announced event or one with registrations is kept.</summary>
    public async Task<Outcome<Guid>> DeleteDraftAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var e, out var closed))
        {
            return closed;
        }
        if (e.IsAnnounced)
        {
            return Failure.Invalid(l["Event.Error.Title"], l["Event.Error.DeleteAnnounced"]);
        }
        if (await db.Registrations.AnyAsync(r => r.EventId == id, cancellationToken))
        {
            return Failure.Invalid(l["Event.Error.Title"], l["Event.Error.DeleteRegistered"]);
        }
        db.Events.Remove(e);
        await search.StageRemovalAsync(e.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Replaces the agenda with the rows given (blank rows left out), read on the clock of the event's zone.</summary>
    public async Task<Outcome<Event>> SaveAgendaAsync(Guid id, AgendaInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var e, out var closed))
        {
            return closed;
        }
        if (input.Version > 0 && input.Version != e.Version)
        {
            return Conflict(e);
        }
        var zone = EventTimes.FindZone(e.TimeZone) ?? TimeZoneInfo.Utc;
        var rows = input.Check(zone, l, out var errors);
        if (rows is null)
        {
            return Failure.Invalid(l["Event.Error.Title"], l["Event.Error.Detail"], errors);
        }
        db.AgendaItems.RemoveRange(e.Agenda);
        foreach (var row in rows)
        {
            db.AgendaItems.Add(new AgendaItem
            {
                EventId = e.Id, StartsAt = row.StartsAt, EndsAt = row.EndsAt, Topic = row.Topic, Speakers = row.Speakers, Moderator = row.Moderator,
            });
        }
        e.Touch(clock.GetUtcNow());
        return await SaveAsync(e, cancellationToken);
    }

    /// <summary>Replaces the recorded totals of each dimension with the counts given; a dimension left blank loses its rows.</summary>
    public async Task<Outcome<Event>> SaveTotalsAsync(Guid id, TotalsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken)).TryGet(out var e, out var closed))
        {
            return closed;
        }
        // Totals stand in for registrations only once an event is over (ParticipationStats.Resolve): before that they would be ignored.
        if (clock.GetUtcNow() < e.EndsAt)
        {
            return Failure.Invalid(l["Event.Error.Title"], l["Totals.Error.NotOver"]);
        }
        var vocabulary = await TagVocabulary.LoadAsync(db, cancellationToken);
        var totals = input.Check(vocabulary, l, out var errors);
        if (totals is null)
        {
            return Failure.Invalid(l["Event.Error.Title"], l["Event.Error.Detail"], errors);
        }
        // Rows kept are updated in place, so the save is one statement set: all of it or nothing.
        foreach (var stale in e.Totals.Where(row => !totals.Any(t => t.Dimension == row.Dimension && t.Key == row.Key)).ToList())
        {
            e.Totals.Remove(stale);
            db.ParticipationTotals.Remove(stale);
        }
        foreach (var (dimension, key, count) in totals)
        {
            if (e.Totals.FirstOrDefault(row => row.Dimension == dimension && row.Key == key) is { } kept)
            {
                kept.Count = count;
            }
            else
            {
                e.Totals.Add(new ParticipationTotal { EventId = e.Id, Dimension = dimension, Key = key, Count = count });
            }
        }
        e.Touch(clock.GetUtcNow());
        return await SaveAsync(e, cancellationToken);
    }

    /// <summary>The series, tracked; not found for unknown ids and non-organisers.</summary>
    public async Task<Outcome<EventSeries>> OpenSeriesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!MayOrganise)
        {
            return Forbidden();
        }
        var series = await db.EventSeries.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return series is null ? Failure.NotFound(l["Series.NotFoundTitle"], l["Series.NotFound"]) : series;
    }

    public async Task<Outcome<EventSeries>> SaveSeriesAsync(Guid? id, SeriesInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayOrganise)
        {
            return Forbidden();
        }
        EventSeries? series = null;
        if (id is { } existing)
        {
            if (!(await OpenSeriesAsync(existing, cancellationToken)).TryGet(out series, out var closed))
            {
                return closed;
            }
            if (input.Version > 0 && input.Version != series.Version)
            {
                return Failure.Conflict(l["Event.Error.Title"], l["Event.Error.Stale"], SeriesInput.From(series));
            }
        }
        var draft = input.Check(l, out var errors);
        if (draft is null)
        {
            return Failure.Invalid(l["Event.Error.Title"], l["Event.Error.Detail"], errors);
        }
        var now = clock.GetUtcNow();
        if (series is null)
        {
            series = new EventSeries { Title = draft.Title, CreatedAt = now };
            db.EventSeries.Add(series);
        }
        else
        {
            series.Version++;
        }
        series.Title = draft.Title;
        series.Description = draft.Description;
        series.Organisers = draft.Organisers;
        series.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return series;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(l["Event.Error.Title"], l["Event.Error.Stale"], null);
        }
    }

    /// <summary>Series to choose from in the event form, by English title.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> SeriesChoicesAsync(CancellationToken cancellationToken = default) =>
        (await db.EventSeries.AsNoTracking().Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Title.Current)).OrderBy(s => s.Current, StringComparer.CurrentCulture).ToList();

    private async Task<(EventDraft? Draft, Failure? Failure)> CheckAsync(EventInput input, Guid? eventId, CancellationToken cancellationToken)
    {
        var vocabulary = await TagVocabulary.LoadAsync(db, cancellationToken);
        var draft = input.Check(vocabulary, l, out var errors);
        if (input.SeriesId is { } seriesId && !await db.EventSeries.AnyAsync(s => s.Id == seriesId, cancellationToken))
        {
            errors[nameof(EventInput.SeriesId)] = [l["Event.Error.Series"]];
        }
        else if (input.SeriesId is { } series && input.ModuleNumber is { } module && !errors.ContainsKey(nameof(EventInput.ModuleNumber))
            && await db.Events.AnyAsync(e => e.SeriesId == series && e.ModuleNumber == module && e.Id != eventId, cancellationToken))
        {
            errors[nameof(EventInput.ModuleNumber)] = [l["Event.Error.ModuleTaken", module]];
        }
        if (input.LaunchedFrameworkVersion is { } version && !await db.FrameworkVersions.AnyAsync(v => v.Id == version, cancellationToken))
        {
            errors[nameof(EventInput.LaunchedFrameworkVersion)] = [l["Event.Error.FrameworkVersion"]];
        }
        if (draft is not null && draft.ResourceIds.Count > 0)
        {
            var ids = draft.ResourceIds.ToList();
            var published = await db.Set<Resource>().AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.State == ModerationState.Published).Select(r => r.Id).ToListAsync(cancellationToken);
            if (ids.FirstOrDefault(id => !published.Contains(id)) is { } missing && missing != Guid.Empty)
            {
                errors[nameof(EventInput.ResourceIds)] = [l["Event.Error.Resource", missing]];
            }
        }
        return errors.Count > 0
            ? (null, Failure.Invalid(l["Event.Error.Title"], l["Event.Error.Detail"], errors))
            : (draft, null);
    }

    private void Apply(Event e, EventDraft draft)
    {
        e.Title = draft.Title;
        e.Description = draft.Description;
        e.Type = draft.Type;
        e.Access = draft.Access;
        e.SeriesId = draft.SeriesId;
        e.ModuleNumber = draft.SeriesId is null ? null : draft.ModuleNumber;
        e.StartsAt = draft.StartsAt;
        e.EndsAt = draft.EndsAt;
        e.TimeZone = draft.TimeZone;
        e.Venue = draft.Venue;
        e.OnlineLink = draft.OnlineLink;
        e.Organisers = draft.Organisers;
        e.CoHosts = draft.CoHosts;
        e.Capacity = draft.Capacity;
        e.Summary = draft.Summary;
        e.RecordingUrl = draft.RecordingUrl;
        e.SlidesUrl = draft.SlidesUrl;
        e.LaunchedFrameworkVersion = draft.LaunchedFrameworkVersion;
        foreach (var tag in e.Tags.Where(tag => !draft.Tags.Contains(new ContentTag(tag.Facet, tag.Value))).ToList())
        {
            e.Tags.Remove(tag);
            db.EventTags.Remove(tag);
        }
        foreach (var tag in draft.Tags.Where(tag => !e.Tags.Any(t => t.Facet == tag.Facet && t.Value == tag.Value)))
        {
            e.Tags.Add(new EventTag { EventId = e.Id, Facet = tag.Facet, Value = tag.Value });
        }
        foreach (var link in e.Resources.Where(link => !draft.ResourceIds.Contains(link.ResourceId)).ToList())
        {
            e.Resources.Remove(link);
            db.EventResources.Remove(link);
        }
        foreach (var id in draft.ResourceIds.Where(id => !e.Resources.Any(link => link.ResourceId == id)))
        {
            e.Resources.Add(new EventResource { EventId = e.Id, ResourceId = id });
        }
    }

    private async Task<Outcome<Event>> SaveAsync(Event e, CancellationToken cancellationToken)
    {
        try
        {
            await search.StageAsync(e, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return e;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Events.AsNoTracking().Include(x => x.Tags).Include(x => x.Resources).FirstOrDefaultAsync(x => x.Id == e.Id, cancellationToken);
            return stored is null ? NotFound() : Conflict(stored);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two organisers gave the same module number of a series at once: the unique index let one in.
            db.ChangeTracker.Clear();
            return Failure.Invalid(l["Event.Error.Title"], nameof(EventInput.ModuleNumber), l["Event.Error.ModuleTaken", e.ModuleNumber ?? 0]);
        }
    }

    private Failure Conflict(Event stored) =>
        Failure.Conflict(l["Event.Error.Title"], l["Event.Error.Stale"], EventInput.From(stored));

    private Failure Forbidden() => Failure.Forbidden(l["Event.Error.Title"], l["Event.Error.NotOrganiser"]);

    private Failure NotFound() => Failure.NotFound(l["Event.NotFoundTitle"], l["Event.NotFound"]);
}

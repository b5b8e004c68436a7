using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Data;
using Pathway.Web.Localization;
using Pathway.Web.Notices;
using Pathway.Web.Planning;

namespace Pathway.Web.Events.KeyMessages;

/// <summary>
/// Keeps an event's key messages and what came of them: adding, changing, ordering and removing messages, and
/// following one up as an action in a country's plan (through Planning's own entry for outsiders, which never opens
/// the country's round to the organiser), as a draft resource of the knowledge hub (through the hub's own library, so
/// it goes to review like any draft) or as a link to a published resource. Organisers only; every message is reached
/// through <see cref="EventVisibility.OrganisedEvents"/>.
/// </summary>
public sealed class KeyMessageBook(
    PathwayDb db, CurrentUser user, TimeProvider clock, PlanItemsFromOutside plans, ResourceLibrary library, NoticeOutbox outbox,
    PublicAddress address, IStringLocalizer<SharedResource> l)
{
    public bool MayOrganise => user.IsSignedIn && user.OrganisesEvents;

    /// <summary>The event's messages in order, with their follow-ups; not found for unknown events and non-organisers.</summary>
    public async Task<Outcome<(Event Event, IReadOnlyList<KeyMessage> Messages)>> ReadAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        if (!MayOrganise)
        {
            return Forbidden();
        }
        var e = await db.OrganisedEvents(user).AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null)
        {
            return EventNotFound();
        }
        var messages = await db.KeyMessages.AsNoTracking().Include(m => m.FollowUps)
            .Where(m => m.EventId == eventId).OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return (e, messages);
    }

    public async Task<Outcome<KeyMessage>> AddAsync(Guid eventId, KeyMessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayOrganise)
        {
            return Forbidden();
        }
        if (!await db.OrganisedEvents(user).AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return EventNotFound();
        }
        var draft = input.Check(await TagVocabulary.LoadAsync(db, cancellationToken), l, out var errors);
        if (draft is null)
        {
            return Invalid(errors);
        }
        var order = await db.KeyMessages.Where(m => m.EventId == eventId).Select(m => (int?)m.Order).MaxAsync(cancellationToken) ?? 0;
        var message = new KeyMessage { EventId = eventId, Theme = draft.Theme, Text = draft.Text, MechanismCode = draft.MechanismCode, Order = order + 1 };
        db.KeyMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    public async Task<Outcome<KeyMessage>> UpdateAsync(Guid messageId, KeyMessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(messageId, cancellationToken)).TryGet(out var message, out var closed))
        {
            return closed;
        }
        var draft = input.Check(await TagVocabulary.LoadAsync(db, cancellationToken), l, out var errors);
        if (draft is null)
        {
            return Invalid(errors);
        }
        (message.Theme, message.Text, message.MechanismCode) = (draft.Theme, draft.Text, draft.MechanismCode);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    public async Task<Outcome<Guid>> RemoveAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        if (!(await OpenAsync(messageId, cancellationToken)).TryGet(out var message, out var closed))
        {
            return closed;
        }
        db.KeyMessages.Remove(message);
        await db.SaveChangesAsync(cancellationToken);
        return message.EventId;
    }

    /// <summary>Moves the message one place up (<paramref name="up"/>) or down among its event's messages.</summary>
    public async Task<Outcome<Guid>> MoveAsync(Guid messageId, bool up, CancellationToken cancellationToken = default)
    {
        if (!(await OpenAsync(messageId, cancellationToken)).TryGet(out var message, out var closed))
        {
            return closed;
        }
        var all = await db.KeyMessages.Where(m => m.EventId == message.EventId).OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var index = all.FindIndex(m => m.Id == messageId);
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < all.Count)
        {
            (all[index], all[other]) = (all[other], all[index]);
        }
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Order = i + 1;
        }
        await db.SaveChangesAsync(cancellationToken);
        return message.EventId;
    }

    /// <summary>The countries whose current plan may take an action.</summary>
    public Task<IReadOnlyList<OpenPlan>> OpenPlansAsync(CancellationToken cancellationToken = default) => plans.OpenPlansAsync(cancellationToken);

    /// <summary>
    /// Makes the message an action in the country's current plan: the item, the follow-up and the focal points' notices
    /// are saved together. Field errors are keyed by <see cref="FollowUpActionInput"/>'s names.
    /// </summary>
    public async Task<Outcome<KeyMessageFollowUp>> ToActionAsync(Guid messageId, FollowUpActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(messageId, cancellationToken)).TryGet(out var message, out var closed))
        {
            return closed;
        }
        var language = input.Language?.Trim().ToLowerInvariant() is "fr" or "ar" ? input.Language.Trim().ToLowerInvariant() : "en";
        var what = string.IsNullOrWhiteSpace(input.What) ? message.Text.Values.GetValueOrDefault(language) ?? message.Text.En : input.What;
        var mechanism = string.IsNullOrWhiteSpace(input.MechanismCode) ? message.MechanismCode : input.MechanismCode;
        if (!(await plans.AddAsync(new OutsideItem(input.CountryIso3, mechanism, what, input.Due), cancellationToken)).TryGet(out var added, out var refused))
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        var followUp = new KeyMessageFollowUp
        {
            KeyMessageId = message.Id,
            Kind = FollowUpKind.Action,
            ActionItemId = added.ItemId,
            CountryIso3 = added.CountryIso3,
            CreatedAt = now,
            CreatedById = user.Id,
            CreatedByName = user.Name is { } name ? TextRules.Truncate(name, 200) : null,
        };
        db.KeyMessageFollowUps.Add(followUp);
        var eventTitle = await db.Events.Where(e => e.Id == message.EventId).Select(e => e.Title).SingleAsync(cancellationToken);
        var focalPoints = await NoticeRecipients.ReadAsync(NoticeRecipients.FocalPoints(db, added.CountryIso3), now, cancellationToken);
        // The notice names the event in each focal point's own language.
        var ids = focalPoints.Select(recipient => recipient.UserId).ToList();
        var languages = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.PreferredLanguage, cancellationToken);
        await outbox.AddAsync(
            [.. focalPoints.Select(recipient => (new NoticeDraft(NoticeKind.ActionAdded, $"{NoticeKind.ActionAdded}:{added.ItemId:N}", added.RoundId,
                added.RoundTitle, ActionItemId: added.ItemId, Subject: eventTitle.In(languages.GetValueOrDefault(recipient.UserId, "en"))), recipient))],
            now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return followUp;
    }

    /// <summary>
    /// Makes the message a resource of the knowledge hub: a draft written from the message (title: theme and event;
    /// summary: the text and a link to the event; tagged with its mechanism), sent for review like any draft.
    /// </summary>
    public async Task<Outcome<KeyMessageFollowUp>> ToResourceAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        if (!(await OpenAsync(messageId, cancellationToken)).TryGet(out var message, out var closed))
        {
            return closed;
        }
        var e = await db.Events.AsNoTracking().Where(x => x.Id == message.EventId).Select(x => new { x.Id, x.Title, x.StartsAt }).SingleAsync(cancellationToken);
        var link = address.Link($"/events/{e.Id}");
        string? In(LocalizedText text, string language) => text.Values.GetValueOrDefault(language);
        string? Title(string language) =>
            In(message.Theme, language) is { } theme && In(e.Title, language) is { } title
                ? TextRules.Truncate($"{theme} — {title}", Resource.TitleLength)
                : null;
        string? Summary(string language) =>
            In(message.Text, language) is { } text
                ? TextRules.Truncate(text, Resource.SummaryLength - 600) + "\n\n" + l["KeyMessage.ResourceFrom"] + " " + link
                : null;
        var languages = Languages.Where(language => In(message.Text, language) is not null).ToList();
        var thisYear = clock.GetUtcNow().Year;
        var input = new ResourceInput
        {
            TitleEn = Title("en"),
            TitleFr = Title("fr"),
            TitleAr = Title("ar"),
            SummaryEn = Summary("en"),
            SummaryFr = Title("fr") is null ? null : Summary("fr"),
            SummaryAr = Title("ar") is null ? null : Summary("ar"),
            Type = nameof(ResourceType.Brief),
            Languages = string.Join(", ", languages),
            Year = Math.Clamp(e.StartsAt.Year, 1900, thisYear),
            Url = link,
            Mechanisms = message.MechanismCode,
        };
        // The draft, its follow-up and its move to review commit together: never a draft the message does not point to.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!(await library.CreateAsync(input, null, cancellationToken)).TryGet(out var resource, out var refused))
        {
            return refused;
        }
        var followUp = NewFollowUp(message.Id, resource.Id);
        db.KeyMessageFollowUps.Add(followUp);
        // Sent for review at once, with the follow-up in the same save: the editors are told as for any draft sent to them.
        if (!(await library.MoveAsync(resource.Id, ModerationState.InReview, cancellationToken)).TryGet(out _, out var notMoved))
        {
            return notMoved;
        }
        await transaction.CommitAsync(cancellationToken);
        return followUp;
    }

    /// <summary>Links the message to a published resource of the knowledge hub.</summary>
    public async Task<Outcome<KeyMessageFollowUp>> LinkResourceAsync(Guid messageId, FollowUpResourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(messageId, cancellationToken)).TryGet(out var message, out var closed))
        {
            return closed;
        }
        if (input.ResourceId is not { } resourceId
            || !await db.Set<Resource>().AnyAsync(r => r.Id == resourceId && r.State == ModerationState.Published, cancellationToken))
        {
            return Failure.Invalid(l["Event.Error.Title"], nameof(FollowUpResourceInput.ResourceId), l["KeyMessage.Error.Resource"]);
        }
        if (await db.KeyMessageFollowUps.AnyAsync(f => f.KeyMessageId == messageId && f.ResourceId == resourceId, cancellationToken))
        {
            return Failure.Invalid(l["Event.Error.Title"], nameof(FollowUpResourceInput.ResourceId), l["KeyMessage.Error.AlreadyLinked"]);
        }
        var followUp = NewFollowUp(message.Id, resourceId);
        db.KeyMessageFollowUps.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return followUp;
    }

    /// <summary>Removes a follow-up (the plan's item or the resource stays: only the link from the message goes).</summary>
    public async Task<Outcome<Guid>> RemoveFollowUpAsync(Guid followUpId, CancellationToken cancellationToken = default)
    {
        if (!MayOrganise)
        {
            return Forbidden();
        }
        var followUp = await db.KeyMessageFollowUps
            .Where(f => f.Id == followUpId && db.KeyMessages.Any(m => m.Id == f.KeyMessageId && db.OrganisedEvents(user).Any(e => e.Id == m.EventId)))
            .FirstOrDefaultAsync(cancellationToken);
        if (followUp is null)
        {
            return Failure.NotFound(l["KeyMessage.NotFoundTitle"], l["KeyMessage.NotFound"]);
        }
        db.KeyMessageFollowUps.Remove(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return followUp.KeyMessageId;
    }

    /// <summary>The message, tracked, when its event is one the caller organises.</summary>
    public async Task<Outcome<KeyMessage>> OpenAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        if (!MayOrganise)
        {
            return Forbidden();
        }
        var message = await db.KeyMessages
            .Where(m => m.Id == messageId && db.OrganisedEvents(user).Any(e => e.Id == m.EventId))
            .FirstOrDefaultAsync(cancellationToken);
        return message is null ? Failure.NotFound(l["KeyMessage.NotFoundTitle"], l["KeyMessage.NotFound"]) : message;
    }

    private static readonly string[] Languages = ["en", "fr", "ar"];

    private KeyMessageFollowUp NewFollowUp(Guid messageId, Guid resourceId) => new()
    {
        KeyMessageId = messageId,
        Kind = FollowUpKind.Resource,
        ResourceId = resourceId,
        CreatedAt = clock.GetUtcNow(),
        CreatedById = user.Id,
        CreatedByName = user.Name is { } name ? TextRules.Truncate(name, 200) : null,
    };

    private Failure Invalid(Dictionary<string, string[]> errors) => Failure.Invalid(l["Event.Error.Title"], l["Event.Error.Detail"], errors);

    private Failure Forbidden() => Failure.Forbidden(l["Event.Error.Title"], l["Event.Error.NotOrganiser"]);

    private Failure EventNotFound() => Failure.NotFound(l["Event.NotFoundTitle"], l["Event.NotFound"]);
}

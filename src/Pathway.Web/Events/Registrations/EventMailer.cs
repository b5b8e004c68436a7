using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Registrations;

/// <summary>
/// Sends the queued registrant e-mails, each in the language the person registered in, through <c>Mail:Smtp:*</c>,
/// with the event's time in its own zone and the absolute link to the registration. Runs inside <see cref="EventJob"/>,
/// never in a person's request. A failure is logged (without the message or any credential) and retried later each
/// time, up to <see cref="EventOptions.MaxMailAttempts"/>. A mail whose registration was erased, or a reminder whose
/// place was given up since, is not sent (marked failed without an attempt).
/// </summary>
public sealed partial class EventMailer(
    PathwayDb db, IOptions<MailOptions> mail, IOptions<EventOptions> options, PublicAddress site, RegistrationLinks links,
    IStringLocalizer<SharedResource> l, ILogger<EventMailer> logger)
{
    /// <summary>What an e-mail says about its event and registration.</summary>
    public sealed record MailFacts(
        EventMailKind Kind, Guid RegistrationId, Guid EventId, string? Name, string? Email, string Language, RegistrationStatus Status,
        LocalizedText Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? OnlineLink, LocalizedText? Venue);

    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await (
                from m in db.EventMails
                join r in db.Registrations on m.RegistrationId equals r.Id
                join e in db.Events on r.EventId equals e.Id
                where m.Status == EventMailStatus.Pending && m.NextAttemptAt <= now
                orderby m.NextAttemptAt, m.Id
                select new
                {
                    Mail = m,
                    Facts = new MailFacts(m.Kind, r.Id, e.Id, r.Name, r.Email, r.Language, r.Status, e.Title, e.StartsAt, e.EndsAt, e.TimeZone, e.OnlineLink, e.Venue),
                })
            .Take(Math.Max(1, settings.MailBatch))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var row in due)
        {
            var queued = row.Mail;
            var facts = row.Facts;
            var stale = facts.Kind == EventMailKind.Reminder && facts.Status != RegistrationStatus.Confirmed;
            if (string.IsNullOrEmpty(facts.Email) || stale || string.IsNullOrWhiteSpace(mail.Value.Smtp.Host))
            {
                queued.Status = EventMailStatus.Failed;
                queued.NextAttemptAt = null;
            }
            else
            {
                try
                {
                    await SendOneAsync(facts, now, cancellationToken);
                    queued.Status = EventMailStatus.Sent;
                    queued.SentAt = now;
                    queued.NextAttemptAt = null;
                    sent++;
                }
                catch (Exception exception) when (MailOptions.IsSendFailure(exception))
                {
                    queued.Attempts++;
                    queued.NextAttemptAt = MailOptions.NextAttempt(queued.Attempts, settings.MaxMailAttempts, now);
                    queued.Status = queued.NextAttemptAt is null ? EventMailStatus.Failed : EventMailStatus.Pending;
                    LogFailure(logger, queued.Id, queued.Attempts, queued.NextAttemptAt is null, exception.GetType().Name);
                }
            }
            // Saved one by one: a crash between two sends never sends the first again.
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    private async Task SendOneAsync(MailFacts facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (subject, body) = Write(facts, now);
        await mail.Value.SendAsync(facts.Email!, subject, body, "registrants' e-mails", cancellationToken);
    }

    /// <summary>The e-mail's subject and text in the registrant's language (the culture is set only while writing it).</summary>
    public (string Subject, string Body) Write(MailFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var theirs = Cultures.Create(Cultures.IsSupported(facts.Language) ? facts.Language : Cultures.Default);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = theirs;
            var title = facts.Title.In(theirs.TwoLetterISOLanguageName);
            var zone = EventTimes.FindZone(facts.TimeZone) ?? TimeZoneInfo.Utc;
            var lines = new List<string>
            {
                l["EventMail.Greeting", facts.Name ?? ""],
                l[$"EventMail.{facts.Kind}.Body", title],
                l["EventMail.When", EventTimes.Format(facts.StartsAt, zone, theirs), EventTimes.Format(facts.EndsAt, zone, theirs)],
            };
            if (facts.Venue is { } venue)
            {
                lines.Add(l["EventMail.Where", venue.In(theirs.TwoLetterISOLanguageName)]);
            }
            var confirmed = facts.Status == RegistrationStatus.Confirmed && facts.Kind != EventMailKind.Cancelled;
            if (confirmed && !string.IsNullOrWhiteSpace(facts.OnlineLink) && now < facts.EndsAt)
            {
                lines.Add(l["EventMail.Join"] + "\n" + facts.OnlineLink);
            }
            if (facts.Kind != EventMailKind.Cancelled)
            {
                lines.Add(l["EventMail.Manage"] + "\n" + site.Link(links.PathFor(facts.RegistrationId)));
                lines.Add(l["EventMail.Calendar"] + "\n" + site.Link($"/events/{facts.EventId}/event.ics"));
            }
            lines.Add(l["EventMail.Footer"]);
            return (l[$"EventMail.{facts.Kind}.Subject", title], string.Join("\n\n", lines) + "\n");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Event e-mail {MailId} failed (attempt {Attempt}, giving up: {GivingUp}): {Error}")]
    private static partial void LogFailure(ILogger logger, Guid mailId, int attempt, bool givingUp, string error);
}

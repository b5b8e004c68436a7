using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Notices;

/// <summary>
/// Sends the queued notice e-mails, each in its recipient's language, through <c>Mail:Smtp:*</c>. Runs
/// inside the scheduled job, never in a person's request. A failure is logged (without the message or
/// any credential) and retried later each time, up to <see cref="NoticeOptions.MaxMailAttempts"/>.
/// </summary>
public sealed partial class NoticeMailer(
    PathwayDb db, IOptions<MailOptions> mail, IOptions<NoticeOptions> options, PublicAddress site,
    IStringLocalizer<SharedResource> l, ILogger<NoticeMailer> logger)
{
    /// <summary>Sends up to one batch of due e-mails; returns how many went out.</summary>
    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await (
                from n in db.Notices
                join u in db.Users on n.RecipientId equals u.Id
                where n.MailStatus == NoticeMailStatus.Pending && n.NextMailAt <= now
                orderby n.NextMailAt, n.Id
                select new { Notice = n, u.Email, u.DisplayName, u.PreferredLanguage, u.NoticeEmailsOff })
            .Take(Math.Max(1, settings.MailBatch))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var row in due)
        {
            var notice = row.Notice;
            if (row.NoticeEmailsOff || string.IsNullOrEmpty(row.Email) || string.IsNullOrWhiteSpace(mail.Value.Smtp.Host))
            {
                // Turned off since it was queued, or the mail server was taken out of the settings.
                notice.MailStatus = NoticeMailStatus.None;
                notice.NextMailAt = null;
            }
            else
            {
                try
                {
                    await SendOneAsync(notice, row.Email, row.DisplayName, row.PreferredLanguage, cancellationToken);
                    notice.MailStatus = NoticeMailStatus.Sent;
                    notice.NextMailAt = null;
                    sent++;
                }
                catch (Exception exception) when (MailOptions.IsSendFailure(exception))
                {
                    notice.MailAttempts++;
                    notice.NextMailAt = MailOptions.NextAttempt(notice.MailAttempts, settings.MaxMailAttempts, now);
                    notice.MailStatus = notice.NextMailAt is null ? NoticeMailStatus.Failed : NoticeMailStatus.Pending;
                    LogFailure(logger, notice.Id, notice.MailAttempts, notice.NextMailAt is null, exception.GetType().Name);
                }
            }
            // Saved one by one: a crash between two sends never sends the first again.
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    private async Task SendOneAsync(Notice notice, string email, string displayName, string language, CancellationToken cancellationToken)
    {
        var (subject, body) = Write(notice, displayName, language);
        await mail.Value.SendAsync(email, subject, body, "notice e-mails", cancellationToken);
    }

    /// <summary>The e-mail's subject and text in the recipient's language (the culture is set only while writing it).</summary>
    private (string Subject, string Body) Write(Notice notice, string displayName, string language)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var theirs = Cultures.Create(Cultures.IsSupported(language) ? language : Cultures.Default);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = theirs;
            var words = NoticeText.For(notice, l);
            var link = site.Link(words.Link);
            var settingsLink = "\n" + site.Link("/notices/settings");
            return (words.Title, string.Join("\n\n",
                l["Notice.Mail.Greeting", displayName],
                words.Body,
                l["Notice.Mail.Open"] + "\n" + link,
                l["Notice.Mail.Footer"] + settingsLink) + "\n");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notice e-mail {NoticeId} failed (attempt {Attempt}, giving up: {GivingUp}): {Error}")]
    private static partial void LogFailure(ILogger logger, Guid noticeId, int attempt, bool givingUp, string error);
}

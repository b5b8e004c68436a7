using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Pathway.Web.Assessments;

/// <summary>An invitation to set a password and join a round.</summary>
public sealed record InvitationMessage(
    string Email, string DisplayName, string RoundTitle, string CountryName, string InvitedBy, string Link, DateTimeOffset ExpiresAt);

/// <summary>
/// Delivers invitation links. Whoever adds the person also sees the link on the page (and in the API
/// response), so a failed or missing delivery never blocks anyone.
/// </summary>
public interface IInvitationSender
{
    Task SendAsync(InvitationMessage invitation, CancellationToken cancellationToken = default);
}

/// <summary>The default when no mail server is configured: writes the link to the log.</summary>
public sealed partial class LogInvitationSender(ILogger<LogInvitationSender> logger) : IInvitationSender
{
    public Task SendAsync(InvitationMessage invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        LogInvitation(logger, invitation.Email, invitation.RoundTitle, invitation.Link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Invitation for {Email} to the round \"{Round}\" (no mail server configured; pass the link on): {Link}")]
    private static partial void LogInvitation(ILogger logger, string email, string round, string link);
}

/// <summary>Mail settings (<c>Mail:Smtp:*</c>, <c>Mail:From</c>); the password comes from the environment or a secret store, never the repository.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool EnableSsl { get; set; } = true;
    }

    /// <summary>
    /// Sends one plain-text e-mail through these settings: UTF-8 (French and Arabic), quoted-printable in transit.
    /// <paramref name="what"/> names the mail in the error when <see cref="From"/> is missing ("notice e-mails").
    /// </summary>
    public async Task SendAsync(string to, string subject, string body, string what, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            throw new InvalidOperationException($"Mail:From is not set: it names the sender of {what}.");
        }
        using var message = new MailMessage(From, to)
        {
            Subject = subject,
            Body = body,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        using var client = new SmtpClient(Smtp.Host, Smtp.Port) { EnableSsl = Smtp.EnableSsl };
        if (!string.IsNullOrEmpty(Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(Smtp.UserName, Smtp.Password);
        }
        await client.SendMailAsync(message, cancellationToken);
    }

    /// <summary>A send that failed in a way worth trying again later (the server, the network, the settings).</summary>
    public static bool IsSendFailure(Exception exception) => exception is SmtpException or IOException or InvalidOperationException;

    /// <summary>When a queued e-mail that failed its <paramref name="attempts"/>th time is tried again (2, 4, 8… minutes on), or null to give up.</summary>
    public static DateTimeOffset? NextAttempt(int attempts, int maxAttempts, DateTimeOffset now) =>
        attempts >= maxAttempts ? null : now + TimeSpan.FromMinutes(Math.Pow(2, attempts));
}

/// <summary>Sends the invitation by e-mail through the SMTP server named in <c>Mail:Smtp:Host</c>.</summary>
public sealed class SmtpInvitationSender(IOptions<MailOptions> options, IStringLocalizer<SharedResource> l) : IInvitationSender
{
    public Task SendAsync(InvitationMessage invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var body = string.Join("\n\n",
            l["Invitation.Mail.Greeting", invitation.DisplayName],
            l["Invitation.Mail.Added", invitation.InvitedBy, invitation.RoundTitle, invitation.CountryName],
            l["Invitation.Mail.Open"] + "\n" + invitation.Link,
            l["Invitation.Mail.Expiry", Localization.DateText.Date(invitation.ExpiresAt), invitation.InvitedBy]) + "\n";
        return options.Value.SendAsync(invitation.Email, l["Invitation.Mail.Subject", invitation.RoundTitle], body, "invitation e-mails", cancellationToken);
    }
}

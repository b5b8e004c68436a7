using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Pathway.IntegrationTests.Assessments;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>
/// The site with a mail server (a <see cref="FakeSmtpServer"/>) and without its own scheduled runs: tests run the notice
/// and events jobs themselves on a clock of their choosing, each run sending every queued e-mail. The per-address
/// registration limit is out of reach, since every test request comes from one address.
/// </summary>
public sealed class MailingAppFactory : PathwayAppFactory
{
    public FakeSmtpServer Smtp { get; } = FakeSmtpServer.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notices:RunScheduledJob", "false");
        builder.UseSetting("Events:RunScheduledJob", "false");
        builder.UseSetting("Notices:MailBatch", "1000");
        builder.UseSetting("Events:MailBatch", "1000");
        builder.UseSetting("RateLimits:Register:PermitLimit", "1000000");
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:EnableSsl", "false");
        builder.UseSetting("Mail:From", "pathway@example.org");
        builder.UseSetting("Pathway:PublicBaseUrl", "https://pathway.example.org");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

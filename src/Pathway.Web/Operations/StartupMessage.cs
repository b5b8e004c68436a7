using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Operations;

/// <summary>Tells whoever started the site where it is and, on a new install, how to make the first administrator.</summary>
public static class StartupMessage
{
    public static async Task AnnounceAsync(this IServiceProvider services, WebApplication app)
    {
        bool hasAdministrator;
        await using (var scope = services.CreateAsyncScope())
        {
            hasAdministrator = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AnyAdministratorAsync();
        }
        if (!KeyProtection.IsConfigured(app.Configuration))
        {
            app.Logger.LogInformation(
                "Data-protection keys are stored in the database unencrypted. To encrypt them, set {Setting} to a PFX certificate (and {Password}); see README, Configuration.",
                KeyProtection.CertificatePathSetting, KeyProtection.CertificatePasswordSetting);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine($"Pathway is running at {string.Join(", ", addresses)} (Ctrl+C to stop).");
            if (!hasAdministrator)
            {
                Console.WriteLine("No administrator exists yet. Create the first one with:");
                Console.WriteLine("  dotnet run --project src/Pathway.Web -- user add --email you@example.org --password '<12+ characters, upper, lower, digit>' --role Administrator");
            }
        });
    }
}

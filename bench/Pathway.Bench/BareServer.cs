using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Pathway.Bench;

/// <summary>
/// The ceiling: Kestrel answering "ok" from a minimal endpoint on 127.0.0.1, in the load
/// generator's process, with logging off. Whatever the app reaches is measured against it.
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    public const string ScenarioName = "bare Kestrel (ceiling)";

    private readonly WebApplication app;

    private BareServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/bare", () => "ok");
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareServer(app, new Uri(new Uri(bound), "/bare"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

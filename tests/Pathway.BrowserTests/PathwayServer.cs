using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Pathway.BrowserTests;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:{random port}, with its own SQLite database in a
/// fresh temporary folder. That database starts as a copy of one made once per run by starting the app
/// on an empty folder (the production migrations and seeds), so each journey class's start finds nothing
/// to migrate or seed.
/// </summary>
public sealed class PathwayServer : WebApplicationFactory<Program>
{
    private const string DatabaseFile = "pathway.db";

    private static readonly Lazy<Task<string>> Template = new(MakeTemplateAsync);

    /// <summary>Set on the server that makes the template: where it leaves its database when it stops.</summary>
    private readonly string? templateFile;

    public PathwayServer()
        : this(templateFile: null)
    {
    }

    private PathwayServer(string? templateFile)
    {
        this.templateFile = templateFile;
        DataDirectory = Directory.CreateTempSubdirectory("pathway-browser-").FullName;
        UseKestrel(0);
    }

    /// <summary>The folder holding pathway.db; command-line runs point at it too.</summary>
    public string DataDirectory { get; }

    /// <summary>Lets a journey hold the answers under one path while it looks at the page (nothing held by default).</summary>
    public RequestHold Hold { get; } = new();

    /// <summary>The server's root address, ending in a slash.</summary>
    public Uri Address { get; private set; } = default!;

    public async Task StartAsync()
    {
        if (templateFile is null)
        {
            File.Copy(await Template.Value, Path.Combine(DataDirectory, DatabaseFile));
        }
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        // Kestrel reports "localhost" for a loopback binding; the browser goes to the IPv4 loopback.
        Address = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Pathway:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Pathway", "");
        // Every journey signs in from 127.0.0.1: limits no journey reaches, the limiter still on.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        // Keep the test log to what matters: warnings and errors.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RequestHold.Filter(Hold)));
    }

    /// <summary>Starts the app once on an empty folder and keeps its database file (removed when the test process exits).</summary>
    private static async Task<string> MakeTemplateAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pathway-browser-template-{Environment.ProcessId}.db");
        var server = new PathwayServer(templateFile: file);
        await server.StartAsync();
        await server.DisposeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Closing every connection checkpoints the write-ahead log, so the file is whole on its own.
        SqliteConnection.ClearAllPools();
        if (templateFile is not null)
        {
            File.Copy(Path.Combine(DataDirectory, DatabaseFile), templateFile, overwrite: true);
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run over it.
        }
    }
}

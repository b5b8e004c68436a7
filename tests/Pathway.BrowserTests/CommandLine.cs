using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pathway.BrowserTests;

/// <summary>An account made the way an operator makes the first one.</summary>
public sealed record Account(string Email, string Password);

/// <summary>
/// Runs the built app's command line (<c>dotnet Pathway.Web.dll ...</c>) as a separate process against the same
/// SQLite folder as the running server, as an operator would.
/// </summary>
internal static class CommandLine
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>A new account made with <c>user add</c>.</summary>
    public static async Task<Account> AddUserAsync(PathwayServer server, string role)
    {
        var account = new Account($"admin-{Guid.NewGuid():N}@example.org", $"Strong-Password-{Guid.NewGuid():N}-123");
        await RunAsync(server, "user", "add", "--email", account.Email, "--password", account.Password, "--role", role);
        return account;
    }

    /// <summary>Runs one command to its end and asserts it succeeded; returns what it printed.</summary>
    public static async Task<string> RunAsync(PathwayServer server, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(server);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pathway.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Pathway__DataDirectory"] = server.DataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Pathway"] = "";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var cancellation = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{arguments.FirstOrDefault()}` did not finish within {Timeout}.");
            }
        }

        Assert.True(process.ExitCode == 0,
            $"`{string.Join(' ', arguments.Take(2))}` exited with {process.ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{await output}{Environment.NewLine}stderr:{Environment.NewLine}{await error}");
        return await output;
    }

    /// <summary>The dotnet host that runs this test process's runtime, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/ -> .../dotnet/dotnet
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent;
        var host = root is null ? null : Path.Combine(root.FullName, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}

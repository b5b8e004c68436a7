using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Pathway.IntegrationTests.Infrastructure;

namespace Pathway.IntegrationTests;

/// <summary>
/// The site's first start on a new machine, as `dotnet run` does it (embedded SQLite, created and
/// migrated at start): it says where it runs and how to make the first administrator, and prints no
/// warning — neither EF Core's "partially applied" migration warning nor data protection's "No XML
/// encryptor configured" — while still saying once how to encrypt the keys.
/// </summary>
public partial class FirstStartTests
{
    // How long to wait for the site to say it runs: long, because a busy test machine starts slowly.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_first_start_and_its_first_pages_print_no_warning()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("pathway-first-").FullName;
        var start = new ProcessStartInfo(PathwayCommand.DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Pathway.Web.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Pathway"] = "";
        start.Environment["Pathway__DataDirectory"] = dataDirectory;
        start.Environment["Logging__Console__FormatterName"] = "simple";

        var output = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(line);
            }
            if (RunningAt().Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        try
        {
            Assert.True(process.Start());
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var site = await address.Task.WaitAsync(Timeout, ct);

            // The first pages make the first data-protection key (the sign-in form's antiforgery token).
            using var client = new HttpClient { BaseAddress = site };
            foreach (var path in new[] { "/", "/account/login" })
            {
                using var response = await client.GetAsync(path, ct);
                Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}.");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(ct);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }

        string log;
        lock (output)
        {
            log = output.ToString();
        }
        Assert.DoesNotMatch(WarningOrError(), log);
        Assert.DoesNotContain("partially applied", log, StringComparison.Ordinal);
        Assert.DoesNotContain("No XML encryptor", log, StringComparison.Ordinal);
        Assert.Contains("Data-protection keys are stored in the database unencrypted", log, StringComparison.Ordinal);
        Assert.Contains("No administrator exists yet", log, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Pathway is running at (http://[^\s,]+)")]
    private static partial Regex RunningAt();

    // The console logger's level prefixes for warnings, errors and critical failures.
    [GeneratedRegex(@"(?m)^\s*(warn|fail|crit):")]
    private static partial Regex WarningOrError();
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Pathway.Bench;

/// <summary>One scenario's figures. Requests and latencies count 2xx responses; everything else is an error.</summary>
internal sealed record ScenarioResult(
    string Scenario, string Url, long Requests, double Seconds, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs, long BytesPerResponse,
    long Errors, long NonSuccessResponses, long Exceptions, IReadOnlyDictionary<string, long> ErrorKinds,
    double ServerCpuMsPerRequest)
{
    /// <summary>Sorts the latencies once; <paramref name="serverCpu"/> is the app's CPU time in the measured phase, when watched.</summary>
    public static ScenarioResult From(string scenario, Uri uri, Measurement measurement, TimeSpan? serverCpu)
    {
        var latencies = measurement.Clients.SelectMany(client => client.Latencies).ToArray();
        Array.Sort(latencies);
        var requests = latencies.LongLength;
        var bytes = measurement.Clients.Sum(client => client.Bytes);
        var nonSuccess = measurement.Clients.Sum(client => client.NonSuccess);
        var exceptions = measurement.Clients.Sum(client => client.Exceptions);
        var kinds = measurement.Clients.SelectMany(client => client.ErrorKinds)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal);
        var seconds = measurement.Elapsed.TotalSeconds;
        return new ScenarioResult(
            scenario, uri.ToString(), requests, Math.Round(seconds, 3), requests / seconds,
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99),
            requests == 0 ? double.NaN : Milliseconds(latencies[^1]),
            requests == 0 ? double.NaN : latencies.Average(ticks => Milliseconds(ticks)),
            requests == 0 ? 0 : bytes / requests,
            nonSuccess + exceptions, nonSuccess, exceptions, kinds,
            serverCpu is { } cpu && requests + nonSuccess + exceptions > 0 ? cpu.TotalMilliseconds / (requests + nonSuccess + exceptions) : double.NaN);
    }

    /// <summary>Nearest-rank percentile of sorted Stopwatch ticks, in milliseconds.</summary>
    private static double Percentile(long[] sorted, double percent) =>
        sorted.Length == 0
            ? double.NaN
            : Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void PrintTable(TextWriter output, RunInfo run, IReadOnlyList<ScenarioResult> results)
    {
        var settings = run.Settings;
        var heading = string.Join(" · ", new[]
        {
            "Pathway load", run.Label, run.Note,
            $"{settings.Clients} clients",
            settings.PrewarmSeconds > 0
                ? $"{settings.Seconds} s after {settings.PrewarmSeconds} s pre-warm + {settings.WarmupSeconds} s warm-up"
                : $"{settings.Seconds} s after {settings.WarmupSeconds} s warm-up",
            $"{Environment.ProcessorCount} cores",
            run.LoadAverage is { } load ? string.Create(CultureInfo.InvariantCulture, $"load average {load:F2} before") : "",
            run.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        }.Where(part => part.Length > 0));
        output.WriteLine(heading);

        var bare = results.LastOrDefault(result => result.Scenario == BareServer.ScenarioName);
        // The app's CPU per request only when the load runner was told its process (--server-pid).
        var withCpu = results.Any(result => !double.IsNaN(result.ServerCpuMsPerRequest));
        string[] header = ["scenario", "requests", "requests/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio to bare", .. withCpu ? ["app CPU ms/req"] : Array.Empty<string>()];
        var rows = results.Select(result => (string[])
        [
            result.Scenario,
            Format(result.Requests),
            Format(result.RequestsPerSecond),
            Format(result.P50Ms),
            Format(result.P95Ms),
            Format(result.P99Ms),
            Format(result.Errors),
            bare is null || bare.RequestsPerSecond <= 0 ? "-" : Format(result.RequestsPerSecond / bare.RequestsPerSecond, "F4"),
            .. withCpu ? [Format(result.ServerCpuMsPerRequest)] : Array.Empty<string>(),
        ]).ToList();
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
        foreach (var result in results.Where(result => result.Errors > 0))
        {
            output.WriteLine($"errors in {result.Scenario}: {string.Join("; ", result.ErrorKinds.OrderByDescending(pair => pair.Value).Take(5).Select(pair => $"{pair.Value} x {pair.Key}"))}");
        }
    }

    /// <summary>One JSON object per scenario, one per line, in DIR/&lt;timestamp&gt;[-label].json.</summary>
    public static async Task<string> WriteJsonLinesAsync(string directory, RunInfo run, IReadOnlyList<ScenarioResult> results)
    {
        Directory.CreateDirectory(directory);
        var stamp = run.StartedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var suffix = new string([.. run.Label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        var file = Path.GetFullPath(Path.Combine(directory, suffix.Length > 0 ? $"{stamp}-{suffix}.json" : $"{stamp}.json"));
        var bare = results.LastOrDefault(result => result.Scenario == BareServer.ScenarioName);
        var machine = new
        {
            Environment.ProcessorCount,
            Os = RuntimeInformation.OSDescription,
            Runtime = RuntimeInformation.FrameworkDescription,
            Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        };
        var builder = new StringBuilder();
        foreach (var result in results)
        {
            builder.AppendLine(JsonSerializer.Serialize(new
            {
                run.StartedAt,
                run.Label,
                run.Note,
                BaseUrl = run.BaseUri.ToString(),
                run.Settings.Clients,
                run.Settings.Seconds,
                run.Settings.WarmupSeconds,
                run.Settings.PrewarmSeconds,
                LoadAverageBefore = run.LoadAverage,
                result.Scenario,
                result.Url,
                result.Requests,
                MeasuredSeconds = result.Seconds,
                RequestsPerSecond = Math.Round(result.RequestsPerSecond, 2),
                P50Ms = Math.Round(result.P50Ms, 3),
                P95Ms = Math.Round(result.P95Ms, 3),
                P99Ms = Math.Round(result.P99Ms, 3),
                MaxMs = Math.Round(result.MaxMs, 3),
                MeanMs = Math.Round(result.MeanMs, 3),
                result.BytesPerResponse,
                result.Errors,
                result.NonSuccessResponses,
                result.Exceptions,
                result.ErrorKinds,
                ServerCpuMsPerRequest = double.IsNaN(result.ServerCpuMsPerRequest) ? (double?)null : Math.Round(result.ServerCpuMsPerRequest, 3),
                RatioToBare = bare is null || bare.RequestsPerSecond <= 0 ? (double?)null : Math.Round(result.RequestsPerSecond / bare.RequestsPerSecond, 4),
                Machine = machine,
            }, Json));
        }
        await File.WriteAllTextAsync(file, builder.ToString());
        return file;
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd();

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value, string format = "F2") =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Pathway.Bench;

/// <summary>
/// The issue's concurrency figure: <c>--count</c> people register for the same event at the same moment (one
/// connection each, released together), when only <c>--expect-confirmed</c> places are left. Prints how many were
/// confirmed and how many wait, the latency spread, and fails when the confirmed count is not exactly the places left.
/// </summary>
internal static class RegistrationBurst
{
    private static readonly string[] Known = ["--url", "--event", "--count", "--expect-confirmed", "--label", "--results"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args, Known);
        var url = options.Text("--url", required: true);
        var eventId = options.Text("--event", required: true);
        var count = options.Int("--count", 200, 1, 10_000);
        var expected = options.Int("--expect-confirmed", 50, 0, 10_000);
        var label = options.Text("--label") ?? "";
        var resultsDir = options.Text("--results") ?? "bench/results";
        if (url is not null && !new Uri(url).IsLoopback)
        {
            options.Problem("--url must be a loopback address.");
        }
        if (options.Problems.Count > 0)
        {
            return options.Fail();
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = count, UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url!), Timeout = TimeSpan.FromSeconds(60) };
        var run = Guid.NewGuid().ToString("N")[..8];
        using var start = new SemaphoreSlim(0, count);
        var tasks = Enumerable.Range(0, count).Select(async n =>
        {
            var body = new
            {
                name = string.Create(CultureInfo.InvariantCulture, $"Burst {n}"),
                email = string.Create(CultureInfo.InvariantCulture, $"burst-{run}-{n}@bench.pathway.invalid"),
                organisation = "Bench",
                country = "KEN",
                group = "Ngo",
                consent = true,
            };
            await start.WaitAsync();
            var began = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync($"/api/events/{eventId}/registrations", body);
            var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            var text = await response.Content.ReadAsStringAsync();
            string? status = null;
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(text);
                status = json.RootElement.TryGetProperty("status", out var value) ? value.GetString() : null;
            }
            return (Code: (int)response.StatusCode, Status: status, Ms: elapsed);
        }).ToList();
        var wall = Stopwatch.GetTimestamp();
        start.Release(count);
        var results = await Task.WhenAll(tasks);
        var wallMs = Stopwatch.GetElapsedTime(wall).TotalMilliseconds;

        var confirmed = results.Count(r => string.Equals(r.Status, "Confirmed", StringComparison.OrdinalIgnoreCase));
        var waiting = results.Count(r => string.Equals(r.Status, "Waiting", StringComparison.OrdinalIgnoreCase));
        var failed = results.Where(r => r.Status is null).GroupBy(r => r.Code).Select(g => $"{g.Key}×{g.Count()}").ToList();
        var latencies = results.Select(r => r.Ms).Order().ToArray();
        double At(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{count} concurrent registrations for the last {expected} places ({label}): {confirmed} confirmed, {waiting} waiting{(failed.Count > 0 ? ", failed " + string.Join(' ', failed) : "")}; all answered in {wallMs:F0} ms; latency p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, max {latencies[^1]:F1} ms");
        Console.WriteLine(line);
        Directory.CreateDirectory(resultsDir);
        await File.AppendAllTextAsync(Path.Combine(resultsDir, "registration-burst.jsonl"), JsonSerializer.Serialize(new
        {
            label, count, expected, confirmed, waiting, failed, wallMs, p50 = At(0.5), p95 = At(0.95), max = latencies[^1],
        }) + Environment.NewLine);
        return confirmed == expected && waiting == count - expected ? Options.Ok : Options.Failed;
    }
}

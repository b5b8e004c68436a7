using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Pathway.Bench;

/// <summary>
/// <c>load</c>: closed-loop HTTP load. Each client sends one GET, reads the whole body, records the
/// latency and sends the next, until the time is up; then the same load runs against a bare Kestrel
/// endpoint in this process, which is the ceiling this machine and this load generator can reach.
/// </summary>
internal static class LoadRunner
{
    private static readonly string[] Known =
        ["--url", "--path", "--file-path", "--clients", "--seconds", "--warmup", "--prewarm", "--bare-port", "--label", "--note", "--results", "--max-requests", "--server-pid", "--rounds-file"];

    /// <summary>A request slower than this is an error (a stuck server must not hang the run).</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args, Known);
        var url = options.Text("--url", required: true);
        var paths = options.All("--path");
        // Downloads a person waits for (a whole-world workbook, a report): timed one at a time, not pre-warmed.
        var filePaths = options.All("--file-path");
        var settings = new LoadSettings(
            Clients: options.Int("--clients", 32, 1, 1_000),
            Seconds: options.Int("--seconds", 20, 1, 600),
            WarmupSeconds: options.Int("--warmup", 3, 0, 120),
            PrewarmSeconds: options.Int("--prewarm", 0, 0, 600),
            MaxRequests: options.Int("--max-requests", 5_000_000, 1, 50_000_000));
        var barePort = options.Int("--bare-port", 0, 0, 65_535);
        var serverPid = options.Int("--server-pid", 0, 0, int.MaxValue);
        var label = options.Text("--label") ?? "";
        var note = options.Text("--note") ?? "";
        var resultsDirectory = options.Text("--results") ?? Path.Combine("bench", "results");
        var roundsFile = options.Text("--rounds-file");
        if (roundsFile is not null && !File.Exists(roundsFile))
        {
            options.Problem($"--rounds-file {roundsFile}: no such file (bench/run.sh makes it with generate --rounds-file).");
        }

        Uri? baseUri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out baseUri) || baseUri.Scheme is not ("http" or "https")))
        {
            options.Problem($"--url must be an absolute http:// or https:// address (got '{url}').");
        }
        else if (baseUri is not null && !baseUri.IsLoopback)
        {
            options.Problem($"--url must be a loopback address (127.0.0.1, ::1 or localhost): this tool loads only this machine (got '{url}').");
        }
        if (paths.Count == 0 && roundsFile is null)
        {
            options.Problem("Give at least one --path or a --rounds-file.");
        }
        foreach (var path in paths.Concat(filePaths).Where(path => !path.StartsWith('/')))
        {
            options.Problem($"A --path starts with '/' (got '{path}').");
        }
        using var server = serverPid > 0 ? FindProcess(serverPid, options) : null;
        if (options.Problems.Count > 0 || baseUri is null)
        {
            return options.Fail();
        }

        var run = new RunInfo(TimeProvider.System.GetUtcNow(), label, note, baseUri, settings, MachineLoad.OneMinuteAverage());
        using var client = CreateClient(settings.Clients);
        List<Scenario> scenarios =
        [
            .. paths.Select(path => Scenario.Get(path, new Uri(baseUri, path))),
            .. filePaths.Select(path => Scenario.Get(path + " (1 client)", new Uri(baseUri, path)) with { Clients = 1, Prewarm = false }),
        ];
        if (roundsFile is not null)
        {
            var rounds = await BenchRoundsFile.ReadAsync(roundsFile);
            scenarios.AddRange(await AssessmentScenarios.CreateAsync(client, baseUri, rounds, settings.Clients));
            if (note.Length == 0)
            {
                note = AssessmentScenarios.Describe(rounds);
            }
            run = run with { Note = note };
        }
        if (settings.PrewarmSeconds > 0)
        {
            // The app compiles its hot code to tier 1 over its first tens of seconds under load;
            // a per-path warm-up of a few seconds would measure the JIT in the first scenario.
            Console.WriteLine($"Pre-warming every scenario for {settings.PrewarmSeconds} s...");
            await LoopAsync(client, [.. scenarios.Where(scenario => scenario.Prewarm)], settings.Clients,
                TimeSpan.FromSeconds(settings.PrewarmSeconds), settings.MaxRequests);
        }
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(await RunScenarioAsync(client, scenario, settings, server));
        }
        await using (var bare = await BareServer.StartAsync(barePort))
        {
            // The bare server shares this process with the load generator: its CPU time is not its own.
            results.Add(await RunScenarioAsync(client, Scenario.Get(BareServer.ScenarioName, bare.Address), settings, server: null));
        }

        Console.WriteLine();
        Report.PrintTable(Console.Out, run, results);
        var file = await Report.WriteJsonLinesAsync(resultsDirectory, run, results);
        Console.WriteLine($"Results written to {file}");
        return results.Any(result => result.Errors > 0) ? Options.Failed : Options.Ok;
    }

    /// <summary>One client for every scenario: pooled connections, enough of them for every client, no cookies.</summary>
    private static HttpClient CreateClient(int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = RequestTimeout,
        DefaultRequestVersion = HttpVersion.Version11,
    };

    private static Process? FindProcess(int pid, Options options)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            options.Problem($"--server-pid {pid}: no such process.");
            return null;
        }
    }

    private static async Task<ScenarioResult> RunScenarioAsync(HttpClient client, Scenario scenario, LoadSettings settings, Process? server)
    {
        var clients = scenario.Clients ?? settings.Clients;
        Console.WriteLine($"{scenario.Name}: {settings.WarmupSeconds} s warm-up, then {clients} clients for {settings.Seconds} s ({scenario.Uri})");
        if (settings.WarmupSeconds > 0)
        {
            await LoopAsync(client, [scenario], clients, TimeSpan.FromSeconds(settings.WarmupSeconds), settings.MaxRequests);
        }
        var cpuBefore = ProcessorTime(server);
        var measured = await LoopAsync(client, [scenario], clients, TimeSpan.FromSeconds(settings.Seconds), settings.MaxRequests);
        var result = ScenarioResult.From(scenario.Name, scenario.Uri, measured, ProcessorTime(server) - cpuBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Requests} requests, {result.RequestsPerSecond:F1}/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {result.Errors} errors"));
        return result;
    }

    /// <summary>CPU time the app has used so far (user + system), or null without a process to watch.</summary>
    private static TimeSpan? ProcessorTime(Process? process)
    {
        if (process is null)
        {
            return null;
        }
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The clients loop until the time is up; with several scenarios each client takes them in turn.</summary>
    private static async Task<Measurement> LoopAsync(HttpClient client, Scenario[] scenarios, int clients, TimeSpan duration, long maxRequests)
    {
        var budget = new RequestBudget(maxRequests);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients)
            .Select(index => Task.Run(() => ClientLoopAsync(client, scenarios, index, deadline, budget)))
            .ToArray();
        var recorders = await Task.WhenAll(workers);
        // Until the last in-flight request finished, so the rate is not flattered.
        return new Measurement(recorders, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<ClientRecorder> ClientLoopAsync(HttpClient client, Scenario[] scenarios, int index, long deadline, RequestBudget budget)
    {
        var recorder = new ClientRecorder();
        var buffer = new byte[16 * 1024];
        for (long iteration = 0; Stopwatch.GetTimestamp() < deadline && budget.TryTake(); iteration++)
        {
            var scenario = scenarios[(index + iteration) % scenarios.Length];
            using var request = scenario.Create(index, iteration);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                long bytes = 0;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }
                var elapsed = Stopwatch.GetTimestamp() - start;
                if (scenario.Expects(response.StatusCode))
                {
                    recorder.Success(elapsed, bytes);
                }
                else
                {
                    recorder.Failure(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"), isException: false);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                recorder.Failure($"{exception.GetType().Name}: {exception.Message}", isException: true);
            }
        }
        return recorder;
    }
}

/// <summary>
/// One kind of request the clients send in a loop. <see cref="Create"/> gets the client's index and its
/// iteration, so a scenario can give each client its own identity and vary what it sends.
/// </summary>
internal sealed record Scenario(string Name, Uri Uri, Func<int, long, HttpRequestMessage> Create)
{
    /// <summary>Clients for this scenario when not the run's <c>--clients</c> (a one-off download is timed alone).</summary>
    public int? Clients { get; init; }

    /// <summary>Whether the shared pre-warm sends it too (false for sign-ins: see <see cref="AssessmentScenarios"/>).</summary>
    public bool Prewarm { get; init; } = true;

    /// <summary>The answer this scenario times when it is not a 2xx (a refused sign-in is a 401).</summary>
    public HttpStatusCode? ExpectedStatus { get; init; }

    public bool Expects(HttpStatusCode status) =>
        ExpectedStatus is { } expected ? status == expected : (int)status is >= 200 and < 300;

    /// <summary>
    /// An anonymous GET of one address. A <c>{n}</c> in it becomes a number no other request of the run sends, so every
    /// request misses the app's public page cache: what a page costs when it has to be built.
    /// </summary>
    public static Scenario Get(string name, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.AbsoluteUri.Replace("{n}", Unique, StringComparison.Ordinal);
        if (!text.Contains(Unique, StringComparison.Ordinal))
        {
            return new(name, uri, (_, _) => new HttpRequestMessage(HttpMethod.Get, uri));
        }
        long sent = 0;
        return new(name, uri, (_, _) => new HttpRequestMessage(HttpMethod.Get,
            text.Replace(Unique, Interlocked.Increment(ref sent).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));
    }

    private const string Unique = "%7Bn%7D";
}

internal sealed record LoadSettings(int Clients, int Seconds, int WarmupSeconds, int PrewarmSeconds, int MaxRequests);

internal sealed record RunInfo(DateTimeOffset StartedAt, string Label, string Note, Uri BaseUri, LoadSettings Settings, double? LoadAverage);

/// <summary>The machine is shared (other builds, tests): its load before the run says how far to trust the figures.</summary>
internal static class MachineLoad
{
    public static double? OneMinuteAverage()
    {
        const string file = "/proc/loadavg";
        if (!File.Exists(file))
        {
            return null;
        }
        var first = File.ReadAllText(file).Split(' ')[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

/// <summary>Caps the requests one phase may send, whatever the clock says.</summary>
internal sealed class RequestBudget(long max)
{
    private long taken;

    public bool TryTake() => Interlocked.Increment(ref taken) <= max;
}

/// <summary>What one client saw; merged after the phase, so the hot loop shares nothing but the budget.</summary>
internal sealed class ClientRecorder
{
    public List<long> Latencies { get; } = new(4_096);
    public long Bytes { get; private set; }
    public long NonSuccess { get; private set; }
    public long Exceptions { get; private set; }
    public Dictionary<string, long> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public void Success(long elapsedTicks, long bytes)
    {
        Latencies.Add(elapsedTicks);
        Bytes += bytes;
    }

    public void Failure(string kind, bool isException)
    {
        if (isException)
        {
            Exceptions++;
        }
        else
        {
            NonSuccess++;
        }
        ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
    }
}

internal sealed record Measurement(IReadOnlyList<ClientRecorder> Clients, TimeSpan Elapsed);

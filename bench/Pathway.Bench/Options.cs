using System.Globalization;

namespace Pathway.Bench;

/// <summary>
/// Options of the form <c>--name value</c> (repeatable). Problems are collected, not thrown: read
/// every value, then check <see cref="Problems"/> once and print them with the usage.
/// </summary>
internal sealed class Options
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public const string UsageText = """
        Usage: dotnet Pathway.Bench.dll COMMAND [options]   (bench/run.sh drives both commands)

        Commands:
          generate --users N [--assessments-per-country K] [--round-participants P [--rounds-file FILE]] [--published-rounds R]
                   [--resources N] [--case-studies N] [--partnerships N] [--events N [--registrations M]]
              Migrates and seeds the database the app is configured for (Database:Provider,
              ConnectionStrings:Pathway, Pathway:DataDirectory; from the environment, e.g.
              Database__Provider=Postgres, or as --Database:Provider Postgres), then adds N users
              spread over the Member States and roles, and K assessments per country (default 2).
              With P > 0, also two bench rounds in KEN with P respondents rating every mechanism
              of framework 1: one open for rating, one validated with consensus recorded; FILE
              gets their ids and accounts for `load --rounds-file`. With R > 0, R published
              rounds (one a year from 2020) for every Member State, with their releases and
              published-result rows, for the dashboards and open data. --resources, --case-studies and
              --partnerships add that much published Country Connector content (a third of the
              partnerships not public), each with its search entry, for the search scenarios.
              --events and --registrations add announced events over ten years (a quarter in numbered
              series, with agenda, tags and key messages) and registrations spread over them.
              Runs again without duplicating: existing bench users and assessments are kept.
          load --url BASE [--path P ...] [--file-path P ...] [--rounds-file FILE] [--clients 32] [--seconds 20] [--warmup 3]
               [--prewarm 0] [--bare-port 0] [--server-pid PID] [--label TEXT] [--note TEXT] [--results DIR]
               [--max-requests 5000000]
              With --rounds-file, after the paths: saving ratings (PUT, a different respondent per
              client), the results page (focal point, cookie), GET .../scores and .../spread.
              A --file-path is a download timed with one client and no pre-warm.
              First --prewarm seconds over all paths in turn (the app's JIT settles), then for
              each path: warm up, then the clients loop GET for the given seconds. Then the
              same load against a bare Kestrel endpoint in this process (the ceiling). Prints
              requests/s, p50/p95/p99 latency, errors and the ratio to bare (with --server-pid,
              also the app's CPU time per request), and writes JSON lines to
              DIR/<timestamp>[-label].json (default bench/results). Loopback addresses only.
          burst --url BASE --event ID [--count 200] [--expect-confirmed 50] [--label TEXT] [--results DIR]
              COUNT people register for the event at once (POST /api/events/ID/registrations, one
              connection each); prints how many were confirmed and how many wait, and the latency;
              fails unless exactly the expected number were confirmed and the rest wait.
        """;

    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly List<string> problems = [];
    private readonly List<string> passThrough = [];

    private Options()
    {
    }

    public IReadOnlyList<string> Problems => problems;

    /// <summary>Options not known to the command, handed on (to the host's configuration).</summary>
    public IReadOnlyList<string> PassThrough => passThrough;

    /// <summary>Reads <c>--name value</c> pairs; unknown names are a problem unless <paramref name="passUnknown"/>.</summary>
    public static Options Parse(string[] args, IReadOnlyCollection<string> known, bool passUnknown = false)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!known.Contains(name))
            {
                if (passUnknown)
                {
                    options.passThrough.Add(name);
                }
                else
                {
                    options.problems.Add($"Unknown option: {name}");
                }
                continue;
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options.problems.Add($"Option {name} needs a value.");
                continue;
            }
            if (!options.values.TryGetValue(name, out var list))
            {
                options.values[name] = list = [];
            }
            list.Add(args[++i]);
        }
        return options;
    }

    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    public string? Text(string name, bool required = false)
    {
        var list = All(name);
        if (list.Count > 1)
        {
            problems.Add($"Option {name} is given more than once.");
        }
        if (list.Count == 0 && required)
        {
            problems.Add($"Missing option: {name}");
        }
        return list.Count > 0 ? list[^1] : null;
    }

    public int Int(string name, int? fallback, int min, int max)
    {
        var text = Text(name, required: fallback is null);
        if (text is null)
        {
            return fallback ?? 0;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problems.Add($"Option {name} must be a whole number from {min} to {max} (got '{text}').");
            return fallback ?? 0;
        }
        return value;
    }

    public void Problem(string message) => problems.Add(message);

    /// <summary>Prints the problems and the usage; returns the usage exit code.</summary>
    public int Fail()
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }
        Console.Error.WriteLine();
        return PrintUsage(Console.Error, UsageError);
    }

    public static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine(UsageText);
        return exitCode;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Operations;

namespace Pathway.Bench;

/// <summary>
/// <c>generate</c>: fills the database the app is configured for with a realistic number of users
/// and assessments. It builds the app's own host (same configuration keys, same services), so
/// accounts go through <see cref="UserAdministration"/> exactly as the admin pages create them.
/// </summary>
internal static class DatasetGenerator
{
    public const string EmailDomain = "bench.pathway.invalid";

    /// <summary>Every bench account's password (meets the app's password rules).</summary>
    public const string Password = "BenchPassword2026";

    private const string AssessmentTitlePrefix = "Bench assessment";
    private const string FrameworkVersion = "1";

    private static readonly string[] Known = ["--users", "--assessments-per-country", "--round-participants", "--rounds-file", "--published-rounds", "--resources", "--case-studies", "--partnerships", "--events", "--registrations"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args, Known, passUnknown: true);
        var userCount = options.Int("--users", null, 0, 1_000_000);
        var perCountry = options.Int("--assessments-per-country", 2, 0, 1_000);
        var roundParticipants = options.Int("--round-participants", 0, 0, 10_000);
        var roundsFile = options.Text("--rounds-file");
        var publishedRounds = options.Int("--published-rounds", 0, 0, 50);
        var connector = new BenchConnector.Sizes(
            options.Int("--resources", 0, 0, 1_000_000), options.Int("--case-studies", 0, 0, 1_000_000), options.Int("--partnerships", 0, 0, 1_000_000));
        var events = options.Int("--events", 0, 0, 1_000_000);
        var registrations = options.Int("--registrations", 0, 0, 100_000_000);
        if (roundsFile is not null && roundParticipants == 0)
        {
            options.Problem("--rounds-file needs --round-participants N (N > 0).");
        }
        if (options.Problems.Count > 0)
        {
            return options.Fail();
        }

        var started = Stopwatch.GetTimestamp();
        // The app's own composition root: env vars and the remaining arguments are its configuration.
        var builder = WebApplication.CreateBuilder([.. options.PassThrough]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPathway();
        await using var app = builder.Build();

        await app.Services.PrepareDatabaseAsync(migrate: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var connection = db.Database.GetDbConnection();
            Console.WriteLine($"Database: {DatabaseSetup.Provider(app.Configuration)} ({connection.DataSource}{(string.IsNullOrEmpty(connection.Database) ? "" : "/" + connection.Database)}), migrated and seeded in {Seconds(started)}");
        }

        var usersOk = await CreateUsersAsync(app.Services, DatabaseSetup.Provider(app.Configuration), userCount);
        var assessmentsOk = await CreateAssessmentsAsync(app.Services, perCountry);
        var roundsOk = roundParticipants == 0
            || await BenchRounds.CreateAsync(app.Services, DatabaseSetup.Provider(app.Configuration), roundParticipants, roundsFile);
        var publishedOk = publishedRounds == 0 || await BenchPublished.CreateAsync(app.Services, publishedRounds);
        var connectorOk = !connector.Any || await BenchConnector.CreateAsync(app.Services, connector);
        var eventsOk = events == 0 || await BenchEvents.CreateAsync(app.Services, events, registrations);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var users = await db.Users.CountAsync();
            var assessments = await db.Assessments.IgnoreQueryFilters([PathwayDb.CountryScopeFilter]).CountAsync();
            var countries = await db.Countries.CountAsync();
            Console.WriteLine($"Now in the database: {users} users, {assessments} assessments, {countries} countries.");
        }
        Console.WriteLine($"Done in {Seconds(started)}.");
        return usersOk && assessmentsOk && roundsOk && publishedOk && connectorOk && eventsOk ? Options.Ok : Options.Failed;
    }

    private sealed record PlannedUser(int Number, string Email, string Role, string? Country, string? Region);

    /// <summary>
    /// User n belongs to country n mod 194 (all Member States, in ISO3 order); its role follows a
    /// 20-slot pattern shifted per country so every country gets a mix: 65% contributors, 25% focal
    /// points, 5% regional officers (the country's region), 5% reviewers (that region, or global).
    /// The plan depends only on n, so a second run recreates nothing.
    /// </summary>
    private static PlannedUser Plan(int number, List<(string Iso3, string Region)> countries)
    {
        var index = number - 1;
        var (iso3, region) = countries[index % countries.Count];
        var cycle = index / countries.Count;
        var slot = (cycle + (index % countries.Count * 7)) % 20;
        var email = string.Create(CultureInfo.InvariantCulture, $"bench{number:D6}@{EmailDomain}");
        return slot switch
        {
            0 => new(number, email, Roles.RegionalOfficer, null, region),
            10 => new(number, email, Roles.Reviewer, null, cycle % 2 == 0 ? null : region),
            1 or 5 or 9 or 13 or 17 => new(number, email, Roles.CountryFocalPoint, iso3, null),
            _ => new(number, email, Roles.CountryContributor, iso3, null),
        };
    }

    private static async Task<bool> CreateUsersAsync(IServiceProvider services, DatabaseProvider provider, int count)
    {
        var started = Stopwatch.GetTimestamp();
        List<(string Iso3, string Region)> countries;
        HashSet<string> existing;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            countries = [.. (await db.Countries.AsNoTracking().OrderBy(c => c.Iso3).Select(c => new { c.Iso3, c.RegionCode }).ToListAsync())
                .Select(c => (c.Iso3, c.RegionCode))];
            existing = [.. await db.Users.AsNoTracking()
                .Where(user => user.Email!.EndsWith("@" + EmailDomain))
                .Select(user => user.Email!)
                .ToListAsync()];
        }
        if (countries.Count == 0)
        {
            await Console.Error.WriteLineAsync("No countries in the database: seeding did not run.");
            return false;
        }

        var plan = Enumerable.Range(1, count).Select(number => Plan(number, countries)).ToList();
        var missing = plan.Where(user => !existing.Contains(user.Email)).ToList();
        // Password hashing (PBKDF2) dominates; PostgreSQL takes writers in parallel, SQLite has one writer.
        var parallelism = provider == DatabaseProvider.Postgres ? Environment.ProcessorCount : 1;
        Console.WriteLine($"Users: {count} planned, {count - missing.Count} already there, creating {missing.Count} (parallelism {parallelism})...");

        var created = 0;
        var failures = new ConcurrentQueue<string>();
        var step = Math.Max(1, missing.Count / 10);
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (user, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new NewUser(user.Email, Password, user.Role, user.Country, user.Region,
                    string.Create(CultureInfo.InvariantCulture, $"Bench user {user.Number}")),
                cancellationToken);
            if (!result.Succeeded)
            {
                failures.Enqueue($"{user.Email}: {string.Join("; ", result.Errors.SelectMany(pair => pair.Value.Select(message => $"{pair.Key}: {message}")))}");
                return;
            }
            var done = Interlocked.Increment(ref created);
            if (done % step == 0 && done < missing.Count)
            {
                Console.WriteLine($"  {done}/{missing.Count} users ({Seconds(started)})");
            }
        });

        var mix = plan.GroupBy(user => user.Role).OrderByDescending(group => group.Count())
            .Select(group => $"{group.Count()} {group.Key}");
        Console.WriteLine($"Users: created {created}, failed {failures.Count}, in {Seconds(started)} ({string.Join(", ", mix)}; password {Password}).");
        foreach (var failure in failures.Take(10))
        {
            await Console.Error.WriteLineAsync($"  {failure}");
        }
        return failures.IsEmpty;
    }

    private static async Task<bool> CreateAssessmentsAsync(IServiceProvider services, int perCountry)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var versionId = await db.FrameworkVersions.Where(version => version.Version == FrameworkVersion)
            .Select(version => (int?)version.Id).SingleOrDefaultAsync();
        if (versionId is null)
        {
            await Console.Error.WriteLineAsync($"Framework version {FrameworkVersion} is not in the database: seeding did not import it.");
            return false;
        }
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Iso3).Select(c => c.Iso3).ToListAsync();
        // Seeding and generation act for nobody, so the country scope would hide every row.
        var existing = await db.Assessments.IgnoreQueryFilters([PathwayDb.CountryScopeFilter])
            .Where(assessment => assessment.Title.StartsWith(AssessmentTitlePrefix))
            .GroupBy(assessment => assessment.CountryIso3)
            .Select(group => new { Country = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.Country, row => row.Count);

        var created = 0;
        foreach (var iso3 in countries)
        {
            for (var n = existing.GetValueOrDefault(iso3) + 1; n <= perCountry; n++)
            {
                db.Assessments.Add(new Assessment
                {
                    CountryIso3 = iso3,
                    FrameworkVersionId = versionId.Value,
                    Title = string.Create(CultureInfo.InvariantCulture, $"{AssessmentTitlePrefix} {n} ({iso3})"),
                    // Oldest first, one round roughly every half year.
                    CreatedAt = now.AddDays(-182 * (perCountry - n)),
                });
                created++;
            }
            if (db.ChangeTracker.Entries().Count() >= 1_000)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"Assessments: {perCountry} per country for {countries.Count} countries, created {created}, in {Seconds(started)}.");
        return true;
    }

    private static string Seconds(long startedTimestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds:F1} s");
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.Bench;

/// <summary>
/// Published rounds for every Member State (issue 10's dataset: 194 countries × N rounds × every mechanism of
/// framework 1), written as a sign-off writes them: the round, its frozen release and the release's
/// <see cref="PublishedResult"/> rows. Levels are pseudo-random but fixed by country and round, and drift upwards
/// from one round to the next, so maps, distributions and trends have something to show.
/// </summary>
internal static class BenchPublished
{
    private const string TitlePrefix = "Bench published round";
    private const int FirstYear = 2020;

    public static async Task<bool> CreateAsync(IServiceProvider services, int perCountry)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var tree = await scope.ServiceProvider.GetRequiredService<FrameworkReader>().TreeAsync("1");
        if (tree is null)
        {
            await Console.Error.WriteLineAsync("Framework version 1 is not in the database: seeding did not import it.");
            return false;
        }
        var versionId = await db.FrameworkVersions.Where(version => version.Version == "1").Select(version => version.Id).SingleAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Iso3).Select(c => new { c.Iso3, c.RegionCode }).ToListAsync();
        // Generation acts for nobody, so the country scope would hide every row.
        var existing = await db.Assessments.IgnoreQueryFilters([PathwayDb.CountryScopeFilter])
            .Where(assessment => assessment.Title.StartsWith(TitlePrefix))
            .GroupBy(assessment => assessment.CountryIso3)
            .Select(group => new { Country = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.Country, row => row.Count);

        var created = 0;
        var results = 0;
        foreach (var (country, index) in countries.Select((country, index) => (country, index)))
        {
            for (var n = existing.GetValueOrDefault(country.Iso3) + 1; n <= perCountry; n++)
            {
                var year = FirstYear + n - 1;
                var signedOff = new DateTimeOffset(year, 11, 1 + index % 28, 9, 0, 0, TimeSpan.Zero);
                var round = new Assessment
                {
                    CountryIso3 = country.Iso3,
                    FrameworkVersionId = versionId,
                    Title = string.Create(CultureInfo.InvariantCulture, $"{TitlePrefix} {n} ({country.Iso3})"),
                    Purpose = AssessmentPurpose.TakeStock,
                    PlannedStart = new DateOnly(year, 3, 1),
                    PlannedEnd = new DateOnly(year, 10, 31),
                    CreatedAt = signedOff.AddMonths(-9) < now ? signedOff.AddMonths(-9) : now,
                };
                db.Assessments.Add(round);
                // The workflow's own moves are for people; a seeding command sets the state it needs.
                var entry = db.Entry(round);
                entry.Property(a => a.Status).CurrentValue = AssessmentStatus.Published;
                entry.Property(a => a.FirstSubmittedAt).CurrentValue = signedOff.AddDays(-20);
                entry.Property(a => a.Submissions).CurrentValue = 1;

                var answers = tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms).Select((mechanism, m) =>
                    (mechanism.Code, Answer: Answer(index, n, m))).ToDictionary(pair => pair.Code, pair => pair.Answer, StringComparer.Ordinal);
                var profile = RoundResultsProfile(tree, answers);
                var release = new PublishedRelease
                {
                    AssessmentId = round.Id,
                    CountryIso3 = country.Iso3,
                    Revision = 1,
                    Choices = new PublicationChoices(true, true, false, false),
                    Snapshot = new ReleaseSnapshot(round.Title, "1", nameof(AssessmentScope.National), null, nameof(AssessmentPurpose.TakeStock),
                        profile,
                        [.. tree.Behaviours.SelectMany(behaviour => behaviour.Mechanisms.Select(mechanism =>
                            new MechanismSnapshot(mechanism.Code, behaviour.Code, answers[mechanism.Code].State.ToString(), answers[mechanism.Code].Level, null)))],
                        null),
                    RuleVersion = ScoringRule.Version,
                    SignedOffById = "bench",
                    SignedOffByName = "Bench focal point",
                    SignedOffAt = signedOff,
                };
                db.PublishedReleases.Add(release);
                var rows = PublishedResult.From(release, tree, country.RegionCode, year, isDemonstration: false);
                db.PublishedResults.AddRange(rows);
                results += rows.Count;
                created++;
            }
            if (db.ChangeTracker.Entries().Count() >= 2_000)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"Published rounds: {perCountry} per country for {countries.Count} countries, created {created} ({results} published mechanism rows), in {Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");
        return true;
    }

    /// <summary>A level 1–4 drifting up by round; about one mechanism in twelve not applicable or unknown.</summary>
    private static MechanismAnswer Answer(int country, int round, int mechanism)
    {
        var hash = (uint)((country * 7919) ^ (mechanism * 104729)) % 97;
        return (hash % 12) switch
        {
            0 => MechanismAnswer.NotApplicable,
            1 => MechanismAnswer.DontKnow,
            _ => MechanismAnswer.Rated((int)Math.Clamp(1 + (hash % 3) + (round - 1) / 2, 1, 4)),
        };
    }

    private static List<BehaviourSnapshot> RoundResultsProfile(FrameworkTree tree, Dictionary<string, MechanismAnswer> answers) =>
        [.. RoundResults.Profile(tree, answers).Behaviours.Select(result => new BehaviourSnapshot(
            result.Code, result.Mean, result.Status.ToString(), result.Band?.ToString(), result.RatedCount,
            result.InformationGaps, result.NotApplicableCount, result.NotAssessedCount))];
}

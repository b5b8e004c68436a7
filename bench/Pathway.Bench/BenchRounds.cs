using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Bench;

/// <summary>What <c>generate</c> made for the assessment scenarios, read back by <c>load</c> (<c>--rounds-file</c>).</summary>
internal sealed record BenchRoundsFile(
    string Country,
    string Password,
    string FocalPoint,
    IReadOnlyList<string> Respondents,
    Guid RatingRound,
    Guid ResultsRound,
    IReadOnlyList<string> MechanismCodes,
    int Ratings,
    int ConsensusRatings,
    Guid EarlierRound,
    int PlanItems)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BenchRoundsFile> ReadAsync(string path) =>
        JsonSerializer.Deserialize<BenchRoundsFile>(await File.ReadAllTextAsync(path), Json)
        ?? throw new InvalidDataException($"{path} is empty.");
}

/// <summary>
/// The issue's performance dataset: two rounds of one country on framework version 1 (all of its
/// mechanisms), each with the same N respondents spread round-robin over the ten stakeholder groups.
/// <list type="bullet">
/// <item>the <b>rating round</b> is open for rating, every respondent has already rated every mechanism
/// (so a PUT replaces an answer, as in a workshop where people revise);</item>
/// <item>the <b>results round</b> is validated: every respondent rated every mechanism and an agreed
/// level, rationale, confidence and method are recorded for every mechanism.</item>
/// </list>
/// Accounts go through <see cref="UserAdministration"/>; rounds, participants, ratings and consensus are
/// written as a seeding command would (no HTTP), through the audited context, so the audit trail is
/// as large as real use would make it. A second run keeps what is there.
/// </summary>
internal static class BenchRounds
{
    public const string Country = "KEN";
    public const string RatingRoundTitle = "Bench round: rating open";
    public const string ResultsRoundTitle = "Bench round: results";
    public const string EarlierRoundTitle = "Bench round: the year before";

    public static string FocalPointEmail => $"round-focal@{DatasetGenerator.EmailDomain}";

    public static string RespondentEmail(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"round-r{number:D4}@{DatasetGenerator.EmailDomain}");

    /// <summary>Respondent n's group: round-robin over the ten groups (2 public-side, 4 private-side, 4 neither).</summary>
    public static StakeholderGroup GroupOf(int number) => StakeholderGroups.All[(number - 1) % StakeholderGroups.All.Count];

    public static async Task<bool> CreateAsync(IServiceProvider services, DatabaseProvider provider, int participants, string? roundsFile)
    {
        var started = Stopwatch.GetTimestamp();
        if (!await CreateAccountsAsync(services, provider, participants))
        {
            return false;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var version = await db.FrameworkVersions.AsNoTracking().Where(v => v.Version == "1")
            .Select(v => new
            {
                v.Id,
                Codes = v.Behaviours.OrderBy(b => b.DisplayOrder).SelectMany(b => b.Mechanisms.OrderBy(m => m.DisplayOrder).Select(m => m.Code)).ToList(),
            })
            .SingleOrDefaultAsync();
        if (version is null)
        {
            await Console.Error.WriteLineAsync("Framework version 1 is not in the database: seeding did not import it.");
            return false;
        }
        var emails = Enumerable.Range(1, participants).Select(RespondentEmail).ToList();
        var accounts = await db.Users.AsNoTracking().Where(user => emails.Contains(user.Email!) || user.Email == FocalPointEmail)
            .Select(user => new { user.Id, user.Email }).ToDictionaryAsync(user => user.Email!, user => user.Id);
        var focalPointId = accounts[FocalPointEmail];
        var respondents = emails.Select((email, index) => (Number: index + 1, Email: email, UserId: accounts[email])).ToList();

        var ratingRound = await EnsureRoundAsync(db, version.Id, version.Codes, focalPointId, respondents, RatingRoundTitle,
            AssessmentStatus.RatingOpen, withConsensus: false, now.AddDays(-30), levelShift: 0, now);
        var resultsRound = await EnsureRoundAsync(db, version.Id, version.Codes, focalPointId, respondents, ResultsRoundTitle,
            AssessmentStatus.Validated, withConsensus: true, now.AddDays(-30), levelShift: 0, now);
        // The round a year earlier (agreed levels one lower, no individual ratings) is what the comparison page compares with.
        var earlierRound = await EnsureRoundAsync(db, version.Id, version.Codes, focalPointId, [], EarlierRoundTitle,
            AssessmentStatus.Validated, withConsensus: true, now.AddDays(-400), levelShift: -1, now);
        await BenchPlans.EnsureAsync(db, earlierRound, version.Codes, focalPointId, BenchPlans.EarlierPlanItems, now.AddDays(-390), now);
        var planItems = await BenchPlans.EnsureAsync(db, resultsRound, version.Codes, focalPointId, BenchPlans.PlanItems, now.AddDays(-5), now);

        var ratings = await db.Ratings.IgnoreQueryFilters().CountAsync(r => r.AssessmentId == ratingRound || r.AssessmentId == resultsRound);
        var consensus = await db.ConsensusRatings.IgnoreQueryFilters().CountAsync(c => c.AssessmentId == resultsRound);
        var audit = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.AssessmentId == ratingRound || a.AssessmentId == resultsRound);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Bench rounds in {Country}: {participants} respondents × {version.Codes.Count} mechanisms (framework 1, all of its mechanisms); rating round {ratingRound} (RatingOpen), results round {resultsRound} (Validated, plan of {planItems} items), earlier round {earlierRound}; {ratings} ratings, {consensus} consensus ratings, {audit} audit entries; in {Seconds(started)}."));

        if (roundsFile is not null)
        {
            var file = new BenchRoundsFile(Country, DatasetGenerator.Password, FocalPointEmail, emails, ratingRound, resultsRound,
                version.Codes, ratings, consensus, earlierRound, planItems);
            await File.WriteAllTextAsync(roundsFile, JsonSerializer.Serialize(file, BenchRoundsFile.Json));
            Console.WriteLine($"Rounds file: {Path.GetFullPath(roundsFile)}");
        }
        return true;
    }

    private static async Task<bool> CreateAccountsAsync(IServiceProvider services, DatabaseProvider provider, int participants)
    {
        var started = Stopwatch.GetTimestamp();
        List<NewUser> wanted =
        [
            new(FocalPointEmail, DatasetGenerator.Password, Roles.CountryFocalPoint, Country, null, "Bench round focal point"),
            .. Enumerable.Range(1, participants).Select(number => new NewUser(RespondentEmail(number), DatasetGenerator.Password,
                Roles.CountryContributor, Country, null, string.Create(CultureInfo.InvariantCulture, $"Bench respondent {number}"))),
        ];
        HashSet<string> existing;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            existing = [.. await db.Users.AsNoTracking().Where(user => user.Email!.StartsWith("round-")).Select(user => user.Email!).ToListAsync()];
        }
        var missing = wanted.Where(user => !existing.Contains(user.Email)).ToList();
        var failures = new ConcurrentQueue<string>();
        var parallelism = provider == DatabaseProvider.Postgres ? Environment.ProcessorCount : 1;
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (user, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(user, cancellationToken);
            if (!result.Succeeded)
            {
                failures.Enqueue($"{user.Email}: {string.Join("; ", result.Errors.SelectMany(pair => pair.Value))}");
            }
        });
        Console.WriteLine($"Round accounts: {wanted.Count} planned (1 focal point, {participants} respondents of {Country}), created {missing.Count - failures.Count}, failed {failures.Count}, in {Seconds(started)}.");
        foreach (var failure in failures.Take(10))
        {
            await Console.Error.WriteLineAsync($"  {failure}");
        }
        return failures.IsEmpty;
    }

    /// <summary>The round with this title in the bench country, made with all its rows when missing.</summary>
    private static async Task<Guid> EnsureRoundAsync(
        PathwayDb db, int versionId, List<string> codes, string focalPointId,
        List<(int Number, string Email, string UserId)> respondents, string title, AssessmentStatus status,
        bool withConsensus, DateTimeOffset createdAt, int levelShift, DateTimeOffset now)
    {
        // Generation acts for nobody, so the country scope would hide every row.
        var found = await db.Assessments.IgnoreQueryFilters([PathwayDb.CountryScopeFilter])
            .Where(a => a.CountryIso3 == Country && a.Title == title).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        if (found is { } existing)
        {
            return existing;
        }

        var round = new Assessment
        {
            CountryIso3 = Country,
            FrameworkVersionId = versionId,
            Title = title,
            Purpose = AssessmentPurpose.TakeStock,
            CreatedAt = createdAt,
            CreatedById = focalPointId,
        };
        db.Assessments.Add(round);
        // The workflow's own moves are for people; a seeding command sets the state it needs.
        var entry = db.Entry(round);
        entry.Property(a => a.Status).CurrentValue = status;
        if (status >= AssessmentStatus.Submitted)
        {
            entry.Property(a => a.FirstSubmittedAt).CurrentValue = now.AddDays(-7);
            entry.Property(a => a.Submissions).CurrentValue = 1;
        }

        var participants = respondents.Select(respondent => new Participant
        {
            AssessmentId = round.Id,
            CountryIso3 = Country,
            UserId = respondent.UserId,
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"Bench respondent {respondent.Number}"),
            Organisation = GroupOf(respondent.Number).ToString(),
            Group = GroupOf(respondent.Number),
            Role = ParticipantRole.Respondent,
            AddedAt = now.AddDays(-29),
        }).ToList();
        db.Participants.AddRange(participants);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var added = 0;
        for (var p = 0; p < participants.Count; p++)
        {
            var number = respondents[p].Number;
            var side = GroupOf(number).Side();
            for (var m = 0; m < codes.Count; m++)
            {
                var rating = new Rating { AssessmentId = round.Id, CountryIso3 = Country, ParticipantId = participants[p].Id, MechanismCode = codes[m] };
                rating.Record(AnswerOf(number, side, m), (number + m) % 9 == 0 ? "Seen in practice in the districts we work in." : null, now.AddDays(-20));
                db.Ratings.Add(rating);
                if (++added % 2_000 == 0)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
        }
        if (withConsensus)
        {
            for (var m = 0; m < codes.Count; m++)
            {
                var consensus = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = Country, MechanismCode = codes[m] };
                consensus.Record(new ConsensusDecision(
                        m % 11 == 10 ? MechanismAnswer.InsufficientInformation : MechanismAnswer.Rated(Math.Clamp(1 + (m % 4) + levelShift, 1, 4)),
                        "Agreed at the national workshop after reviewing the evidence and the spread of views.",
                        (RatingConfidence)(m % 3), m % 5 == 4 ? ConsensusMethod.Vote : ConsensusMethod.Consensus,
                        m % 4 == 3 ? "Private providers' association rated one level higher." : null),
                    focalPointId, "Bench round focal point", now.AddDays(-10));
                db.ConsensusRatings.Add(consensus);
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return round.Id;
    }

    /// <summary>
    /// A plausible spread: public-side respondents a level above the private side on some mechanisms, a
    /// few "don't know" and "not applicable", levels 1–4 otherwise.
    /// </summary>
    private static IndividualAnswer AnswerOf(int respondent, StakeholderSide side, int mechanism)
    {
        var roll = (respondent * 31 + mechanism * 17) % 100;
        if (roll < 4)
        {
            return IndividualAnswer.DontKnow;
        }
        if (roll < 6)
        {
            return IndividualAnswer.NotApplicable;
        }
        var baseLevel = 1 + (mechanism % 4);
        var shift = side switch
        {
            StakeholderSide.Public when mechanism % 3 == 0 => 1,
            StakeholderSide.Private when mechanism % 3 == 0 => -1,
            _ => 0,
        } + (roll % 3) - 1;
        return IndividualAnswer.Rated(Math.Clamp(baseLevel + shift, 1, 4));
    }

    private static string Seconds(long startedTimestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds:F1} s");
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests;

/// <summary>The site with every log entry kept, to show what a request logs.</summary>
public sealed class LogCapturingAppFactory : PathwayAppFactory
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Event, string Message)> Entries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new Capture(this)).SetMinimumLevel(LogLevel.Debug)
            .AddFilter<Capture>(_ => true));
    }

    private sealed class Capture(LogCapturingAppFactory factory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(factory, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(LogCapturingAppFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            factory.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}

/// <summary>
/// What responses and logs say: the non-public API is never cached, a handled conflict is no error in the
/// log, and a text cut to fit its column never splits a character, on both databases.
/// </summary>
public class ResponseRulesTests(LogCapturingAppFactory factory) : IClassFixture<LogCapturingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signed_in_api_answers_carry_no_store_and_open_data_stays_cacheable()
    {
        var round = await factory.CreateRoundAsync("MDV", AssessmentStatus.Consensus);
        using var api = await factory.CreateApiClientAsync(round.Facilitator);
        using var anonymous = factory.CreateClient();

        string[] signedIn =
        [
            "/api/assessments", $"/api/assessments/{round.Id}", $"/api/assessments/{round.Id}/spread",
            $"/api/assessments/{round.Id}/consensus", $"/api/assessments/{round.Id}/evidence", $"/api/assessments/{round.Id}/audit",
            $"/api/assessments/{Guid.NewGuid()}",
        ];
        foreach (var path in signedIn)
        {
            using var response = await api.GetAsync(path, Ct);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({(int)response.StatusCode}) has Cache-Control: {response.Headers.CacheControl}");
        }
        using (var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = round.Facilitator.Email, password = round.Facilitator.Password }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.True(login.Headers.CacheControl?.NoStore == true, "the token answer must not be stored");
        }
        using (var refused = await anonymous.GetAsync($"/api/assessments/{round.Id}", Ct))
        {
            Assert.True(refused.Headers.CacheControl?.NoStore == true, "a refusal on the signed-in API is not stored either");
        }
        foreach (var path in new[] { "/api/countries", "/api/regions", "/api/frameworks", "/api/published" })
        {
            using var response = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.CacheControl?.NoStore == true, $"{path} is open data");
        }
    }

    [Fact]
    public async Task A_handled_conflict_writes_no_error_to_the_log()
    {
        var round = await factory.CreateRoundAsync("MMR", AssessmentStatus.Consensus);
        var code = round.MechanismCodes[0];
        using var api = await factory.CreateApiClientAsync(round.Facilitator);
        var body = new { state = "Rated", level = 3, rationale = "Agreed in the workshop.", confidence = "High", method = "Consensus", version = 0 };
        using (var first = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}", body, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        factory.Entries.Clear();

        // Over HTTP: a stale version is a 409.
        using (var stale = await api.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}", body, Ct))
        {
            await HttpAssert.ProblemAsync(stale, HttpStatusCode.Conflict);
        }

        // In the database: a second first save of the same mechanism (the unique index) and a stale
        // concurrency token, each handled by its caller as the services handle them.
        await using (var scope = factory.OpenSystemDb())
        {
            var duplicate = await scope.Db.ConsensusRatings.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.AssessmentId == round.Id, Ct);
            var participant = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = round.Country, MechanismCode = duplicate.MechanismCode };
            participant.Record(new ConsensusDecision(MechanismAnswer.Rated(2), "A second first save.", RatingConfidence.Low, ConsensusMethod.Consensus, null), null, "test", DateTimeOffset.UtcNow);
            scope.Db.ConsensusRatings.Add(participant);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync(Ct));
        }
        await using (var first = factory.OpenSystemDb())
        await using (var second = factory.OpenSystemDb())
        {
            var mine = await first.Db.ConsensusRatings.IgnoreQueryFilters().SingleAsync(c => c.AssessmentId == round.Id, Ct);
            var theirs = await second.Db.ConsensusRatings.IgnoreQueryFilters().SingleAsync(c => c.AssessmentId == round.Id, Ct);
            mine.Record(new ConsensusDecision(MechanismAnswer.Rated(4), "Mine.", RatingConfidence.High, ConsensusMethod.Consensus, null), null, "test", DateTimeOffset.UtcNow);
            theirs.Record(new ConsensusDecision(MechanismAnswer.Rated(1), "Theirs.", RatingConfidence.High, ConsensusMethod.Consensus, null), null, "test", DateTimeOffset.UtcNow);
            await first.Db.SaveChangesAsync(Ct);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.Db.SaveChangesAsync(Ct));
        }

        var errors = factory.Entries.Where(entry => entry.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n---\n", errors.Select(entry => $"{entry.Level} {entry.Category} {entry.Event}: {entry.Message}")));
        // Still there for whoever turns EF's logging up to Information.
        Assert.Contains(factory.Entries, entry => entry.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && entry.Level == LogLevel.Information);
    }

    [Fact]
    public async Task A_plan_item_ending_in_an_emoji_at_the_label_limit_saves_with_a_whole_label()
    {
        var round = await factory.CreateRoundAsync("LKA", AssessmentStatus.Validated);
        var code = round.MechanismCodes[0];
        using var api = await factory.CreateApiClientAsync(round.Facilitator);
        using (var started = await api.PostAsync($"/api/assessments/{round.Id}/plan", null, Ct))
        {
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(Ct));
        }
        // The audit label is "{code}: {what}", cut to 400: put the emoji's two halves on either side of the cut.
        var what = new string('a', 398 - (code.Length + 2)) + "😀 and more";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var item = new Dictionary<string, object?>
        {
            ["mechanismCode"] = code, ["what"] = what, ["type"] = "PolicyOrStrategy",
            ["responsibleOrganisation"] = "Ministry of Health", ["responsiblePerson"] = "Dr Amal Hassan",
            ["start"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["due"] = today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["fromLevel"] = 2, ["toLevel"] = 3, ["version"] = 0,
        };

        using var response = await api.PostAsJsonAsync($"/api/assessments/{round.Id}/plan/items", item, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        await using var scope = factory.OpenSystemDb();
        var stored = await scope.Db.ActionItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.AssessmentId == round.Id, Ct);
        Assert.Equal(what, stored.What);
        var label = await scope.Db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(entry => entry.AssessmentId == round.Id && entry.Entity == "ActionItem").Select(entry => entry.Label).SingleAsync(Ct);
        Assert.True(label.Length <= 400);
        Assert.EndsWith("a…", label, StringComparison.Ordinal);
        Assert.DoesNotContain(label, char.IsSurrogate);
    }
}

using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Notices;

/// <summary>A clock that says what the test tells it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Runs the notice job as a server would, reads notices, and clears the job's state between tests.</summary>
public static class NoticeJobs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Moves a round through the API as <paramref name="actor"/>; consensus opens on answers agreed in a meeting.</summary>
    public static async Task MoveAsync(this PathwayAppFactory factory, TestRound round, TestUser actor, string to, string? comment = null)
    {
        using var client = await factory.CreateApiClientAsync(actor);
        var publish = to == "Published" ? new { behaviourProfile = true, mechanismLevels = false, rationales = false, publicEvidence = false } : null;
        // Nobody rates in these rounds: consensus opens on answers agreed in a meeting.
        var agreedInMeeting = to == "Consensus" ? true : (bool?)null;
        using var response = await client.PostAsJsonAsync($"/api/assessments/{round.Id}/transitions", new { to, comment, publish, agreedInMeeting }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"Moving to {to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>One run of the job, in a scope of its own, on <paramref name="clock"/>, under the lease name <paramref name="holder"/>.</summary>
    public static async Task<NoticeRun> RunJobAsync(this WebApplicationFactory<Program> factory, TimeProvider clock, string holder = "test-server")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<NoticeJob>(scope.ServiceProvider, clock);
        return await job.RunAsync(holder, Ct);
    }

    /// <summary>Forgets the day last completed and frees the lease, so the next run makes its day's notices.</summary>
    public static async Task ResetLeaseAsync(this PathwayAppFactory factory)
    {
        await using var scope = factory.OpenSystemDb();
        await scope.Db.JobLeases.ExecuteUpdateAsync(set => set
            .SetProperty(lease => lease.LastCompletedOn, (DateOnly?)null)
            .SetProperty(lease => lease.Holder, (string?)null)
            .SetProperty(lease => lease.LeaseUntil, (DateTimeOffset?)null), Ct);
    }

    public static async Task<List<Notice>> NoticesOfAsync(this PathwayAppFactory factory, TestUser user)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Notices.AsNoTracking().Where(n => n.RecipientId == user.Id).OrderBy(n => n.CreatedAt).ToListAsync(Ct);
    }

    /// <summary>A moment in the far future, different for each test, so runs of one test never meet another's days.</summary>
    public static DateTimeOffset SomeDay(int dayOffset) =>
        new DateTimeOffset(2040, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(dayOffset);
}

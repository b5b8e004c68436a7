using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Planning;

namespace Pathway.IntegrationTests.Planning;

/// <summary>Shared by the context, targets and priorities tests: API clients, what is stored, and rows as a page orders them.</summary>
internal static partial class TargetTestHelpers
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpClient> ApiAsync(this PathwayAppFactory factory, TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    public static async Task<List<MechanismTarget>> StoredTargetsAsync(this PathwayAppFactory factory, TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.MechanismTargets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.AssessmentId == round.Id).ToListAsync(Ct);
    }

    public static async Task<ActionPlan?> StoredPlanAsync(this PathwayAppFactory factory, TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.ActionPlans.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.AssessmentId == round.Id, Ct);
    }

    public static async Task<RoundContext?> StoredContextAsync(this PathwayAppFactory factory, TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.RoundContexts.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.AssessmentId == round.Id, Ct);
    }

    /// <summary>The mechanism codes of a page's table rows, in the order shown.</summary>
    public static List<string> RowCodes(string html) => [.. RowPattern().Matches(html).Select(match => match.Groups["code"].Value)];

    [GeneratedRegex(@"<tr\b[^>]*\bdata-code=""(?<code>[^""]+)""")]
    private static partial Regex RowPattern();
}

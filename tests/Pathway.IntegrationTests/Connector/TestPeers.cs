using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Assessments;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Connector;

/// <summary>Published rounds with chosen mechanism levels, written as a sign-off writes them (a release and its published rows).</summary>
public static class TestPeers
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A published round of <paramref name="country"/> counting for <paramref name="year"/>, with the given agreed levels made public.</summary>
    public static async Task<TestRound> PublishLevelsAsync(this PathwayAppFactory factory, string country, int year, IReadOnlyDictionary<string, int> levels)
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.Published);
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var version = await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id).Select(a => a.FrameworkVersion!.Version).SingleAsync(Ct);
        var title = await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id).Select(a => a.Title).SingleAsync(Ct);
        var region = await db.Countries.Where(c => c.Iso3 == country).Select(c => c.RegionCode).SingleAsync(Ct);
        await using var services = factory.Services.CreateAsyncScope();
        var tree = await services.ServiceProvider.GetRequiredService<FrameworkReader>().TreeAsync(version, Ct)
            ?? throw new InvalidOperationException($"The framework version {version} has no tree.");
        var behaviourOf = tree.Behaviours.SelectMany(b => b.Mechanisms.Select(m => (m.Code, Behaviour: b.Code))).ToDictionary(pair => pair.Code, pair => pair.Behaviour);
        var snapshot = new ReleaseSnapshot(title, version, nameof(AssessmentScope.National), null, nameof(AssessmentPurpose.TakeStock), null,
            [.. levels.Select(pair => new MechanismSnapshot(pair.Key, behaviourOf[pair.Key], nameof(MechanismAnswerState.Rated), pair.Value, null))], null);
        var release = new PublishedRelease
        {
            AssessmentId = round.Id,
            CountryIso3 = country,
            Revision = 1,
            Choices = new PublicationChoices(false, true, false, false),
            Snapshot = snapshot,
            RuleVersion = ScoringRule.Version,
            SignedOffById = round.FocalPoint.Id,
            SignedOffByName = "Focal point",
            SignedOffAt = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero),
        };
        db.PublishedReleases.Add(release);
        db.PublishedResults.AddRange(PublishedResult.From(release, tree, region, year, isDemonstration: false));
        await db.SaveChangesAsync(Ct);
        return round;
    }
}

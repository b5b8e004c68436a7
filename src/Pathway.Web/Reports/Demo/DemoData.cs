using Microsoft.EntityFrameworkCore;
using Pathway.Web.Assessments;
using Pathway.Web.Connector.Demo;
using Pathway.Web.Data;
using Pathway.Web.Events.Demo;

namespace Pathway.Web.Reports.Demo;

/// <summary>What a load or a removal did.</summary>
public sealed record DemoResult(bool Changed, int Countries, int Rounds, int Releases, int Accounts);

/// <summary>
/// The demonstration data: thirteen countries in the six WHO regions, two published rounds each on the
/// shipped framework, made through the product's own services as fictional people who cannot sign in.
/// Loaded only when asked for (<c>-- demo</c>); loading again changes nothing; <see cref="RemoveAsync"/>
/// takes out exactly the demonstration rounds (<see cref="Assessment.IsDemonstration"/>), their rows and the
/// demonstration accounts. The test host calls these two methods too.
/// </summary>
public static class DemoData
{
    /// <summary>The shipped framework version the demonstration rounds are pinned to.</summary>
    public const string FrameworkVersion = "1";

    public static int ExpectedRounds => DemoScript.Countries.Count * 2;

    /// <summary>Loads the demonstration data unless it is already complete; a partial load (a run that stopped) is removed first.</summary>
    public static async Task<DemoResult> LoadAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var existing = await CountAsync(services, cancellationToken);
        if (existing.Rounds == ExpectedRounds && existing.Releases == ExpectedRounds + 1)
        {
            // The Connector's content is idempotent on its own: an installation loaded before it existed gets it now.
            await ConnectorDemo.LoadAsync(services, cancellationToken);
            await EventsDemo.LoadAsync(services, cancellationToken);
            return existing with { Changed = false };
        }
        if (existing.Rounds > 0 || existing.Accounts > 0)
        {
            await RemoveAsync(services, cancellationToken);
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var people = new DemoPeople(services, clock);
        await people.EnsureAsync();
        var rounds = new DemoRounds(people, clock);
        var plans = new DemoPlans(people, clock);
        Dictionary<string, string> names;
        List<string> mechanisms;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
            var codes = DemoScript.Countries.Select(country => country.Iso3).ToList();
            names = (await db.Countries.AsNoTracking().Where(country => codes.Contains(country.Iso3)).Select(country => new { country.Iso3, country.Name }).ToListAsync(cancellationToken))
                .ToDictionary(row => row.Iso3, row => row.Name.En, StringComparer.Ordinal);
            var version = await db.FrameworkVersions.AsNoTracking().Where(v => v.Version == FrameworkVersion).Select(v => v.Id).SingleAsync(cancellationToken);
            var rows = await db.Behaviours.AsNoTracking().Where(b => b.FrameworkVersionId == version)
                .SelectMany(b => b.Mechanisms, (b, m) => new { m.Code, Behaviour = b.DisplayOrder, m.DisplayOrder }).ToListAsync(cancellationToken);
            mechanisms = [.. rows.OrderBy(m => m.Behaviour).ThenBy(m => m.DisplayOrder).Select(m => m.Code)];
        }

        foreach (var country in DemoScript.Countries)
        {
            var random = new Random(country.Seed);
            var (first, second) = DemoScript.Profiles(country, mechanisms);

            var firstId = await rounds.CreateAsync(country, names[country.Iso3], country.FirstYear, cancellationToken);
            await rounds.RateAndValidateAsync(country, firstId, first, random, cancellationToken);
            await plans.PlanAsync(country, firstId, country.FirstYear, isFirstRound: true, cancellationToken);
            var firstChoices = country.Iso3 == DemoScript.ProfileOnlyCountry
                ? new PublicationChoices(true, false, false, false)
                : new PublicationChoices(true, true, true, false);
            await rounds.PublishAsync(country, firstId, firstChoices, null, cancellationToken);

            var secondId = await rounds.CreateAsync(country, names[country.Iso3], country.SecondYear, cancellationToken);
            await rounds.RateAndValidateAsync(country, secondId, second, random, cancellationToken);
            await plans.PlanAsync(country, secondId, country.SecondYear, isFirstRound: false, cancellationToken);
            await rounds.PublishAsync(country, secondId, new PublicationChoices(true, true, true, false), null, cancellationToken);

            if (country.Iso3 == DemoScript.CorrectedCountry)
            {
                var code = mechanisms.First(code => second[code].Level is < 4);
                await rounds.CorrectAsync(country, secondId, code, Scoring.MechanismAnswer.Rated(second[code].Level!.Value + 1), cancellationToken);
            }
        }
        await ConnectorDemo.LoadAsync(services, cancellationToken);
        await EventsDemo.LoadAsync(services, cancellationToken);
        return await CountAsync(services, cancellationToken) with { Changed = true };
    }

    /// <summary>
    /// Removes the demonstration rounds with every row that belongs to them, then their audit entries (those of the
    /// removal included) and the demonstration accounts. Rounds without the flag are never touched, whoever made them.
    /// </summary>
    public static async Task<DemoResult> RemoveAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var before = await CountAsync(services, cancellationToken);
        await EventsDemo.RemoveAsync(services, cancellationToken);
        await ConnectorDemo.RemoveAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var ids = await db.Assessments.IgnoreQueryFilters().Where(round => round.IsDemonstration).Select(round => round.Id).ToListAsync(cancellationToken);
        var accounts = await DemoPeople.ExistingIdsAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var id in ids)
        {
            // Tracked removals, round by round, as every write to a round's rows goes: through SaveChanges and its audit.
            db.ProgressNotes.RemoveRange(await db.ProgressNotes.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.ActionItems.RemoveRange(await db.ActionItems.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.ActionPlans.RemoveRange(await db.ActionPlans.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.MechanismTargets.RemoveRange(await db.MechanismTargets.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.RoundContexts.RemoveRange(await db.RoundContexts.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.Ratings.RemoveRange(await db.Ratings.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.ConsensusRatings.RemoveRange(await db.ConsensusRatings.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.EvidenceLinks.RemoveRange(await db.EvidenceLinks.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.Evidence.RemoveRange(await db.Evidence.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.ReviewComments.RemoveRange(await db.ReviewComments.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.StatusChanges.RemoveRange(await db.StatusChanges.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.PublishedReleases.RemoveRange(await db.PublishedReleases.Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.Participants.RemoveRange(await db.Participants.IgnoreQueryFilters().Where(row => row.AssessmentId == id).ToListAsync(cancellationToken));
            db.Assessments.Remove(await db.Assessments.IgnoreQueryFilters().SingleAsync(round => round.Id == id, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        // Rows of no audited table: the removed rounds' audit trail (this removal's entries too), published results, notices, accounts.
        await db.AuditEntries.IgnoreQueryFilters().Where(entry => ids.Contains(entry.AssessmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.PublishedResults.Where(row => ids.Contains(row.AssessmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Notices.IgnoreQueryFilters().Where(notice => accounts.Contains(notice.RecipientId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(role => accounts.Contains(role.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(user => accounts.Contains(user.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return before with { Changed = before.Rounds > 0 || before.Accounts > 0 };
    }

    /// <summary>How much demonstration data there is now.</summary>
    public static async Task<DemoResult> CountAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var rounds = db.Assessments.IgnoreQueryFilters().Where(round => round.IsDemonstration);
        var roundCount = await rounds.CountAsync(cancellationToken);
        var countries = await rounds.Select(round => round.CountryIso3).Distinct().CountAsync(cancellationToken);
        var releases = await db.PublishedReleases.CountAsync(release => rounds.Any(round => round.Id == release.AssessmentId), cancellationToken);
        var accounts = (await DemoPeople.ExistingIdsAsync(db, cancellationToken)).Count;
        return new DemoResult(false, countries, roundCount, releases, accounts);
    }
}

using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>
/// A round made for one test: its country's focal point, a facilitator, a public-side and a
/// private-side respondent, an observer, and the round's framework mechanism codes in order.
/// </summary>
public sealed record TestRound(
    Guid Id,
    string Country,
    TestUser FocalPoint,
    TestUser Facilitator,
    TestUser PublicRespondent,
    TestUser PrivateRespondent,
    TestUser Observer,
    IReadOnlyList<string> MechanismCodes);

/// <summary>Sets rounds up directly in the database (as a seeding command would) so each test starts where it needs to.</summary>
public static class TestRounds
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new round in <paramref name="country"/> with its people, moved on to <paramref name="status"/>.</summary>
    public static async Task<TestRound> CreateRoundAsync(
        this PathwayAppFactory factory, string country = "EGY", AssessmentStatus status = AssessmentStatus.Draft)
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: country);
        var facilitator = await factory.CreateUserAsync(Roles.CountryContributor, country: country);
        var publicRespondent = await factory.CreateUserAsync(Roles.CountryContributor, country: country);
        var privateRespondent = await factory.CreateUserAsync(Roles.CountryContributor, country: country);
        var observer = await factory.CreateUserAsync(Roles.CountryContributor, country: country);

        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var versionId = await db.FrameworkVersions.AsNoTracking().OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync(Ct);
        // Ordered here, not in SQL: PostgreSQL does not keep an ordering inside SelectMany.
        var mechanisms = await db.Behaviours.AsNoTracking().Where(b => b.FrameworkVersionId == versionId)
            .SelectMany(b => b.Mechanisms, (b, m) => new { m.Code, Behaviour = b.DisplayOrder, m.DisplayOrder }).ToListAsync(Ct);
        var version = new
        {
            Id = versionId,
            Codes = mechanisms.OrderBy(m => m.Behaviour).ThenBy(m => m.DisplayOrder).Select(m => m.Code).ToList(),
        };
        var round = new Assessment
        {
            CountryIso3 = country,
            FrameworkVersionId = version.Id,
            Title = $"Test round {TestAccounts.UniqueSuffix()}",
            Purpose = AssessmentPurpose.TakeStock,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = focalPoint.Id,
        };
        db.Assessments.Add(round);
        Participant Join(TestUser user, StakeholderGroup group, ParticipantRole role) => new()
        {
            AssessmentId = round.Id,
            CountryIso3 = country,
            UserId = user.Id,
            DisplayName = user.Email,
            Group = group,
            Role = role,
            AddedAt = DateTimeOffset.UtcNow,
        };
        db.Participants.AddRange(
            Join(facilitator, StakeholderGroup.WhoOffice, ParticipantRole.Facilitator),
            Join(publicRespondent, StakeholderGroup.MinistryOfHealth, ParticipantRole.Respondent),
            Join(privateRespondent, StakeholderGroup.PrivateForProfitProvider, ParticipantRole.Respondent),
            Join(observer, StakeholderGroup.Academia, ParticipantRole.Observer));
        await db.SaveChangesAsync(Ct);

        var made = new TestRound(round.Id, country, focalPoint, facilitator, publicRespondent, privateRespondent, observer, version.Codes);
        await factory.MoveRoundAsync(made, status);
        return made;
    }

    /// <summary>
    /// Moves a round forward along the main path to <paramref name="status"/>. Reaching Submitted or
    /// beyond records an agreed level 2 for every mechanism that has none, as a submission requires.
    /// </summary>
    public static async Task MoveRoundAsync(this PathwayAppFactory factory, TestRound round, AssessmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(round);
        AssessmentStatus[] path =
        [
            AssessmentStatus.Draft, AssessmentStatus.RatingOpen, AssessmentStatus.Consensus,
            AssessmentStatus.Submitted, AssessmentStatus.Validated, AssessmentStatus.Published,
        ];
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var assessment = await db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == round.Id, Ct);
        if (status >= AssessmentStatus.Submitted && status != AssessmentStatus.Returned)
        {
            var agreed = await db.ConsensusRatings.IgnoreQueryFilters().Where(c => c.AssessmentId == round.Id)
                .Select(c => c.MechanismCode).ToListAsync(Ct);
            foreach (var code in round.MechanismCodes.Except(agreed))
            {
                var rating = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = round.Country, MechanismCode = code };
                rating.Record(new ConsensusDecision(MechanismAnswer.Rated(2), "Agreed in the test workshop.",
                    RatingConfidence.Medium, ConsensusMethod.Consensus, null), null, "test", DateTimeOffset.UtcNow);
                db.ConsensusRatings.Add(rating);
            }
        }
        var target = status == AssessmentStatus.Returned ? AssessmentStatus.Submitted : status;
        foreach (var step in path.SkipWhile(s => s != assessment.Status).Skip(1))
        {
            if (assessment.Status == target)
            {
                break;
            }
            assessment.MoveTo(step, DateTimeOffset.UtcNow);
        }
        if (status == AssessmentStatus.Returned)
        {
            assessment.MoveTo(AssessmentStatus.Returned, DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync(Ct);
    }
}

/// <summary>Agreed answers set directly, for tests that start from a given profile.</summary>
public static class TestProfiles
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records (or overwrites) the agreed answer of each given mechanism.</summary>
    public static async Task SetAgreedAsync(this PathwayAppFactory factory, TestRound round, IReadOnlyDictionary<string, MechanismAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answers);
        await using var scope = factory.OpenSystemDb();
        var db = scope.Db;
        var stored = await db.ConsensusRatings.IgnoreQueryFilters().Where(c => c.AssessmentId == round.Id).ToListAsync(Ct);
        foreach (var (code, answer) in answers)
        {
            var rating = stored.SingleOrDefault(c => c.MechanismCode == code);
            if (rating is null)
            {
                rating = new ConsensusRating { AssessmentId = round.Id, CountryIso3 = round.Country, MechanismCode = code };
                db.ConsensusRatings.Add(rating);
            }
            rating.Record(new ConsensusDecision(answer, "Agreed in the test workshop.",
                RatingConfidence.Medium, ConsensusMethod.Consensus, null), null, "test", DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync(Ct);
    }
}

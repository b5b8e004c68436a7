using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Notices;

public sealed record RatingWork(Guid RoundId, string Title, int Rated, int Mechanisms, DateOnly? PlannedEnd, bool IsDemonstration = false);

/// <summary>
/// A round the person facilitates: in consensus (or returned), with the mechanisms still without an agreed answer;
/// or still in rating, with how many respondents have answered every mechanism, until consensus is opened.
/// </summary>
public sealed record ConsensusWork(Guid RoundId, string Title, AssessmentStatus Status, int Missing, int Mechanisms, int Respondents, int RespondentsDone, bool IsDemonstration = false);

public sealed record ReviewWork(Guid RoundId, string Title, LocalizedText CountryName, int Submission, bool IsDemonstration = false);

/// <summary>A plan to endorse: not started (no plan yet), or its items and how many still lack an organisation or a due date.</summary>
public sealed record PlanWork(Guid RoundId, string Title, bool Started, int Items, int Blockers, bool IsDemonstration = false);

public sealed record ActionWork(Guid RoundId, Guid ItemId, string RoundTitle, string What, DateOnly Due, bool Overdue, bool IsDemonstration = false);

public sealed record InvitationWork(Guid RoundId, string RoundTitle, string Name, DateTimeOffset AddedAt, bool IsDemonstration = false);

/// <summary>What waits for one person, section by section.</summary>
public sealed record MyWork(
    IReadOnlyList<RatingWork> Rating,
    IReadOnlyList<ConsensusWork> Consensus,
    IReadOnlyList<ReviewWork> Reviews,
    IReadOnlyList<PlanWork> Plans,
    IReadOnlyList<ActionWork> Actions,
    IReadOnlyList<InvitationWork> Invitations)
{
    public bool IsEmpty => Rating.Count + Consensus.Count + Reviews.Count + Plans.Count + Actions.Count + Invitations.Count == 0;
}

/// <summary>
/// What waits for the signed-in person, by their role and their part in rounds: one query per section
/// (never one per row), each through the country filter and <see cref="RoundQueries.VisibleTo"/>.
/// Sections a role never has (reviews for a country member, plans for a contributor) are not queried.
/// </summary>
public sealed class WorkList(PathwayDb db, CurrentUser user, TimeProvider clock, IOptions<NoticeOptions> options)
{
    public async Task<MyWork> ForMeAsync(CancellationToken cancellationToken = default)
    {
        var me = user.Id ?? throw new InvalidOperationException("My work belongs to a signed-in person.");
        var account = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage }).SingleAsync(cancellationToken);
        // Notices follow the language the person last used the site in; written only when it changed.
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (Cultures.IsSupported(language) && account.PreferredLanguage != language)
        {
            await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredLanguage, language), cancellationToken);
        }
        var focalCountry = user.Role == Roles.CountryFocalPoint ? user.CountryIso3 : null;
        var rounds = db.Assessments.AsNoTracking().VisibleTo(user);

        var rating = await (
                from p in db.Participants.AsNoTracking()
                join a in rounds on p.AssessmentId equals a.Id
                where p.UserId == me && p.Role == ParticipantRole.Respondent && a.Status == AssessmentStatus.RatingOpen
                orderby a.PlannedEnd, a.Title
                select new RatingWork(a.Id, a.Title, db.Ratings.Count(r => r.ParticipantId == p.Id),
                    db.Mechanisms.Count(m => m.FrameworkVersionId == a.FrameworkVersionId), a.PlannedEnd, a.IsDemonstration))
            .ToListAsync(cancellationToken);

        var consensus = await rounds
            .Where(a => (a.Status == AssessmentStatus.RatingOpen || a.Status == AssessmentStatus.Consensus || a.Status == AssessmentStatus.Returned)
                && (a.CountryIso3 == focalCountry || a.Participants.Any(p => p.UserId == me && p.Role == ParticipantRole.Facilitator)))
            .OrderBy(a => a.Title)
            .Select(a => new
            {
                a.Id, a.Title, a.Status, a.IsDemonstration,
                Mechanisms = db.Mechanisms.Count(m => m.FrameworkVersionId == a.FrameworkVersionId),
                Agreed = db.ConsensusRatings.Count(c => c.AssessmentId == a.Id && c.State != MechanismAnswerState.NotAssessed),
                Respondents = a.Participants.Count(p => p.Role == ParticipantRole.Respondent),
                RespondentsDone = a.Participants.Count(p => p.Role == ParticipantRole.Respondent
                    && db.Ratings.Count(r => r.ParticipantId == p.Id) >= db.Mechanisms.Count(m => m.FrameworkVersionId == a.FrameworkVersionId)),
            })
            .ToListAsync(cancellationToken);

        List<ReviewWork> reviews = user.Role == Roles.Reviewer
            ? await rounds.Where(a => a.Status == AssessmentStatus.Submitted)
                .OrderBy(a => a.FirstSubmittedAt)
                .Select(a => new ReviewWork(a.Id, a.Title, a.Country!.Name, a.Submissions, a.IsDemonstration))
                .ToListAsync(cancellationToken)
            : [];

        var plans = focalCountry is null
            ? []
            : await rounds
                .Where(a => a.CountryIso3 == focalCountry && (a.Status == AssessmentStatus.Validated || a.Status == AssessmentStatus.Published))
                .Select(a => new { Round = a, Plan = db.ActionPlans.FirstOrDefault(p => p.AssessmentId == a.Id) })
                .Where(x => x.Plan == null ? x.Round.Status == AssessmentStatus.Validated : x.Plan.Status == PlanStatus.Draft)
                .OrderBy(x => x.Round.Title)
                .Select(x => new PlanWork(x.Round.Id, x.Round.Title, x.Plan != null,
                    db.ActionItems.Count(i => i.AssessmentId == x.Round.Id),
                    db.ActionItems.Count(i => i.AssessmentId == x.Round.Id && i.Status != ActionStatus.Done && i.Status != ActionStatus.Dropped
                        && (i.ResponsibleOrganisation == null || i.ResponsibleOrganisation == "" || i.Due == null)),
                    x.Round.IsDemonstration))
                .ToListAsync(cancellationToken);

        var today = PlanRules.Today(clock);
        var actions = await (
                from i in ResponsiblePeople.DueFor(db.ActionItems.AsNoTracking(), account.Email, account.DisplayName,
                    today.AddDays(Math.Max(0, options.Value.DueSoonDays)))
                join a in rounds on i.AssessmentId equals a.Id
                orderby i.Due, i.What
                select new { a.Id, ItemId = i.Id, a.Title, i.What, i.Due, a.IsDemonstration })
            .ToListAsync(cancellationToken);

        var invitations = focalCountry is null
            ? []
            : await (
                    from p in db.Participants.AsNoTracking()
                    join a in rounds on p.AssessmentId equals a.Id
                    where a.CountryIso3 == focalCountry && p.User!.PasswordHash == null
                        && (a.Status == AssessmentStatus.Draft || a.Status == AssessmentStatus.RatingOpen || a.Status == AssessmentStatus.Consensus)
                    orderby a.Title, p.DisplayName
                    select new InvitationWork(a.Id, a.Title, p.DisplayName, p.AddedAt, a.IsDemonstration))
                .ToListAsync(cancellationToken);

        return new MyWork(
            rating,
            [.. consensus.Select(c => new ConsensusWork(c.Id, c.Title, c.Status, Math.Max(0, c.Mechanisms - c.Agreed), c.Mechanisms, c.Respondents, c.RespondentsDone, c.IsDemonstration))],
            reviews,
            plans,
            [.. actions.Select(a => new ActionWork(a.Id, a.ItemId, a.Title, a.What, a.Due!.Value, a.Due < today, a.IsDemonstration))],
            invitations);
    }
}

using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Notices;

/// <summary>
/// Turns workflow moves into notices, added to the move's own save: rating opened (respondents),
/// consensus opened (facilitators and focal points), submitted (the region's reviewers), returned or
/// validated (focal points), published (the round's team). Whoever made the move is not told of it.
/// </summary>
public sealed class RoundNotices(PathwayDb db, NoticeOutbox outbox, TimeProvider clock) : IRoundEvents
{
    public async Task MovingAsync(RoundMove move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        if (Audience(move) is not var (kind, people))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var recipients = await NoticeRecipients.ReadAsync(people.Where(u => u.Id != move.ActorId), now, cancellationToken);
        await outbox.AddAsync(new NoticeDraft(kind, $"{kind}:{move.ChangeId:N}", move.RoundId, move.RoundTitle), recipients, now, cancellationToken);
    }

    private (NoticeKind Kind, IQueryable<PathwayUser> People)? Audience(RoundMove move) => move.To switch
    {
        AssessmentStatus.RatingOpen => (NoticeKind.RatingOpened, NoticeRecipients.InRound(db, move.RoundId, ParticipantRole.Respondent)),
        AssessmentStatus.Consensus => (NoticeKind.ConsensusOpened, NoticeRecipients.InRound(db, move.RoundId, ParticipantRole.Facilitator)
            .Union(NoticeRecipients.FocalPoints(db, move.CountryIso3))),
        AssessmentStatus.Submitted => (NoticeKind.Submitted, NoticeRecipients.Reviewers(db, move.CountryIso3)),
        AssessmentStatus.Returned => (NoticeKind.Returned, NoticeRecipients.FocalPoints(db, move.CountryIso3)),
        AssessmentStatus.Validated => (NoticeKind.Validated, NoticeRecipients.FocalPoints(db, move.CountryIso3)),
        AssessmentStatus.Published => (NoticeKind.Published, NoticeRecipients.InRound(db, move.RoundId,
                ParticipantRole.Respondent, ParticipantRole.Facilitator, ParticipantRole.Observer)
            .Union(NoticeRecipients.FocalPoints(db, move.CountryIso3))),
        _ => null,
    };
}

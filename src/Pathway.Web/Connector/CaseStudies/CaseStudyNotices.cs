using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Notices;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>
/// Tells the content editors that a case study waits for them (submitted for review), in the same save as the
/// move; whoever submitted it is not told. The notice leads to the review list.
/// </summary>
public sealed class CaseStudyNotices(PathwayDb db, NoticeOutbox outbox)
{
    public async Task SubmittedAsync(CaseStudy study, string? actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var editors = db.Users.Where(u => u.Id != actorId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ContentEditor)));
        var recipients = await NoticeRecipients.ReadAsync(editors, now, cancellationToken);
        var title = NoticeOutbox.Shorten(study.Title.En, Assessment.TitleLength);
        // One notice per submission: a case study sent back and submitted again waits again.
        await outbox.AddAsync(new NoticeDraft(NoticeKind.CaseStudySubmitted, $"{NoticeKind.CaseStudySubmitted}:{study.Id:N}:{now.UtcTicks}", null, title),
            recipients, now, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;

namespace Pathway.Web.Assessments;

/// <summary>
/// Putting rounds away: a draft round deleted for good (its audit entries stay: they have no foreign key
/// to the round), and any round archived (hidden from the lists, still readable by everyone who could read
/// it) or brought back. The focal point or an administrator only. Archiving a published round leaves its
/// public release published: what a country signed off stays public until a correction replaces it.
/// </summary>
public sealed class RoundArchive(PathwayDb db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Deletes a draft round with its participants; <paramref name="version"/> is the round's version the caller saw.</summary>
    public async Task<Failure?> DeleteDraftAsync(Round round, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanArchive)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Rounds.Delete.Error.NotFocalPoint"]);
        }
        if (round.Status != AssessmentStatus.Draft)
        {
            return Failure.Conflict(l["Rounds.Delete.Error.Title"], l["Rounds.Delete.Error.NotDraft", l[$"Status.{round.Status}"]],
                new { status = round.Status.ToString() });
        }
        // Participants are loaded so that their removal is audited too, not only cascaded by the database.
        var assessment = await db.Assessments.VisibleTo(user).Include(a => a.Participants)
            .SingleOrDefaultAsync(a => a.Id == round.Id, cancellationToken);
        if (assessment is null)
        {
            return Failure.RoundNotFound(l);
        }
        if (assessment.Version != version || assessment.Status != AssessmentStatus.Draft)
        {
            return Moved();
        }
        db.Entry(assessment).Property(a => a.Version).OriginalValue = version;
        db.Participants.RemoveRange(assessment.Participants);
        db.Assessments.Remove(assessment);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Archives the round (true) or brings it back (false); doing what is already done changes nothing.</summary>
    public async Task<Failure?> SetArchivedAsync(Round round, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!round.Can.CanArchive)
        {
            return Failure.Forbidden(l["Round.Forbidden"], l["Rounds.Archive.Error.NotFocalPoint"]);
        }
        var assessment = await db.Assessments.VisibleTo(user).SingleOrDefaultAsync(a => a.Id == round.Id, cancellationToken);
        if (assessment is null)
        {
            return Failure.RoundNotFound(l);
        }
        if ((assessment.ArchivedAt is not null) == archived)
        {
            return null;
        }
        if (archived)
        {
            assessment.Archive(user.Id, user.Name, clock.GetUtcNow());
        }
        else
        {
            assessment.Unarchive();
        }
        return await SaveAsync(cancellationToken);
    }

    private async Task<Failure?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Moved();
        }
    }

    private Failure Moved() => Failure.Conflict(l["Rounds.Delete.Error.Title"], l["Rounds.Delete.Error.Moved"], null);
}

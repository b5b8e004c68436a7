using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Data;

namespace Pathway.Web.Notices;

/// <summary>A person to notify, and whether an e-mail goes with the in-app notice.</summary>
public sealed record NoticeRecipient(string UserId, bool WantsMail);

/// <summary>
/// Who is told of what, each as one query. The round was opened through the one door by whoever moved
/// it (or is read by the scheduled job, which has no user), so these read across the country filter
/// and name the round or country explicitly.
/// </summary>
public static class NoticeRecipients
{
    /// <summary>The round's participants in the given roles.</summary>
    public static IQueryable<PathwayUser> InRound(PathwayDb db, Guid roundId, params ParticipantRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == roundId && roles.Contains(p.Role))
            .Select(p => p.User!);
    }

    /// <summary>The country's focal points.</summary>
    public static IQueryable<PathwayUser> FocalPoints(PathwayDb db, string countryIso3)
    {
        ArgumentNullException.ThrowIfNull(db);
        return InRole(db, Roles.CountryFocalPoint).Where(u => u.CountryIso3 == countryIso3);
    }

    /// <summary>The reviewers whose scope covers the country: its WHO region, or every region.</summary>
    public static IQueryable<PathwayUser> Reviewers(PathwayDb db, string countryIso3)
    {
        ArgumentNullException.ThrowIfNull(db);
        var region = db.Countries.Where(c => c.Iso3 == countryIso3).Select(c => c.RegionCode);
        return InRole(db, Roles.Reviewer).Where(u => u.RegionCode == null || region.Contains(u.RegionCode));
    }

    /// <summary>The people who keep shared content (content editors and administrators): they moderate what is sent for review and the helpdesk.</summary>
    public static IQueryable<PathwayUser> ContentEditors(PathwayDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.ContentEditor || r.Name == Roles.Administrator))));
    }

    private static IQueryable<PathwayUser> InRole(PathwayDb db, string role) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>Reads the people once: their ids and e-mail wishes (locked accounts are left out).</summary>
    public static async Task<List<NoticeRecipient>> ReadAsync(IQueryable<PathwayUser> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var rows = await people
            .Where(u => u.LockoutEnd == null || u.LockoutEnd < now)
            .Select(u => new { u.Id, HasMail = u.Email != null, u.NoticeEmailsOff })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new NoticeRecipient(row.Id, row.HasMail && !row.NoticeEmailsOff))];
    }
}

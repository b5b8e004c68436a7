using Pathway.Web.Accounts;

namespace Pathway.Web.Assessments;

/// <summary>The one place that says which rounds a caller may see, on top of the country-scope filter.</summary>
public static class RoundQueries
{
    /// <summary>
    /// Country people and administrators see every round the country-scope filter lets through.
    /// Reviewers and regional officers see a round once it has been submitted, or when they take part
    /// in it. Anonymous callers see none (published rounds are read from their releases instead).
    /// </summary>
    public static IQueryable<Assessment> VisibleTo(this IQueryable<Assessment> rounds, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.Id;
        return user.Role switch
        {
            Roles.Administrator or Roles.CountryFocalPoint or Roles.CountryContributor => rounds,
            Roles.Reviewer or Roles.RegionalOfficer => rounds.Where(round =>
                round.FirstSubmittedAt != null || round.Participants.Any(participant => participant.UserId == userId)),
            _ => rounds.Where(_ => false),
        };
    }
}

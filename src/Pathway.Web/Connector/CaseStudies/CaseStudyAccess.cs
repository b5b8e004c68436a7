using Pathway.Web.Accounts;

namespace Pathway.Web.Connector.CaseStudies;

/// <summary>
/// Who sees and changes a case study, decided here only. Published ones are everyone's to read. The rest are
/// seen by their author, the people of their country (focal points and contributors) and content editors —
/// anyone else is told it does not exist. The same people edit it while the moderation table allows
/// (<see cref="Moderation.AllowsEdit"/>) and move it as far as it lets them; only editors grade and publish.
/// </summary>
public static class CaseStudyAccess
{
    /// <summary>The case studies the caller may read, as one query filter.</summary>
    public static IQueryable<CaseStudy> VisibleTo(this IQueryable<CaseStudy> rows, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(user);
        if (user.EditsContent)
        {
            return rows;
        }
        var id = user.Id;
        var country = user.CountryIso3;
        return rows.Where(c => c.State == ModerationState.Published
            || (id != null && c.AuthorId == id)
            || (country != null && c.CountryIso3 == country));
    }

    /// <summary>The case study's own people: its author, its country's people, and the editors.</summary>
    public static bool IsTeam(CurrentUser user, string countryIso3, string? authorId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsSignedIn && (user.EditsContent
            || (user.CountryIso3 is { } country && country == countryIso3)
            || (user.Id is { } id && id == authorId));
    }

    /// <summary>Whether the caller may propose or write a case study of the country.</summary>
    public static bool MayWriteFor(CurrentUser user, string countryIso3)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsSignedIn && (user.EditsContent || user.CountryIso3 == countryIso3);
    }

    public static bool CanEdit(CurrentUser user, CaseStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return IsTeam(user, study.CountryIso3, study.AuthorId) && Moderation.AllowsEdit(study.State, user.EditsContent);
    }

    /// <summary>The moves the caller may make from where the case study stands.</summary>
    public static IReadOnlyList<ModerationState> Moves(CurrentUser user, CaseStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return IsTeam(user, study.CountryIso3, study.AuthorId) ? Moderation.NextFor(study.State, user.EditsContent) : [];
    }

    /// <summary>Contacts are for signed-in people only: never in the anonymous page, API answer or search.</summary>
    public static bool SeesContacts(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsSignedIn;
    }
}

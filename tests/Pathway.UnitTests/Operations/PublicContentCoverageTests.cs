using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Data;

namespace Pathway.UnitTests.Operations;

/// <summary>
/// The public page cache is dropped when an <see cref="IPublicContent"/> row changes. A table that anonymous pages read
/// but that is not marked would leave them stale until the cache's lifetime passes; one that is marked but changes on
/// every rating would empty it all day. Each table states its side here, so a new one has to choose.
/// </summary>
public class PublicContentCoverageTests
{
    private static IEnumerable<(string Name, Type Entity)> Sets() =>
        typeof(PathwayDb).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(property => (property.Name, property.PropertyType.GetGenericArguments()[0]));

    [Fact]
    public void Every_table_is_public_content_or_not_on_purpose()
    {
        var sets = Sets().ToList();
        Assert.Equal(
            ["AgendaItems", "Behaviours", "CaseStudies", "CaseStudyContacts", "CaseStudySources", "CaseStudyTags", "Countries", "DueDiligenceChecks",
                "EventResources", "EventSeries", "EventTags", "Events", "FrameworkVersions", "HelpdeskQuestions", "KeyMessageFollowUps", "KeyMessages",
                "Mechanisms", "Organisations", "ParticipationTotals", "PartnershipParties", "PartnershipRisks", "PartnershipStageChanges", "PartnershipTags", "Partnerships",
                "ProfileFigures", "PublishedReleases", "PublishedResults", "RecommendationCatalogues", "Recommendations", "Regions", "ResourceFiles", "ResourceTags",
                "Resources", "SearchEntries"],
            sets.Where(set => typeof(IPublicContent).IsAssignableFrom(set.Entity)).Select(set => set.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["AccountEvents", "ActionItems", "ActionPlans", "Assessments", "AuditEntries", "ConsensusRatings", "DataProtectionKeys", "EventMails",
                "EventPlaces", "Evidence", "EvidenceFiles", "EvidenceLinks", "ExchangeRequests", "JobLeases", "MechanismTargets", "Notices",
                "Participants", "ProgressNotes", "PublicContentStamps", "Ratings", "Registrations", "ReviewComments", "RoleClaims", "Roles",
                "RoundContexts", "StatusChanges", "UserClaims", "UserLogins", "UserPasskeys", "UserRoles", "UserTokens", "Users"],
            sets.Where(set => !typeof(IPublicContent).IsAssignableFrom(set.Entity)).Select(set => set.Name).Order(StringComparer.Ordinal));
    }
}

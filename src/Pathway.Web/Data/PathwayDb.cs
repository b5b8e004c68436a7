using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Countries;
using Pathway.Web.Events;
using Pathway.Web.Framework;
using Pathway.Web.Notices;
using Pathway.Web.Planning;

namespace Pathway.Web.Data;

/// <summary>
/// The one database context. Provider-specific subclasses (<see cref="SqlitePathwayDb"/>,
/// <see cref="PostgresPathwayDb"/>) exist only to carry their own migration sets.
/// </summary>
public abstract class PathwayDb : IdentityDbContext<PathwayUser>, IDataProtectionKeyContext
{
    /// <summary>The query filter name under which country scoping is applied.</summary>
    public const string CountryScopeFilter = "CountryScope";

    private readonly CurrentUser? currentUser;

    protected PathwayDb(DbContextOptions options, CurrentUser? currentUser)
        : base(options)
    {
        this.currentUser = currentUser;
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();
    public DbSet<Behaviour> Behaviours => Set<Behaviour>();
    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<ConsensusRating> ConsensusRatings => Set<ConsensusRating>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<PublishedRelease> PublishedReleases => Set<PublishedRelease>();
    public DbSet<PublishedResult> PublishedResults => Set<PublishedResult>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RecommendationCatalogue> RecommendationCatalogues => Set<RecommendationCatalogue>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RoundContext> RoundContexts => Set<RoundContext>();
    public DbSet<MechanismTarget> MechanismTargets => Set<MechanismTarget>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ProgressNote> ProgressNotes => Set<ProgressNote>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<PublicContentStamp> PublicContentStamps => Set<PublicContentStamp>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Accounts.Events.AccountEvent> AccountEvents => Set<Accounts.Events.AccountEvent>();
    public DbSet<Connector.Organisations.Organisation> Organisations => Set<Connector.Organisations.Organisation>();
    public DbSet<Connector.Search.SearchEntry> SearchEntries => Set<Connector.Search.SearchEntry>();
    public DbSet<Connector.Resources.Resource> Resources => Set<Connector.Resources.Resource>();
    public DbSet<Connector.Resources.ResourceTag> ResourceTags => Set<Connector.Resources.ResourceTag>();
    public DbSet<Connector.Resources.ResourceFile> ResourceFiles => Set<Connector.Resources.ResourceFile>();
    public DbSet<Connector.CaseStudies.CaseStudy> CaseStudies => Set<Connector.CaseStudies.CaseStudy>();
    public DbSet<Connector.CaseStudies.CaseStudyTag> CaseStudyTags => Set<Connector.CaseStudies.CaseStudyTag>();
    public DbSet<Connector.CaseStudies.CaseStudySource> CaseStudySources => Set<Connector.CaseStudies.CaseStudySource>();
    public DbSet<Connector.CaseStudies.CaseStudyContact> CaseStudyContacts => Set<Connector.CaseStudies.CaseStudyContact>();
    public DbSet<Connector.Profiles.ProfileFigure> ProfileFigures => Set<Connector.Profiles.ProfileFigure>();
    public DbSet<Connector.Partnerships.Partnership> Partnerships => Set<Connector.Partnerships.Partnership>();
    public DbSet<Connector.Partnerships.PartnershipParty> PartnershipParties => Set<Connector.Partnerships.PartnershipParty>();
    public DbSet<Connector.Partnerships.PartnershipTag> PartnershipTags => Set<Connector.Partnerships.PartnershipTag>();
    public DbSet<Connector.Partnerships.PartnershipStageChange> PartnershipStageChanges => Set<Connector.Partnerships.PartnershipStageChange>();
    public DbSet<Connector.Partnerships.DueDiligenceCheck> DueDiligenceChecks => Set<Connector.Partnerships.DueDiligenceCheck>();
    public DbSet<Connector.Partnerships.PartnershipRisk> PartnershipRisks => Set<Connector.Partnerships.PartnershipRisk>();
    public DbSet<Connector.Peers.ExchangeRequest> ExchangeRequests => Set<Connector.Peers.ExchangeRequest>();
    public DbSet<Connector.Helpdesk.HelpdeskQuestion> HelpdeskQuestions => Set<Connector.Helpdesk.HelpdeskQuestion>();
    public DbSet<EventSeries> EventSeries => Set<EventSeries>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventTag> EventTags => Set<EventTag>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<EventResource> EventResources => Set<EventResource>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<EventPlaces> EventPlaces => Set<EventPlaces>();
    public DbSet<ParticipationTotal> ParticipationTotals => Set<ParticipationTotal>();
    public DbSet<KeyMessage> KeyMessages => Set<KeyMessage>();
    public DbSet<KeyMessageFollowUp> KeyMessageFollowUps => Set<KeyMessageFollowUp>();
    public DbSet<EventMail> EventMails => Set<EventMail>();

    // Read by the country-scope query filter each time a query runs, not when the context is built:
    // on a cookie request Identity's security-stamp check builds this context before the request's
    // user is set, and a scope captured then would be "nobody".
    private AccessScope Scope => currentUser?.Scope ?? AccessScope.None;
    private bool ScopeIsGlobal => Scope.IsGlobal;
    private string? ScopeCountry => Scope.CountryIso3;
    private string? ScopeRegion => Scope.RegionCode;
    private bool EditsContent => currentUser?.EditsContent == true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddLocalizedTextConvention();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PathwayDb).Assembly);
        builder.Entity<PathwayUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.CountryIso3).HasMaxLength(3).IsFixedLength();
            user.Property(u => u.RegionCode).HasMaxLength(Region.CodeLength);
            user.Property(u => u.PreferredLanguage).HasMaxLength(10);
        });

        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(type => typeof(ICountryOwned).IsAssignableFrom(type.ClrType)))
        {
            typeof(PathwayDb).GetMethod(nameof(ApplyCountryScope), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(this, [builder]);
        }
        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(type => typeof(ICountryShared).IsAssignableFrom(type.ClrType)))
        {
            typeof(PathwayDb).GetMethod(nameof(ApplySharedCountryScope), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(this, [builder]);
        }
    }

    /// <summary>
    /// The one place country scoping lives: a country-owned row is visible to global roles, to
    /// people of its country, and to people scoped to its WHO region. Anonymous callers see none.
    /// </summary>
    private void ApplyCountryScope<T>(ModelBuilder builder)
        where T : class, ICountryOwned
    {
        Expression<Func<T, bool>> visible = row =>
            ScopeIsGlobal
            || (ScopeCountry != null && row.CountryIso3 == ScopeCountry)
            || (ScopeRegion != null && row.Country!.RegionCode == ScopeRegion);
        builder.Entity<T>().HasQueryFilter(CountryScopeFilter, visible);
    }

    /// <summary>
    /// The same scope for rows a country chooses to share: public ones are visible to everyone (anonymous
    /// visitors too), and content editors, who moderate what is shared, see them all.
    /// </summary>
    private void ApplySharedCountryScope<T>(ModelBuilder builder)
        where T : class, ICountryShared
    {
        Expression<Func<T, bool>> visible = row =>
            row.IsPublic
            || ScopeIsGlobal
            || EditsContent
            || (ScopeCountry != null && row.CountryIso3 == ScopeCountry)
            || (ScopeRegion != null && row.Country!.RegionCode == ScopeRegion);
        builder.Entity<T>().HasQueryFilter(CountryScopeFilter, visible);
    }
}

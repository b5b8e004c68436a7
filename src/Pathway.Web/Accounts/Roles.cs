namespace Pathway.Web.Accounts;

/// <summary>The roles and the scope each one needs.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string RegionalOfficer = nameof(RegionalOfficer);
    public const string CountryFocalPoint = nameof(CountryFocalPoint);
    public const string CountryContributor = nameof(CountryContributor);
    public const string Reviewer = nameof(Reviewer);

    /// <summary>Moderates the Country Connector's content (resources, case studies, helpdesk answers) for every country.</summary>
    public const string ContentEditor = nameof(ContentEditor);

    /// <summary>Runs events and webinar series for every country: their pages, registrations, attendance and key messages.</summary>
    public const string Organiser = nameof(Organiser);

    public static readonly string[] All =
        [Administrator, RegionalOfficer, CountryFocalPoint, CountryContributor, Reviewer, ContentEditor, Organiser];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static ScopeKind ScopeOf(string role) => role switch
    {
        CountryFocalPoint or CountryContributor => ScopeKind.Country,
        RegionalOfficer => ScopeKind.Region,
        Reviewer => ScopeKind.RegionOrGlobal,
        ContentEditor or Organiser => ScopeKind.Content,
        _ => ScopeKind.Global,
    };
}

public enum ScopeKind
{
    Global,
    Country,
    Region,
    RegionOrGlobal,

    /// <summary>No country's assessment data: the role moderates shared content, checked where that content is read.</summary>
    Content,
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    /// <summary>API callers authenticate with a bearer token, so a browser cookie cannot be replayed cross-site.</summary>
    public const string ApiUser = "ApiUser";
}

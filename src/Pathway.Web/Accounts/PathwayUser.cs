using Microsoft.AspNetCore.Identity;

namespace Pathway.Web.Accounts;

/// <summary>
/// A person who signs in. Their scope (one country or one WHO region, or none for global roles)
/// sits on the account; their role is an Identity role. <see cref="AccessScope"/> combines both.
/// </summary>
public sealed class PathwayUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>ISO3 code, for CountryFocalPoint and CountryContributor.</summary>
    public string? CountryIso3 { get; set; }

    /// <summary>WHO region code, for RegionalOfficer and a regional Reviewer.</summary>
    public string? RegionCode { get; set; }

    public string PreferredLanguage { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}

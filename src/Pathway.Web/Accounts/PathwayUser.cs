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

    /// <summary>The language notices and their e-mails are written in: the one last used on the site or chosen in the notice settings.</summary>
    public string PreferredLanguage { get; set; } = "en";

    /// <summary>True when the person asked for notices in the site only, without e-mail (off by default, so existing accounts get e-mail).</summary>
    public bool NoticeEmailsOff { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

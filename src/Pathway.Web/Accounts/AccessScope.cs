namespace Pathway.Web.Accounts;

/// <summary>
/// What country-owned data the current caller may read: everything, one region, one country, or
/// nothing. It is applied in the database query (the country-scope query filter), never only in the UI.
/// </summary>
public sealed record AccessScope(bool IsGlobal, string? CountryIso3, string? RegionCode)
{
    /// <summary>Anonymous visitors, and any code that has not said who it acts for.</summary>
    public static readonly AccessScope None = new(false, null, null);

    public static readonly AccessScope Global = new(true, null, null);

    public static AccessScope ForCountry(string iso3) => new(false, iso3, null);

    public static AccessScope ForRegion(string region) => new(false, null, region);

    /// <summary>The scope given by a role and the account's country or region.</summary>
    public static AccessScope For(string? role, string? countryIso3, string? regionCode) =>
        role is null ? None : Roles.ScopeOf(role) switch
        {
            ScopeKind.Global => Global,
            ScopeKind.Country when countryIso3 is not null => ForCountry(countryIso3),
            ScopeKind.Region when regionCode is not null => ForRegion(regionCode),
            ScopeKind.RegionOrGlobal => regionCode is null ? Global : ForRegion(regionCode),
            ScopeKind.Content => None,
            _ => None,
        };
}

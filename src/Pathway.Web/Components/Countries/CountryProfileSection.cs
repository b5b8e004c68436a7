namespace Pathway.Web.Components.Countries;

/// <summary>
/// A section another feature adds to a country's public profile page (<c>/countries/{iso3}</c>): the published
/// assessment profile (Reports), public partnerships (the partnership register), events attended. Registered as
/// a service so the profile, in the Connector, shows them without naming those features. The component takes
/// one parameter, <c>Iso3</c>, and renders nothing when it has nothing public to show.
/// </summary>
public sealed record CountryProfileSection(Type Component, int Order);

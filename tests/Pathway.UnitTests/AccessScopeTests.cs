using Pathway.Web.Accounts;

namespace Pathway.UnitTests;

public class AccessScopeTests
{
    [Fact]
    public void Country_roles_are_scoped_to_their_country()
    {
        Assert.Equal(AccessScope.ForCountry("EGY"), AccessScope.For(Roles.CountryFocalPoint, "EGY", null));
        Assert.Equal(AccessScope.ForCountry("KEN"), AccessScope.For(Roles.CountryContributor, "KEN", null));
    }

    [Fact]
    public void A_country_role_without_a_country_sees_nothing()
    {
        Assert.Equal(AccessScope.None, AccessScope.For(Roles.CountryFocalPoint, null, "EMR"));
    }

    [Fact]
    public void Reviewer_without_a_region_is_global_and_with_one_is_regional()
    {
        Assert.Equal(AccessScope.Global, AccessScope.For(Roles.Reviewer, null, null));
        Assert.Equal(AccessScope.ForRegion("AFR"), AccessScope.For(Roles.Reviewer, null, "AFR"));
    }

    [Fact]
    public void Anonymous_sees_nothing_and_administrator_everything()
    {
        Assert.Equal(AccessScope.None, AccessScope.For(null, "EGY", "EMR"));
        Assert.Equal(AccessScope.Global, AccessScope.For(Roles.Administrator, null, null));
        Assert.Equal(AccessScope.ForRegion("EMR"), AccessScope.For(Roles.RegionalOfficer, null, "EMR"));
    }
}

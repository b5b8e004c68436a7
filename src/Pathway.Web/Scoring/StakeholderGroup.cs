namespace Pathway.Web.Scoring;

/// <summary>The stakeholder group a participant rates for (issue 3), in display order.</summary>
public enum StakeholderGroup
{
    MinistryOfHealth,

    /// <summary>Other government agency, such as a regulator, purchaser or the ministry of finance.</summary>
    OtherGovernmentAgency,

    PrivateForProfitProvider,

    /// <summary>Private not-for-profit or faith-based provider.</summary>
    PrivateNotForProfitProvider,

    ProfessionalAssociation,

    PrivateSectorAssociation,

    /// <summary>Development partner or donor.</summary>
    DevelopmentPartner,

    /// <summary>WHO (headquarters, regional or country office).</summary>
    WhoOffice,

    Academia,

    /// <summary>Civil society or consumer representative.</summary>
    CivilSociety,
}

/// <summary>Which side of the mixed health system a group speaks for, for the divergence medians.</summary>
public enum StakeholderSide
{
    Public,
    Private,

    /// <summary>Partners, WHO, academia and civil society: counted in the spread, in neither side's median.</summary>
    Neither,
}

public static class StakeholderGroups
{
    public static IReadOnlyList<StakeholderGroup> All { get; } = Enum.GetValues<StakeholderGroup>();

    public static StakeholderSide Side(this StakeholderGroup group) => group switch
    {
        StakeholderGroup.MinistryOfHealth or StakeholderGroup.OtherGovernmentAgency => StakeholderSide.Public,
        StakeholderGroup.PrivateForProfitProvider or StakeholderGroup.PrivateNotForProfitProvider
            or StakeholderGroup.ProfessionalAssociation or StakeholderGroup.PrivateSectorAssociation => StakeholderSide.Private,
        StakeholderGroup.DevelopmentPartner or StakeholderGroup.WhoOffice
            or StakeholderGroup.Academia or StakeholderGroup.CivilSociety => StakeholderSide.Neither,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown stakeholder group."),
    };
}

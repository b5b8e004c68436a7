using Pathway.Web.Assessments;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Demo;

/// <summary>One demonstration country: its context and the two years its rounds describe.</summary>
internal sealed record DemoCountry(
    string Iso3, IncomeGroup Income, bool IsFragile, GovernanceSystem Governance, decimal PrivateShare,
    int FirstYear, int SecondYear, FlagshipArea[] Flagships)
{
    /// <summary>A seed of its own, so each country's data stays the same from run to run whatever the others do.</summary>
    public int Seed => 7919 * (Iso3[0] * 65_536 + Iso3[1] * 256 + Iso3[2]);
}

/// <summary>A demonstration person of one country (or the shared reviewer), by their part in the rounds.</summary>
internal sealed record DemoPerson(string Key, string DisplayName, string Email, string Role, StakeholderGroup Group, ParticipantRole? RoundRole);

/// <summary>
/// What the demonstration data says: the countries, their people, each round's profile, ratings and texts.
/// Every choice comes from a seeded random generator per country, so a load always writes the same content.
/// The texts are ours, written for the demonstration; none is taken from WHO material.
/// </summary>
internal static class DemoScript
{
    public const string EmailDomain = "example.org";
    public const string TitlePrefix = "Demonstration data";

    /// <summary>The country whose second round is corrected after publication (revision 2).</summary>
    public const string CorrectedCountry = "KEN";

    /// <summary>The country that made only its behaviour profile public in its first round.</summary>
    public const string ProfileOnlyCountry = "MDA";

    /// <summary>Thirteen Member States in all six WHO regions.</summary>
    public static IReadOnlyList<DemoCountry> Countries { get; } =
    [
        new("KEN", IncomeGroup.LowerMiddle, false, GovernanceSystem.Federal, 48m, 2023, 2025, [FlagshipArea.PrimaryHealthCare, FlagshipArea.HealthFinancing]),
        new("GHA", IncomeGroup.LowerMiddle, false, GovernanceSystem.Unitary, 41m, 2024, 2026, [FlagshipArea.HealthFinancing]),
        new("SEN", IncomeGroup.LowerMiddle, false, GovernanceSystem.Unitary, 33m, 2023, 2026, [FlagshipArea.SupplyChain]),
        new("PER", IncomeGroup.UpperMiddle, false, GovernanceSystem.Unitary, 37m, 2024, 2025, [FlagshipArea.QualityOfCare]),
        new("COL", IncomeGroup.UpperMiddle, false, GovernanceSystem.Unitary, 52m, 2023, 2025, [FlagshipArea.HealthFinancing, FlagshipArea.QualityOfCare]),
        new("JOR", IncomeGroup.UpperMiddle, false, GovernanceSystem.Unitary, 58m, 2024, 2026, [FlagshipArea.HealthWorkforce]),
        new("MAR", IncomeGroup.LowerMiddle, false, GovernanceSystem.Unitary, 55m, 2023, 2025, [FlagshipArea.PrimaryHealthCare]),
        new("PAK", IncomeGroup.LowerMiddle, true, GovernanceSystem.Federal, 68m, 2024, 2026, [FlagshipArea.Emergencies, FlagshipArea.PrimaryHealthCare]),
        new("NPL", IncomeGroup.LowerMiddle, false, GovernanceSystem.Federal, 57m, 2023, 2026, [FlagshipArea.HealthWorkforce]),
        new("IDN", IncomeGroup.UpperMiddle, false, GovernanceSystem.Unitary, 46m, 2024, 2025, [FlagshipArea.HealthFinancing]),
        new("PHL", IncomeGroup.LowerMiddle, false, GovernanceSystem.Unitary, 51m, 2023, 2025, [FlagshipArea.SupplyChain, FlagshipArea.Emergencies]),
        new("VNM", IncomeGroup.LowerMiddle, false, GovernanceSystem.Unitary, 39m, 2024, 2026, [FlagshipArea.QualityOfCare]),
        new("MDA", IncomeGroup.UpperMiddle, false, GovernanceSystem.Unitary, 22m, 2023, 2026, [FlagshipArea.PrimaryHealthCare]),
    ];

    /// <summary>The reviewer of every region who validates the demonstration rounds.</summary>
    public static DemoPerson Reviewer { get; } = new("reviewer", "Demo Reviewer (fictional)", $"demo.reviewer@{EmailDomain}",
        Accounts.Roles.Reviewer, StakeholderGroup.WhoOffice, null);

    /// <summary>A country's people: the focal point (who also facilitates), four respondents from both sides and an observer.</summary>
    public static IReadOnlyList<DemoPerson> PeopleOf(string iso3)
    {
        var code = iso3.ToLowerInvariant();
        DemoPerson Person(string key, string name, string role, StakeholderGroup group, ParticipantRole? roundRole) =>
            new(key, $"Demo {name} {iso3} (fictional)", $"demo.{code}.{key}@{EmailDomain}", role, group, roundRole);
        return
        [
            Person("focal", "Focal Point", Accounts.Roles.CountryFocalPoint, StakeholderGroup.MinistryOfHealth, null),
            Person("ministry", "Ministry Planner", Accounts.Roles.CountryContributor, StakeholderGroup.MinistryOfHealth, ParticipantRole.Respondent),
            Person("regulator", "Regulator", Accounts.Roles.CountryContributor, StakeholderGroup.OtherGovernmentAgency, ParticipantRole.Respondent),
            Person("clinic", "Clinic Owner", Accounts.Roles.CountryContributor, StakeholderGroup.PrivateForProfitProvider, ParticipantRole.Respondent),
            Person("association", "Hospital Association", Accounts.Roles.CountryContributor, StakeholderGroup.PrivateSectorAssociation, ParticipantRole.Respondent),
            Person("citizen", "Civil Society Observer", Accounts.Roles.CountryContributor, StakeholderGroup.CivilSociety, ParticipantRole.Observer),
        ];
    }

    public static string Title(string countryName, int year) => $"{TitlePrefix}: {countryName} national assessment {year}";

    /// <summary>
    /// The agreed levels of a country's two rounds, mechanism by mechanism: the first mostly Emerging to
    /// Established, the second the same or one level up (so the comparison and the trend have something to show).
    /// </summary>
    public static (Dictionary<string, MechanismAnswer> First, Dictionary<string, MechanismAnswer> Second) Profiles(
        DemoCountry country, IReadOnlyList<string> mechanisms)
    {
        var random = new Random(country.Seed);
        var first = new Dictionary<string, MechanismAnswer>(StringComparer.Ordinal);
        var second = new Dictionary<string, MechanismAnswer>(StringComparer.Ordinal);
        foreach (var code in mechanisms)
        {
            var level = random.Next(100) switch { < 30 => 1, < 70 => 2, < 95 => 3, _ => 4 };
            var gap = random.Next(100) < 8;
            first[code] = gap ? MechanismAnswer.InsufficientInformation : MechanismAnswer.Rated(level);
            var moved = random.Next(100) < 40 ? Math.Min(4, level + 1) : level;
            second[code] = MechanismAnswer.Rated(moved);
        }
        return (first, second);
    }

    /// <summary>
    /// One respondent's answer around the agreed one: the public side tends to see a level higher, the private
    /// side a level lower, which is the divergence the consensus page flags.
    /// </summary>
    public static IndividualAnswer RatingOf(Random random, MechanismAnswer agreed, StakeholderSide side)
    {
        if (agreed.Level is not { } level)
        {
            return random.Next(2) == 0 ? IndividualAnswer.DontKnow : IndividualAnswer.Rated(1);
        }
        if (side == StakeholderSide.Private && random.Next(100) < 6)
        {
            return IndividualAnswer.DontKnow;
        }
        var shift = side switch
        {
            StakeholderSide.Public => random.Next(100) < 55 ? 1 : 0,
            _ => random.Next(100) < 55 ? -1 : 0,
        };
        return IndividualAnswer.Rated(Math.Clamp(level + shift, 1, 4));
    }

    public static string? CommentOf(Random random, StakeholderSide side) => random.Next(100) switch
    {
        < 8 when side == StakeholderSide.Public => "Demonstration comment: the rules are in place and the ministry reports on them each year.",
        < 8 => "Demonstration comment: private facilities hear about these rules late and are rarely asked for their view.",
        _ => null,
    };

    public static string Rationale(MechanismAnswer agreed) => agreed.Level switch
    {
        1 => "Demonstration data: the arrangement is informal and depends on single projects; the group found no written mandate.",
        2 => "Demonstration data: the arrangement exists on paper and is partly applied, without steady staff or funding.",
        3 => "Demonstration data: the arrangement runs routinely with staff, budget and monitoring, and private actors are consulted.",
        4 => "Demonstration data: the arrangement is reviewed and adapted together with the private sector and has outlasted changes of leadership.",
        _ => "Demonstration data: the group could not find enough information to agree on a level and asked for a review of the records.",
    };

    public const string Dissent = "Demonstration data: private-sector members judged the level lower, saying the rules are applied unevenly.";

    public const string CorrectionReason = "Demonstration data: a figure on the facility registry was corrected after the validation meeting.";

    public const string CorrectionRationale = "Demonstration data (corrected): the registry is kept up to date and used in planning, as the corrected figures show.";

    public const string PrivateShareSource = "Demonstration figure, invented for this example";

    public const string EndorsementNote = "Demonstration data: endorsed at a fictional meeting of the steering committee.";

    public const string ResponsibleOrganisation = "Demonstration ministry of health, private sector unit";

    public static string ProgressNote(ActionStatus status) => status switch
    {
        ActionStatus.Done => "Demonstration note: completed and reported to the steering committee.",
        ActionStatus.Delayed => "Demonstration note: waiting for the budget line; the work has slipped.",
        ActionStatus.OnTrack => "Demonstration note: work started as planned.",
        _ => "Demonstration note: not started yet.",
    };
}

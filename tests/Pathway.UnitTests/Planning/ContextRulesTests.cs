using System.Globalization;
using Microsoft.Extensions.Localization;
using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>Which context notes a described situation switches on, and how the context input is checked and read.</summary>
public class ContextRulesTests
{
    /// <summary>Answers with the resource key, so a test sees which message was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly KeyLocalizer Keys = new();

    private static IReadOnlySet<PlanningContext> Active(
        bool fragile = false, IncomeGroup? income = null, decimal? share = null,
        GovernanceSystem governance = GovernanceSystem.Unitary, params FlagshipArea[] flagships) =>
        ContextRules.Active(fragile, income, share, governance, flagships);

    [Fact]
    public void A_plain_context_switches_nothing_on() =>
        Assert.Empty(Active(income: IncomeGroup.High, share: 20m));

    [Fact]
    public void Fragile_setting_and_federal_system_switch_their_notes_on()
    {
        Assert.Equal([PlanningContext.Fragile], Active(fragile: true));
        Assert.Equal([PlanningContext.Federal], Active(governance: GovernanceSystem.Federal));
    }

    [Theory]
    [InlineData(IncomeGroup.Low, true)]
    [InlineData(IncomeGroup.LowerMiddle, true)]
    [InlineData(IncomeGroup.UpperMiddle, false)]
    [InlineData(IncomeGroup.High, false)]
    public void Low_and_lower_middle_income_switch_the_low_income_notes_on(IncomeGroup income, bool expected) =>
        Assert.Equal(expected, Active(income: income).Contains(PlanningContext.LowIncome));

    [Theory]
    [InlineData("49.99", false)]
    [InlineData("50", true)]
    [InlineData("80", true)]
    public void A_private_share_from_50_percent_is_large(string share, bool expected) =>
        Assert.Equal(expected, Active(share: decimal.Parse(share, CultureInfo.InvariantCulture)).Contains(PlanningContext.LargePrivateShare));

    [Fact]
    public void No_private_share_is_not_a_large_one() =>
        Assert.DoesNotContain(PlanningContext.LargePrivateShare, Active(share: null));

    [Fact]
    public void Three_flagship_areas_switch_their_agendas_on_and_the_others_change_nothing()
    {
        Assert.Equal(
            [PlanningContext.Workforce, PlanningContext.SupplyChain, PlanningContext.Emergency],
            Active(flagships: [FlagshipArea.HealthWorkforce, FlagshipArea.SupplyChain, FlagshipArea.Emergencies]).Order());
        Assert.Empty(Active(flagships: [FlagshipArea.PrimaryHealthCare, FlagshipArea.HealthFinancing, FlagshipArea.QualityOfCare]));
    }

    private static ContextInput Valid() => new()
    {
        IsFragile = true,
        IncomeGroup = "lowerMiddle",
        PrivateSharePercent = 62.5m,
        PrivateShareSource = "  National health accounts 2022  ",
        PrivateShareYear = 2022,
        Governance = "Federal",
        FlagshipAreas = ["SupplyChain", "HealthWorkforce"],
    };

    [Fact]
    public void A_complete_input_is_read_with_names_in_any_case_and_trimmed_text()
    {
        var values = Valid().Check(Keys, 2026, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(values);
        Assert.True(values.IsFragile);
        Assert.Equal(IncomeGroup.LowerMiddle, values.IncomeGroup);
        Assert.Equal("National health accounts 2022", values.PrivateShareSource);
        Assert.Equal(GovernanceSystem.Federal, values.Governance);
        Assert.Equal([FlagshipArea.HealthWorkforce, FlagshipArea.SupplyChain], values.FlagshipAreas);
    }

    [Fact]
    public void A_share_keeps_two_decimals()
    {
        var input = Valid();
        input.PrivateSharePercent = 33.335m;

        Assert.Equal(33.34m, input.Check(Keys, 2026, out _)!.PrivateSharePercent);
    }

    [Fact]
    public void An_empty_input_means_not_fragile_unitary_and_nothing_else()
    {
        var values = new ContextInput().Check(Keys, 2026, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(values);
        Assert.False(values.IsFragile);
        Assert.Null(values.IncomeGroup);
        Assert.Equal(GovernanceSystem.Unitary, values.Governance);
        Assert.Empty(values.FlagshipAreas);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var input = new ContextInput
        {
            IncomeGroup = "Middle",
            PrivateSharePercent = 100.5m,
            PrivateShareSource = new string('s', 301),
            PrivateShareYear = 1989,
            Governance = "Confederal",
            FlagshipAreas = ["Emergencies", "Emergencies"],
        };

        Assert.Null(input.Check(Keys, 2026, out var errors));

        Assert.Equal("Context.Error.IncomeGroup", Assert.Single(errors["IncomeGroup"]));
        Assert.Equal("Context.Error.Share", Assert.Single(errors["PrivateSharePercent"]));
        Assert.Equal("Context.Error.SourceLength", Assert.Single(errors["PrivateShareSource"]));
        Assert.Equal("Context.Error.Year", Assert.Single(errors["PrivateShareYear"]));
        Assert.Equal("Context.Error.Governance", Assert.Single(errors["Governance"]));
        Assert.Equal("Context.Error.FlagshipTwice", Assert.Single(errors["FlagshipAreas"]));
    }

    [Fact]
    public void A_share_needs_its_source_and_a_source_or_year_needs_a_share()
    {
        Assert.Null(new ContextInput { PrivateSharePercent = 30m }.Check(Keys, 2026, out var missingSource));
        Assert.Equal("Context.Error.SourceRequired", Assert.Single(missingSource["PrivateShareSource"]));

        Assert.Null(new ContextInput { PrivateShareSource = "A survey", PrivateShareYear = 2020 }.Check(Keys, 2026, out var withoutShare));
        Assert.Equal("Context.Error.WithoutShare", Assert.Single(withoutShare["PrivateShareSource"]));
        Assert.Equal("Context.Error.WithoutShare", Assert.Single(withoutShare["PrivateShareYear"]));
    }

    [Fact]
    public void The_year_runs_from_1990_to_this_year()
    {
        var input = Valid();
        input.PrivateShareYear = 2027;
        Assert.Null(input.Check(Keys, 2026, out _));
        input.PrivateShareYear = 1990;
        Assert.NotNull(input.Check(Keys, 2026, out _));
        input.PrivateShareYear = 2026;
        Assert.NotNull(input.Check(Keys, 2026, out _));
    }

    [Fact]
    public void Numbers_are_refused_for_names_and_unknown_flagships_are_named()
    {
        var input = new ContextInput { IncomeGroup = "1", Governance = "0", FlagshipAreas = ["Tourism"] };

        Assert.Null(input.Check(Keys, 2026, out var errors));
        Assert.Equal(["FlagshipAreas", "Governance", "IncomeGroup"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Context.Error.Flagship", Assert.Single(errors["FlagshipAreas"]));
    }

    [Theory]
    [InlineData("en", "42.5", "42.5")]
    [InlineData("fr", "42,5", "42.5")]
    [InlineData("fr", "42.5", "42.5")]
    [InlineData("en", " 7 % ", "7")]
    [InlineData("ar", "12.25", "12.25")]
    public void A_share_is_read_in_the_readers_culture_or_with_a_full_stop(string culture, string typed, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.True(ContextNumbers.TryReadShare(typed, out var share));
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), share);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1,000")]
    public void A_share_with_a_thousands_separator_or_no_number_is_not_read_in_English(string typed)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("en");
        try
        {
            Assert.False(ContextNumbers.TryReadShare(typed, out _));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}

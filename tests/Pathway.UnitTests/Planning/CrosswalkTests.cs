using Pathway.Web.Framework;
using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>Pairing two framework versions' mechanisms: only what a crosswalk declares is compared.</summary>
public class CrosswalkTests
{
    private static readonly string[] Old = ["DS.1", "DS.2", "AS.1", "AS.2", "BU.1", "BU.2"];

    private static CrosswalkEntry Map(string from, params string[] to) => new(from, to);

    private static CrosswalkLine Line(IReadOnlyList<CrosswalkLine> lines, string? newCode, string? oldCode = null) =>
        Assert.Single(lines, line => line.NewCode == newCode && (oldCode is null || line.OldCodes.Contains(oldCode)));

    [Fact]
    public void Within_one_version_every_mechanism_is_the_same_mechanism_in_framework_order()
    {
        var lines = Crosswalk.Pair(Old, Old, CrosswalkBasis.SameVersion);

        Assert.Equal(Old, lines.Select(line => line.NewCode));
        Assert.All(lines, line =>
        {
            Assert.Equal(CrosswalkKind.Same, line.Kind);
            Assert.True(line.IsComparable);
            Assert.Equal(line.NewCode, line.OldCode);
        });
    }

    [Fact]
    public void A_mechanism_mapped_to_itself_is_the_same_and_one_mapped_to_another_code_is_renamed()
    {
        var lines = Crosswalk.Pair(["DS.1", "DS.2"], ["DS.1", "DS.3"],
            CrosswalkBasis.Declared([Map("DS.1", "DS.1"), Map("DS.2", "DS.3")]));

        Assert.Equal(2, lines.Count);
        Assert.Equal(CrosswalkKind.Same, Line(lines, "DS.1").Kind);
        var renamed = Line(lines, "DS.3");
        Assert.Equal(CrosswalkKind.Renamed, renamed.Kind);
        Assert.Equal("DS.2", renamed.OldCode);
        Assert.True(renamed.IsComparable);
    }

    [Fact]
    public void Each_part_of_a_split_mechanism_is_compared_with_the_old_one()
    {
        var lines = Crosswalk.Pair(["AS.1", "AS.2"], ["AS.1", "AS.2", "AS.3"],
            CrosswalkBasis.Declared([Map("AS.1", "AS.1"), Map("AS.2", "AS.2", "AS.3")]));

        Assert.Equal(["AS.1", "AS.2", "AS.3"], lines.Select(line => line.NewCode));
        foreach (var part in new[] { "AS.2", "AS.3" })
        {
            var line = Line(lines, part);
            Assert.Equal(CrosswalkKind.Split, line.Kind);
            Assert.Equal("AS.2", line.OldCode);
            Assert.True(line.IsComparable);
        }
    }

    [Fact]
    public void A_mechanism_merged_from_several_old_ones_is_not_comparable_and_names_them()
    {
        var lines = Crosswalk.Pair(["NT.1", "NT.2", "NT.3"], ["NT.1", "NT.2"],
            CrosswalkBasis.Declared([Map("NT.1", "NT.1"), Map("NT.2", "NT.2"), Map("NT.3", "NT.2")]));

        var merged = Line(lines, "NT.2");
        Assert.Equal(CrosswalkKind.Merged, merged.Kind);
        Assert.False(merged.IsComparable);
        Assert.Null(merged.OldCode);
        Assert.Equal(["NT.2", "NT.3"], merged.OldCodes);
        // Both old mechanisms went somewhere, so neither is listed again as removed or unmapped.
        Assert.DoesNotContain(lines, line => line.NewCode is null);
    }

    [Fact]
    public void A_new_mechanism_no_old_code_maps_to_is_added()
    {
        var lines = Crosswalk.Pair(["FR.1"], ["FR.1", "FR.2"], CrosswalkBasis.Declared([Map("FR.1", "FR.1")]));

        var added = Line(lines, "FR.2");
        Assert.Equal(CrosswalkKind.Added, added.Kind);
        Assert.Empty(added.OldCodes);
        Assert.False(added.IsComparable);
    }

    [Fact]
    public void An_old_mechanism_mapped_to_nothing_is_removed_and_listed_after_the_new_ones()
    {
        var lines = Crosswalk.Pair(["BU.1", "BU.2", "BU.3"], ["BU.1", "BU.3"],
            CrosswalkBasis.Declared([Map("BU.1", "BU.1"), Map("BU.2"), Map("BU.3", "BU.3")]));

        Assert.Equal(["BU.1", "BU.3", null], lines.Select(line => line.NewCode));
        var removed = lines[^1];
        Assert.Equal(CrosswalkKind.Removed, removed.Kind);
        Assert.Equal(["BU.2"], removed.OldCodes);
        Assert.False(removed.IsComparable);
    }

    [Fact]
    public void A_code_spelt_the_same_in_both_versions_is_never_compared_without_a_mapping()
    {
        var lines = Crosswalk.Pair(["ES.1", "ES.5"], ["ES.1", "ES.5"], CrosswalkBasis.Declared([Map("ES.1", "ES.1")]));

        Assert.Equal(CrosswalkKind.Added, Line(lines, "ES.5").Kind);
        var unmapped = Line(lines, null, "ES.5");
        Assert.Equal(CrosswalkKind.Unmapped, unmapped.Kind);
        Assert.False(unmapped.IsComparable);
        Assert.Single(lines, line => line.IsComparable);
    }

    [Fact]
    public void Without_a_crosswalk_between_two_versions_nothing_is_comparable()
    {
        var lines = Crosswalk.Pair(Old, Old, CrosswalkBasis.None);

        Assert.Equal(Old.Length * 2, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal(CrosswalkKind.NoCrosswalk, line.Kind);
            Assert.False(line.IsComparable);
        });
        Assert.Equal(Old, lines.Where(line => line.NewCode is not null).Select(line => line.NewCode));
        Assert.Equal(Old, lines.Where(line => line.NewCode is null).Select(line => line.OldCodes.Single()));
        Assert.False(CrosswalkBasis.None.PairsAnything);
    }

    [Fact]
    public void Lines_follow_the_new_framework_order_then_the_old_order_for_old_mechanisms_left_over()
    {
        string[] oldCodes = ["DS.1", "DS.2", "DS.3", "AS.1"];
        string[] newCodes = ["AS.1", "DS.3", "DS.1"];

        var lines = Crosswalk.Pair(oldCodes, newCodes,
            CrosswalkBasis.Declared([Map("AS.1", "AS.1"), Map("DS.3"), Map("DS.1", "DS.1")]));

        Assert.Equal(["AS.1", "DS.3", "DS.1", null, null], lines.Select(line => line.NewCode));
        Assert.Equal([CrosswalkKind.Same, CrosswalkKind.Added, CrosswalkKind.Same, CrosswalkKind.Unmapped, CrosswalkKind.Removed],
            lines.Select(line => line.Kind));
        Assert.Equal(["DS.2", "DS.3"], lines.Where(line => line.NewCode is null).Select(line => line.OldCodes.Single()));
    }

    [Fact]
    public void Mappings_from_codes_the_old_version_lacks_or_to_codes_the_new_version_lacks_pair_nothing()
    {
        var lines = Crosswalk.Pair(["DS.1"], ["DS.1", "DS.2"],
            CrosswalkBasis.Declared([Map("DS.9", "DS.2"), Map("DS.1", "DS.1", "DS.7")]));

        // DS.7 is not a new mechanism, so DS.1 maps to DS.1 alone: the same, not a split.
        Assert.Equal(CrosswalkKind.Same, Line(lines, "DS.1").Kind);
        Assert.Equal(CrosswalkKind.Added, Line(lines, "DS.2").Kind);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void A_split_part_that_is_also_a_merge_target_is_merged_while_the_other_part_stays_split()
    {
        var lines = Crosswalk.Pair(["AS.1", "AS.2"], ["AS.1", "AS.2"],
            CrosswalkBasis.Declared([Map("AS.1", "AS.1", "AS.2"), Map("AS.2", "AS.2")]));

        Assert.Equal(CrosswalkKind.Split, Line(lines, "AS.1").Kind);
        var merged = Line(lines, "AS.2");
        Assert.Equal(CrosswalkKind.Merged, merged.Kind);
        Assert.Equal(["AS.1", "AS.2"], merged.OldCodes);
    }
}

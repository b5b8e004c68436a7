using Microsoft.Extensions.Localization;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Import;
using Pathway.Web.Connector.Resources;

namespace Pathway.UnitTests.Connector;

public class ResourceInputTests
{
    /// <summary>Answers with the resource key, so a test sees which message was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly KeyLocalizer Keys = new();

    private static readonly TagVocabulary Vocabulary = new(
        new HashSet<string>(["DS", "AS"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["DS.1", "DS.2", "AS.1"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["KEN", "EGY"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["AFR", "EMR"], StringComparer.OrdinalIgnoreCase));

    private static ResourceInput Valid() => new()
    {
        TitleEn = "  A guide to contracting  ",
        TitleFr = "Un guide de la contractualisation",
        SummaryEn = "What to **contract** for.",
        Type = "guidance",
        Languages = "en; FR",
        Year = 2024,
        Url = "https://example.org/guide.pdf",
        Mechanisms = "ds.1, DS.2",
        Instruments = "regulation",
        Countries = "ken",
        Regions = "afr",
        Topics = "contracting",
    };

    [Fact]
    public void A_complete_input_becomes_a_draft_with_canonical_codes()
    {
        var draft = Valid().Check(Vocabulary, 2026, hasFile: false, Keys, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(draft);
        Assert.Equal("A guide to contracting", draft.Title.En);
        Assert.Equal("Un guide de la contractualisation", draft.Title.In("fr"));
        Assert.Equal(ResourceType.Guidance, draft.Type);
        Assert.Equal(["en", "fr"], draft.Languages);
        Assert.Contains(new ContentTag(TagFacet.Mechanism, "DS.1"), draft.Tags);
        Assert.Contains(new ContentTag(TagFacet.Instrument, "Regulation"), draft.Tags);
        Assert.Contains(new ContentTag(TagFacet.Country, "KEN"), draft.Tags);
        Assert.Contains(new ContentTag(TagFacet.Region, "AFR"), draft.Tags);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        var input = Valid();
        input.TitleEn = " ";
        input.Type = "Pamphlet";
        input.Languages = "english";
        input.Year = 1800;
        input.Url = "javascript:alert(1)";
        input.Mechanisms = "DS.9";
        input.Instruments = "Bribery";
        input.Countries = "XXX";
        input.Regions = "MARS";

        var draft = input.Check(Vocabulary, 2026, hasFile: false, Keys, out var errors);

        Assert.Null(draft);
        Assert.Equal(
            ["Countries", "Instruments", "Languages", "Mechanisms", "Regions", "TitleEn", "Type", "Url", "Year"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Resource.Error.UnknownMechanism", Assert.Single(errors["Mechanisms"]));
        Assert.Equal("Evidence.Error.UrlInvalid", Assert.Single(errors["Url"]));
    }

    [Fact]
    public void A_link_is_needed_unless_there_is_a_file()
    {
        var input = Valid();
        input.Url = null;

        Assert.Null(input.Check(Vocabulary, 2026, hasFile: false, Keys, out var errors));
        Assert.Equal("Resource.Error.LinkOrFile", Assert.Single(errors["Url"]));
        Assert.NotNull(input.Check(Vocabulary, 2026, hasFile: true, Keys, out _));
    }

    [Fact]
    public void Control_characters_and_overlong_titles_are_refused_naming_the_field()
    {
        var input = Valid();
        input.TitleFr = "Titre\u0001";
        input.TitleAr = new string('ع', Resource.TitleLength + 1);

        Assert.Null(input.Check(Vocabulary, 2026, hasFile: false, Keys, out var errors));
        Assert.Equal("Resource.Error.Control", Assert.Single(errors["TitleFr"]));
        Assert.Equal("Resource.Error.Length", Assert.Single(errors["TitleAr"]));
    }

    [Fact]
    public void Import_errors_name_the_csv_column_of_each_field()
    {
        Assert.Equal("title_en", ImportTemplates.ResourceColumnOf(nameof(ResourceInput.TitleEn)));
        Assert.Equal("flagship_areas", ImportTemplates.ResourceColumnOf(nameof(ResourceInput.FlagshipAreas)));
        Assert.Equal("publisher", ImportTemplates.ResourceColumnOf(nameof(ResourceInput.PublisherId)));
    }

    [Fact]
    public void Script_in_a_summary_renders_inert_and_links_are_marked()
    {
        var html = RichText.ToHtml("<script>alert(1)</script> [bad](javascript:alert(2)) [good](https://example.org)");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }
}

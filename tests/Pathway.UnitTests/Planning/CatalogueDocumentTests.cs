using System.Text.Json.Nodes;
using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>The content hash decides whether a re-import is "unchanged"; export must give the file back.</summary>
public class CatalogueDocumentTests
{
    private static CatalogueDocument Parse(string json)
    {
        var (document, problems) = CatalogueValidator.Parse(json, CatalogueFixture.Frameworks);
        Assert.Empty(problems);
        return document!;
    }

    [Fact]
    public void The_hash_ignores_formatting_property_order_and_the_schema_pointer()
    {
        var plain = Parse(CatalogueFixture.Json());
        var reshaped = CatalogueFixture.Root();
        reshaped.Remove("$schema");
        var action = reshaped.ActionAt(0, 0, 0);
        var text = action["text"]!;
        action.Remove("text");
        action["text"] = text;
        var indented = Parse(reshaped.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.Equal(plain.ContentHash(), indented.ContentHash());
        Assert.Matches("^[0-9a-f]{64}$", plain.ContentHash());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("note")]
    [InlineData("effort")]
    [InlineData("horizon")]
    [InlineData("arabic")]
    public void The_hash_changes_with_the_content(string change)
    {
        var original = Parse(CatalogueFixture.Json());
        var changed = Parse(CatalogueFixture.With(root =>
        {
            var action = root.ActionAt(5, 2, 1);
            switch (change)
            {
                case "text": action["text"]!["en"] = "Something else entirely."; break;
                case "note": action["contexts"]![0]!["note"]!["en"] = "Another note."; break;
                case "effort": action["effort"] = "Medium"; break;
                case "horizon": action["horizonMonths"] = 7; break;
                default: action["text"]!["ar"] = "نص آخر"; break;
            }
        }));

        Assert.NotEqual(original.ContentHash(), changed.ContentHash());
    }

    [Fact]
    public void Written_and_read_again_the_document_keeps_its_hash()
    {
        var document = Parse(CatalogueFixture.Json());

        var again = Parse(document.ToJson());

        Assert.Equal(document.ContentHash(), again.ContentHash());
        Assert.StartsWith("{\n  \"$schema\": \"./recommendations.schema.json\",\n  \"version\": \"test-1\",\n  \"frameworkVersion\": \"1\"",
            document.ToJson().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_read_back_from_its_actions_exports_the_same_content()
    {
        var document = Parse(CatalogueFixture.Json());
        var actions = document.AllActions().Select(item => new CatalogueAction(
            item.Action.Code, item.Mechanism, item.FromLevel, item.Action.Text, item.Action.Type, item.Action.Effort,
            item.Action.HorizonMonths, item.Action.Capacities, item.Action.Contexts)).ToList();
        var index = new CatalogueIndex(
            new CatalogueSummary(document.Version, document.FrameworkVersion, document.Title, document.Summary, document.Illustrative,
                DateTimeOffset.UnixEpoch, 28, actions.Count),
            actions);

        var exported = index.ToDocument();

        Assert.Equal(document.ContentHash(), exported.ContentHash());
        Assert.Equal(CatalogueFixture.MechanismCodes, index.Mechanisms);
        Assert.Equal(["DS.1-2a", "DS.1-2b", "DS.1-2c"], index.Step("DS.1", 2).Select(action => action.Code));
        Assert.Empty(index.Step("DS.1", 4));
        Assert.Equal("EV-b", index.Find("EV-b")?.Code);
        Assert.Null(index.Find("DS.1-9z"));
    }

    [Fact]
    public void Empty_translations_are_the_same_content_as_missing_ones()
    {
        var without = Parse(CatalogueFixture.With(root => root["title"] = new JsonObject { ["en"] = "Test catalogue" }));
        var empty = Parse(CatalogueFixture.With(root => root["title"] = new JsonObject { ["en"] = "Test catalogue", ["fr"] = "", ["ar"] = "" }));

        Assert.Equal(without.ContentHash(), empty.ContentHash());
    }
}

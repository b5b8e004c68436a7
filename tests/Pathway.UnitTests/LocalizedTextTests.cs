using System.Globalization;
using System.Text.Json;
using Pathway.Web.Localization;

namespace Pathway.UnitTests;

public class LocalizedTextTests
{
    private static LocalizedText Text(string en, string? fr = null, string? ar = null)
    {
        var values = new List<KeyValuePair<string, string>> { new("en", en) };
        if (fr is not null)
        {
            values.Add(new("fr", fr));
        }
        if (ar is not null)
        {
            values.Add(new("ar", ar));
        }
        return new LocalizedText(values);
    }

    [Fact]
    public void A_translation_is_returned_when_present()
    {
        var text = Text("Trust", "Confiance", "الثقة");

        Assert.Equal("Trust", text.In("en"));
        Assert.Equal("Confiance", text.In("fr"));
        Assert.Equal("الثقة", text.In("ar"));
        Assert.Equal("Trust", text.En);
    }

    [Fact]
    public void A_missing_translation_falls_back_to_English()
    {
        var text = Text("Trust", fr: "Confiance");

        Assert.Equal("Trust", text.In("ar"));
        Assert.False(text.Has("ar"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_translation_falls_back_to_English(string blank)
    {
        var text = Text("Trust", fr: blank, ar: blank);

        Assert.Equal("Trust", text.In("fr"));
        Assert.Equal("Trust", text.In("ar"));
        Assert.False(text.Has("fr"));
    }

    [Fact]
    public void English_alone_is_built_by_English()
    {
        var text = LocalizedText.English("Trust");

        Assert.Equal(Text("Trust"), text);
        Assert.Equal("Trust", text.In("fr"));
    }

    [Theory]
    [InlineData("fr-FR", "Confiance")]
    [InlineData("fr", "Confiance")]
    [InlineData("ar", "الثقة")]
    [InlineData("ar-EG", "الثقة")]
    [InlineData("en-GB", "Trust")]
    [InlineData("de-DE", "Trust")]
    public void Current_follows_the_current_UI_culture(string culture, string expected)
    {
        var text = Text("Trust", "Confiance", "الثقة");
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);

            Assert.Equal(expected, text.Current);
            Assert.Equal(expected, text.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    [Fact]
    public void Serialising_writes_an_object_by_language_and_reading_it_back_gives_an_equal_text()
    {
        var text = Text("Trust", "Confiance", "الثقة");

        var json = JsonSerializer.Serialize(text);
        var again = JsonSerializer.Deserialize<LocalizedText>(json);

        Assert.Equal(text, again);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("Confiance", parsed.RootElement.GetProperty("fr").GetString());
        Assert.Equal(3, parsed.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void Serialising_writes_English_French_and_Arabic_in_that_order()
    {
        var text = new LocalizedText([new("ar", "الثقة"), new("fr", "Confiance"), new("en", "Trust")]);

        using var parsed = JsonDocument.Parse(JsonSerializer.Serialize(text));

        Assert.Equal(["en", "fr", "ar"], parsed.RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public void ToJson_and_FromJson_round_trip()
    {
        var text = Text("Trust", "Confiance", "الثقة");

        Assert.Equal(text, LocalizedText.FromJson(text.ToJson()));
    }

    [Fact]
    public void Reading_drops_blank_translations()
    {
        var text = JsonSerializer.Deserialize<LocalizedText>("""{"en": "Trust", "fr": " "}""")!;

        Assert.Equal(Text("Trust"), text);
        Assert.Equal("""{"en":"Trust"}""", JsonSerializer.Serialize(text));
    }

    [Fact]
    public void Texts_with_the_same_values_are_equal_whatever_the_order()
    {
        var one = new LocalizedText([new("fr", "Confiance"), new("en", "Trust")]);
        var other = new LocalizedText([new("en", "Trust"), new("fr", "Confiance")]);

        Assert.Equal(one, other);
        Assert.True(one.Equals((object)other));
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void Texts_that_differ_in_any_language_are_not_equal()
    {
        var text = Text("Trust", "Confiance");

        Assert.NotEqual(text, Text("Trust", "Confiance mutuelle"));
        Assert.NotEqual(text, Text("Trust"));
        Assert.NotEqual(text, Text("Trust", "Confiance", "الثقة"));
        Assert.NotEqual(Text("Trust"), Text("trust"));
        Assert.False(text.Equals(null));
        Assert.False(text.Equals("Trust"));
    }
}

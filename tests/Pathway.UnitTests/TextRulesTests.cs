using System.Text;
using Pathway.Web;

namespace Pathway.UnitTests;

/// <summary>One rule for the characters stored text may hold, and one way to shorten text.</summary>
public class TextRulesTests
{
    [Theory]
    [InlineData("\u0000")]
    [InlineData("abc\u0000def")]
    [InlineData("\u0001")]
    [InlineData("\u0008")]
    [InlineData("\u000B")]
    [InlineData("\u001F")]
    public void Nul_and_the_other_c0_controls_are_refused(string text)
    {
        Assert.True(TextRules.HasRefused(text));
        Assert.True(TextRules.IndexOfRefused(text) >= 0);
    }

    [Theory]
    [InlineData("Line one\nline two\r\nwith\ttabs")]
    [InlineData("مرحبا بالعالم 😀 é")]
    [InlineData("\u007F\u0085\u200F")]
    [InlineData("")]
    public void Tabs_line_breaks_and_every_script_are_accepted(string text)
    {
        Assert.False(TextRules.HasRefused(text));
    }

    [Fact]
    public void A_refused_character_is_named_by_its_code_point()
    {
        Assert.Equal("U+0000", TextRules.Describe('\0'));
        Assert.Equal("U+001B", TextRules.Describe('\u001B'));
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair_at_the_boundary()
    {
        // "PLN.1: " + 392 a = 399 code units; the emoji's two halves sit at 399 and 400.
        var label = "PLN.1: " + new string('a', 392) + "😀";
        Assert.Equal(401, label.Length);

        var cut = TextRules.Truncate(label, 400);

        Assert.True(cut.Length <= 400);
        Assert.EndsWith("a…", cut, StringComparison.Ordinal);
        Assert.DoesNotContain(cut, char.IsSurrogate);
        Assert.Equal(cut, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)));
    }

    [Theory]
    [InlineData(398)]
    [InlineData(399)]
    [InlineData(400)]
    public void Emoji_at_every_position_around_the_limit_stay_whole(int prefix)
    {
        var text = new string('x', prefix) + "👩🏽‍⚕️👩🏽‍⚕️";

        var cut = TextRules.Truncate(text, 402);

        Assert.True(cut.Length <= 402);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(cut[..^1]);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            Assert.True(element == "x" || element == "👩🏽‍⚕️", $"split element U+{(int)element[0]:X4} ({element.Length} units)");
        }
    }

    [Fact]
    public void A_letter_keeps_its_combining_marks()
    {
        var text = "abc" + "e\u0301\u0301";

        var cut = TextRules.Truncate(text, 5, ellipsis: "");

        Assert.Equal("abc", cut);
    }

    [Fact]
    public void Short_text_is_returned_as_it_is()
    {
        Assert.Equal("short", TextRules.Truncate("short", 5));
        Assert.Equal("sh…", TextRules.Truncate("short", 3));
    }
}

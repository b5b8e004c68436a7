using Pathway.Web.Connector.Search;

namespace Pathway.UnitTests.Connector;

public class SearchFoldingTests
{
    [Theory]
    [InlineData("الصِّحَّةُ", "الصحه")]
    [InlineData("أحمد", "احمد")]
    [InlineData("إدارة", "اداره")]
    [InlineData("آليات", "اليات")]
    [InlineData("ٱلشراكة", "الشراكه")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("الصحـــة", "الصحه")]
    [InlineData("Réglementation", "reglementation")]
    [InlineData("ÉTÉ Noël Çà", "ete noel ca")]
    [InlineData("Contracting", "contracting")]
    public void Folds_accents_diacritics_letter_forms_and_case(string text, string folded) =>
        Assert.Equal(folded, SearchFolding.Fold(text));

    [Fact]
    public void Text_with_and_without_diacritics_and_either_letter_form_folds_alike()
    {
        Assert.Equal(SearchFolding.Fold("الشراكة"), SearchFolding.Fold("الشَّرَاكَه"));
        Assert.Equal(SearchFolding.Fold("إِدَارَة"), SearchFolding.Fold("اداره"));
        Assert.Equal(SearchFolding.Fold("délégation"), SearchFolding.Fold("DELEGATION"));
    }

    [Theory]
    [InlineData("\"NEAR(care, 2)\" -private *", new[] { "near", "care", "2", "private" })]
    [InlineData("a' OR '1'='1", new[] { "a", "or", "1", "1" })]
    [InlineData("title:DS.1 & | ! <-> :*", new[] { "title", "ds", "1" })]
    [InlineData("l'accréditation des cliniques", new[] { "l", "accreditation", "des", "cliniques" })]
    [InlineData("الشَّرَاكَةُ، مع القطاع", new[] { "شراكه", "مع", "قطاع" })]
    [InlineData("🙂 \\ %_", new string[0])]
    public void Words_are_runs_of_letters_and_digits_so_no_query_syntax_survives(string text, string[] words) =>
        Assert.Equal(words, SearchFolding.Words(text));

    [Fact]
    public void Highlight_marks_words_in_the_readers_text_as_the_index_matches_them()
    {
        var parts = SearchHighlight.Parts("La délivrance des licences, الشَّرَاكَةُ.", ["delivrance", "شراكه"]);
        Assert.Equal(
            [new("La ", false), new("délivrance", true), new(" des licences, ", false), new("الشَّرَاكَةُ", true), new(".", false)],
            parts);
    }

    [Fact]
    public void Arabic_words_match_with_or_without_the_definite_article()
    {
        Assert.Equal(SearchFolding.Words("الصحة"), SearchFolding.Words("صحة"));
        Assert.Equal(["اب"], SearchFolding.Words("الاب"));
        Assert.Equal(["الم"], SearchFolding.Words("الم"));
    }

    [Fact]
    public void Highlight_marks_the_last_word_as_a_prefix_and_the_others_only_whole()
    {
        var parts = SearchHighlight.Parts("Regulators regulate regulation", ["regulate", "regul"]);
        Assert.Equal([new("Regulators", true), new(" ", false), new("regulate", true), new(" ", false), new("regulation", true)], parts);
        var whole = SearchHighlight.Parts("Regulators regulate", ["regulate", "x"]);
        Assert.Equal([new("Regulators ", false), new("regulate", true)], whole);
    }
}

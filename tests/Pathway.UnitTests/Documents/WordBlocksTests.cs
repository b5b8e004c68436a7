using DocumentFormat.OpenXml.Wordprocessing;
using Pathway.Web.Documents;

namespace Pathway.UnitTests.Documents;

/// <summary>The direction rules every Pathway Word document shares (plan and report alike).</summary>
public sealed class WordBlocksTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_arabic_run_is_marked_right_to_left_whatever_the_documents_direction(bool rightToLeft)
    {
        var run = new WordBlocks(rightToLeft).Run("سياسة إشراك القطاع الخاص");

        Assert.NotNull(run.RunProperties?.RightToLeftText);
        Assert.Equal("سياسة إشراك القطاع الخاص", run.GetFirstChild<Text>()!.Text);
    }

    [Fact]
    public void Latin_text_in_a_right_to_left_document_is_held_between_left_to_right_marks()
    {
        var blocks = new WordBlocks(rightToLeft: true);

        var latin = blocks.Run("WHO (2026).");
        Assert.Null(latin.RunProperties?.RightToLeftText);
        Assert.Equal("\u200EWHO (2026).\u200E", latin.GetFirstChild<Text>()!.Text);
        // Digits alone need no marks: they read the same either way.
        Assert.Equal("2026", blocks.Run("2026").GetFirstChild<Text>()!.Text);
        // In a left-to-right document Latin text is left as it is.
        Assert.Equal("WHO (2026).", new WordBlocks(rightToLeft: false).Run("WHO (2026).").GetFirstChild<Text>()!.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Paragraphs_and_tables_run_right_to_left_only_in_a_right_to_left_document(bool rightToLeft)
    {
        var blocks = new WordBlocks(rightToLeft);

        Assert.Equal(rightToLeft, blocks.Paragraph(null, blocks.Run("x")).ParagraphProperties?.BiDi is not null);
        Assert.Equal(rightToLeft, blocks.Table([1000, 2000]).GetFirstChild<TableProperties>()?.BiDiVisual is not null);
    }

    [Fact]
    public void A_cell_ending_with_a_table_closes_with_a_paragraph_in_its_direction()
    {
        var blocks = new WordBlocks(rightToLeft: true);

        var cell = blocks.Cell(4000, [blocks.Table([2000, 2000])], fill: "D9E2F3");

        var last = Assert.IsType<Paragraph>(cell.LastChild);
        Assert.NotNull(last.ParagraphProperties?.BiDi);
        Assert.Equal("D9E2F3", cell.TableCellProperties?.Shading?.Fill?.Value);
        Assert.IsType<Paragraph>(blocks.Cell(4000, []).LastChild);
    }
}

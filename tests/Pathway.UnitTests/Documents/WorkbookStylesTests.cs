using DocumentFormat.OpenXml.Spreadsheet;
using Pathway.Web.Documents;

namespace Pathway.UnitTests.Documents;

/// <summary>The one stylesheet the plan's and the open data's workbooks share, and the sheet pieces around it.</summary>
public sealed class WorkbookStylesTests
{
    private static readonly Stylesheet Sheet = WorkbookStyles.Stylesheet();

    private static CellFormat Format(uint index) => Sheet.CellFormats!.Elements<CellFormat>().ElementAt((int)index);

    private static string? Code(uint index) =>
        Sheet.NumberingFormats!.Elements<NumberingFormat>().SingleOrDefault(format => format.NumberFormatId?.Value == Format(index).NumberFormatId?.Value)?.FormatCode?.Value;

    [Fact]
    public void Each_named_style_points_at_the_format_it_names()
    {
        Assert.Equal(WorkbookStyles.Count, Sheet.CellFormats!.Elements<CellFormat>().Count());
        Assert.Equal((uint)WorkbookStyles.Count, Sheet.CellFormats.Count!.Value);

        var boldFont = Sheet.Fonts!.Elements<Font>().ElementAt((int)Format(WorkbookStyles.Header).FontId!.Value);
        Assert.NotNull(boldFont.Bold);
        Assert.Equal(14u, Format(WorkbookStyles.Date).NumberFormatId!.Value);
        Assert.Equal(4u, Format(WorkbookStyles.Money).NumberFormatId!.Value);
        Assert.Equal(1u, Format(WorkbookStyles.WholeNumber).NumberFormatId!.Value);
        Assert.Equal(2u, Format(WorkbookStyles.DecimalNumber).NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd hh:mm \"UTC\"", Code(WorkbookStyles.Moment));
        Assert.Equal("yyyy-mm-dd hh:mm:ss \"UTC\"", Code(WorkbookStyles.PreciseMoment));

        foreach (var (style, wrapped, quoted) in new[]
        {
            (WorkbookStyles.Text, false, false), (WorkbookStyles.TextAsTyped, false, true),
            (WorkbookStyles.Wrapped, true, false), (WorkbookStyles.WrappedAsTyped, true, true),
        })
        {
            Assert.Equal(wrapped, Format(style).Alignment?.WrapText?.Value ?? false);
            Assert.Equal(quoted, Format(style).QuotePrefix?.Value ?? false);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", false, WorkbookStyles.TextAsTyped)]
    [InlineData("@SUM(A1)", true, WorkbookStyles.WrappedAsTyped)]
    [InlineData("Ministry of Health", false, WorkbookStyles.Text)]
    [InlineData("Ministry of Health", true, WorkbookStyles.Wrapped)]
    public void Text_that_looks_like_a_formula_takes_the_quoted_style(string text, bool wrap, uint expected) =>
        Assert.Equal(expected, WorkbookStyles.ForText(text, wrap));

    [Fact]
    public void Sheet_and_column_names_are_ones_excel_accepts()
    {
        Assert.Equal("A", WorkbookParts.ColumnName(1));
        Assert.Equal("Z", WorkbookParts.ColumnName(26));
        Assert.Equal("AA", WorkbookParts.ColumnName(27));
        Assert.Equal("Plan 202627", WorkbookParts.SheetName("'Plan [2026/27]*?'"));
        Assert.Equal(31, WorkbookParts.SheetName(new string('x', 40)).Length);
        Assert.Equal("'Côte d''Ivoire'!$A$1:$X$301", WorkbookParts.FilterRange("Côte d'Ivoire", 24, 301).Text);
    }
}

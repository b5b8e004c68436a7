using DocumentFormat.OpenXml.Spreadsheet;

namespace Pathway.Web.Documents;

/// <summary>
/// The one stylesheet of every Pathway workbook, and the index of each cell format in it: Calibri 11,
/// top-aligned, a bold wrapped header, typed dates, amounts and moments (UTC, said so in the format).
/// </summary>
internal static class WorkbookStyles
{
    public const uint Header = 1;
    public const uint Text = 2;

    /// <summary>Text that looks like a formula, with the quote prefix: Excel shows it as typed and never evaluates it.</summary>
    public const uint TextAsTyped = 3;

    public const uint Wrapped = 4;
    public const uint WrappedAsTyped = 5;
    public const uint Date = 6;
    public const uint Money = 7;
    public const uint WholeNumber = 8;
    public const uint DecimalNumber = 9;

    /// <summary>A moment to the minute, as the plan shows its dates of endorsement and export.</summary>
    public const uint Moment = 10;

    /// <summary>A moment to the second, as open data records publication.</summary>
    public const uint PreciseMoment = 11;

    /// <summary>How many cell formats the stylesheet holds (the default one included).</summary>
    public const int Count = 12;

    // Built-in number formats: 14 is the reader's short date, 4 is #,##0.00, 2 is 0.00, 1 is 0; ours start at 164.
    private const uint ShortDateFormat = 14;
    private const uint MoneyFormat = 4;
    private const uint DecimalFormat = 2;
    private const uint IntegerFormat = 1;
    private const uint MomentFormat = 164;
    private const uint PreciseMomentFormat = 165;

    /// <summary>The format of a text cell: plain or wrapped, with the quote prefix when the text looks like a formula.</summary>
    public static uint ForText(string text, bool wrap) => ExportCells.LooksLikeFormula(text)
        ? wrap ? WrappedAsTyped : TextAsTyped
        : wrap ? Wrapped : Text;

    public static Stylesheet Stylesheet()
    {
        static CellFormat Format(uint numberFormat = 0, uint font = 0, bool wrap = false, bool quote = false) =>
            new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null })
            {
                NumberFormatId = numberFormat,
                FontId = font,
                FillId = 0,
                BorderId = 0,
                FormatId = 0,
                ApplyNumberFormat = numberFormat != 0 ? true : null,
                ApplyFont = font != 0 ? true : null,
                ApplyAlignment = true,
                QuotePrefix = quote ? true : null,
            };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = MomentFormat, FormatCode = "yyyy-mm-dd hh:mm \"UTC\"" },
                new NumberingFormat { NumberFormatId = PreciseMomentFormat, FormatCode = "yyyy-mm-dd hh:mm:ss \"UTC\"" })
            { Count = 2 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
            { Count = 2 },
            // The first two fills are reserved by the format (none and gray125).
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            // In the order of the indices above.
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(font: 1, wrap: true),
                Format(),
                Format(quote: true),
                Format(wrap: true),
                Format(wrap: true, quote: true),
                Format(numberFormat: ShortDateFormat),
                Format(numberFormat: MoneyFormat),
                Format(numberFormat: IntegerFormat),
                Format(numberFormat: DecimalFormat),
                Format(numberFormat: MomentFormat),
                Format(numberFormat: PreciseMomentFormat))
            { Count = Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}

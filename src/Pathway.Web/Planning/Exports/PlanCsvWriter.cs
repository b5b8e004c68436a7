using CsvHelper;
using Microsoft.Extensions.Localization;
using Pathway.Web.Documents;
using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>
/// The plan as CSV: the plan sheet's columns with headers in the reader's language, UTF-8 with a byte
/// order mark (so spreadsheets read Arabic and accents right), RFC 4180 quoting and CRLF line ends.
/// Numbers are text in the reader's culture, dates ISO 8601 (2026-12-06); text that a spreadsheet would run as a formula
/// gets an apostrophe in front.
/// </summary>
public static class PlanCsvWriter
{
    // The apostrophe goes in by ExportCells.Guard rather than CsvHelper's injection escape, which would also quote
    // the field: the plan's CSV stays byte for byte what it was before CsvHelper wrote it.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { WriteByteOrderMark = true };

    public static byte[] Write(PlanExport export, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ExportText(localizer, export);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var column in PlanColumn.All)
            {
                csv.WriteField(column.Header(text));
            }
            csv.EndRecord();
            foreach (var row in PlanColumn.Rows(export))
            {
                foreach (var column in PlanColumn.All)
                {
                    WriteField(csv, column.Value(row, text), text);
                }
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    private static void WriteField(CsvWriter csv, object? value, ExportText text)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            // ISO 8601, which every spreadsheet reads as a date whatever its locale.
            case DateOnly date:
                csv.WriteField(DateText.Iso(date));
                break;
            case int level:
                csv.WriteField(level, "", text.Culture);
                break;
            // Without group separators, so a spreadsheet in the same locale reads it back as a number.
            case decimal amount:
                csv.WriteField(amount, "F2", text.Culture);
                break;
            default:
                csv.WriteField(ExportCells.Guard((string)value));
                break;
        }
    }
}

using System.Text;
using Microsoft.Extensions.Localization;
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
    public static byte[] Write(PlanExport export, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(localizer);
        var text = new ExportText(localizer, export);
        var csv = new StringBuilder();
        WriteLine(csv, PlanColumn.All.Select(column => column.Header(text)));
        foreach (var row in PlanColumn.Rows(export))
        {
            WriteLine(csv, PlanColumn.All.Select(column => Field(column.Value(row, text), text)));
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    private static string Field(object? value, ExportText text) => value switch
    {
        null => "",
        // ISO 8601, which every spreadsheet reads as a date whatever its locale.
        DateOnly date => DateText.Iso(date),
        int level => level.ToString(text.Culture),
        // Without group separators, so a spreadsheet in the same locale reads it back as a number.
        decimal amount => amount.ToString("F2", text.Culture),
        _ => ExportCells.Guard((string)value),
    };

    private static void WriteLine(StringBuilder csv, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                csv.Append(',');
            }
            first = false;
            Quote(csv, field);
        }
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180: a field holding a comma, a quote or a line break goes in quotes, its quotes doubled.</summary>
    internal static void Quote(StringBuilder csv, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(field);
            return;
        }
        csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

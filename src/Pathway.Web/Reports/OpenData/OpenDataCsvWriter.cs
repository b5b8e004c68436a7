using System.Globalization;
using CsvHelper;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports;

/// <summary>
/// The open data as CSV, streamed to the response: UTF-8 with a byte order mark (so Excel reads accents and
/// Arabic right), RFC 4180, the stable column names of <see cref="OpenDataColumn"/> in the first line.
/// Values are machine-readable whatever the reader's language: numbers with a dot, true/false, moments in
/// ISO 8601 UTC; names are in the reader's language. Text a spreadsheet would run as a formula gets an apostrophe.
/// </summary>
public static class OpenDataCsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<OpenDataResult> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        foreach (var column in OpenDataColumn.All)
        {
            csv.WriteField(column.Name);
        }
        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in OpenDataColumn.All)
            {
                WriteField(csv, column.Value(row));
            }
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteField(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case int number:
                csv.WriteField(number, "", CultureInfo.InvariantCulture);
                break;
            case decimal number:
                csv.WriteField(number, "", CultureInfo.InvariantCulture);
                break;
            case bool flag:
                csv.WriteField(flag);
                break;
            case DateTimeOffset moment:
                csv.WriteField(DateText.Iso(moment));
                break;
            case Guid id:
                csv.WriteField(id.ToString());
                break;
            default:
                csv.WriteField((string)value);
                break;
        }
    }
}

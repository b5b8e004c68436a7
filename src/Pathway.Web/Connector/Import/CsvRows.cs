using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Connector.Import;

/// <summary>
/// Reading a CSV file every import shares (resources, organisations, attendance): the header names the columns (trimmed,
/// any case, a byte-order mark ignored), a missing required column or an unknown one is named on row 1, every row must
/// have the header's number of fields, blank rows are skipped, and no more than the given number of rows is read.
/// Problems are added to <c>problems</c>; the rows come back as column → value maps with their row numbers.
/// </summary>
public static class CsvRows
{
    public static List<(int Row, Dictionary<string, string> Values)> Read(
        byte[] content, IReadOnlyCollection<string> columns, IEnumerable<string> required, int maxRows, IStringLocalizer l, List<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(problems);
        var rows = new List<(int, Dictionary<string, string>)>();
        try
        {
            using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Encoding = Encoding.UTF8, MalformedData = CsvMalformedDataHandling.Throw });
            var headers = csv.Headers.Select(header => header.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
            foreach (var missing in required.Where(column => !headers.Contains(column)))
            {
                problems.Add(new ImportProblem(1, missing, l["Import.Error.MissingColumn", missing]));
            }
            foreach (var unknown in headers.Where(header => !columns.Contains(header)))
            {
                problems.Add(new ImportProblem(1, unknown, l["Import.Error.UnknownColumn", unknown, string.Join(", ", columns)]));
            }
            if (problems.Count > 0)
            {
                return rows;
            }
            while (csv.Read())
            {
                var row = (int)Math.Min(int.MaxValue, csv.RowNumber + 1);
                if (rows.Count >= maxRows)
                {
                    problems.Add(new ImportProblem(row, null, l["Import.Error.TooManyRows", maxRows]));
                    break;
                }
                if (csv.FieldCount != headers.Count)
                {
                    problems.Add(new ImportProblem(row, null, l["Import.Error.FieldCount", csv.FieldCount, headers.Count]));
                    continue;
                }
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var index = 0; index < headers.Count; index++)
                {
                    values[headers[index]] = csv.GetString(index).Trim();
                }
                if (values.Values.All(string.IsNullOrEmpty))
                {
                    continue;
                }
                rows.Add((row, values));
            }
        }
        catch (CsvFormatException exception)
        {
            problems.Add(new ImportProblem((int)Math.Min(int.MaxValue, exception.RecordNumber), null, l["Import.Error.Malformed"]));
        }
        return rows;
    }
}

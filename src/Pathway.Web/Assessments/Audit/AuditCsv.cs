using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Pathway.Web.Assessments;

/// <summary>
/// The audit trail as CSV: one line per changed field (an entry without field changes has one line),
/// UTF-8 with a byte order mark so Excel reads Arabic, RFC 4180 quoting, CRLF, times in ISO 8601 UTC.
/// Each name and value comes twice: raw (the stored field name, enum name, id — stable across
/// languages, so a file from an Arabic reader and one from a French reader can be joined and filtered
/// by the same keys) and in the reader's language (so a person can read it without the code book).
/// Text a spreadsheet would run as a formula gets an apostrophe in front.
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IReadOnlyList<AuditLine> lines, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(l);
        var csv = new StringBuilder();
        WriteLine(csv,
        [
            "at_utc", "actor_id", l["Audit.Csv.Actor"], "entity", l["Audit.Csv.Entity"], "entity_id", "label", l["Audit.Csv.What"],
            "action", l["Audit.Csv.Action"], "field", l["Audit.Csv.Field"], "before", l["Audit.Csv.Before"], "after", l["Audit.Csv.After"],
        ]);
        foreach (var line in lines)
        {
            var entry = line.Entry;
            string[] head =
            [
                entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), entry.ActorId ?? "", entry.ActorName,
                entry.Entity, line.EntityName, entry.EntityId.ToString(), entry.Label, line.What, entry.Action.ToString(), line.ActionName,
            ];
            if (line.Changes.Count == 0)
            {
                WriteLine(csv, [.. head, "", "", "", "", "", ""]);
            }
            foreach (var change in line.Changes)
            {
                WriteLine(csv, [.. head, change.Field, change.FieldName, change.Before ?? "", change.BeforeText ?? "", change.After ?? "", change.AfterText ?? ""]);
            }
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    private static void WriteLine(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote));
        csv.Append("\r\n");
    }

    private static string Quote(string field)
    {
        // A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}

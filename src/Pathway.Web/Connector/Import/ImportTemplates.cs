using CsvHelper;
using Pathway.Web.Connector.Resources;

namespace Pathway.Web.Connector.Import;

/// <summary>A column of an import file: its header name, whether the header must be there, and an example value.</summary>
public sealed record ImportColumn(string Name, bool Required, string Example);

/// <summary>The columns of each kind of import file, and the template people download: the header row and one example row.</summary>
public static class ImportTemplates
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly (string Field, ImportColumn Column)[] ResourceColumns =
    [
        (nameof(ResourceInput.TitleEn), new("title_en", true, "Contracting private clinics for primary care: a practical guide")),
        (nameof(ResourceInput.TitleFr), new("title_fr", false, "Contractualiser les cliniques privées pour les soins primaires : guide pratique")),
        (nameof(ResourceInput.TitleAr), new("title_ar", false, "")),
        (nameof(ResourceInput.SummaryEn), new("summary_en", true, "Steps a ministry can follow to **prepare, tender and monitor** contracts.")),
        (nameof(ResourceInput.SummaryFr), new("summary_fr", false, "")),
        (nameof(ResourceInput.SummaryAr), new("summary_ar", false, "")),
        (nameof(ResourceInput.Type), new("type", true, nameof(ResourceType.Guidance))),
        (nameof(ResourceInput.Languages), new("languages", true, "en; fr")),
        (nameof(ResourceInput.Year), new("year", true, "2024")),
        (nameof(ResourceInput.PublisherName), new("publisher", false, "Example Health Policy Institute")),
        (nameof(ResourceInput.Url), new("url", false, "https://example.org/contracting-guide.pdf")),
        (nameof(ResourceInput.Licence), new("licence", false, "CC BY 4.0")),
        (nameof(ResourceInput.Behaviours), new("behaviours", false, "DS")),
        (nameof(ResourceInput.Mechanisms), new("mechanisms", false, "DS.1")),
        (nameof(ResourceInput.Instruments), new("instruments", false, "FinancingAndPurchasing; Regulation")),
        (nameof(ResourceInput.Countries), new("countries", false, "KEN")),
        (nameof(ResourceInput.Regions), new("regions", false, "AFR")),
        (nameof(ResourceInput.FlagshipAreas), new("flagship_areas", false, "Primary health care")),
        (nameof(ResourceInput.Topics), new("topics", false, "contracting")),
    ];

    private static readonly ImportColumn[] OrganisationColumns =
    [
        new("name", true, "Example Private Hospitals Association"),
        new("acronym", false, "EPHA"),
        new("country", false, "KEN"),
        new("sector", true, "PrivateForProfit"),
        new("type", true, "PrivateSectorAssociation"),
        new("website", false, "https://example.org"),
    ];

    public static IReadOnlyList<ImportColumn> Columns(ImportKind kind) =>
        kind == ImportKind.Resources ? [.. ResourceColumns.Select(pair => pair.Column)] : OrganisationColumns;

    /// <summary>The CSV column a field of <see cref="ResourceInput"/> comes from (the publisher's id is matched from its name).</summary>
    public static string ResourceColumnOf(string field) =>
        field == nameof(ResourceInput.PublisherId) ? "publisher"
        : ResourceColumns.FirstOrDefault(pair => pair.Field == field).Column?.Name ?? field;

    public static string FileName(ImportKind kind) => $"pathway-{kind.ToString().ToLowerInvariant()}-template.csv";

    /// <summary>The header row and one example row, UTF-8 with a byte order mark so spreadsheets read accents and Arabic right.</summary>
    public static byte[] Template(ImportKind kind)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            var columns = Columns(kind);
            foreach (var column in columns)
            {
                csv.WriteField(column.Name);
            }
            csv.EndRecord();
            foreach (var column in columns)
            {
                csv.WriteField(column.Example);
            }
            csv.EndRecord();
            csv.Flush();
        }
        return stream.ToArray();
    }

    /// <summary>The kind named in a route ("resources", "organisations"), or null.</summary>
    public static ImportKind? Parse(string? kind) => ResourceInput.ParseName<ImportKind>(kind);
}

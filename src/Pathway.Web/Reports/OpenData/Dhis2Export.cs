using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Data;
using Pathway.Web.Framework;

namespace Pathway.Web.Reports;

/// <summary>A DHIS2 reference to an object by its UID.</summary>
public sealed record Dhis2Ref(string Id);

/// <summary>One option of the level option set: its code is what a data value carries.</summary>
public sealed record Dhis2Option(string Id, string Code, string Name, int SortOrder, Dhis2Ref OptionSet);

public sealed record Dhis2OptionSet(string Id, string Code, string Name, string ValueType, IReadOnlyList<Dhis2Ref> Options);

public sealed record Dhis2DataElement(
    string Id, string Code, string Name, string ShortName, string FormName, string Description, string ValueType,
    string DomainType, string AggregationType, bool ZeroIsSignificant, Dhis2Ref OptionSet);

public sealed record Dhis2DataSetElement(Dhis2Ref DataElement, Dhis2Ref DataSet);

public sealed record Dhis2DataSet(string Id, string Code, string Name, string ShortName, string PeriodType, IReadOnlyList<Dhis2DataSetElement> DataSetElements);

/// <summary>The metadata import (<c>POST /api/metadata</c>): the level option set, one data element per mechanism, the data set.</summary>
public sealed record Dhis2Metadata(
    IReadOnlyList<Dhis2Option> Options, IReadOnlyList<Dhis2OptionSet> OptionSets, IReadOnlyList<Dhis2DataElement> DataElements,
    IReadOnlyList<Dhis2DataSet> DataSets);

/// <summary>One value: a mechanism's published level (the option code) for a country (org unit code) and year.</summary>
public sealed record Dhis2DataValue(string DataElement, string Period, string OrgUnit, string Value, string? Comment);

/// <summary>
/// A data value set (<c>POST /api/dataValueSets</c>); the org units are the countries' ISO 3166 alpha-3 codes,
/// so the payload says <c>orgUnitIdScheme: CODE</c>.
/// </summary>
public sealed record Dhis2DataValueSet(string DataSet, string OrgUnitIdScheme, IReadOnlyList<Dhis2DataValue> DataValues);

/// <summary>
/// Published mechanism levels for a national DHIS2: a data element per mechanism (value type INTEGER with
/// the option set of the four levels), a yearly data set, and a country's values (period = the round's year,
/// org unit = the country's ISO3 code). UIDs are derived from the codes, so importing again updates rather
/// than duplicates. Reads only published results.
/// </summary>
public sealed class Dhis2Export(PathwayDb db, FrameworkReader framework, IStringLocalizer<SharedResource> l)
{
    public const string DataSetCode = "PATHWAY_LEVELS";
    public const string OptionSetCode = "PATHWAY_LEVEL";
    private const int NameLength = 230;
    private const int ShortNameLength = 50;

    /// <summary>The metadata of a framework version (the current one when none is given); null for an unknown version.</summary>
    public async Task<Dhis2Metadata?> MetadataAsync(string? version, string language, CancellationToken cancellationToken = default)
    {
        version ??= await framework.CurrentVersionAsync(cancellationToken);
        if (version is null || await framework.TreeAsync(version, cancellationToken) is not { } tree)
        {
            return null;
        }
        var optionSet = new Dhis2Ref(Uid("optionSet", OptionSetCode));
        var dataSet = new Dhis2Ref(Uid("dataSet", DataSetCode));
        var options = tree.Levels.OrderBy(level => level.Level)
            .Select(level => new Dhis2Option(Uid("option", OptionSetCode + "." + level.Level), LevelCode(level.Level),
                level.Name.In(language), level.Level, optionSet))
            .ToList();
        var elements = tree.Behaviours.SelectMany(b => b.Mechanisms)
            .Select(mechanism =>
            {
                var name = mechanism.Name.In(language);
                return new Dhis2DataElement(
                    Uid("dataElement", mechanism.Code), ElementCode(mechanism.Code),
                    TextRules.Truncate($"Pathway {mechanism.Code} {name}", NameLength, ellipsis: "…"),
                    TextRules.Truncate($"Pathway {mechanism.Code} {name}", ShortNameLength, ellipsis: "…"),
                    TextRules.Truncate(name, NameLength, ellipsis: "…"),
                    l["OpenData.Dhis2.ElementDescription", mechanism.Code],
                    "INTEGER", "AGGREGATE", "NONE", false, optionSet);
            })
            .ToList();
        return new Dhis2Metadata(
            options,
            [new Dhis2OptionSet(optionSet.Id, OptionSetCode, l["OpenData.Dhis2.OptionSetName"], "INTEGER", [.. options.Select(o => new Dhis2Ref(o.Id))])],
            elements,
            [new Dhis2DataSet(dataSet.Id, DataSetCode, l["OpenData.Dhis2.DataSetName"], l["OpenData.Dhis2.DataSetShortName"], "Yearly",
                [.. elements.Select(e => new Dhis2DataSetElement(new Dhis2Ref(e.Id), dataSet))])]);
    }

    /// <summary>
    /// A country's published mechanism levels, each round at its latest revision; when two rounds fall in the
    /// same year, the later publication's level stands (DHIS2 keeps one value per element, period and org unit).
    /// Null when the country has no published level.
    /// </summary>
    public async Task<Dhis2DataValueSet?> DataValuesAsync(string iso3, CancellationToken cancellationToken = default)
    {
        var country = iso3.Trim().ToUpperInvariant();
        var rows = await db.PublishedResults.AsNoTracking()
            .Where(r => r.CountryIso3 == country && r.IsLatest && r.Level != null)
            .Select(r => new { r.MechanismCode, r.Year, r.Level, r.PublishedAt, r.IsDemonstration })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }
        string demonstration = l["OpenData.DemonstrationLabel"];
        var values = rows
            .GroupBy(r => (r.MechanismCode, r.Year))
            .Select(group => group.OrderByDescending(r => r.PublishedAt.UtcDateTime).First())
            .OrderBy(r => r.Year).ThenBy(r => r.MechanismCode, StringComparer.Ordinal)
            .Select(r => new Dhis2DataValue(Uid("dataElement", r.MechanismCode), r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                country, LevelCode(r.Level!.Value), r.IsDemonstration ? demonstration : null))
            .ToList();
        return new Dhis2DataValueSet(Uid("dataSet", DataSetCode), "CODE", values);
    }

    /// <summary>The option code of a level: its number, as the INTEGER value type requires.</summary>
    public static string LevelCode(int level) => level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ElementCode(string mechanismCode) => "PATHWAY_" + mechanismCode;

    /// <summary>
    /// A DHIS2 UID (11 characters, a letter then letters or digits) derived from the kind and code of an
    /// object: the same object gets the same UID in every export, on every server.
    /// </summary>
    public static string Uid(string kind, string code)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string alphanumerics = letters + "0123456789";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("pathway/" + kind + "/" + code));
        var uid = new StringBuilder(11).Append(letters[hash[0] % letters.Length]);
        for (var i = 1; i < 11; i++)
        {
            uid.Append(alphanumerics[hash[i] % alphanumerics.Length]);
        }
        return uid.ToString();
    }
}

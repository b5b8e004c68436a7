using Microsoft.Extensions.Localization;
using Pathway.Web.Connector.Resources;

namespace Pathway.Web.Events.Editing;

/// <summary>One count as the form sends it: its key (a group name, a region or country code) and the number.</summary>
public sealed class TotalRowInput
{
    public string? Key { get; set; }
    public int? Count { get; set; }
}

/// <summary>
/// Participation recorded directly for an event where only aggregates exist: counts by participant group (every
/// group in one form), and optionally by WHO region and by country. Each dimension is replaced by what is sent;
/// a dimension sent all blank loses its rows.
/// </summary>
public sealed class TotalsInput
{
    public const int MaxCount = 1_000_000;

    public List<TotalRowInput> Groups { get; set; } = [];
    public List<TotalRowInput> Regions { get; set; } = [];
    public List<TotalRowInput> Countries { get; set; } = [];

    public IReadOnlyList<(TotalDimension Dimension, string Key, int Count)>? Check(
        TagVocabulary vocabulary, IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var totals = new List<(TotalDimension, string, int)>();
        Read(TotalDimension.Group, Groups, nameof(Groups), key => ResourceInput.ParseName<ParticipantGroup>(key)?.ToString(), totals, l, errors);
        Read(TotalDimension.Region, Regions, nameof(Regions), vocabulary.Region, totals, l, errors);
        Read(TotalDimension.Country, Countries, nameof(Countries), vocabulary.Country, totals, l, errors);
        return errors.Count == 0 ? totals : null;
    }

    private static void Read(
        TotalDimension dimension, List<TotalRowInput> rows, string field, Func<string, string?> canonical,
        List<(TotalDimension, string, int)> totals, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = row.Key?.Trim();
            if (string.IsNullOrEmpty(key) && row.Count is null)
            {
                continue;
            }
            var name = $"{field}[{i}].";
            if (string.IsNullOrEmpty(key) || key.Length > ParticipationTotal.KeyLength || canonical(key) is not { } known)
            {
                errors[name + nameof(row.Key)] = [l["Totals.Error.Key", TextRules.Truncate(key ?? "", ParticipationTotal.KeyLength)]];
                continue;
            }
            if (row.Count is not { } count)
            {
                continue;
            }
            if (count < 0 || count > MaxCount)
            {
                errors[name + nameof(row.Count)] = [l["Totals.Error.Count", EventText.Number(MaxCount)]];
                continue;
            }
            if (!seen.Add(known))
            {
                errors[name + nameof(row.Key)] = [l["Totals.Error.Twice", known]];
                continue;
            }
            totals.Add((dimension, known, count));
        }
    }
}

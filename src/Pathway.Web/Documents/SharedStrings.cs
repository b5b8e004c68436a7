using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pathway.Web.Documents;

/// <summary>A workbook's shared strings, each stored once, made safe for XML on the way in.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> values = [];
    private uint references;

    public int IndexOf(string value)
    {
        references++;
        var safe = ExportCells.XmlSafe(value);
        if (!index.TryGetValue(safe, out var position))
        {
            position = values.Count;
            values.Add(safe);
            index[safe] = position;
        }
        return position;
    }

    public SharedStringTable Table() =>
        new(values.Select(value => new SharedStringItem(new Text(value) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = references,
            UniqueCount = (uint)values.Count,
        };
}
